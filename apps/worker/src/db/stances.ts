import type { StanceKey } from '../lib/cursor.ts'
import { parseOptionId, toOptionId } from '../lib/ids.ts'
import { threadRead, type ThreadRow } from './threads.ts'

// Stances: the option a comment's author had voted for in the thread's stance poll when posting.
// See docs/decisions/0007-stance-and-balanced-sort.md.

/**
 * The id of a thread's stance poll, as SQL: its first single-choice poll by creation, or NULL.
 * `threadId` is an SQL expression. The only definition of "stance poll" in the Worker.
 */
export const stancePollIdSql = (threadId: string): string =>
  `(SELECT p.id FROM polls p WHERE p.thread_id = ${threadId} AND p.kind = 'single'
    ORDER BY p.created_at, p.id LIMIT 1)`

/**
 * The option a reader's ballot holds in a thread's stance poll, as SQL, or NULL without a ballot.
 * A ballot holding several options (a poll made single-choice after votes) gives no stance.
 */
export const ballotOptionSql = (threadId: string, readerId: string): string =>
  `(SELECT CASE WHEN COUNT(*) = 1 THEN MIN(v.option_id) END
    FROM ballots b JOIN votes v ON v.ballot_id = b.id
    WHERE b.poll_id = ${stancePollIdSql(threadId)} AND b.reader_id = ${readerId})`

/** A thread's stance poll: its key and every option by position, hidden ones included. */
export interface StancePoll {
  id: number
  key: string
  optionIds: number[]
}

/** "o_12" for an option row id, "none" for no stance. */
export const stanceKey = (optionId: number | null): StanceKey =>
  optionId === null ? 'none' : toOptionId(optionId)

/** The option row id of a stance ("o_12"), or null for "none". */
export const stanceOptionId = (stance: StanceKey): number | null =>
  stance === 'none' ? null : parseOptionId(stance)

/**
 * The stance groups in turn order: each option of the stance poll by position (hidden options
 * too, since comments keep showing them), then "none".
 */
export const stanceGroups = (poll: StancePoll): StanceKey[] => [
  ...poll.optionIds.map(toOptionId),
  'none',
]

interface StanceOptionRow {
  poll_id: number
  poll_key: string
  option_id: number
}

/** The statement reading a thread's stance poll by site and key, for the thread's read batch. */
export const stancePollRead = (db: D1Database, siteId: string, threadKey: string) =>
  db
    .prepare(
      `SELECT p.id AS poll_id, p.key AS poll_key, o.id AS option_id
       FROM threads t JOIN polls p ON p.id = ${stancePollIdSql('t.id')}
       JOIN poll_options o ON o.poll_id = p.id
       WHERE t.site_id = ?1 AND t.key = ?2 ORDER BY o.position`
    )
    .bind(siteId, threadKey)

/** The StancePoll from stancePollRead's result; null when the thread has none. */
export function stancePollOf(result: D1Result | undefined): StancePoll | null {
  const rows = (result?.results ?? []) as StanceOptionRow[]
  const first = rows[0]
  if (!first) return null
  return { id: first.poll_id, key: first.poll_key, optionIds: rows.map((row) => row.option_id) }
}

/**
 * ?1 thread id, ?2 stance poll id: published top-level comments per stance of that poll, in one
 * GROUP BY that reads only the comments_top_stance_rank index (status is its last column).
 */
export const COUNT_STANCES = `SELECT stance_option_id AS option_id, COUNT(*) AS count
  FROM comments WHERE thread_id = ?1 AND parent_id IS NULL AND status = 'published'
  GROUP BY stance_option_id
  HAVING stance_option_id IS NULL
    OR stance_option_id IN (SELECT id FROM poll_options WHERE poll_id = ?2)`

/**
 * Thread.stances' counts: every visible option and "none", 0 included, and a hidden option only
 * when comments show it. Stances of a former stance poll count nowhere.
 */
export async function countStances(
  db: D1Database,
  threadId: number,
  poll: { id: number; visibleOptions: StanceKey[] }
): Promise<Record<StanceKey, number>> {
  const { results } = await db
    .prepare(COUNT_STANCES)
    .bind(threadId, poll.id)
    .all<{ option_id: number | null; count: number }>()
  const counts: Record<StanceKey, number> = {}
  for (const key of poll.visibleOptions) counts[key] = 0
  counts.none = 0
  for (const row of results) counts[stanceKey(row.option_id)] = row.count
  return counts
}

/** The thread, and its stance poll when asked for, in one round trip. */
export async function getThreadWithStancePoll(
  db: D1Database,
  siteId: string,
  threadKey: string,
  withStancePoll: boolean
): Promise<{ thread: ThreadRow | null; stancePoll: StancePoll | null }> {
  const reads = [threadRead(db, siteId, threadKey)]
  if (withStancePoll) reads.push(stancePollRead(db, siteId, threadKey))
  const [thread, stancePoll] = await db.batch(reads)
  return {
    thread: (thread?.results[0] as ThreadRow | undefined) ?? null,
    stancePoll: stancePollOf(stancePoll),
  }
}
