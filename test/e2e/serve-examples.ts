// A static server for examples/, so the suite loads them from a second origin, as a publisher's
// page would be. The examples point at the demo Worker on 8787; the suite's Worker runs elsewhere.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const [port, workerOrigin] = process.argv.slice(2)
const root = fileURLToPath(new URL('../../examples/', import.meta.url))
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css' }

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
  if (!file.startsWith(root)) return void res.writeHead(403).end()
  try {
    const body = (await readFile(file, 'utf8')).replaceAll('http://localhost:8787', workerOrigin!)
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'text/plain' }).end(body)
  } catch {
    res.writeHead(404).end('not found')
  }
}).listen(Number(port), '127.0.0.1')
