// A static server for examples/, so the suite loads them from a second origin, as a publisher's
// page would be. The examples point at the demo Worker on 8787; the suite's Worker runs elsewhere.
// Pages of the suite itself (pages/, e.g. one thread taken from the query string) are served
// under /e2e/, so examples/ keeps only what a publisher would copy.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const [port, workerOrigin] = process.argv.slice(2)
const examples = fileURLToPath(new URL('../../examples/', import.meta.url))
const pages = fileURLToPath(new URL('./pages/', import.meta.url))
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css' }

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
  const [root, rest] = path.startsWith(`${sep}e2e${sep}`)
    ? [pages, path.slice('/e2e/'.length)]
    : [examples, path]
  const file = join(root, rest.endsWith(sep) || rest === '' ? `${rest}index.html` : rest)
  if (!file.startsWith(root)) return void res.writeHead(403).end()
  try {
    const body = (await readFile(file, 'utf8')).replaceAll('http://localhost:8787', workerOrigin!)
    res
      .writeHead(200, {
        'content-type': types[extname(file)] ?? 'text/plain',
        'cache-control': 'no-store',
      })
      .end(body)
  } catch {
    res.writeHead(404).end('not found')
  }
}).listen(Number(port), '127.0.0.1')
