// A static server for examples/, so the suite loads them from a second origin, as a publisher's
// page would be. The examples point at the demo Worker on 8787; the suite's Worker runs elsewhere,
// so every HTML, JS and CSS body gets that origin rewritten (the React and Vue builds have it in
// their bundles). Examples with a build step are served from their output: /react/ is
// examples/react/dist/ (`pnpm -r build` makes it). Pages of the suite itself (pages/, e.g. one
// thread taken from the query string) are served under /e2e/, so examples/ keeps only what a
// publisher would copy; pages/csp*.html are sent with the strict policy of csp.spec.ts.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { basename, extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const [port, workerOrigin] = process.argv.slice(2)
const examples = fileURLToPath(new URL('../../examples/', import.meta.url))
const pages = fileURLToPath(new URL('./pages/', import.meta.url))
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
}
/** Examples whose page is their build output. */
const built = new Set(['react', 'vue'])

/**
 * What a publisher with a strict policy sends (packages/widget/README.md, "Content Security
 * Policy"): scripts and requests only from the Parley API, no inline code, styles only from the
 * page's own origin, nothing else.
 */
const strictCsp = (api: string) =>
  [
    "default-src 'none'",
    `script-src ${api}`,
    `connect-src ${api}`,
    `img-src ${api} https:`,
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')

function resolve(path: string): string {
  if (path.startsWith(`${sep}e2e${sep}`)) return join(pages, path.slice('/e2e/'.length))
  const [, example = '', rest = ''] = /^[/\\]([^/\\]+)(.*)$/.exec(path) ?? []
  if (built.has(example)) return join(examples, example, 'dist', rest)
  return join(examples, path)
}

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
  const resolved = resolve(path)
  if (!resolved.startsWith(examples) && !resolved.startsWith(pages))
    return void res.writeHead(403).end()
  const file = resolved.endsWith(sep) ? `${resolved}index.html` : resolved
  try {
    const body = (await readFile(file, 'utf8')).replaceAll('http://localhost:8787', workerOrigin!)
    const headers: Record<string, string> = {
      'content-type': types[extname(file)] ?? 'text/plain',
      'cache-control': 'no-store',
    }
    if (file.startsWith(pages) && basename(file).startsWith('csp'))
      headers['content-security-policy'] = strictCsp(workerOrigin!)
    res.writeHead(200, headers).end(body)
  } catch {
    const example = path.split(sep)[1] ?? ''
    res
      .writeHead(404)
      .end(built.has(example) ? `not found: build examples/${example} first (pnpm -r build)` : '')
  }
}).listen(Number(port), '127.0.0.1')
