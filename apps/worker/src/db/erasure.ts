import type { ErasureMode, ErasureResult } from '@parley/core'
import { RECOUNT_REPLIES_SQL, recountReactionsSql } from './counters.ts'
import { rankSql } from './rank.ts'

// Erasing a reader (docs/decisions/0019-reader-data-and-retention.md): one batch, so one
// transaction, of set-based statements whose number does not grow with the reader's data. It
// first notes in erasure_scratch what it is about to touch (the comment trees holding the
// reader's comments, the comments they reacted to or reported, and the fate of each of their
// comments), then changes the rows, then recounts every counter it touched from the rows, then
// empties its scratch rows. Nothing is decided from an earlier read, so a concurrent write
// cannot leave a counter off.

/** The reader id erased comments carry instead of the reader's: no token can ever name it. */
export const ERASED_READER = 'erased'

// Parameters of every statement: ?1 site, ?2 reader, ?3 erasure id, ?4 now, ?5 ERASED_READER,
// ?6 the site's reaction weight (rankSql), ?7 the anonymised name.
const scratch = (kind: string) =>
  `(SELECT id FROM erasure_scratch WHERE erasure = ?3 AND kind = '${kind}')`
const ROOTS = scratch('root')
const OWN = 'site_id = ?1 AND reader_id = ?2'

/**
 * Comments that must stay in the affected trees because a comment that stays lies below them: the
 * ancestors of every comment neither the reader's nor a placeholder. Recursive over parent_id.
 */
const NEEDED = `WITH RECURSIVE needed(id) AS (
    SELECT k.parent_id FROM comments k
    WHERE k.root_id IN ${ROOTS} AND k.reader_id <> ?2 AND k.deleted_at IS NULL
      AND k.parent_id IS NOT NULL
    UNION
    SELECT c.parent_id FROM comments c JOIN needed n ON c.id = n.id WHERE c.parent_id IS NOT NULL
  )`

const NOTE = {
  roots: `INSERT INTO erasure_scratch (erasure, kind, id)
    SELECT DISTINCT ?3, 'root', root_id FROM comments WHERE ${OWN}`,
  reacted: `INSERT INTO erasure_scratch (erasure, kind, id)
    SELECT ?3, 'reacted', x.comment_id FROM reactions x JOIN comments c ON c.id = x.comment_id
    WHERE x.reader_id = ?2 AND c.site_id = ?1`,
  reported: `INSERT INTO erasure_scratch (erasure, kind, id)
    SELECT ?3, 'reported', r.comment_id FROM reports r JOIN comments c ON c.id = r.comment_id
    WHERE r.reader_id = ?2 AND c.site_id = ?1`,
  // The reader's comments others replied to (below them stays a comment of someone else).
  blank: `${NEEDED} INSERT INTO erasure_scratch (erasure, kind, id)
    SELECT ?3, 'blank', id FROM comments WHERE ${OWN} AND id IN (SELECT id FROM needed)`,
  // Everything else of the reader's in those trees, and the placeholders left without replies.
  drop: `${NEEDED} INSERT INTO erasure_scratch (erasure, kind, id)
    SELECT ?3, 'drop', c.id FROM comments c
    WHERE c.root_id IN ${ROOTS} AND (c.reader_id = ?2 OR c.deleted_at IS NOT NULL)
      AND c.id NOT IN (SELECT id FROM needed)`,
}

const OUTCOME = `SELECT
    (SELECT COUNT(*) FROM erasure_scratch s JOIN comments c ON c.id = s.id
      WHERE s.erasure = ?3 AND s.kind = 'drop' AND c.reader_id = ?2) AS removed,
    (SELECT COUNT(*) FROM erasure_scratch s JOIN comments c ON c.id = s.id
      WHERE s.erasure = ?3 AND s.kind = 'blank' AND c.deleted_at IS NULL) AS placeholders,
    (SELECT COUNT(*) FROM ballots b JOIN polls p ON p.id = b.poll_id
      WHERE b.reader_id = ?2 AND p.site_id = ?1) AS votes,
    (SELECT COUNT(*) FROM erasure_scratch WHERE erasure = ?3 AND kind = 'reacted') AS reactions,
    (SELECT COUNT(*) FROM erasure_scratch WHERE erasure = ?3 AND kind = 'reported') AS reports,
    (SELECT COUNT(*) FROM appeals WHERE ${OWN}) AS appeals,
    (SELECT COUNT(*) FROM comments WHERE ${OWN} AND deleted_at IS NULL) AS live`

// The thread counts visible published comments: each of the reader's leaves it, as a removal or
// a placeholder alike. Run before the comments change.
const THREAD_COUNTS = `UPDATE threads SET comment_count = comment_count - (SELECT COUNT(*)
    FROM comments c WHERE c.thread_id = threads.id AND c.site_id = ?1 AND c.reader_id = ?2
      AND c.status = 'published' AND c.deleted_at IS NULL)
  WHERE id IN (SELECT thread_id FROM comments WHERE ${OWN})`

const OWN_ROWS = [
  `DELETE FROM reactions WHERE reader_id = ?2 AND comment_id IN ${scratch('reacted')}`,
  `DELETE FROM reports WHERE reader_id = ?2 AND comment_id IN ${scratch('reported')}`,
  // The triggers of migration 0006 take each vote out of its option's count, each ballot out of
  // the poll's voters.
  `DELETE FROM votes WHERE ballot_id IN (SELECT b.id FROM ballots b JOIN polls p ON p.id = b.poll_id
    WHERE b.reader_id = ?2 AND p.site_id = ?1)`,
  `DELETE FROM ballots WHERE reader_id = ?2 AND poll_id IN (SELECT id FROM polls WHERE site_id = ?1)`,
  `DELETE FROM appeals WHERE ${OWN}`,
]

// Like an author's delete (db/comment-deletes.ts): a placeholder keeps its place in the tree and
// its reactions, everything its author wrote goes, and so does the link to them.
const BLANK = [
  `DELETE FROM comment_revisions WHERE comment_id IN ${scratch('blank')}`,
  `UPDATE comments SET deleted_at = IFNULL(deleted_at, ?4), text = '', html = '', author_name = '',
      badges = '[]', lang = NULL, edited_at = NULL, stance_option_id = NULL, reader_id = ?5,
      idempotency_key = NULL, network_hash = NULL, moderation = '{}'
    WHERE id IN ${scratch('blank')}`,
]

// Dropped rows take what hangs on them; notices, appeals and expert responses follow by cascade.
const DROP = [
  ...['reactions', 'reports', 'comment_revisions'].map(
    (table) => `DELETE FROM ${table} WHERE comment_id IN ${scratch('drop')}`
  ),
  `DELETE FROM comments WHERE id IN ${scratch('drop')}`,
]

// The text stays; the name, the badges, the stance (their vote), the earlier texts and every
// technical link to the reader go.
const ANONYMISE = [
  `DELETE FROM comment_revisions WHERE comment_id IN (SELECT id FROM comments WHERE ${OWN})`,
  `UPDATE comments SET author_name = CASE WHEN deleted_at IS NULL THEN ?7 ELSE '' END,
      badges = '[]', stance_option_id = NULL, reader_id = ?5, idempotency_key = NULL,
      network_hash = NULL
    WHERE ${OWN}`,
]

// Every counter the batch may have moved, recounted from the rows as src/db/counters.ts defines
// them: replies and descendants in the affected trees, reactions and reports where the reader
// had some, and the rank of all of these.
const RECOUNTS = [
  `UPDATE comments SET
      ${RECOUNT_REPLIES_SQL}
    WHERE root_id IN ${ROOTS}`,
  `UPDATE comments SET ${recountReactionsSql('comments.id')} WHERE id IN ${scratch('reacted')}`,
  `UPDATE comments SET report_count = (SELECT COUNT(*) FROM reports r WHERE r.comment_id = comments.id)
    WHERE id IN ${scratch('reported')}`,
  `UPDATE comments SET rank = ${rankSql('?6')}
    WHERE root_id IN ${ROOTS} OR id IN ${scratch('reacted')}`,
]

const FORGET = [
  // Rate-limit windows counted under the reader's id ("<site>|<action>|reader:<id>").
  `DELETE FROM rate_counters WHERE key > ?1 || '|' AND key < ?1 || '}'
    AND substr(key, -length('|reader:' || ?2)) = '|reader:' || ?2`,
  // The publisher sign-in account bound to this reader (migration 0014), then the reader row.
  `DELETE FROM sso_users WHERE ${OWN}`,
  `DELETE FROM readers WHERE id = ?2 AND site_id = ?1`,
  `DELETE FROM erasure_scratch WHERE erasure = ?3`,
]

export interface Erasure {
  siteId: string
  readerId: string
  mode: ErasureMode
  /** rankSql's weight on this site (db/rank.ts reactionWeight). */
  reactionWeight: number
  anonymousName: string
  now: number
}

interface OutcomeRow {
  removed: number
  placeholders: number
  votes: number
  reactions: number
  reports: number
  appeals: number
  live: number
}

/** The erasure's statements in order; the OUTCOME read is at `outcomeAt`. */
function plan(mode: ErasureMode): { sql: string[]; outcomeAt: number } {
  const noted = [NOTE.roots, NOTE.reacted, NOTE.reported]
  if (mode === 'delete') noted.push(NOTE.blank, NOTE.drop)
  const comments = mode === 'delete' ? [THREAD_COUNTS, ...BLANK, ...DROP] : ANONYMISE
  const sql = [...noted, OUTCOME, ...OWN_ROWS, ...comments, ...RECOUNTS, ...FORGET]
  return { sql, outcomeAt: noted.length }
}

/**
 * Erases everything stored under the reader's id on the site, in one batch; `also` joins the
 * batch at its end (the admin route's audit row).
 */
export async function eraseReader(
  db: D1Database,
  erasure: Erasure,
  also: D1PreparedStatement[] = []
): Promise<ErasureResult> {
  const { sql, outcomeAt } = plan(erasure.mode)
  const params = [
    erasure.siteId,
    erasure.readerId,
    crypto.randomUUID(),
    erasure.now,
    ERASED_READER,
    erasure.reactionWeight,
    erasure.anonymousName,
  ]
  const results = await db.batch([
    ...sql.map((statement) => {
      // D1 refuses parameters a statement does not use: bind only up to its highest ?N.
      const used = Math.max(0, ...[...statement.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])))
      return db.prepare(statement).bind(...params.slice(0, used))
    }),
    ...also,
  ])
  const outcome = results[outcomeAt]?.results[0] as OutcomeRow | undefined
  const anonymised = erasure.mode === 'anonymise' ? (outcome?.live ?? 0) : 0
  return {
    readerId: erasure.readerId,
    mode: erasure.mode,
    comments: {
      removed: outcome?.removed ?? 0,
      placeholders: outcome?.placeholders ?? 0,
      anonymised,
    },
    votes: outcome?.votes ?? 0,
    reactions: outcome?.reactions ?? 0,
    reports: outcome?.reports ?? 0,
    appeals: outcome?.appeals ?? 0,
  }
}
