import { percentages, type Poll } from '@parley/core'
import { toOptionId } from '../lib/ids.ts'

export interface PollRow {
  id: number
  site_id: string
  key: string
  thread_id: number | null
  question: string
  created_at: number
}

export interface OptionTallyRow {
  poll_id: number
  id: number
  label: string
  position: number
  votes: number
}

const POLL_COLUMNS = 'id, site_id, key, thread_id, question, created_at'

// LEFT JOIN so options nobody chose still appear; the votes side reads only votes_by_option.
const TALLY_OPTIONS = `SELECT o.poll_id, o.id, o.label, o.position, COUNT(v.option_id) AS votes
  FROM poll_options o LEFT JOIN votes v ON v.poll_id = o.poll_id AND v.option_id = o.id
  WHERE o.poll_id IN (SELECT value FROM json_each(?1))
  GROUP BY o.id ORDER BY o.poll_id, o.position`

const MY_VOTES = `SELECT poll_id, option_id FROM votes
  WHERE poll_id IN (SELECT value FROM json_each(?1)) AND reader_id = ?2`

// The SELECT yields a row only for an option of this poll, so a foreign option changes nothing.
// On the reader's second vote the UNIQUE (poll_id, reader_id) conflict turns it into an update.
const CAST_VOTE = `INSERT INTO votes (poll_id, reader_id, option_id, created_at, updated_at)
  SELECT o.poll_id, ?2, o.id, ?4, ?4 FROM poll_options o WHERE o.id = ?3 AND o.poll_id = ?1
  ON CONFLICT (poll_id, reader_id)
  DO UPDATE SET option_id = excluded.option_id, updated_at = excluded.updated_at`

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

export function toPoll(poll: PollRow, options: OptionTallyRow[], myOptionId: number | null): Poll {
  const percents = percentages(options.map((o) => o.votes))
  return {
    id: poll.key,
    question: poll.question,
    options: options.map((o, i) => ({
      id: toOptionId(o.id),
      label: o.label,
      votes: o.votes,
      percent: percents[i] ?? 0,
    })),
    totalVotes: options.reduce((sum, o) => sum + o.votes, 0),
    myVote: myOptionId === null ? null : toOptionId(myOptionId),
  }
}

/** Results for several polls in one round trip: tallies, plus the reader's own votes. */
export async function loadPolls(
  db: D1Database,
  polls: PollRow[],
  readerId: string | null
): Promise<Poll[]> {
  if (polls.length === 0) return []
  const ids = JSON.stringify(polls.map((p) => p.id))
  const statements = [db.prepare(TALLY_OPTIONS).bind(ids)]
  if (readerId) statements.push(db.prepare(MY_VOTES).bind(ids, readerId))
  const [tallies, mine] = await db.batch(statements)
  const options = (tallies?.results ?? []) as OptionTallyRow[]
  const myVotes = new Map(
    ((mine?.results ?? []) as { poll_id: number; option_id: number }[]).map((v) => [
      v.poll_id,
      v.option_id,
    ])
  )
  return polls.map((poll) =>
    toPoll(
      poll,
      options.filter((o) => o.poll_id === poll.id),
      myVotes.get(poll.id) ?? null
    )
  )
}

/**
 * Records or changes the reader's vote: one row per (poll, reader), enforced by the database, so
 * concurrent votes by one reader can never count twice. False if the option is not in this poll.
 */
export async function castVote(
  db: D1Database,
  vote: { pollId: number; readerId: string; optionId: number; now: number }
): Promise<boolean> {
  const result = await db
    .prepare(CAST_VOTE)
    .bind(vote.pollId, vote.readerId, vote.optionId, vote.now)
    .run()
  return result.meta.changes > 0
}

/** Creates a poll with its options (what `pnpm poll:add` does, for tests). */
export async function createPoll(
  db: D1Database,
  poll: {
    siteId: string
    key: string
    threadId: number | null
    question: string
    options: string[]
  },
  now = Date.now()
): Promise<PollRow> {
  await db.batch([
    db
      .prepare(
        'INSERT INTO polls (site_id, key, thread_id, question, created_at) VALUES (?1, ?2, ?3, ?4, ?5)'
      )
      .bind(poll.siteId, poll.key, poll.threadId, poll.question, now),
    ...poll.options.map((label, position) =>
      db
        .prepare(
          `INSERT INTO poll_options (poll_id, label, position)
           SELECT id, ?3, ?4 FROM polls WHERE site_id = ?1 AND key = ?2`
        )
        .bind(poll.siteId, poll.key, label, position)
    ),
  ])
  const created = await getPollByKey(db, poll.siteId, poll.key)
  if (!created) throw new Error(`poll ${poll.key} was not created`)
  return created
}
