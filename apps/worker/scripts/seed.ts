// Seeds the demo debate (site, thread, poll, comments, reactions) from ../demo/content.ts into D1.
// Idempotent: ids derive from the content's refs, and every insert skips or updates existing rows,
// so `pnpm dev` can run it on every start without duplicating anything.
//
//   node scripts/seed.ts [--local | --remote] [--persist-to DIR] [--dry-run]
import {
  DISPLAY_NAME_MAX,
  NewCommentSchema,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  PollKeySchema,
  SiteIdSchema,
  ThreadKeySchema,
} from '@parley/core'
import { z } from 'zod'
import { demoComments, demoPoll, demoSite, demoThread, REACTIONS } from '../demo/content.ts'
import {
  describeIssues,
  executeSql,
  fail,
  parseFlags,
  pollStatements,
  sql,
  stableId,
} from './lib/d1.ts'
import { OriginSchema } from './lib/schemas.ts'

const USAGE = 'Usage: node scripts/seed.ts [--local | --remote] [--persist-to DIR] [--dry-run]'
const flags = parseFlags({}, USAGE)

const ContentSchema = z.object({
  site: z.object({
    id: SiteIdSchema,
    name: z.string().trim().min(1).max(100),
    origins: z.array(OriginSchema),
  }),
  thread: z.object({ key: ThreadKeySchema, title: z.string().trim().min(1).max(300) }),
  poll: z.object({
    key: PollKeySchema,
    question: z.string().trim().min(1).max(300),
    options: z.array(z.string().trim().min(1).max(100)).min(POLL_OPTIONS_MIN).max(POLL_OPTIONS_MAX),
  }),
  comments: z
    .array(
      z.object({
        ref: z.string().regex(/^[a-z0-9-]+$/),
        parent: z.string().optional(),
        author: z.string().max(DISPLAY_NAME_MAX),
        text: z.string(),
        lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag'),
        minutesAgo: z
          .number()
          .nonnegative()
          .max(60 * 24 * 365),
        reactions: z.partialRecord(z.enum(REACTIONS), z.int().nonnegative().max(1000)).optional(),
        hostile: z.boolean().optional(),
      })
    )
    .superRefine((comments, ctx) => {
      const refs = new Set<string>()
      comments.forEach((c, i) => {
        if (refs.has(c.ref))
          ctx.addIssue({ code: 'custom', path: [i, 'ref'], message: 'duplicate ref' })
        refs.add(c.ref)
        // The same cleaning and limits as POST comments.
        const parsed = NewCommentSchema.safeParse({ authorName: c.author, text: c.text })
        for (const issue of parsed.error?.issues ?? []) {
          ctx.addIssue({ code: 'custom', path: [i, ...issue.path], message: issue.message })
        }
      })
      comments.forEach((c, i) => {
        if (c.parent !== undefined && !refs.has(c.parent)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'parent'],
            message: `unknown ref "${c.parent}"`,
          })
        }
      })
    }),
})

const parsed = ContentSchema.safeParse({
  site: demoSite,
  thread: demoThread,
  poll: demoPoll,
  comments: demoComments,
})
if (!parsed.success) fail(`demo/content.ts is invalid:\n${describeIssues(parsed.error.issues)}`)
const { site, thread, poll, comments } = parsed.data

const now = Date.now()
const commentId = (ref: string) => stableId('c', `${site.id}/${thread.key}/${ref}`)
const threadId = `(SELECT id FROM threads WHERE site_id = ${sql(site.id)} AND key = ${sql(thread.key)})`
const statements: string[] = []

statements.push(
  `INSERT INTO sites (id, name, allowed_origins, created_at)
   VALUES (${sql(site.id)}, ${sql(site.name)}, ${sql(JSON.stringify(site.origins))}, ${now})
   ON CONFLICT (id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins`,
  `INSERT INTO threads (site_id, key, title, comment_count, created_at)
   VALUES (${sql(site.id)}, ${sql(thread.key)}, ${sql(thread.title)}, 0, ${now})
   ON CONFLICT (site_id, key) DO UPDATE SET title = excluded.title`
)

// Parents before replies, whatever the order in the content file; root and depth follow.
const byRef = new Map(comments.map((c) => [c.ref, c]))
const placed = new Map<string, { root: string; depth: number }>()
function place(ref: string, seen: string[] = []): { root: string; depth: number } {
  const known = placed.get(ref)
  if (known) return known
  if (seen.includes(ref)) fail(`demo/content.ts: reply cycle through "${ref}"`)
  const c = byRef.get(ref)!
  const position = c.parent
    ? (() => {
        const parent = place(c.parent, [...seen, ref])
        return { root: parent.root, depth: parent.depth + 1 }
      })()
    : { root: commentId(ref), depth: 0 }
  const author = NewCommentSchema.parse({ authorName: c.author, text: c.text })
  const readerId = stableId('r', `${site.id}/author/${author.authorName}`)
  statements.push(
    `INSERT INTO readers (id, site_id, created_at) VALUES (${sql(readerId)}, ${sql(site.id)}, ${now})
     ON CONFLICT (id) DO NOTHING`,
    `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id,
       author_name, text, lang, idempotency_key, created_at)
     VALUES (${sql(commentId(ref))}, ${threadId}, ${sql(site.id)},
       ${sql(c.parent ? commentId(c.parent) : null)}, ${sql(position.root)}, ${position.depth},
       ${sql(readerId)}, ${sql(author.authorName)}, ${sql(author.text)}, ${sql(c.lang)}, NULL,
       ${now - Math.round(c.minutesAgo * 60_000)})
     ON CONFLICT (id) DO NOTHING`
  )
  placed.set(ref, position)
  return position
}
for (const c of comments) place(c.ref)

// Reactions come from a pool of synthetic readers: the n-th reaction on a comment is reader n's.
const reactors = new Set<string>()
for (const c of comments) {
  let n = 0
  for (const emoji of REACTIONS) {
    for (let i = 0; i < (c.reactions?.[emoji] ?? 0); i++) {
      const readerId = stableId('r', `${site.id}/reactor/${n++}`)
      reactors.add(readerId)
      statements.push(
        `INSERT INTO reactions (comment_id, reader_id, emoji, created_at)
         VALUES (${sql(commentId(c.ref))}, ${sql(readerId)}, ${sql(emoji)}, ${now})
         ON CONFLICT (comment_id, reader_id) DO NOTHING`
      )
    }
  }
}
for (const readerId of reactors) {
  statements.push(
    `INSERT INTO readers (id, site_id, created_at) VALUES (${sql(readerId)}, ${sql(site.id)}, ${now})
     ON CONFLICT (id) DO NOTHING`
  )
}

// Exact, whatever was seeded before or posted since.
statements.push(
  `UPDATE threads SET comment_count = (SELECT COUNT(*) FROM comments c WHERE c.thread_id = threads.id)
   WHERE id = ${threadId}`,
  ...pollStatements({ site: site.id, ...poll }, threadId, now)
)

executeSql('seed-demo', statements, flags)
if (!flags['dry-run']) {
  console.log(
    `[parley] seeded site "${site.id}": thread "${thread.key}" with ${comments.length} comments, poll "${poll.key}"`
  )
}
