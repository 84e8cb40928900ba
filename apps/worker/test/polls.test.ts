import { POLL_OPTIONS_MAX, PollSchema, VOTE_OPTION_IDS_MAX, type AdminPoll } from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, createSites, expectBody, expectError, OTHER_SITE, SITE } from './helpers.ts'
import {
  countRows,
  createPoll,
  editPoll,
  getPoll,
  pollPath,
  readerToken,
  vote,
  votesOf,
  withdraw,
} from './polls-helpers.ts'

const HOUR = 3600_000
const iso = (ms: number) => new Date(ms).toISOString()
let seq = 0
/** A fresh poll per test, so tests never see each other's votes. */
const fresh = (overrides: Partial<Parameters<typeof createPoll>[0]> = {}) =>
  createPoll({
    key: `poll-${++seq}`,
    question: 'Should Europe do more in countries of origin?',
    options: ['Yes', 'No', 'Not sure'],
    ...overrides,
  })
const ids = (poll: AdminPoll) => poll.options.map((o) => o.id)

beforeAll(createSites)

describe('GET /v1/sites/:site/polls/:poll', () => {
  it('returns the definition, empty results and no choices before anyone voted', async () => {
    const created = await fresh()
    const poll = await getPoll(created.id)
    expect(poll).toEqual({
      id: created.id,
      question: 'Should Europe do more in countries of origin?',
      kind: 'single',
      maxChoices: 1,
      opensAt: null,
      closesAt: null,
      status: 'open',
      resultsVisibility: 'always',
      allowVoteChange: true,
      options: created.options.map((o) => ({ id: o.id, label: o.label })),
      results: {
        totalVotes: 0,
        voters: 0,
        options: created.options.map((o) => ({ id: o.id, votes: 0, percent: 0 })),
      },
      resultsStatus: 'visible',
      myChoices: [],
      voted: false,
      // Votes need no Turnstile token on this site (test/turnstile.test.ts for one that does).
      turnstile: null,
    })
  })

  it('answers 404 poll_not_found for an unknown poll and 400 for a malformed key', async () => {
    await expectError(await api(pollPath('nope')), 404, 'poll_not_found')
    await expectError(await api(pollPath('No_Way')), 400, 'invalid_input', ['params.poll'])
  })

  it('keeps the same key on two sites apart', async () => {
    const mine = await fresh({ key: 'shared-key' })
    await createPoll({ key: 'shared-key', question: 'Other site', options: ['A', 'B'] }, OTHER_SITE)
    expect((await getPoll('shared-key')).question).toBe(mine.question)
  })

  it('is listed with its thread, with the same view', async () => {
    const created = await fresh({ thread: 'debate' })
    const token = await readerToken()
    await vote(created.id, [created.options[1]!.id], token)
    const res = await api(`/v1/sites/${SITE}/threads/debate`, { token })
    expect(res.status).toBe(200)
    const { polls } = (await res.json()) as { polls: unknown[] }
    // Poll.turnstile is left out there: Thread.turnstile says it for the whole thread.
    const { turnstile, ...standalone } = await getPoll(created.id, token)
    expect(turnstile).toBeNull()
    expect(polls.map((p) => PollSchema.parse(p))).toEqual([standalone])
  })

  it('says scheduled before opensAt and closed from closesAt on', async () => {
    const scheduled = await fresh({ opensAt: iso(Date.now() + HOUR) })
    expect(await getPoll(scheduled.id)).toMatchObject({
      status: 'scheduled',
      opensAt: scheduled.opensAt,
    })
    const closed = await fresh({
      closesAt: iso(Date.now() - 1000),
      opensAt: iso(Date.now() - HOUR),
    })
    expect((await getPoll(closed.id)).status).toBe('closed')
  })

  it('leaves hidden options out of the options, the results and the choices', async () => {
    const created = await fresh({ kind: 'multiple', options: ['A', 'B', 'C'] })
    const [a, b, c] = ids(created)
    const token = await readerToken()
    await vote(created.id, [a!, b!], token)
    await vote(created.id, [b!, c!], await readerToken())
    await editPoll(created.id, {
      options: [{ id: a }, { id: b, hidden: true }, { id: c }],
    })
    const poll = await getPoll(created.id, token)
    expect(poll.options.map((o) => o.id)).toEqual([a, c])
    expect(poll.myChoices).toEqual([a])
    expect(poll.results).toEqual({
      totalVotes: 2,
      voters: 2,
      options: [
        { id: a, votes: 1, percent: 50 },
        { id: c, votes: 1, percent: 50 },
      ],
    })
  })
})

describe('results visibility', () => {
  it('after_vote: withholds the results until the caller voted', async () => {
    const created = await fresh({ resultsVisibility: 'after_vote' })
    const hidden = await getPoll(created.id)
    expect(hidden).toMatchObject({ results: null, resultsStatus: 'hidden_until_vote' })
    const token = await readerToken()
    const voted = await expectBody(
      await vote(created.id, [ids(created)[0]!], token),
      200,
      PollSchema
    )
    expect(voted).toMatchObject({ resultsStatus: 'visible' })
    expect(votesOf(voted)).toEqual([1, 0, 0])
    expect((await getPoll(created.id, token)).results?.voters).toBe(1)
    expect((await getPoll(created.id)).results).toBeNull()
  })

  it('after_close: withholds them from everyone, voters too, until the poll closes', async () => {
    const created = await fresh({ resultsVisibility: 'after_close' })
    const token = await readerToken()
    const voted = await expectBody(
      await vote(created.id, [ids(created)[2]!], token),
      200,
      PollSchema
    )
    expect(voted).toMatchObject({ results: null, resultsStatus: 'hidden_until_close' })
    expect(voted.myChoices).toEqual([ids(created)[2]])
    await editPoll(created.id, { closeNow: true })
    const closed = await getPoll(created.id)
    expect(closed).toMatchObject({ status: 'closed', resultsStatus: 'visible' })
    expect(votesOf(closed)).toEqual([0, 0, 1])
  })

  it('after_vote: shows everyone the results once the poll has closed', async () => {
    const created = await fresh({ resultsVisibility: 'after_vote' })
    await editPoll(created.id, { closeNow: true })
    expect((await getPoll(created.id)).resultsStatus).toBe('visible')
  })
})

describe('Poll.voted', () => {
  /** A reader whose ballot holds only B, which the publisher then hides (A and C stay). */
  async function hiddenChoice(overrides: Parameters<typeof fresh>[0] = {}) {
    const created = await fresh({ resultsVisibility: 'after_vote', ...overrides })
    const [a, b, c] = ids(created)
    const token = await readerToken()
    expect((await vote(created.id, [b!], token)).status).toBe(200)
    await editPoll(created.id, { options: [{ id: a }, { id: b, hidden: true }, { id: c }] })
    return { created, token, a: a!, c: c! }
  }

  it('is false without a token or a ballot, true with one, false again once withdrawn', async () => {
    const created = await fresh()
    const token = await readerToken()
    expect((await getPoll(created.id)).voted).toBe(false)
    expect((await getPoll(created.id, token)).voted).toBe(false)
    const voted = await expectBody(
      await vote(created.id, [ids(created)[0]!], token),
      200,
      PollSchema
    )
    expect(voted.voted).toBe(true)
    expect((await getPoll(created.id, token)).voted).toBe(true)
    expect((await getPoll(created.id)).voted).toBe(false)
    expect((await expectBody(await withdraw(created.id, token), 200, PollSchema)).voted).toBe(false)
  })

  it('stays true when every chosen option is hidden since, with no choices shown and results on an after_vote poll', async () => {
    const { created, token } = await hiddenChoice()
    const poll = await getPoll(created.id, token)
    expect(poll).toMatchObject({ voted: true, myChoices: [], resultsStatus: 'visible' })
    // The hidden option's vote is left out of what readers see, but the ballot counts as a voter.
    expect(poll.results).toMatchObject({ totalVotes: 0, voters: 1 })
    expect(await getPoll(created.id)).toMatchObject({ voted: false, results: null })
  })

  it('lets such a reader vote again while changes are allowed', async () => {
    const { created, token, a } = await hiddenChoice()
    const again = await expectBody(await vote(created.id, [a], token), 200, PollSchema)
    expect(again).toMatchObject({ voted: true, myChoices: [a] })
    expect((await countRows(created.id)).ballots).toBe(1)
  })

  it('refuses such a reader a new vote with 409 vote_locked on a locked poll', async () => {
    const { created, token, a, c } = await hiddenChoice({ allowVoteChange: false })
    await expectError(await vote(created.id, [a], token), 409, 'vote_locked')
    await expectError(await vote(created.id, [c], token), 409, 'vote_locked')
    expect(await getPoll(created.id, token)).toMatchObject({ voted: true, myChoices: [] })
    expect(await countRows(created.id)).toEqual({
      ballots: 1,
      votes: 1,
      voter_count: 1,
      counted_votes: 1,
    })
  })
})

describe('ETag refresh', () => {
  it('sends a strong ETag and private, no-cache', async () => {
    const created = await fresh()
    const res = await api(pollPath(created.id))
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{22}"$/)
    expect(res.headers.get('cache-control')).toBe('private, no-cache')
    expect(res.headers.get('vary')).toMatch(/Authorization/)
  })

  it('answers If-None-Match with 304 and no body until the results change', async () => {
    const created = await fresh()
    const first = await api(pollPath(created.id))
    const etag = first.headers.get('etag')!
    const again = await api(pollPath(created.id), { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe('private, no-cache')
    // Weak comparison and lists, as RFC 9110 asks for If-None-Match.
    const listed = await api(pollPath(created.id), {
      headers: { 'if-none-match': `"other", W/${etag}` },
    })
    expect(listed.status).toBe(304)

    await vote(created.id, [ids(created)[0]!], await readerToken())
    const changed = await api(pollPath(created.id), { headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect(votesOf(PollSchema.parse(await changed.json()))).toEqual([1, 0, 0])
  })

  it("derives the tag from the caller's view: their choices, and only results they may see", async () => {
    const created = await fresh({ resultsVisibility: 'after_vote' })
    const voter = await readerToken()
    await vote(created.id, [ids(created)[0]!], voter)
    const anonymous = (await api(pollPath(created.id))).headers.get('etag')!
    const asVoter = (await api(pollPath(created.id), { token: voter })).headers.get('etag')
    expect(asVoter).not.toBe(anonymous)
    // Others' votes change nothing a non-voter may see: still 304.
    await vote(created.id, [ids(created)[1]!], await readerToken())
    const res = await api(pollPath(created.id), { headers: { 'if-none-match': anonymous } })
    expect(res.status).toBe(304)
  })
})

describe('PUT /v1/sites/:site/polls/:poll/vote', () => {
  it('records a single choice and returns the poll with results and myChoices', async () => {
    const created = await fresh()
    const token = await readerToken()
    const poll = await expectBody(
      await vote(created.id, [ids(created)[0]!], token),
      200,
      PollSchema
    )
    expect(poll.myChoices).toEqual([ids(created)[0]])
    expect(poll.results).toMatchObject({ totalVotes: 1, voters: 1 })
    expect(poll.results?.options.map((o) => o.percent)).toEqual([100, 0, 0])
    expect((await getPoll(created.id, token)).myChoices).toEqual([ids(created)[0]])
    expect((await getPoll(created.id)).myChoices).toEqual([])
  })

  it('replaces the choices on a second PUT, keeping one ballot', async () => {
    const created = await fresh()
    const token = await readerToken()
    await vote(created.id, [ids(created)[0]!], token)
    const changed = await expectBody(
      await vote(created.id, [ids(created)[1]!], token),
      200,
      PollSchema
    )
    expect(changed.myChoices).toEqual([ids(created)[1]])
    expect(votesOf(changed)).toEqual([0, 1, 0])
    expect(await countRows(created.id)).toEqual({
      ballots: 1,
      votes: 1,
      voter_count: 1,
      counted_votes: 1,
    })
  })

  it('takes up to maxChoices options on a multiple-choice poll, listed in option order', async () => {
    const created = await fresh({ kind: 'multiple', maxChoices: 2, options: ['A', 'B', 'C', 'D'] })
    const [a, b, c] = ids(created)
    const token = await readerToken()
    const poll = await expectBody(await vote(created.id, [c!, a!], token), 200, PollSchema)
    expect(poll.myChoices).toEqual([a, c])
    expect(poll.results).toMatchObject({ totalVotes: 2, voters: 1 })
    expect(poll.results?.options.map((o) => o.percent)).toEqual([50, 0, 50, 0])
    const changed = await expectBody(await vote(created.id, [b!], token), 200, PollSchema)
    expect(votesOf(changed)).toEqual([0, 1, 0, 0])
    expect(await countRows(created.id)).toEqual({
      ballots: 1,
      votes: 1,
      voter_count: 1,
      counted_votes: 1,
    })
  })

  it('answers 422 too_many_choices over maxChoices, and for two options on a single-choice poll', async () => {
    const multiple = await fresh({ kind: 'multiple', maxChoices: 2 })
    const token = await readerToken()
    await expectError(await vote(multiple.id, ids(multiple), token), 422, 'too_many_choices', [
      'body.optionIds',
    ])
    const single = await fresh()
    const [a, b] = ids(single)
    await expectError(await vote(single.id, [a!, b!], token), 422, 'too_many_choices', [
      'body.optionIds',
    ])
    expect((await countRows(single.id)).ballots).toBe(0)
  })

  it('answers 422 too_many_choices naming body.optionIds for more ids than any poll has, repeated ones included', async () => {
    const labels = Array.from({ length: POLL_OPTIONS_MAX }, (_, i) => `Option ${i + 1}`)
    const widest = await fresh({ kind: 'multiple', options: labels })
    expect(widest.maxChoices).toBe(POLL_OPTIONS_MAX)
    const token = await readerToken()
    const [first] = ids(widest)
    for (const optionIds of [
      [...ids(widest), 'o_999999'],
      Array<string>(POLL_OPTIONS_MAX + 1).fill(first!),
      Array<string>(VOTE_OPTION_IDS_MAX).fill(first!),
    ]) {
      const res = await vote(widest.id, optionIds, token)
      const body = await expectError(res, 422, 'too_many_choices', ['body.optionIds'])
      expect(body.error.issues?.[0]?.message).toBe(
        `must choose at most ${POLL_OPTIONS_MAX} options`
      )
    }
    // Past VOTE_OPTION_IDS_MAX the body itself is refused, before reading the poll.
    const huge = await vote(widest.id, Array<string>(VOTE_OPTION_IDS_MAX + 1).fill(first!), token)
    await expectError(huge, 400, 'invalid_input', ['body.optionIds'])
    expect((await countRows(widest.id)).ballots).toBe(0)
  })

  it('answers 422 invalid_option for unknown, foreign, hidden or repeated options', async () => {
    const created = await fresh({ kind: 'multiple' })
    const other = await fresh()
    const [a, b] = ids(created)
    await editPoll(created.id, {
      options: [{ id: a }, { id: b, hidden: true }, { id: ids(created)[2] }],
    })
    const token = await readerToken()
    for (const optionIds of [['o_999999'], [ids(other)[0]!], [b!], [a!, a!]]) {
      const res = await vote(created.id, optionIds, token)
      await expectError(res, 422, 'invalid_option', ['body.optionIds'])
    }
    expect((await countRows(created.id)).ballots).toBe(0)
  })

  it.each([
    ['no optionIds', {}],
    ['an empty list', { optionIds: [] }],
    ['a malformed id', { optionIds: ['1'] }],
    ['the old single-choice body', { optionId: 'o_1' }],
    ['a string instead of a list', { optionIds: 'o_1' }],
  ])('rejects %s with 400 naming body.optionIds', async (_, json) => {
    const created = await fresh()
    const res = await api(`${pollPath(created.id)}/vote`, {
      method: 'PUT',
      token: await readerToken(),
      json,
    })
    const body = await expectError(res, 400, 'invalid_input')
    expect(body.error.issues?.[0]?.path).toMatch(/^body\.optionIds/)
  })

  it('answers 409 poll_not_open before opensAt and 409 poll_closed after closesAt', async () => {
    const token = await readerToken()
    const scheduled = await fresh({ opensAt: iso(Date.now() + HOUR) })
    await expectError(await vote(scheduled.id, [ids(scheduled)[0]!], token), 409, 'poll_not_open')
    const closed = await fresh()
    await editPoll(closed.id, { closeNow: true })
    await expectError(await vote(closed.id, [ids(closed)[0]!], token), 409, 'poll_closed')
    expect((await countRows(closed.id)).ballots).toBe(0)
  })

  it('keeps a locked vote: the same ballot again is a 200 replay, another choice 409 vote_locked', async () => {
    const created = await fresh({ allowVoteChange: false })
    const [a, b] = ids(created)
    const token = await readerToken()
    await expectBody(await vote(created.id, [a!], token), 200, PollSchema)
    const replay = await expectBody(await vote(created.id, [a!], token), 200, PollSchema)
    expect(replay.myChoices).toEqual([a])
    await expectError(await vote(created.id, [b!], token), 409, 'vote_locked')
    await expectError(await withdraw(created.id, token), 409, 'vote_locked')
    expect(votesOf(await getPoll(created.id))).toEqual([1, 0, 0])
  })

  it('requires a reader token of this site', async () => {
    const created = await fresh()
    const res = await api(`${pollPath(created.id)}/vote`, {
      method: 'PUT',
      json: { optionIds: [ids(created)[0]] },
    })
    await expectError(res, 401, 'unauthorized')
    const foreign = await readerToken(OTHER_SITE)
    await expectError(await vote(created.id, [ids(created)[0]!], foreign), 401, 'unauthorized')
  })

  it('answers 404 poll_not_found for an unknown poll and 415 for a non-JSON body', async () => {
    const token = await readerToken()
    await expectError(await vote('nope', ['o_1'], token), 404, 'poll_not_found')
    const created = await fresh()
    const res = await api(`${pollPath(created.id)}/vote`, {
      method: 'PUT',
      token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `optionIds=${ids(created)[0]}`,
    })
    await expectError(res, 415, 'unsupported_media_type')
  })
})

describe('DELETE /v1/sites/:site/polls/:poll/vote', () => {
  it('withdraws the ballot and its votes', async () => {
    const created = await fresh({ kind: 'multiple' })
    const token = await readerToken()
    await vote(created.id, ids(created).slice(0, 2), token)
    await vote(created.id, [ids(created)[0]!], await readerToken())
    const poll = await expectBody(await withdraw(created.id, token), 200, PollSchema)
    expect(poll.myChoices).toEqual([])
    expect(poll.results).toMatchObject({ totalVotes: 1, voters: 1 })
    expect(await countRows(created.id)).toEqual({
      ballots: 1,
      votes: 1,
      voter_count: 1,
      counted_votes: 1,
    })
  })

  it('is a no-op without a ballot', async () => {
    const created = await fresh()
    const poll = await expectBody(await withdraw(created.id, await readerToken()), 200, PollSchema)
    expect(poll.results?.voters).toBe(0)
  })

  it('answers 409 poll_closed once the poll has closed', async () => {
    const created = await fresh()
    const token = await readerToken()
    await vote(created.id, [ids(created)[0]!], token)
    await editPoll(created.id, { closeNow: true })
    await expectError(await withdraw(created.id, token), 409, 'poll_closed')
    expect((await countRows(created.id)).ballots).toBe(1)
  })
})

describe('percentages through the API', () => {
  async function tally(counts: number[]) {
    const created = await fresh({ options: counts.map((_, i) => `Option ${i + 1}`) })
    const choices = counts.flatMap((n, i) => Array<string>(n).fill(ids(created)[i]!))
    await Promise.all(choices.map(async (id) => vote(created.id, [id], await readerToken())))
    return (await getPoll(created.id)).results!
  }

  it.each([
    [
      [1, 1, 1],
      [34, 33, 33],
    ],
    [
      [4, 2, 1],
      [57, 29, 14],
    ],
    [
      [15, 10, 5],
      [50, 33, 17],
    ],
    [
      [1, 0, 0, 0, 0, 0, 0, 0, 0, 2],
      [33, 0, 0, 0, 0, 0, 0, 0, 0, 67],
    ],
  ])('rounds %j to %j by largest remainder, summing to 100', async (counts, expected) => {
    const results = await tally(counts)
    expect(results.options.map((o) => o.votes)).toEqual(counts)
    expect(results.options.map((o) => o.percent)).toEqual(expected)
    expect(results.options.reduce((sum, o) => sum + o.percent, 0)).toBe(100)
  })

  it('sums to 100 over all chosen options of a multiple-choice poll', async () => {
    const created = await fresh({ kind: 'multiple', options: ['A', 'B', 'C'] })
    const [a, b, c] = ids(created)
    for (const choice of [[a!, b!], [a!, b!, c!], [c!], [a!]]) {
      await vote(created.id, choice, await readerToken())
    }
    const { results } = await getPoll(created.id)
    expect(results).toMatchObject({ totalVotes: 7, voters: 4 })
    expect(results!.options.map((o) => o.percent)).toEqual([43, 29, 28])
  })
})
