// `wrangler dev` reads secrets from .dev.vars (gitignored). Give every checkout its own random
// READER_TOKEN_SECRET, once, and leave any existing value alone.
import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const file = path.resolve(import.meta.dirname, '../.dev.vars')
const current = existsSync(file) ? readFileSync(file, 'utf8') : ''
if (/^READER_TOKEN_SECRET\s*=\s*\S/m.test(current)) process.exit(0)

const separator = current === '' || current.endsWith('\n') ? '' : '\n'
appendFileSync(file, `${separator}READER_TOKEN_SECRET=${randomBytes(32).toString('base64url')}\n`)
console.log(`[parley] wrote a random READER_TOKEN_SECRET to ${path.relative(process.cwd(), file)}`)
