// Imports an export document into a site that has no data, through the admin API of a running
// Worker (docs/export-format.md). Create the site first (site:add); the file's settings, name and
// origins replace the site's.
//
//   PARLEY_ADMIN_TOKEN=<ADMIN_TOKEN> pnpm --filter @parley/worker site:import \
//     --url https://comments.example --site news --file news.json
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { ADMIN_ROUTES } from '@parley/core'

const { values } = parseArgs({
  options: { url: { type: 'string' }, site: { type: 'string' }, file: { type: 'string' } },
})
const token = process.env.PARLEY_ADMIN_TOKEN
if (!values.url || !values.site || !values.file || !token) {
  console.error(
    'Usage: PARLEY_ADMIN_TOKEN=… site:import --url <worker origin> --site <id> --file FILE'
  )
  process.exit(2)
}
const path = ADMIN_ROUTES.siteImport.replace(':site', encodeURIComponent(values.site))
const res = await fetch(new URL(path, values.url), {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: await readFile(values.file, 'utf8'),
})
const body = await res.text()
if (!res.ok) {
  console.error(`[parley] import failed: ${res.status} ${body}`)
  process.exit(1)
}
console.log(`[parley] imported: ${body}`)
