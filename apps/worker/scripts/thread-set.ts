// Sets a thread's own settings, creating the thread if nobody has commented yet. Today that is the
// reactions it offers: a narrower set than the site's, none at all, or the site's again.
//
//   pnpm --filter @parley/worker thread:set --site news --thread 2026/europe-trafficking \
//     --reactions "👍,❤️,😮,😢,😠" | --reactions off | --reactions site  [--remote]
import { SiteIdSchema, ThreadKeySchema } from '@parley/core'
import { z } from 'zod'
import { threadSettingsWrites } from '../src/db/settings.ts'
import { describeIssues, executeSql, fail, inlineWrites, parseFlags } from './lib/d1.ts'
import { emojiList } from './lib/schemas.ts'

const USAGE = `Usage: thread:set --site <site-id> --thread <thread-key> --reactions <emoji,emoji,...|off|site>
                  [--local | --remote] [--persist-to DIR] [--dry-run]

  --thread     the thread key (data-thread in the embed)
  --reactions  the reactions this thread offers, out of the site's set; "off" for none on this
               thread, "site" for the site's set again`

const flags = parseFlags(
  {
    site: { type: 'string' },
    thread: { type: 'string' },
    reactions: { type: 'string' },
  },
  USAGE
)

const parsed = z
  .object({ site: SiteIdSchema, thread: ThreadKeySchema, reactions: z.string().min(1) })
  .safeParse(flags)
if (!parsed.success) fail(`invalid arguments:\n${describeIssues(parsed.error.issues)}`, USAGE)
const { site, thread, reactions: flag } = parsed.data
const reactions = flag === 'site' ? null : emojiList(flag)

executeSql(
  `thread-${site}`,
  inlineWrites(() => threadSettingsWrites(site, thread, { reactions }, Date.now()), USAGE),
  {
    ...flags,
    hint: `A FOREIGN KEY failure means there is no site "${site}": add it with site:add first.`,
  }
)
if (!flags['dry-run']) {
  const offered = reactions === null ? "the site's set" : reactions.join(' ') || 'none'
  console.log(`[parley] thread "${thread}" on site "${site}" offers ${offered}`)
}
