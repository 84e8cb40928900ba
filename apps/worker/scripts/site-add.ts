// Adds a publisher site, or updates the name and origins of an existing one, and optionally its
// settings (only the flags given change; the others keep their stored value).
//
//   pnpm --filter @parley/worker site:add --id news --name "News" --origin https://news.example \
//     [--reactions "👍,❤️,😮" | --reactions off | --reactions default] [--counts shown|hidden] \
//     [--ranking with-reactions|replies-only] [--stances shown|hidden] \
//     [--settings '{"botChecks":{"minSubmitSeconds":3}}'] [--remote]
import { DEFAULT_REACTIONS, SiteIdSchema, SiteSettingsPatchSchema } from '@parley/core'
import { z } from 'zod'
import { siteSettingsWrites, type SiteSettingsPatch } from '../src/db/settings.ts'
import { describeIssues, executeSql, fail, inlineWrites, parseFlags, sql } from './lib/d1.ts'
import { emojiList, OriginSchema } from './lib/schemas.ts'

const USAGE = `Usage: site:add --id <site-id> --name <name> [--origin <https://host> ...]
                [--reactions <emoji,emoji,...|off|default>] [--counts shown|hidden]
                [--ranking with-reactions|replies-only] [--stances shown|hidden]
                [--settings <JSON merge patch>]
                [--local | --remote] [--persist-to DIR] [--dry-run]

  --id         lowercase letters, digits and inner hyphens, e.g. "news" (data-site in the embed)
  --name       a display name for the site
  --origin     an origin whose pages may call the API from a browser; repeat for several
  --reactions  the reactions readers may give, in display order; "off" for none, "default" for
               ${DEFAULT_REACTIONS.join(' ')}
  --counts     whether readers see how many gave each reaction
  --ranking    whether reactions count towards the "top" sort, or only replies do
  --stances    whether comments show their authors' votes ("Voted: Yes"), with the stance filter
               and the balanced sort; hiding them keeps what is stored
  --settings   any other settings, as a JSON merge patch of SiteSettings (the fields given
               change, at any depth), e.g. '{"botChecks":{"minSubmitSeconds":3}}'; applied
               after the flags above
  --remote     write to the deployed D1 instead of the local one of \`wrangler dev\``

const flags = parseFlags(
  {
    id: { type: 'string' },
    name: { type: 'string' },
    origin: { type: 'string', multiple: true, default: [] },
    reactions: { type: 'string' },
    counts: { type: 'string' },
    ranking: { type: 'string' },
    stances: { type: 'string' },
    settings: { type: 'string' },
  },
  USAGE
)

const parsed = z
  .object({
    id: SiteIdSchema,
    name: z.string().trim().min(1).max(100),
    origins: z.array(OriginSchema),
    counts: z.enum(['shown', 'hidden']).optional(),
    ranking: z.enum(['with-reactions', 'replies-only']).optional(),
    stances: z.enum(['shown', 'hidden']).optional(),
    settings: z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be JSON' })
          return z.NEVER
        }
      })
      .pipe(SiteSettingsPatchSchema)
      .optional(),
  })
  .safeParse({
    id: flags.id,
    name: flags.name,
    origins: flags.origin,
    counts: flags.counts,
    ranking: flags.ranking,
    stances: flags.stances,
    settings: flags.settings,
  })
if (!parsed.success) fail(`invalid arguments:\n${describeIssues(parsed.error.issues)}`, USAGE)
const site = parsed.data
if (site.origins.length === 0) {
  console.warn('[parley] no --origin given: only pages served by this Worker can use the site')
}

const reactions: SiteSettingsPatch['reactions'] = {}
if (flags.reactions !== undefined) {
  reactions.set =
    flags.reactions === 'default' ? [...DEFAULT_REACTIONS] : emojiList(flags.reactions)
}
if (site.counts) reactions.showCounts = site.counts === 'shown'
if (site.ranking) reactions.inRanking = site.ranking === 'with-reactions'
const patch: SiteSettingsPatch = {
  ...(Object.keys(reactions).length > 0 && { reactions }),
  ...(site.stances && { showStances: site.stances === 'shown' }),
}
const settings = [patch, site.settings ?? {}]
  .filter((p) => Object.keys(p).length > 0)
  .flatMap((p) => inlineWrites(() => siteSettingsWrites(site.id, p), USAGE))

executeSql(
  `site-${site.id}`,
  [
    `INSERT INTO sites (id, name, allowed_origins, created_at)
     VALUES (${sql(site.id)}, ${sql(site.name)}, ${sql(JSON.stringify(site.origins))}, ${Date.now()})
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins`,
    ...settings,
  ],
  flags
)
if (!flags['dry-run']) {
  console.log(
    `[parley] site "${site.id}" (${site.name}) allows ${site.origins.join(', ') || 'no other origin'}`
  )
}
