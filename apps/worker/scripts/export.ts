// Downloads a site's data through the admin API of a running Worker (docs/export-format.md).
//
//   PARLEY_ADMIN_TOKEN=… pnpm --filter @parley/worker site:export --url https://comments.example \
//     --site news [--out news.json]
//
// The token is the owner's ADMIN_TOKEN or an admin API key of the site.
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { ADMIN_ROUTES } from '@parley/core'

const { values } = parseArgs({
  options: { url: { type: 'string' }, site: { type: 'string' }, out: { type: 'string' } },
})
const token = process.env.PARLEY_ADMIN_TOKEN
if (!values.url || !values.site || !token) {
  console.error(
    'Usage: PARLEY_ADMIN_TOKEN=… site:export --url <worker origin> --site <id> [--out FILE]'
  )
  process.exit(2)
}
const path = ADMIN_ROUTES.siteExport.replace(':site', encodeURIComponent(values.site))
const res = await fetch(new URL(path, values.url), {
  headers: { authorization: `Bearer ${token}` },
})
const body = await res.text()
if (!res.ok) {
  console.error(`[parley] export failed: ${res.status} ${body}`)
  process.exit(1)
}
const out = values.out ?? `parley-${values.site}-${new Date().toISOString().slice(0, 10)}.json`
await writeFile(out, body)
console.log(`[parley] wrote ${out} (${body.length} bytes)`)
