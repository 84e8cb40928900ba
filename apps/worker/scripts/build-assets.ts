// Assembles the static assets the Worker serves next to the API (wrangler.jsonc "assets"):
// the demo page from demo/public/ and the widget's one-tag embed from packages/widget/dist/.
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const worker = path.resolve(import.meta.dirname, '..')
const out = path.join(worker, '.assets')
const demo = path.join(worker, 'demo/public')
const embed = path.resolve(worker, '../../packages/widget/dist/embed.js')

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

if (existsSync(demo)) {
  cpSync(demo, out, { recursive: true })
} else {
  console.warn(`[parley] ${path.relative(worker, demo)} is missing: serving a placeholder page`)
  writeFileSync(
    path.join(out, 'index.html'),
    '<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>Parley</title><h1>Parley</h1></html>\n'
  )
}

if (existsSync(embed)) {
  copyFileSync(embed, path.join(out, 'embed.js'))
} else {
  console.warn(
    '[parley] packages/widget/dist/embed.js is missing (run `pnpm --filter @parley/widget build`): the page will have no widget'
  )
}

// embed.js keeps one URL for every publisher's script tag, so it cannot be cached for long:
// browsers and CDNs may reuse it for 5 minutes, then revalidate (ETag) in the background.
writeFileSync(
  path.join(out, '_headers'),
  '/embed.js\n  Cache-Control: public, max-age=300, stale-while-revalidate=86400\n'
)
console.log(`[parley] assets ready in ${path.relative(process.cwd(), out) || '.'}`)
