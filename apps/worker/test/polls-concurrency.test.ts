import {
  DEFAULT_RATE_LIMITS,
  ErrorBodySchema,
  PollSchema,
  type AdminPoll,
  type Poll,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { putSite } from '../src/db/sites.ts'
import { api, createSites } from './helpers.ts'
import {
  countRows,
  createPoll,
  getPoll,
  pollPath,
  readerToken,
  vote,
  withdraw,
} from './polls-helpers.ts'

// Everything here runs against the real D1 of workerd, through the Worker's fetch handler, with
// all requests in flight at once (Promise.all): the guarantees come from the database.

let seq = 0
const fresh = (overrides: Partial<Parameters<typeof createPoll>[0]> = {}) =>
  createPoll({ key: `race-${++seq}`, question: 'Q?', options: ['A', 'B', 'C'], ...overrides })
const ids = (poll: AdminPoll) => poll.options.map((o) => o.id)

/** Counters kept by triggers must equal what the rows say, for every poll and option. */
async function expectCountersMatchRows() {
  const drift = await env.DB.prepare(
    `SELECT 'option' AS what, o.id FROM poll_options o
       WHERE o.vote_count != (SELECT COUNT(*) FROM votes v WHERE v.option_id = o.id)
     UNION ALL
     SELECT 'poll', p.id FROM polls p
       WHERE p.voter_count != (SELECT COUNT(*) FROM ballots b WHERE b.poll_id = p.id)
     UNION ALL
     SELECT 'empty ballot', b.id FROM ballots b
       WHERE NOT EXISTS (SELECT 1 FROM votes v WHERE v.ballot_id = b.id)`
  ).all()
  expect(drift.results).toEqual([])
}

/** A site whose vote rate limits are out of reach, so every request of a race reaches the write. */
const UNLIMITED = 'race'
const FAR = { max: 1_000_000, windowSeconds: 60 }

beforeAll(async () => {
  await createSites()
  await putSite(env.DB, { id: UNLIMITED, name: 'Race', allowedOrigins: [] })
  const votes = { reader: FAR, network: FAR, site: FAR }
  await env.DB.prepare('UPDATE sites SET settings = json_patch(settings, ?2) WHERE id = ?1')
    .bind(UNLIMITED, JSON.stringify({ rateLimits: { votes } }))
    .run()
})

describe('1,000 different readers voting at once', () => {
  it('counts exactly 1,000 ballots, with counts and percentages that add up', async () => {
    const poll = await fresh()
    const tokens = await Promise.all(Array.from({ length: 1000 }, () => readerToken()))
    const responses = await Promise.all(
      tokens.map((token, i) => vote(poll.id, [ids(poll)[i % 3]!], token))
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s !== 200)).toEqual([])
    await Promise.all(responses.map((r) => r.body?.cancel()))

    expect(await countRows(poll.id)).toEqual({
      ballots: 1000,
      votes: 1000,
      voter_count: 1000,
      counted_votes: 1000,
    })
    const { results } = await getPoll(poll.id)
    expect(results).toMatchObject({ totalVotes: 1000, voters: 1000 })
    expect(results!.options.map((o) => o.votes)).toEqual([334, 333, 333])
    expect(results!.options.map((o) => o.percent)).toEqual([34, 33, 33])
    await expectCountersMatchRows()
  }, 60_000)

  it('keeps multiple-choice tallies exact too', async () => {
    const poll = await fresh({ kind: 'multiple', maxChoices: 2 })
    const [a, b, c] = ids(poll)
    const choices = [[a!, b!], [b!, c!], [c!]]
    const tokens = await Promise.all(Array.from({ length: 300 }, () => readerToken()))
    const responses = await Promise.all(tokens.map((t, i) => vote(poll.id, choices[i % 3]!, t)))
    expect(responses.every((r) => r.status === 200)).toBe(true)
    await Promise.all(responses.map((r) => r.body?.cancel()))
    const { results } = await getPoll(poll.id)
    expect(results).toMatchObject({ totalVotes: 500, voters: 300 })
    expect(results!.options.map((o) => o.votes)).toEqual([100, 200, 200])
    expect(results!.options.reduce((sum, o) => sum + o.percent, 0)).toBe(100)
    await expectCountersMatchRows()
  }, 30_000)
})

describe('one reader sending 50 votes at once', () => {
  it('counts exactly one ballot; the rest are 200 replays or 429s', async () => {
    const poll = await fresh()
    const token = await readerToken()
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => vote(poll.id, [ids(poll)[1]!], token))
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true)
    expect(statuses.filter((s) => s === 200)).toHaveLength(DEFAULT_RATE_LIMITS.votes.reader.max)
    await Promise.all(responses.map((r) => r.body?.cancel()))
    expect(await countRows(poll.id)).toEqual({
      ballots: 1,
      votes: 1,
      voter_count: 1,
      counted_votes: 1,
    })
    expect((await getPoll(poll.id, token)).myChoices).toEqual([ids(poll)[1]])
  })

  it('counts one ballot on a locked poll too, answering the duplicates as replays', async () => {
    const poll = await fresh({ allowVoteChange: false })
    const token = await readerToken()
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => vote(poll.id, [ids(poll)[0]!], token))
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(DEFAULT_RATE_LIMITS.votes.reader.max)
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([])
    await Promise.all(responses.map((r) => r.body?.cancel()))
    expect(await countRows(poll.id)).toEqual({
      ballots: 1,
      votes: 1,
      voter_count: 1,
      counted_votes: 1,
    })
  })
})

describe('one reader changing their vote concurrently', () => {
  it('ends with exactly one ballot holding one of the requested choices', async () => {
    const poll = await fresh({ kind: 'multiple', options: ['A', 'B', 'C', 'D'] })
    const [a, b, c, d] = ids(poll)
    const sets = [[a!], [b!, c!], [a!, b!, c!, d!], [d!], [c!, a!]]
    const token = await readerToken()
    const responses = await Promise.all(
      Array.from({ length: DEFAULT_RATE_LIMITS.votes.reader.max }, (_, i) =>
        vote(poll.id, sets[i % 5]!, token)
      )
    )
    expect(responses.map((r) => r.status)).toEqual(
      Array(DEFAULT_RATE_LIMITS.votes.reader.max).fill(200)
    )
    // Each response shows the ballot exactly as its own write left it.
    for (const [i, res] of responses.entries()) {
      const body = PollSchema.parse(await res.json())
      expect([...body.myChoices].sort()).toEqual([...sets[i % 5]!].sort())
    }
    const final = await getPoll(poll.id, token)
    expect(sets.map((s) => [...s].sort().join())).toContain([...final.myChoices].sort().join())
    const rows = await countRows(poll.id)
    expect(rows).toMatchObject({ ballots: 1, voter_count: 1, votes: final.myChoices.length })
    expect(final.results!.totalVotes).toBe(final.myChoices.length)
    await expectCountersMatchRows()
  })

  it('stays consistent when votes and withdrawals interleave', async () => {
    const poll = await fresh()
    const token = await readerToken()
    const responses = await Promise.all(
      Array.from({ length: DEFAULT_RATE_LIMITS.votes.reader.max }, (_, i) =>
        i % 2 === 0 ? vote(poll.id, [ids(poll)[i % 3]!], token) : withdraw(poll.id, token)
      )
    )
    expect(responses.map((r) => r.status)).toEqual(
      Array(DEFAULT_RATE_LIMITS.votes.reader.max).fill(200)
    )
    await Promise.all(responses.map((r) => r.body?.cancel()))
    const rows = await countRows(poll.id)
    expect(rows.ballots).toBeLessThanOrEqual(1)
    expect(rows.votes).toBe(rows.ballots)
    const final = await getPoll(poll.id, token)
    expect(final.myChoices).toHaveLength(rows.ballots)
    await expectCountersMatchRows()
  })
})

describe('one reader sending 50 votes at once, all of them reaching the ballot write', () => {
  const unlimitedVote = (poll: string, optionIds: string[], token: string) =>
    api(`${pollPath(poll, UNLIMITED)}/vote`, { method: 'PUT', token, json: { optionIds } })

  const key = (choices: readonly string[]) => [...choices].sort().join()

  /**
   * 50 votes of one reader with mixed choices, all in flight at once. Each response is a 200
   * showing its own choices (changes allowed) or the one ballot kept (locked), or 409 vote_locked;
   * never a 429 (the limits are out of reach), never a 5xx.
   */
  async function race(poll: AdminPoll, sets: string[][]) {
    const token = await readerToken(UNLIMITED)
    const sent = Array.from({ length: 50 }, (_, i) => sets[i % sets.length]!)
    const responses = await Promise.all(
      sent.map((choices) => unlimitedVote(poll.id, choices, token))
    )
    const answers = await Promise.all(
      responses.map(async (res) => ({ status: res.status, body: (await res.json()) as unknown }))
    )
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([])
    const final = PollSchema.parse(
      await (await api(pollPath(poll.id, UNLIMITED), { token })).json()
    )
    expect(await countRows(poll.id, UNLIMITED)).toEqual({
      ballots: 1,
      votes: final.myChoices.length,
      voter_count: 1,
      counted_votes: final.myChoices.length,
    })
    expect(final).toMatchObject({ voted: true, results: { voters: 1 } })
    expect(final.results!.totalVotes).toBe(final.myChoices.length)
    await expectCountersMatchRows()
    return { sent, answers, final }
  }

  /** Changes allowed: every request is a 200 and shows its own ballot; the last write stays. */
  function expectAllWritten({ sent, answers, final }: Awaited<ReturnType<typeof race>>) {
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200))
    for (const [i, { body }] of answers.entries()) {
      expect(key((body as Poll).myChoices)).toBe(key(sent[i]!))
    }
    expect(sent.map(key)).toContain(key(final.myChoices))
  }

  /** Locked: the first ballot stays; its replays are 200s, every other choice 409 vote_locked. */
  function expectFirstKept({ sent, answers, final }: Awaited<ReturnType<typeof race>>) {
    const kept = key(final.myChoices)
    expect(sent.map(key)).toContain(kept)
    for (const [i, { status, body }] of answers.entries()) {
      if (key(sent[i]!) === kept) {
        expect(status).toBe(200)
        expect(key(PollSchema.parse(body).myChoices)).toBe(kept)
      } else {
        expect(status).toBe(409)
        expect(ErrorBodySchema.parse(body).error.code).toBe('vote_locked')
      }
    }
  }

  it('single choice, changes allowed: one ballot, holding one of the choices sent', async () => {
    const poll = await createPoll(
      { key: `race-${++seq}`, question: 'Q?', options: ['A', 'B', 'C'] },
      UNLIMITED
    )
    const [a, b, c] = ids(poll)
    expectAllWritten(await race(poll, [[a!], [b!], [c!]]))
  })

  it('single choice, locked: one ballot, the first write', async () => {
    const poll = await createPoll(
      { key: `race-${++seq}`, question: 'Q?', options: ['A', 'B', 'C'], allowVoteChange: false },
      UNLIMITED
    )
    const [a, b, c] = ids(poll)
    expectFirstKept(await race(poll, [[a!], [b!], [c!]]))
  })

  it('multiple choice, changes allowed: one ballot holding one of the sets sent', async () => {
    const poll = await createPoll(
      { key: `race-${++seq}`, question: 'Q?', options: ['A', 'B', 'C', 'D'], kind: 'multiple' },
      UNLIMITED
    )
    const [a, b, c, d] = ids(poll)
    expectAllWritten(await race(poll, [[a!], [b!, c!], [a!, b!, c!, d!], [d!, a!]]))
  })

  it('multiple choice, locked: one ballot, the first set written', async () => {
    const poll = await createPoll(
      {
        key: `race-${++seq}`,
        question: 'Q?',
        options: ['A', 'B', 'C', 'D'],
        kind: 'multiple',
        maxChoices: 3,
        allowVoteChange: false,
      },
      UNLIMITED
    )
    const [a, b, c, d] = ids(poll)
    expectFirstKept(await race(poll, [[a!, b!], [c!], [b!, c!, d!], [d!]]))
  })
})
