import type { Poll, PollKind, ResultsVisibility } from '@parley/core'
import { toPoll } from './poll-views.ts'

// Reading polls. Results are counters kept exact by triggers (migration 0006), so reading a poll
// costs the same however many votes it has: one row per poll and one per option.

export interface PollRow {
  id: number
  site_id: string
  key: string
  thread_id: number | null
  question: string
  kind: PollKind
  max_choices: number
  opens_at: number | null
  closes_at: number | null
  results_visibility: ResultsVisibility
  allow_vote_change: 0 | 1
  voter_count: number
  created_at: number
  updated_at: number
  edit_token: string | null
}

export interface OptionRow {
  id: number
  poll_id: number
  label: string
  position: number
  hidden: 0 | 1
  vote_count: number
}

/** A poll as one caller sees it: the poll, its options in display order, the caller's choices. */
export interface PollState {
  poll: PollRow
  options: OptionRow[]
  myChoices: number[]
}

export const POLL_COLUMNS = `id, site_id, key, thread_id, question, kind, max_choices, opens_at,
  closes_at, results_visibility, allow_vote_change, voter_count, created_at, updated_at, edit_token`
export const OPTION_COLUMNS = 'id, poll_id, label, position, hidden, vote_count'

/** Which poll a batch reads: by row id (after a write) or by the key in the URL. */
export type PollRef = { id: number } | { siteId: string; key: string }

/**
 * The statements that read a PollState, for a batch of their own or the tail of a write batch
 * (which then reads its own writes, in the same transaction). Read them back with pollStateOf.
 */
export function pollStateReads(
  db: D1Database,
  ref: PollRef,
  readerId: string | null
): D1PreparedStatement[] {
  const [pollId, params]: [string, unknown[]] =
    'id' in ref
      ? ['?1', [ref.id]]
      : ['(SELECT id FROM polls WHERE site_id = ?1 AND key = ?2)', [ref.siteId, ref.key]]
  const statements = [
    db.prepare(`SELECT ${POLL_COLUMNS} FROM polls WHERE id = ${pollId}`).bind(...params),
    db
      .prepare(
        `SELECT ${OPTION_COLUMNS} FROM poll_options WHERE poll_id = ${pollId} ORDER BY position`
      )
      .bind(...params),
  ]
  if (readerId !== null) {
    statements.push(
      db
        .prepare(
          `SELECT v.option_id FROM ballots b JOIN votes v ON v.ballot_id = b.id
           WHERE b.poll_id = ${pollId} AND b.reader_id = ?${params.length + 1}`
        )
        .bind(...params, readerId)
    )
  }
  return statements
}

/** The PollState from the results of pollStateReads (the last 2 or 3 results of a batch). */
export function pollStateOf(results: D1Result[], readerId: string | null): PollState | null {
  const tail = results.slice(readerId === null ? -2 : -3)
  const poll = (tail[0]?.results[0] as PollRow | undefined) ?? null
  if (!poll) return null
  return {
    poll,
    options: (tail[1]?.results ?? []) as OptionRow[],
    myChoices:
      readerId === null ? [] : (tail[2]?.results ?? []).map((r) => (r as VoteRow).option_id),
  }
}

interface VoteRow {
  option_id: number
}

/** One round trip: the poll, its options and tallies, and the reader's choices. */
export async function readPollState(
  db: D1Database,
  ref: PollRef,
  readerId: string | null
): Promise<PollState | null> {
  return pollStateOf(await db.batch(pollStateReads(db, ref, readerId)), readerId)
}

export async function getPollByKey(
  db: D1Database,
  siteId: string,
  key: string
): Promise<PollRow | null> {
  return db
    .prepare(`SELECT ${POLL_COLUMNS} FROM polls WHERE site_id = ?1 AND key = ?2`)
    .bind(siteId, key)
    .first<PollRow>()
}

export async function listThreadPolls(db: D1Database, threadId: number): Promise<PollRow[]> {
  const { results } = await db
    .prepare(`SELECT ${POLL_COLUMNS} FROM polls WHERE thread_id = ?1 ORDER BY created_at, id`)
    .bind(threadId)
    .all<PollRow>()
  return results
}

/** Several polls as the reader sees them (a thread's), in one round trip. */
export async function loadPolls(
  db: D1Database,
  polls: PollRow[],
  readerId: string | null,
  now = Date.now()
): Promise<Poll[]> {
  if (polls.length === 0) return []
  const ids = JSON.stringify(polls.map((p) => p.id))
  const statements = [
    db
      .prepare(
        `SELECT ${OPTION_COLUMNS} FROM poll_options
         WHERE poll_id IN (SELECT value FROM json_each(?1)) ORDER BY poll_id, position`
      )
      .bind(ids),
  ]
  if (readerId !== null) {
    statements.push(
      db
        .prepare(
          `SELECT b.poll_id, v.option_id FROM ballots b JOIN votes v ON v.ballot_id = b.id
           WHERE b.poll_id IN (SELECT value FROM json_each(?1)) AND b.reader_id = ?2`
        )
        .bind(ids, readerId)
    )
  }
  const [options, mine] = await db.batch(statements)
  const optionRows = (options?.results ?? []) as OptionRow[]
  const choiceRows = (mine?.results ?? []) as (VoteRow & { poll_id: number })[]
  return polls.map((poll) =>
    toPoll(
      {
        poll,
        options: optionRows.filter((o) => o.poll_id === poll.id),
        myChoices: choiceRows.filter((v) => v.poll_id === poll.id).map((v) => v.option_id),
      },
      now
    )
  )
}
