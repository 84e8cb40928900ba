// Adds a publisher site, or updates the name and origins of an existing one.
//
//   pnpm --filter @parley/worker site:add --id news --name "News" --origin https://news.example [--remote]
import { SiteIdSchema } from '@parley/core'
import { z } from 'zod'
import { describeIssues, executeSql, fail, parseFlags, sql } from './lib/d1.ts'
import { OriginSchema } from './lib/schemas.ts'

const USAGE = `Usage: site:add --id <site-id> --name <name> [--origin <https://host> ...] [--local | --remote]
                [--persist-to DIR] [--dry-run]

  --id       lowercase letters, digits and inner hyphens, e.g. "news" (data-site in the embed)
  --name     a display name for the site
  --origin   an origin whose pages may call the API from a browser; repeat for several
  --remote   write to the deployed D1 instead of the local one of \`wrangler dev\``

const flags = parseFlags(
  {
    id: { type: 'string' },
    name: { type: 'string' },
    origin: { type: 'string', multiple: true, default: [] },
  },
  USAGE
)

const parsed = z
  .object({
    id: SiteIdSchema,
    name: z.string().trim().min(1).max(100),
    origins: z.array(OriginSchema),
  })
  .safeParse({ id: flags.id, name: flags.name, origins: flags.origin })
if (!parsed.success) fail(`invalid arguments:\n${describeIssues(parsed.error.issues)}`, USAGE)
const site = parsed.data
if (site.origins.length === 0) {
  console.warn('[parley] no --origin given: only pages served by this Worker can use the site')
}

executeSql(
  `site-${site.id}`,
  [
    `INSERT INTO sites (id, name, allowed_origins, created_at)
     VALUES (${sql(site.id)}, ${sql(site.name)}, ${sql(JSON.stringify(site.origins))}, ${Date.now()})
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins`,
  ],
  flags
)
if (!flags['dry-run']) {
  console.log(
    `[parley] site "${site.id}" (${site.name}) allows ${site.origins.join(', ') || 'no other origin'}`
  )
}
