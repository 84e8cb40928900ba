import { DEFAULT_RATE_LIMITS, type AdminPoll } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSites, expectError, SITE } from './helpers.ts'
import { countRows, createPoll, readerToken, vote, withdraw } from './polls-helpers.ts'

let poll: AdminPoll
const option = () => poll.options[0]!.id

beforeAll(async () => {
  await createSites()
  poll = await createPoll({ key: 'limited', question: 'Q?', options: ['A', 'B'] })
})

/**
 * Limits count in fixed windows, so a burst that straddles a window's end is split over two and
 * never reaches the limit. Start each burst with at least `marginMs` left in the window.
 */
async function awayFromWindowEnd(windowSeconds: number, marginMs = 15_000) {
  const ms = windowSeconds * 1000
  const left = ms - (Date.now() % ms)
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50))
}

async function expectRateLimited(res: Response, windowSeconds: number) {
  await expectError(res, 429, 'rate_limited')
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(Number.isInteger(retryAfter)).toBe(true)
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds)
}

// Each test may wait for the next rate-limit window (up to 15 s) before its burst.
describe('vote rate limits', { timeout: 30_000 }, () => {
  it('limit each reader token, counting withdrawals too', async () => {
    const token = await readerToken()
    const { max, windowSeconds } = DEFAULT_RATE_LIMITS.votes.reader
    await awayFromWindowEnd(windowSeconds)
    for (let i = 0; i < max; i++) {
      const res =
        i % 2 === 0 ? await vote(poll.id, [option()], token) : await withdraw(poll.id, token)
      expect(res.status).toBe(200)
    }
    await expectRateLimited(await vote(poll.id, [option()], token), windowSeconds)
    await expectRateLimited(await withdraw(poll.id, token), windowSeconds)
    // Another reader is not affected.
    expect((await vote(poll.id, [option()], await readerToken())).status).toBe(200)
  })

  it('limit each network, IPv6 by its /64, under a hash that never stores the address', async () => {
    const { max, windowSeconds } = DEFAULT_RATE_LIMITS.votes.network
    const before = (await countRows(poll.id)).ballots
    const from = (ip: string) => ({ 'cf-connecting-ip': ip })
    const tokens = await Promise.all(Array.from({ length: max + 1 }, () => readerToken()))
    await awayFromWindowEnd(windowSeconds)
    const responses = await Promise.all(
      // Addresses inside one /64: one network.
      tokens.map((t, i) => vote(poll.id, [option()], t, from(`2001:db8:1:2::${i.toString(16)}`)))
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(max)
    const refused = responses[statuses.indexOf(429)]!
    await expectRateLimited(refused, windowSeconds)
    await Promise.all(responses.filter((r) => !r.bodyUsed).map((r) => r.body?.cancel()))
    expect((await countRows(poll.id)).ballots).toBe(before + max)

    const otherNetwork = await vote(
      poll.id,
      [option()],
      await readerToken(),
      from('2001:db8:1:3::1')
    )
    expect(otherNetwork.status).toBe(200)

    const { results } = await env.DB.prepare(
      `SELECT key AS text FROM rate_counters UNION ALL SELECT reader_id FROM ballots`
    ).all<{ text: string }>()
    expect(results.some((r) => r.text.includes('network:'))).toBe(true)
    // Any recognisable part of the address: random reader ids may well contain "db8" on their own.
    expect(results.filter((r) => /2001:|:db8|db8:1/i.test(r.text))).toEqual([])
  })

  it('limit the site as a whole', async () => {
    const { max, windowSeconds } = DEFAULT_RATE_LIMITS.votes.site
    const ms = windowSeconds * 1000
    // Fill the current window up to the limit, as `max` votes would have.
    await awayFromWindowEnd(windowSeconds, 3000)
    const start = Math.floor(Date.now() / ms) * ms
    await env.DB.prepare(
      `INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (key) DO UPDATE SET window_start = ?2, count = ?3, expires_at = ?4`
    )
      .bind(`${SITE}|votes|site`, start, max, start + ms)
      .run()
    const before = await countRows(poll.id)
    await expectRateLimited(await vote(poll.id, [option()], await readerToken()), windowSeconds)
    expect(await countRows(poll.id)).toEqual(before)
  })
})
