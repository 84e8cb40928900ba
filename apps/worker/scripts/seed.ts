// Seeds the demo debate (site, thread, poll, votes, comments with their stances, reactions, experts
// and their responses, a pinned comment, an open invitation) from ../demo/content.ts into D1.
// Idempotent: ids derive from the content's refs, and every insert skips or updates existing rows,
// so `pnpm dev` can run it on every start without duplicating anything. Comments are rendered and
// their language detected with the API's own code (src/lib), and the counters and ranks are
// recomputed with its SQL (src/db), so the seeded thread looks exactly as if readers had posted it.
//
//   node scripts/seed.ts [--local | --remote] [--persist-to DIR] [--dry-run]
import {
  BadgeSchema,
  DISPLAY_NAME_MAX,
  INVITATION_HOURS_MAX,
  INVITATION_HOURS_MIN,
  ModerationSettingsSchema,
  NewCommentSchema,
  NewExpertSchema,
  ResponseTextSchema,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  PollKeySchema,
  SiteIdSchema,
  ThreadKeySchema,
} from '@parley/core'
import { z } from 'zod'
import {
  demoBannedTerms,
  demoComments,
  demoExpertResponses,
  demoExperts,
  demoInvitations,
  demoPinned,
  demoPoll,
  demoSite,
  demoThread,
  REACTIONS,
} from '../demo/content.ts'
import { recountThreadWrites } from '../src/db/counters.ts'
import { threadSettingsWrites } from '../src/db/settings.ts'
import { detectLang } from '../src/lib/lang.ts'
import { renderMarkdownLite } from '../src/lib/render.ts'
import {
  describeIssues,
  executeSql,
  fail,
  inlineParams,
  inlineWrites,
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
  thread: z.object({
    key: ThreadKeySchema,
    title: z.string().trim().min(1).max(300),
    reactions: z.array(z.enum(REACTIONS)),
  }),
  poll: z
    .object({
      key: PollKeySchema,
      question: z.string().trim().min(1).max(300),
      options: z
        .array(z.string().trim().min(1).max(100))
        .min(POLL_OPTIONS_MIN)
        .max(POLL_OPTIONS_MAX),
      otherVotes: z.record(z.string(), z.int().nonnegative().max(100_000)),
    })
    .refine((p) => Object.keys(p.otherVotes).every((label) => p.options.includes(label)), {
      message: 'otherVotes must name options of the poll',
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
        badges: z.array(BadgeSchema).optional(),
        hostile: z.boolean().optional(),
        vote: z.string().optional(),
        hideStance: z.boolean().optional(),
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
      // Once an author has voted, each later comment of theirs has a vote (shown or not).
      const votedAt = new Map<string, number>()
      for (const c of comments) {
        if (c.vote !== undefined) {
          votedAt.set(c.author, Math.max(votedAt.get(c.author) ?? 0, c.minutesAgo))
        }
      }
      comments.forEach((c, i) => {
        if (c.vote === undefined && c.minutesAgo < (votedAt.get(c.author) ?? -1)) {
          ctx.addIssue({ code: 'custom', path: [i, 'vote'], message: 'the author voted earlier' })
        }
        if (c.hideStance && c.vote === undefined) {
          ctx.addIssue({ code: 'custom', path: [i, 'hideStance'], message: 'needs a vote' })
        }
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

const ExpertContentSchema = z
  .object({
    experts: z.array(NewExpertSchema.extend({ ref: z.string().regex(/^[a-z0-9-]+$/) })),
    responses: z.array(
      z.object({
        comment: z.string(),
        expert: z.string(),
        text: ResponseTextSchema,
        minutesAgo: z.number().nonnegative(),
      })
    ),
    pinned: z.array(z.string()),
    invitations: z.array(
      z.object({
        comment: z.string(),
        expert: z.string(),
        expiresInHours: z.int().min(INVITATION_HOURS_MIN).max(INVITATION_HOURS_MAX),
      })
    ),
    bannedTerms: ModerationSettingsSchema.shape.bannedTerms,
  })
  .superRefine((content, ctx) => {
    const experts = new Set(content.experts.map((e) => e.ref))
    const comments = new Map(demoComments.map((c) => [c.ref, c]))
    const check = (path: PropertyKey[], comment: string, expert?: string) => {
      if (!comments.has(comment)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown comment "${comment}"` })
      }
      if (expert !== undefined && !experts.has(expert)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown expert "${expert}"` })
      }
    }
    const answered = new Set<string>()
    content.responses.forEach((r, i) => {
      check(['responses', i], r.comment, r.expert)
      // One response per expert and comment: their pair is the response's stable id.
      if (answered.has(`${r.comment}/${r.expert}`)) {
        ctx.addIssue({ code: 'custom', path: ['responses', i], message: 'answered twice' })
      }
      answered.add(`${r.comment}/${r.expert}`)
      if (r.minutesAgo >= (comments.get(r.comment)?.minutesAgo ?? Infinity)) {
        ctx.addIssue({ code: 'custom', path: ['responses', i], message: 'predates its comment' })
      }
    })
    content.pinned.forEach((ref, i) => check(['pinned', i], ref))
    content.invitations.forEach((inv, i) => check(['invitations', i], inv.comment, inv.expert))
  })

const parsed = ContentSchema.safeParse({
  site: demoSite,
  thread: demoThread,
  poll: demoPoll,
  comments: demoComments,
})
if (!parsed.success) fail(`demo/content.ts is invalid:\n${describeIssues(parsed.error.issues)}`)
const { site, thread, poll, comments } = parsed.data
const expertContent = ExpertContentSchema.safeParse({
  experts: demoExperts,
  responses: demoExpertResponses,
  pinned: demoPinned,
  invitations: demoInvitations,
  bannedTerms: demoBannedTerms,
})
if (!expertContent.success) {
  fail(`demo/content.ts is invalid:\n${describeIssues(expertContent.error.issues)}`)
}

const now = Date.now()
const commentId = (ref: string) => stableId('c', `${site.id}/${thread.key}/${ref}`)
const threadId = `(SELECT id FROM threads WHERE site_id = ${sql(site.id)} AND key = ${sql(thread.key)})`
const pollId = `(SELECT id FROM polls WHERE site_id = ${sql(site.id)} AND key = ${sql(poll.key)})`
/** The option row of a label, as SQL (labels are validated against the options below). */
const optionId = (label: string) =>
  `(SELECT id FROM poll_options WHERE poll_id = ${pollId} AND position = ${poll.options.indexOf(label)})`
const authorId = (name: string) => stableId('r', `${site.id}/author/${name}`)
const minutesAgo = (minutes: number) => now - Math.round(minutes * 60_000)
const statements: string[] = []

for (const [i, c] of comments.entries()) {
  if (c.vote !== undefined && !poll.options.includes(c.vote)) {
    fail(`demo/content.ts: comments.${i}.vote: "${c.vote}" is not an option of the poll`)
  }
}

statements.push(
  `INSERT INTO sites (id, name, allowed_origins, created_at)
   VALUES (${sql(site.id)}, ${sql(site.name)}, ${sql(JSON.stringify(site.origins))}, ${now})
   ON CONFLICT (id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins`,
  `INSERT INTO threads (site_id, key, title, comment_count, created_at)
   VALUES (${sql(site.id)}, ${sql(thread.key)}, ${sql(thread.title)}, 0, ${now})
   ON CONFLICT (site_id, key) DO UPDATE SET title = excluded.title`,
  // Before the comments, whose stances point at its options.
  ...pollStatements(
    { site: site.id, key: poll.key, question: poll.question, options: poll.options },
    threadId,
    now
  )
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
  const readerId = authorId(author.authorName)
  const stance = c.vote !== undefined && !c.hideStance ? optionId(c.vote) : 'NULL'
  // The declared language is what the detector should find (src/lib/lang.test.ts checks it).
  const detected = detectLang(author.text)
  if (detected !== null && detected !== c.lang) {
    console.warn(`[parley] demo comment "${ref}": declared ${c.lang}, detected ${detected}`)
  }
  // A re-seed refreshes the rendering, language, badges and stance, but leaves comments that were
  // edited or deleted in the demo alone.
  statements.push(
    `INSERT INTO readers (id, site_id, created_at) VALUES (${sql(readerId)}, ${sql(site.id)}, ${now})
     ON CONFLICT (id) DO NOTHING`,
    `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id,
       author_name, text, html, lang, badges, idempotency_key, created_at, stance_option_id)
     VALUES (${sql(commentId(ref))}, ${threadId}, ${sql(site.id)},
       ${sql(c.parent ? commentId(c.parent) : null)}, ${sql(position.root)}, ${position.depth},
       ${sql(readerId)}, ${sql(author.authorName)}, ${sql(author.text)},
       ${sql(renderMarkdownLite(author.text))}, ${sql(detected ?? c.lang)},
       ${sql(JSON.stringify(c.badges ?? []))}, NULL, ${minutesAgo(c.minutesAgo)}, ${stance})
     ON CONFLICT (id) DO UPDATE SET author_name = excluded.author_name, text = excluded.text,
       html = excluded.html, lang = excluded.lang, badges = excluded.badges,
       stance_option_id = excluded.stance_option_id
     WHERE comments.deleted_at IS NULL AND comments.edited_at IS NULL`
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

statements.push(...voteStatements(), ...expertStatements())

// Counters, ranks and the comment count, exact whatever was seeded before or posted since. The
// demo site keeps the default of counting reactions towards "top" (weight 1).
statements.push(
  ...recountThreadWrites(site.id, thread.key, 1).map(inlineParams),
  ...inlineWrites(
    () => threadSettingsWrites(site.id, thread.key, { reactions: thread.reactions }, now),
    USAGE
  )
)

/**
 * The demo poll's ballots. Each commenter who voted holds the vote of their latest comment, cast
 * a little before their first comment with a vote; on a re-seed it converges to the content. The
 * readers who voted without commenting come in bulk, a recursive CTE per option, spread over the
 * last three days. The triggers of migration 0006 keep the poll's counters in line.
 */
function voteStatements(): string[] {
  const writes: string[] = []
  const voted = comments.filter((c) => c.vote !== undefined)
  for (const author of new Set(voted.map((c) => c.author))) {
    const theirs = voted
      .filter((c) => c.author === author)
      .sort((a, b) => a.minutesAgo - b.minutesAgo)
    const [latest, first] = [theirs[0]!, theirs.at(-1)!]
    const readerId = sql(authorId(NewCommentSchema.shape.authorName.parse(author)))
    const ballot = `(SELECT id FROM ballots WHERE poll_id = ${pollId} AND reader_id = ${readerId})`
    const option = optionId(latest.vote!)
    const at = minutesAgo(first.minutesAgo + 5)
    writes.push(
      `INSERT INTO ballots (poll_id, reader_id, created_at, updated_at)
       VALUES (${pollId}, ${readerId}, ${at}, ${at}) ON CONFLICT (poll_id, reader_id) DO NOTHING`,
      `DELETE FROM votes WHERE ballot_id = ${ballot} AND option_id <> ${option}`,
      `INSERT INTO votes (ballot_id, poll_id, option_id)
       VALUES (${ballot}, ${pollId}, ${option}) ON CONFLICT DO NOTHING`
    )
  }
  for (const [label, count] of Object.entries(poll.otherVotes)) {
    if (count === 0) continue
    const prefix = stableId('r', `${site.id}/voter/${label}`, 16)
    const voters = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${count})`
    const voter = `${sql(prefix)} || printf('%06d', i)`
    const at = `${now} - ((i * 7919) % 4320) * 60000`
    writes.push(
      `${voters} INSERT INTO readers (id, site_id, created_at)
       SELECT ${voter}, ${sql(site.id)}, ${at} FROM n WHERE true ON CONFLICT (id) DO NOTHING`,
      `${voters} INSERT INTO ballots (poll_id, reader_id, created_at, updated_at)
       SELECT ${pollId}, ${voter}, ${at}, ${at} FROM n WHERE true
       ON CONFLICT (poll_id, reader_id) DO NOTHING`,
      `INSERT INTO votes (ballot_id, poll_id, option_id)
       SELECT b.id, b.poll_id, ${optionId(label)} FROM ballots b
       WHERE b.poll_id = ${pollId} AND substr(b.reader_id, 1, ${prefix.length}) = ${sql(prefix)}
       ON CONFLICT DO NOTHING`
    )
  }
  return writes
}

/**
 * The demo's experts, their responses, the pinned comment, an open invitation and the banned
 * terms. A re-seed refreshes the experts' details and the responses' text, but respects what a
 * moderator did in the console since: archived experts stay archived, edited responses keep their
 * edits, deleted responses, revoked invitations and unpinned comments stay that way (the audit log
 * says so).
 */
function expertStatements(): string[] {
  const content = expertContent.data!
  const expertId = (ref: string) => stableId('x', `${site.id}/expert/${ref}`)
  const writes: string[] = []
  for (const e of content.experts) {
    writes.push(
      `INSERT INTO experts (id, site_id, name, title, organisation, photo_url, created_at)
       VALUES (${sql(expertId(e.ref))}, ${sql(site.id)}, ${sql(e.name)}, ${sql(e.title)},
         ${sql(e.organisation)}, ${sql(e.photoUrl)}, ${now})
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title,
         organisation = excluded.organisation, photo_url = excluded.photo_url`
    )
  }
  for (const r of content.responses) {
    const id = sql(stableId('xr', `${site.id}/${thread.key}/response/${r.comment}/${r.expert}`))
    const at = minutesAgo(r.minutesAgo)
    writes.push(
      `INSERT INTO expert_responses (id, site_id, thread_id, comment_id, expert_id, text, html,
         status, invitation_id, created_at, updated_at)
       SELECT ${id}, ${sql(site.id)}, ${threadId}, ${sql(commentId(r.comment))},
         ${sql(expertId(r.expert))}, ${sql(r.text)}, ${sql(renderMarkdownLite(r.text))},
         'published', NULL, ${at}, ${at}
       WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE target_type = 'expert_response'
         AND target_id = ${id} AND action = 'expert_response.delete')
       ON CONFLICT (id) DO UPDATE SET text = excluded.text, html = excluded.html
       WHERE expert_responses.updated_at = expert_responses.created_at`
    )
  }
  for (const ref of content.pinned) {
    const id = sql(commentId(ref))
    writes.push(
      `UPDATE comments SET pinned_at = ${minutesAgo(30)} WHERE id = ${id} AND pinned_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM audit_log WHERE target_type = 'comment'
         AND target_id = ${id} AND action LIKE 'comment.%pin')`
    )
  }
  for (const inv of content.invitations) {
    const id = stableId('xi', `${site.id}/${thread.key}/invitation/${inv.comment}/${inv.expert}`)
    // An open link is renewed on each seed (its token changes with the expiry); the console lists
    // it with its current link.
    writes.push(
      `INSERT INTO expert_invitations (id, site_id, comment_id, expert_id, created_by, created_at,
         expires_at)
       VALUES (${sql(id)}, ${sql(site.id)}, ${sql(commentId(inv.comment))},
         ${sql(expertId(inv.expert))}, 'seed', ${now}, ${now + inv.expiresInHours * 3_600_000})
       ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at
       WHERE expert_invitations.answered_at IS NULL AND expert_invitations.revoked_at IS NULL`
    )
  }
  if (content.bannedTerms.length > 0) {
    const patch = JSON.stringify({ moderation: { bannedTerms: content.bannedTerms } })
    writes.push(
      `UPDATE sites SET settings = json_patch(settings, ${sql(patch)})
       WHERE id = ${sql(site.id)} AND json_extract(settings, '$.moderation.bannedTerms') IS NULL`
    )
  }
  return writes
}

executeSql('seed-demo', statements, flags)
if (!flags['dry-run']) {
  console.log(
    `[parley] seeded site "${site.id}": thread "${thread.key}" with ${comments.length} comments, poll "${poll.key}" with its votes, ${demoExperts.length} experts with ${demoExpertResponses.length} responses`
  )
}
