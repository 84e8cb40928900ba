import { pollStateOf, pollStateReads, type PollState } from './polls.ts'

// Writing ballots. A reader has at most one ballot per poll (UNIQUE (poll_id, reader_id)), holding
// one vote row per chosen option. Each write is one batch, so one transaction: the ballot, its
// votes and the counters the triggers keep can never disagree, however many requests race.
//
// The batch's first statement stamps the ballot with a random write token, and only if the write
// is allowed (poll open; no earlier ballot, or vote changes allowed). The later statements act
// only on a ballot carrying their own token, so a refused write changes nothing at all. The batch
// ends by reading the poll back, which tells the caller what happened.

/** Open at ?3: the same rule as pollStatus in @parley/core. */
const OPEN_AT_3 =
  '(p.opens_at IS NULL OR p.opens_at <= ?3) AND (p.closes_at IS NULL OR p.closes_at > ?3)'

const STAMP_BALLOT = `INSERT INTO ballots (poll_id, reader_id, created_at, updated_at, write_token)
  SELECT p.id, ?2, ?3, ?3, ?4 FROM polls p WHERE p.id = ?1 AND ${OPEN_AT_3}
  ON CONFLICT (poll_id, reader_id) DO UPDATE
  SET updated_at = excluded.updated_at, write_token = excluded.write_token
  WHERE (SELECT allow_vote_change FROM polls WHERE id = excluded.poll_id) = 1`

const OWN_BALLOT =
  'SELECT id FROM ballots WHERE poll_id = ?1 AND reader_id = ?2 AND write_token = ?3'

const CLEAR_VOTES = `DELETE FROM votes WHERE poll_id = ?1 AND ballot_id = (${OWN_BALLOT})`

const INSERT_VOTES = `INSERT INTO votes (ballot_id, poll_id, option_id)
  SELECT b.id, b.poll_id, o.id FROM ballots b JOIN poll_options o ON o.poll_id = b.poll_id
  WHERE b.poll_id = ?1 AND b.reader_id = ?2 AND b.write_token = ?3
    AND o.id IN (SELECT value FROM json_each(?4))`

// Only when every chosen option was deleted between validation and this batch: a ballot without
// votes must not count as a voter.
const DROP_EMPTY_BALLOT = `DELETE FROM ballots
  WHERE poll_id = ?1 AND reader_id = ?2 AND write_token = ?3
    AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.ballot_id = ballots.id)`

const WITHDRAWABLE = `EXISTS (SELECT 1 FROM polls p
  WHERE p.id = ?1 AND p.allow_vote_change = 1 AND ${OPEN_AT_3})`

const WITHDRAW_VOTES = `DELETE FROM votes WHERE poll_id = ?1
  AND ballot_id = (SELECT id FROM ballots WHERE poll_id = ?1 AND reader_id = ?2) AND ${WITHDRAWABLE}`

const WITHDRAW_BALLOT = `DELETE FROM ballots WHERE poll_id = ?1 AND reader_id = ?2 AND ${WITHDRAWABLE}`

export interface BallotWrite {
  pollId: number
  readerId: string
  optionIds: number[]
  now: number
}

/**
 * Casts the reader's ballot, or replaces its choices when vote changes are allowed. `written` is
 * false when the database refused: the poll was not open at `now`, or the reader had voted and
 * changes are locked. `state` is the poll as it stands after the batch.
 */
export async function castBallot(
  db: D1Database,
  ballot: BallotWrite
): Promise<{ written: boolean; state: PollState | null }> {
  const token = crypto.randomUUID()
  const { pollId, readerId, now } = ballot
  const results = await db.batch([
    db.prepare(STAMP_BALLOT).bind(pollId, readerId, now, token),
    db.prepare(CLEAR_VOTES).bind(pollId, readerId, token),
    db.prepare(INSERT_VOTES).bind(pollId, readerId, token, JSON.stringify(ballot.optionIds)),
    db.prepare(DROP_EMPTY_BALLOT).bind(pollId, readerId, token),
    db
      .prepare('SELECT write_token FROM ballots WHERE poll_id = ?1 AND reader_id = ?2')
      .bind(pollId, readerId),
    ...pollStateReads(db, { id: pollId }, readerId),
  ])
  const stamp = results[4]?.results[0] as { write_token: string | null } | undefined
  return { written: stamp?.write_token === token, state: pollStateOf(results, readerId) }
}

/**
 * Withdraws the reader's ballot if the poll is open and allows changes; a no-op without a ballot.
 * `state.myChoices` is empty afterwards exactly when the reader has no ballot left.
 */
export async function withdrawBallot(
  db: D1Database,
  ballot: Omit<BallotWrite, 'optionIds'>
): Promise<PollState | null> {
  const { pollId, readerId, now } = ballot
  const results = await db.batch([
    db.prepare(WITHDRAW_VOTES).bind(pollId, readerId, now),
    db.prepare(WITHDRAW_BALLOT).bind(pollId, readerId, now),
    ...pollStateReads(db, { id: pollId }, readerId),
  ])
  return pollStateOf(results, readerId)
}
