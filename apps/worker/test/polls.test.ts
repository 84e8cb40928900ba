import { PollSchema, ThreadSchema, type Poll } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPoll } from '../src/db/polls.ts'
import {
  api,
  createSites,
  expectBody,
  expectError,
  newReader,
  OTHER_SITE,
  SITE,
} from './helpers.ts'

const POLL = `/v1/sites/${SITE}/polls/origin-countries`
let token: string
let options: Poll['options']

const vote = (optionId: string, as = token, poll = POLL) =>
  api(`${poll}/vote`, { method: 'PUT', token: as, json: { optionId } })

async function voteCount(): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM votes').first<{ n: number }>()
  return row!.n
}

beforeAll(async () => {
  await createSites()
  // The poll belongs to a thread, which exists once it has a comment.
  token = (await newReader()).token
  await api(`/v1/sites/${SITE}/threads/debate/comments`, {
    method: 'POST',
    token,
    json: { authorName: 'Ada', text: 'First' },
  })
  const thread = await env.DB.prepare("SELECT id FROM threads WHERE key = 'debate'").first<{
    id: number
  }>()
  await createPoll(env.DB, {
    siteId: SITE,
    key: 'origin-countries',
    threadId: thread!.id,
    question: 'Should Europe do more in countries of origin?',
    options: ['Yes', 'No', 'Not sure'],
  })
  await createPoll(env.DB, {
    siteId: OTHER_SITE,
    key: 'origin-countries',
    threadId: null,
    question: 'Same key, other site',
    options: ['A', 'B'],
  })
  options = (await expectBody(await api(POLL), 200, PollSchema)).options
})

describe('GET /v1/sites/:site/polls/:poll', () => {
  it('returns the poll with zero results before anyone voted', async () => {
    const poll = await expectBody(await api(POLL), 200, PollSchema)
    expect(poll).toMatchObject({
      id: 'origin-countries',
      question: 'Should Europe do more in countries of origin?',
      totalVotes: 0,
      myVote: null,
    })
    expect(poll.options.map((o) => [o.label, o.votes, o.percent])).toEqual([
      ['Yes', 0, 0],
      ['No', 0, 0],
      ['Not sure', 0, 0],
    ])
    expect(poll.options.every((o) => /^o_\d+$/.test(o.id))).toBe(true)
  })

  it('answers 404 poll_not_found for an unknown poll and 400 for a malformed key', async () => {
    await expectError(await api(`/v1/sites/${SITE}/polls/nope`), 404, 'poll_not_found')
    await expectError(await api(`/v1/sites/${SITE}/polls/No_Way`), 400, 'invalid_input', [
      'params.poll',
    ])
  })

  it('is attached to its thread, with results', async () => {
    const thread = await expectBody(
      await api(`/v1/sites/${SITE}/threads/debate`),
      200,
      ThreadSchema
    )
    expect(thread.polls.map((p) => p.id)).toEqual(['origin-countries'])
  })
})

describe('PUT /v1/sites/:site/polls/:poll/vote', () => {
  it('records the vote and returns the poll with results and myVote', async () => {
    const reader = await newReader()
    const poll = await expectBody(await vote(options[0]!.id, reader.token), 200, PollSchema)
    expect(poll.myVote).toBe(options[0]!.id)
    expect(poll.totalVotes).toBe(1)
    expect(poll.options.map((o) => o.percent)).toEqual([100, 0, 0])
    // myVote on later reads, only for the reader who voted.
    const mine = await expectBody(await api(POLL, { token: reader.token }), 200, PollSchema)
    expect(mine.myVote).toBe(options[0]!.id)
    expect((await expectBody(await api(POLL), 200, PollSchema)).myVote).toBeNull()
    const thread = await expectBody(
      await api(`/v1/sites/${SITE}/threads/debate`, { token: reader.token }),
      200,
      ThreadSchema
    )
    expect(thread.polls[0]!.myVote).toBe(options[0]!.id)
  })

  it('changes the vote on a second PUT instead of adding one', async () => {
    const reader = await newReader()
    const before = await voteCount()
    await expectBody(await vote(options[0]!.id, reader.token), 200, PollSchema)
    const changed = await expectBody(await vote(options[1]!.id, reader.token), 200, PollSchema)
    expect(changed.myVote).toBe(options[1]!.id)
    expect(await voteCount()).toBe(before + 1)
  })

  it('leaves exactly one vote after 20 concurrent PUTs by one reader', async () => {
    const reader = await newReader()
    const before = await voteCount()
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => vote(options[i % 3]!.id, reader.token))
    )
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(await voteCount()).toBe(before + 1)
    const poll = await expectBody(await api(POLL, { token: reader.token }), 200, PollSchema)
    expect(options.map((o) => o.id)).toContain(poll.myVote)
  })

  it('counts many readers exactly, with percentages that sum to 100', async () => {
    await env.DB.prepare('DELETE FROM votes').run()
    const readers = await Promise.all(Array.from({ length: 30 }, () => newReader()))
    const choices = readers.map((_, i) => (i < 15 ? 0 : i < 25 ? 1 : 2))
    await Promise.all(readers.map((r, i) => vote(options[choices[i]!]!.id, r.token)))
    const poll = await expectBody(await api(POLL), 200, PollSchema)
    expect(poll.totalVotes).toBe(30)
    expect(poll.options.map((o) => o.votes)).toEqual([15, 10, 5])
    expect(poll.options.map((o) => o.percent)).toEqual([50, 33, 17])
  })

  it('answers 422 invalid_option for an option of another poll or no option at all', async () => {
    const other = await expectBody(
      await api(`/v1/sites/${OTHER_SITE}/polls/origin-countries`),
      200,
      PollSchema
    )
    await expectError(await vote(other.options[0]!.id), 422, 'invalid_option', ['body.optionId'])
    await expectError(await vote('o_999999'), 422, 'invalid_option')
    await expectError(await vote('o_abc'), 422, 'invalid_option')
  })

  it('rejects a malformed vote with 400 naming the field', async () => {
    await expectError(await vote('1'), 400, 'invalid_input', ['body.optionId'])
    const empty = await api(`${POLL}/vote`, { method: 'PUT', token, json: {} })
    await expectError(empty, 400, 'invalid_input', ['body.optionId'])
  })

  it('requires a reader token of this site', async () => {
    await expectError(
      await api(`${POLL}/vote`, { method: 'PUT', json: { optionId: options[0]!.id } }),
      401,
      'unauthorized'
    )
    const foreign = await newReader(OTHER_SITE)
    await expectError(await vote(options[0]!.id, foreign.token), 401, 'unauthorized')
  })

  it('answers 404 poll_not_found when voting on an unknown poll', async () => {
    const res = await vote(options[0]!.id, token, `/v1/sites/${SITE}/polls/nope`)
    await expectError(res, 404, 'poll_not_found')
  })

  it('rejects a non-JSON body with 415', async () => {
    const res = await api(`${POLL}/vote`, {
      method: 'PUT',
      token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `optionId=${options[0]!.id}`,
    })
    await expectError(res, 415, 'unsupported_media_type')
  })
})
