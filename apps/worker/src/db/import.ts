import type { ErrorIssue, ImportResult, SiteExport } from '@parley/core'
import { rankSql } from './rank.ts'
import { RECOUNT_REPLIES_SQL, recountReactionsSql } from './counters.ts'
import type { SqlStatement, SqlValue } from './sql.ts'

// Writes an export document (packages/core/src/export.ts) into a site that holds no data. Every
// table is filled by INSERT … SELECT over json_each() of a chunk of rows, so that a statement
// binds a handful of parameters however many rows it carries (D1 allows 100 per statement), and
// all statements go to D1 as one batch: one transaction, all or nothing. Counters are not copied:
// triggers and recounts rebuild them from the rows, as the API keeps them.

const ms = (iso: string) => Date.parse(iso)
const msOrNull = (iso: string | null) => (iso === null ? null : Date.parse(iso))

/** Rows per statement, and the most JSON one statement's parameter may carry. */
const CHUNK_ROWS = 500
const CHUNK_BYTES = 500_000

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = []
  let chunk: T[] = []
  let bytes = 0
  for (const row of rows) {
    const size = JSON.stringify(row).length
    if (chunk.length > 0 && (chunk.length >= CHUNK_ROWS || bytes + size > CHUNK_BYTES)) {
      out.push(chunk)
      chunk = []
      bytes = 0
    }
    chunk.push(row)
    bytes += size
  }
  if (chunk.length > 0) out.push(chunk)
  return out
}

/** `INSERT … SELECT <select> FROM json_each(?2) j`, ?1 being the site, once per chunk of rows. */
function insertRows(siteId: string, rows: Record<string, SqlValue>[], sql: string): SqlStatement[] {
  return chunks(rows).map((chunk) => ({ sql, params: [siteId, JSON.stringify(chunk)] }))
}

const v = (field: string) => `json_extract(j.value, '$.${field}')`
const THREAD_ID = (field: string) =>
  `(SELECT id FROM threads WHERE site_id = ?1 AND key = ${v(field)})`
const POLL_ID = (field: string) => `(SELECT id FROM polls WHERE site_id = ?1 AND key = ${v(field)})`
const OPTION_ID = (poll: string, position: string) =>
  `(SELECT o.id FROM poll_options o JOIN polls p ON p.id = o.poll_id
    WHERE p.site_id = ?1 AND p.key = ${v(poll)} AND o.position = ${v(position)})`

/**
 * What would make the document unwritable or inconsistent, as issues naming each field
 * (`body.comments.3.parentId`): references to things the document lacks, repeated keys, ballots
 * that choose options the poll does not have.
 */
export function importIssues(doc: SiteExport): ErrorIssue[] {
  const issues: ErrorIssue[] = []
  const issue = (path: (string | number)[], message: string) =>
    issues.push({ path: ['body', ...path].join('.'), message })
  const repeated = <T>(list: T[], key: (item: T) => string, path: string, field: string) => {
    const seen = new Set<string>()
    list.forEach((item, i) => {
      const k = key(item)
      if (seen.has(k)) issue([path, i, field], 'is repeated')
      seen.add(k)
    })
    return seen
  }
  const threads = repeated(doc.threads, (t) => t.key, 'threads', 'key')
  const polls = new Map(doc.polls.map((p) => [p.key, new Set(p.options.map((o) => o.position))]))
  repeated(doc.polls, (p) => p.key, 'polls', 'key')
  const experts = repeated(doc.experts, (x) => x.id, 'experts', 'id')
  repeated(doc.expertResponses, (r) => r.id, 'expertResponses', 'id')
  const comments = new Map<string, string>()
  doc.comments.forEach((c, i) => {
    if (comments.has(c.id)) issue(['comments', i, 'id'], 'is repeated')
    if (!threads.has(c.thread)) issue(['comments', i, 'thread'], 'is not a thread of the file')
    if (c.parentId !== null && comments.get(c.parentId) !== c.thread) {
      issue(['comments', i, 'parentId'], 'is not an earlier comment of the same thread')
    }
    if (c.stance && !polls.get(c.stance.poll)?.has(c.stance.position)) {
      issue(['comments', i, 'stance'], 'is not an option of a poll of the file')
    }
    repeated(c.reactions, (x) => x.reader, `comments.${i}.reactions`, 'reader')
    repeated(c.reports, (x) => x.reader, `comments.${i}.reports`, 'reader')
    comments.set(c.id, c.thread)
  })
  doc.polls.forEach((p, i) => {
    if (p.thread !== null && !threads.has(p.thread)) {
      issue(['polls', i, 'thread'], 'is not a thread of the file')
    }
    repeated(p.options, (o) => String(o.position), `polls.${i}.options`, 'position')
    repeated(p.ballots, (b) => b.reader, `polls.${i}.ballots`, 'reader')
    const positions = polls.get(p.key)!
    const max = p.kind === 'single' ? 1 : p.maxChoices
    p.ballots.forEach((b, j) => {
      const known = b.positions.every((position) => positions.has(position))
      const unique = new Set(b.positions).size === b.positions.length
      if (!known || !unique || b.positions.length > max) {
        issue(['polls', i, 'ballots', j, 'positions'], 'are not a valid choice in this poll')
      }
    })
  })
  doc.expertResponses.forEach((r, i) => {
    if (!comments.has(r.commentId)) {
      issue(['expertResponses', i, 'commentId'], 'is not a comment of the file')
    }
    if (!experts.has(r.expertId)) {
      issue(['expertResponses', i, 'expertId'], 'is not an expert of the file')
    }
  })
  return issues
}

/** Whether the site holds anything an import would write: threads, comments, polls or experts. */
export const SITE_HAS_DATA = `SELECT EXISTS (SELECT 1 FROM threads WHERE site_id = ?1)
    OR EXISTS (SELECT 1 FROM comments WHERE site_id = ?1)
    OR EXISTS (SELECT 1 FROM polls WHERE site_id = ?1)
    OR EXISTS (SELECT 1 FROM experts WHERE site_id = ?1) AS has_data`

/** The statements that write `doc` into site `siteId`, in order, and what they write. */
export function importStatements(
  siteId: string,
  doc: SiteExport
): { statements: SqlStatement[]; result: ImportResult } {
  const depthOf = new Map<string, { root: string; depth: number }>()
  for (const c of doc.comments) {
    const parent = c.parentId === null ? null : depthOf.get(c.parentId)!
    depthOf.set(
      c.id,
      parent ? { root: parent.root, depth: parent.depth + 1 } : { root: c.id, depth: 0 }
    )
  }
  const weight = doc.site.settings.reactions.inRanking ? 1 : 0
  const s: SqlStatement[] = [
    {
      sql: `UPDATE sites SET name = ?2, allowed_origins = ?3, settings = ?4, created_at = ?5
        WHERE id = ?1`,
      params: [
        siteId,
        doc.site.name,
        JSON.stringify(doc.site.allowedOrigins),
        JSON.stringify(doc.site.settings),
        ms(doc.site.createdAt),
      ],
    },
    ...insertRows(
      siteId,
      doc.threads.map((t) => ({
        key: t.key,
        title: t.title,
        settings: JSON.stringify(t.settings),
        createdAt: ms(t.createdAt),
      })),
      `INSERT INTO threads (site_id, key, title, settings, created_at)
       SELECT ?1, ${v('key')}, ${v('title')}, ${v('settings')}, ${v('createdAt')} FROM json_each(?2) j`
    ),
    ...insertRows(
      siteId,
      doc.polls.map((p) => ({
        key: p.key,
        thread: p.thread,
        question: p.question,
        kind: p.kind,
        maxChoices: p.maxChoices,
        opensAt: msOrNull(p.opensAt),
        closesAt: msOrNull(p.closesAt),
        visibility: p.resultsVisibility,
        change: p.allowVoteChange ? 1 : 0,
        createdAt: ms(p.createdAt),
        updatedAt: ms(p.updatedAt),
      })),
      `INSERT INTO polls (site_id, key, thread_id, question, kind, max_choices, opens_at, closes_at,
         results_visibility, allow_vote_change, created_at, updated_at)
       SELECT ?1, ${v('key')}, ${THREAD_ID('thread')}, ${v('question')}, ${v('kind')},
         ${v('maxChoices')}, ${v('opensAt')}, ${v('closesAt')}, ${v('visibility')}, ${v('change')},
         ${v('createdAt')}, ${v('updatedAt')}
       FROM json_each(?2) j`
    ),
    ...insertRows(
      siteId,
      doc.polls.flatMap((p) =>
        p.options.map((o) => ({
          poll: p.key,
          position: o.position,
          label: o.label,
          hidden: o.hidden ? 1 : 0,
        }))
      ),
      `INSERT INTO poll_options (poll_id, label, position, hidden)
       SELECT ${POLL_ID('poll')}, ${v('label')}, ${v('position')}, ${v('hidden')} FROM json_each(?2) j`
    ),
    // Triggers count each ballot and vote (migration 0006).
    ...insertRows(
      siteId,
      doc.polls.flatMap((p) =>
        p.ballots.map((b) => ({
          poll: p.key,
          reader: b.reader,
          createdAt: ms(b.createdAt),
          updatedAt: ms(b.updatedAt),
        }))
      ),
      `INSERT INTO ballots (poll_id, reader_id, created_at, updated_at)
       SELECT ${POLL_ID('poll')}, ${v('reader')}, ${v('createdAt')}, ${v('updatedAt')}
       FROM json_each(?2) j`
    ),
    ...insertRows(
      siteId,
      doc.polls.flatMap((p) =>
        p.ballots.flatMap((b) =>
          b.positions.map((position) => ({ poll: p.key, reader: b.reader, position }))
        )
      ),
      `INSERT INTO votes (ballot_id, poll_id, option_id)
       SELECT (SELECT b.id FROM ballots b WHERE b.poll_id = ${POLL_ID('poll')}
           AND b.reader_id = ${v('reader')}),
         ${POLL_ID('poll')}, ${OPTION_ID('poll', 'position')}
       FROM json_each(?2) j`
    ),
    // Parents come before their replies in the file, and json_each keeps that order.
    ...insertRows(
      siteId,
      doc.comments.map((c) => ({
        id: c.id,
        thread: c.thread,
        parentId: c.parentId,
        rootId: depthOf.get(c.id)!.root,
        depth: depthOf.get(c.id)!.depth,
        reader: c.author,
        authorName: c.authorName,
        text: c.text,
        html: c.html,
        lang: c.lang,
        createdAt: ms(c.createdAt),
        editedAt: msOrNull(c.editedAt),
        deletedAt: msOrNull(c.deletedAt),
        status: c.status,
        badges: JSON.stringify(c.badges),
        pinnedAt: msOrNull(c.pinnedAt),
        reviewedAt: msOrNull(c.reviewedAt),
        moderation: JSON.stringify(c.moderation),
        removal: c.removal === null ? null : JSON.stringify(c.removal),
        stancePoll: c.stance?.poll ?? null,
        stancePosition: c.stance?.position ?? null,
      })),
      `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id,
         author_name, text, html, lang, created_at, edited_at, deleted_at, status, badges,
         pinned_at, reviewed_at, moderation, removal, stance_option_id)
       SELECT ${v('id')}, ${THREAD_ID('thread')}, ?1, ${v('parentId')}, ${v('rootId')},
         ${v('depth')}, ${v('reader')}, ${v('authorName')}, ${v('text')}, ${v('html')}, ${v('lang')},
         ${v('createdAt')}, ${v('editedAt')}, ${v('deletedAt')}, ${v('status')}, ${v('badges')},
         ${v('pinnedAt')}, ${v('reviewedAt')}, ${v('moderation')}, ${v('removal')},
         CASE WHEN ${v('stancePoll')} IS NOT NULL THEN ${OPTION_ID('stancePoll', 'stancePosition')} END
       FROM json_each(?2) j`
    ),
    ...insertRows(
      siteId,
      doc.comments.flatMap((c) =>
        c.revisions.map((r) => ({
          comment: c.id,
          text: r.text,
          at: ms(r.replacedAt),
          editor: r.editor,
        }))
      ),
      `INSERT INTO comment_revisions (comment_id, text, replaced_at, editor)
       SELECT ${v('comment')}, ${v('text')}, ${v('at')}, ${v('editor')} FROM json_each(?2) j`
    ),
    ...insertRows(
      siteId,
      doc.comments.flatMap((c) =>
        c.reactions.map((x) => ({
          comment: c.id,
          reader: x.reader,
          emoji: x.emoji,
          at: ms(x.createdAt),
        }))
      ),
      `INSERT INTO reactions (comment_id, reader_id, emoji, created_at)
       SELECT ${v('comment')}, ${v('reader')}, ${v('emoji')}, ${v('at')} FROM json_each(?2) j`
    ),
    ...insertRows(
      siteId,
      doc.comments.flatMap((c) =>
        c.reports.map((r) => ({
          comment: c.id,
          reader: r.reader,
          reason: r.reason,
          note: r.note,
          at: ms(r.createdAt),
        }))
      ),
      `INSERT INTO reports (comment_id, reader_id, reason, note, created_at)
       SELECT ${v('comment')}, ${v('reader')}, ${v('reason')}, ${v('note')}, ${v('at')}
       FROM json_each(?2) j`
    ),
    ...insertRows(
      siteId,
      doc.experts.map((x) => ({
        id: x.id,
        name: x.name,
        title: x.title,
        organisation: x.organisation,
        photo: x.photoUrl,
        createdAt: ms(x.createdAt),
        archivedAt: msOrNull(x.archivedAt),
      })),
      `INSERT INTO experts (id, site_id, name, title, organisation, photo_url, created_at, archived_at)
       SELECT ${v('id')}, ?1, ${v('name')}, ${v('title')}, ${v('organisation')}, ${v('photo')},
         ${v('createdAt')}, ${v('archivedAt')}
       FROM json_each(?2) j`
    ),
    ...insertRows(
      siteId,
      doc.expertResponses.map((r) => ({
        id: r.id,
        comment: r.commentId,
        expert: r.expertId,
        text: r.text,
        html: r.html,
        status: r.status,
        createdAt: ms(r.createdAt),
        updatedAt: ms(r.updatedAt),
      })),
      `INSERT INTO expert_responses (id, site_id, thread_id, comment_id, expert_id, text, html,
         status, created_at, updated_at)
       SELECT ${v('id')}, ?1, (SELECT thread_id FROM comments WHERE id = ${v('comment')}),
         ${v('comment')}, ${v('expert')}, ${v('text')}, ${v('html')}, ${v('status')},
         ${v('createdAt')}, ${v('updatedAt')}
       FROM json_each(?2) j`
    ),
    // The counters, from the rows, as src/db/counters.ts recounts one thread (published comments
    // only; the thread's count leaves out deleted placeholders).
    {
      sql: `UPDATE comments SET
        ${RECOUNT_REPLIES_SQL},
        report_count = (SELECT COUNT(*) FROM reports r WHERE r.comment_id = comments.id),
        ${recountReactionsSql('comments.id')}
        WHERE site_id = ?1`,
      params: [siteId],
    },
    {
      sql: `UPDATE comments SET rank = ${rankSql('?2')} WHERE site_id = ?1`,
      params: [siteId, weight],
    },
    {
      sql: `UPDATE threads SET comment_count = (SELECT COUNT(*) FROM comments c
          WHERE c.thread_id = threads.id AND c.deleted_at IS NULL AND c.status = 'published')
        WHERE site_id = ?1`,
      params: [siteId],
    },
  ]
  const count = <T>(list: T[], n: (item: T) => number) => list.reduce((sum, i) => sum + n(i), 0)
  return {
    statements: s,
    result: {
      site: siteId,
      threads: doc.threads.length,
      comments: doc.comments.length,
      reactions: count(doc.comments, (c) => c.reactions.length),
      polls: doc.polls.length,
      ballots: count(doc.polls, (p) => p.ballots.length),
      experts: doc.experts.length,
      expertResponses: doc.expertResponses.length,
    },
  }
}
