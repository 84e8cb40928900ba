// Assembles the static assets the Worker serves next to the API (wrangler.jsonc "assets"):
// the demo page from demo/public/, the widget's one-tag embed from packages/widget/dist/ and the
// publisher console from apps/console/dist/ (under /admin/, with its security headers).
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

const worker = path.resolve(import.meta.dirname, '..')
const out = path.join(worker, '.assets')
const demo = path.join(worker, 'demo/public')
const embed = path.resolve(worker, '../../packages/widget/dist/embed.js')
// What embed.js loads on first use (the rarely used forms): it must sit next to embed.js.
const embedExtras = path.join(path.dirname(embed), 'parley-extras.js')
const consoleDist = path.resolve(worker, '../console/dist')

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
  if (existsSync(embedExtras)) copyFileSync(embedExtras, path.join(out, 'parley-extras.js'))
  else console.warn('[parley] packages/widget/dist/parley-extras.js is missing: rebuild the widget')
  // The languages besides English, each loaded by embed.js when a page or reader asks for it.
  const locales = readdirSync(path.dirname(embed)).filter((f) => /^parley-locale-\w+\.js$/.test(f))
  for (const file of locales)
    copyFileSync(path.join(path.dirname(embed), file), path.join(out, file))
  if (!locales.length)
    console.warn('[parley] packages/widget/dist/parley-locale-*.js are missing: rebuild the widget')
} else {
  console.warn(
    '[parley] packages/widget/dist/embed.js is missing (run `pnpm --filter @parley/widget build`): the page will have no widget'
  )
}

if (existsSync(path.join(consoleDist, 'index.html'))) {
  cpSync(consoleDist, path.join(out, 'admin'), { recursive: true })
} else {
  console.warn(
    '[parley] apps/console/dist is missing (run `pnpm --filter @parley/console build`): /admin will answer 404'
  )
}

/**
 * The console's pages (/admin/ and the expert's /admin/answer) run only scripts and styles of
 * this origin, talk only to it, and may not be framed. Their HTML is never cached: a new deploy
 * takes effect at once, and a signed-out page is not kept. The hashed assets under
 * /admin/assets/ never change, so they may be cached for good.
 */
const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')
const consoleSecurity = [
  `Content-Security-Policy: ${CONSOLE_CSP}`,
  'X-Frame-Options: DENY',
  'X-Content-Type-Options: nosniff',
  'Referrer-Policy: no-referrer',
]
// A request matching several rules gets every rule's headers (a header named twice is joined
// with a comma), so no two rules below name the same header for one path.
const headerRules: [string, string[]][] = [
  // embed.js keeps one URL for every publisher's script tag, so it cannot be cached for long:
  // browsers and CDNs may reuse it for 5 minutes, then revalidate (ETag) in the background.
  ['/embed.js', ['Cache-Control: public, max-age=300, stale-while-revalidate=86400']],
  // embed.js loads it as a module script (CORS) from publishers' pages, by a URL that holds a
  // hash of its content (?v=…), so a cached copy always matches the embed.js that asked for it.
  [
    '/parley-extras.js',
    ['Access-Control-Allow-Origin: *', 'Cache-Control: public, max-age=31536000, immutable'],
  ],
  // The same for the locales (parley-locale-fr.js?v=…): one hash of all of them in the query.
  [
    '/parley-locale-*',
    ['Access-Control-Allow-Origin: *', 'Cache-Control: public, max-age=31536000, immutable'],
  ],
  // /admin redirects to /admin/; both pages are served without ".html" (html_handling).
  ['/admin', consoleSecurity],
  ['/admin/*', consoleSecurity],
  ...['/admin/', '/admin/index.html', '/admin/answer', '/admin/answer.html'].map(
    (page): [string, string[]] => [page, ['Cache-Control: no-store']]
  ),
  ['/admin/assets/*', ['Cache-Control: public, max-age=31536000, immutable']],
]
writeFileSync(
  path.join(out, '_headers'),
  headerRules
    .map(([rule, headers]) => `${rule}\n${headers.map((h) => `  ${h}\n`).join('')}`)
    .join('')
)
console.log(`[parley] assets ready in ${path.relative(process.cwd(), out) || '.'}`)
