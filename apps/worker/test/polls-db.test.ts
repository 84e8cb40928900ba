import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { castBallot, withdrawBallot } from '../src/db/ballots.ts'
import { insertPoll, type PollFields } from '../src/db/poll-admin.ts'
import { getPollByKey, loadPolls, readPollState, type PollRow } from '../src/db/polls.ts'
import { newReaderId } from '../src/lib/ids.ts'
import { createSites, SITE } from './helpers.ts'

const db = env.DB
const FIELDS: PollFields = {
  question: 'Q?',
  kind: 'multiple',
  maxChoices: 3,
  opensAt: null,
  closesAt: null,
  resultsVisibility: 'always',
  allowVoteChange: true,
}

let seq = 0
async function newPoll(
  fields: Partial<PollFields> = {}
): Promise<{ poll: PollRow; options: number[] }> {
  const key = `db-${++seq}`
  const created = await insertPoll(
    db,
    { ...FIELDS, ...fields, siteId: SITE, key, thread: null, options: ['A', 'B', 'C'] },
    Date.now()
  )
  expect(created).toBe(true)
  const state = await readPollState(db, { siteId: SITE, key }, null)
  return { poll: state!.poll, options: state!.options.map((o) => o.id) }
}

async function queryPlan(sql: string, ...params: unknown[]): Promise<string> {
  const { results } = await db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>()
  return results.map((r) => r.detail).join('\n')
}

beforeAll(createSites)

describe('castBallot', () => {
  it('writes one ballot per reader, replacing its votes, with counters to match', async () => {
    const { poll, options } = await newPoll()
    const reader = newReaderId()
    const first = await castBallot(db, {
      pollId: poll.id,
      readerId: reader,
      optionIds: options.slice(0, 2),
      now: Date.now(),
    })
    expect(first.written).toBe(true)
    expect(first.state?.myChoices.sort()).toEqual(options.slice(0, 2).sort())
    const second = await castBallot(db, {
      pollId: poll.id,
      readerId: reader,
      optionIds: [options[2]!],
      now: Date.now(),
    })
    expect(second.state?.myChoices).toEqual([options[2]])
    expect(second.state?.options.map((o) => o.vote_count)).toEqual([0, 0, 1])
    expect(second.state?.poll.voter_count).toBe(1)
  })

  it('writes nothing on a closed or not yet open poll', async () => {
    const now = Date.now()
    for (const fields of [{ closesAt: now - 1 }, { opensAt: now + 60_000 }]) {
      const { poll, options } = await newPoll(fields)
      const result = await castBallot(db, {
        pollId: poll.id,
        readerId: newReaderId(),
        optionIds: [options[0]!],
        now,
      })
      expect(result.written).toBe(false)
      expect(result.state?.poll.voter_count).toBe(0)
    }
  })

  it('keeps a locked ballot as it was', async () => {
    const { poll, options } = await newPoll({ allowVoteChange: false })
    const reader = newReaderId()
    await castBallot(db, {
      pollId: poll.id,
      readerId: reader,
      optionIds: [options[0]!],
      now: Date.now(),
    })
    const again = await castBallot(db, {
      pollId: poll.id,
      readerId: reader,
      optionIds: [options[1]!],
      now: Date.now(),
    })
    expect(again.written).toBe(false)
    expect(again.state?.myChoices).toEqual([options[0]])
    expect(
      await withdrawBallot(db, { pollId: poll.id, readerId: reader, now: Date.now() })
    ).toMatchObject({
      myChoices: [options[0]],
    })
  })

  it('ignores options of another poll, and drops a ballot left without votes', async () => {
    const a = await newPoll()
    const b = await newPoll()
    const result = await castBallot(db, {
      pollId: a.poll.id,
      readerId: newReaderId(),
      optionIds: [b.options[0]!],
      now: Date.now(),
    })
    expect(result.written).toBe(false)
    expect(result.state?.poll.voter_count).toBe(0)
  })
})

describe('castBallot: 50 calls of one reader at once', () => {
  const race = (poll: PollRow, reader: string, sets: number[][]) =>
    Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        castBallot(db, {
          pollId: poll.id,
          readerId: reader,
          optionIds: sets[i % sets.length]!,
          now: Date.now(),
        })
      )
    )

  async function rowsOf(pollId: number) {
    return db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM ballots WHERE poll_id = ?1) AS ballots,
           (SELECT COUNT(*) FROM votes WHERE poll_id = ?1) AS votes,
           (SELECT voter_count FROM polls WHERE id = ?1) AS voter_count,
           (SELECT SUM(vote_count) FROM poll_options WHERE poll_id = ?1) AS counted_votes`
      )
      .bind(pollId)
      .first()
  }

  it('writes exactly once on a locked poll: every other call reads back that ballot', async () => {
    const { poll, options } = await newPoll({ allowVoteChange: false })
    const [a, b, c] = options as [number, number, number]
    const results = await race(poll, newReaderId(), [[a], [b, c], [a, b, c]])
    const written = results.filter((r) => r.written)
    expect(written).toHaveLength(1)
    const kept = written[0]!.state!.myChoices.sort()
    for (const r of results) expect(r.state!.myChoices.sort()).toEqual(kept)
    expect(await rowsOf(poll.id)).toEqual({
      ballots: 1,
      votes: kept.length,
      voter_count: 1,
      counted_votes: kept.length,
    })
  })

  it('writes every call while changes are allowed, each reading back its own ballot', async () => {
    const { poll, options } = await newPoll()
    const [a, b, c] = options as [number, number, number]
    const sets = [[a], [b, c], [a, b, c]]
    const results = await race(poll, newReaderId(), sets)
    expect(results.every((r) => r.written)).toBe(true)
    for (const [i, r] of results.entries()) {
      expect(r.state!.myChoices.sort()).toEqual([...sets[i % 3]!].sort())
    }
    const rows = await rowsOf(poll.id)
    expect(rows).toMatchObject({ ballots: 1, voter_count: 1 })
    expect(rows!.votes).toBe(rows!.counted_votes)
  })
})

describe('the database itself', () => {
  it('refuses a second ballot for the same reader and poll', async () => {
    const { poll } = await newPoll()
    const insert = () =>
      db
        .prepare(
          "INSERT INTO ballots (poll_id, reader_id, created_at, updated_at) VALUES (?1, 'r_sameeeeeeeee', 0, 0)"
        )
        .bind(poll.id)
        .run()
    await insert()
    await expect(insert()).rejects.toThrow(/UNIQUE constraint failed/)
  })

  it('refuses a vote for an option of another poll, and any update of a vote row', async () => {
    const a = await newPoll()
    const b = await newPoll()
    const reader = newReaderId()
    await castBallot(db, {
      pollId: a.poll.id,
      readerId: reader,
      optionIds: [a.options[0]!],
      now: Date.now(),
    })
    const ballot = await db
      .prepare('SELECT id FROM ballots WHERE reader_id = ?1')
      .bind(reader)
      .first<{ id: number }>()
    await expect(
      db
        .prepare('INSERT INTO votes (ballot_id, poll_id, option_id) VALUES (?1, ?2, ?3)')
        .bind(ballot!.id, a.poll.id, b.options[0]!)
        .run()
    ).rejects.toThrow(/FOREIGN KEY constraint failed/)
    await expect(
      db
        .prepare('UPDATE votes SET option_id = ?2 WHERE ballot_id = ?1')
        .bind(ballot!.id, a.options[1]!)
        .run()
    ).rejects.toThrow(/votes are replaced, never updated/)
  })

  it('refuses to delete an option that has votes', async () => {
    const { poll, options } = await newPoll()
    await castBallot(db, {
      pollId: poll.id,
      readerId: newReaderId(),
      optionIds: [options[0]!],
      now: Date.now(),
    })
    await expect(
      db.prepare('DELETE FROM poll_options WHERE id = ?1').bind(options[0]!).run()
    ).rejects.toThrow(/FOREIGN KEY constraint failed/)
  })
})

describe('reads', () => {
  it('load a thread’s polls with the reader’s choices in one batch', async () => {
    const { poll, options } = await newPoll()
    const reader = newReaderId()
    await castBallot(db, {
      pollId: poll.id,
      readerId: reader,
      optionIds: [options[1]!],
      now: Date.now(),
    })
    const [mine] = await loadPolls(db, [(await getPollByKey(db, SITE, poll.key))!], reader)
    expect(mine?.myChoices).toEqual([`o_${options[1]}`])
    expect(mine?.results?.options.map((o) => o.votes)).toEqual([0, 1, 0])
  })

  it('use indexes only: no table scan, whatever the number of votes', async () => {
    const choices = await queryPlan(
      `SELECT v.option_id FROM ballots b JOIN votes v ON v.ballot_id = b.id
       WHERE b.poll_id = ?1 AND b.reader_id = ?2`,
      1,
      'r_x'
    )
    expect(choices).not.toMatch(/SCAN/)
    const options = await queryPlan(
      'SELECT id FROM poll_options WHERE poll_id = ?1 ORDER BY position',
      1
    )
    expect(options).not.toMatch(/SCAN/)
    const hasVotes = await queryPlan(
      'SELECT 1 FROM votes WHERE poll_id = ?1 AND option_id = ?2',
      1,
      1
    )
    expect(hasVotes).toMatch(/USING COVERING INDEX votes_by_option/)
    const adminList = await queryPlan(
      'SELECT id FROM polls WHERE site_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT 10',
      SITE,
      99
    )
    expect(adminList).toMatch(/polls_by_site/)
    expect(adminList).not.toMatch(/TEMP B-TREE/)
    // The admin list of one thread (?thread=key): its polls by thread_id, newest first.
    const threadList = await queryPlan(
      `SELECT p.id FROM polls p WHERE p.site_id = ?1 AND p.id < ?2
         AND p.thread_id = (SELECT id FROM threads WHERE site_id = ?1 AND key = ?3)
       ORDER BY p.id DESC LIMIT 10`,
      SITE,
      99,
      'a-thread'
    )
    expect(threadList).toMatch(/SEARCH p USING INDEX polls_by_thread/)
    expect(threadList).not.toMatch(/SCAN|TEMP B-TREE/)
    const unthreaded = await queryPlan(
      `SELECT p.id FROM polls p WHERE p.site_id = ?1 AND p.id < ?2 AND p.thread_id IS NULL
       ORDER BY p.id DESC LIMIT 10`,
      SITE,
      99
    )
    expect(unthreaded).toMatch(/polls_by_site/)
    expect(unthreaded).not.toMatch(/TEMP B-TREE/)
  })
})
