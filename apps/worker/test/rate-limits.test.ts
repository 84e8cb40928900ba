import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { dailySalt, hashedNetwork, purgeOldSalts } from '../src/db/network-salts.ts'
import { consumeRateLimits, purgeExpiredCounters } from '../src/db/rate-limits.ts'
import { networkOf } from '../src/lib/network.ts'

const DAY = 24 * 3600 * 1000
const T0 = Date.UTC(2026, 10, 29, 12, 0, 0)

describe('networkOf', () => {
  const of = (ip?: string) => networkOf(new Headers(ip ? { 'cf-connecting-ip': ip } : {}))

  it('keeps an IPv4 address whole and reduces IPv6 to its /64', () => {
    expect(of('203.0.113.7')).toBe('203.0.113.7')
    expect(of('2001:db8:85a3:0042:1000:8a2e:0370:7334')).toBe('2001:db8:85a3:42::/64')
    expect(of('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(of('2001:DB8:0:0:ffff::2')).toBe(of('2001:db8::1'))
  })

  it('is null without the header', () => {
    expect(of()).toBeNull()
  })
})

describe('network hashes', () => {
  it('use one salt per UTC day, so the same network hashes differently tomorrow', async () => {
    const today = await hashedNetwork(env.DB, '203.0.113.7', T0)
    expect(await hashedNetwork(env.DB, '203.0.113.7', T0 + 1000)).toBe(today)
    expect(await hashedNetwork(env.DB, '203.0.113.8', T0)).not.toBe(today)
    expect(await hashedNetwork(env.DB, '203.0.113.7', T0 + DAY)).not.toBe(today)
    expect(today).not.toContain('203')
    expect(await hashedNetwork(env.DB, null, T0)).toBeNull()
  })

  it('agree on one salt under concurrent first requests of a day', async () => {
    const day = T0 + 10 * DAY
    const salts = await Promise.all(Array.from({ length: 20 }, () => dailySalt(env.DB, day)))
    expect(new Set(salts).size).toBe(1)
  })

  it('forget past salts when purged', async () => {
    await dailySalt(env.DB, T0 + 20 * DAY)
    await dailySalt(env.DB, T0 + 21 * DAY)
    await purgeOldSalts(env.DB, T0 + 21 * DAY).run()
    const { results } = await env.DB.prepare('SELECT day FROM network_salts').all<{ day: string }>()
    expect(results.map((r) => r.day)).toEqual(['2026-12-20'])
  })
})

describe('consumeRateLimits', () => {
  const limits = [
    { subject: 'reader:r1', max: 3, windowSeconds: 60 },
    { subject: 'site', max: 5, windowSeconds: 3600 },
  ]

  it('allows up to max per window, then refuses with the time left in the window', async () => {
    const results = []
    for (let i = 0; i < 4; i++)
      results.push(await consumeRateLimits(env.DB, 's1', 'post', limits, T0))
    expect(results.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }])
    expect(results[3]).toEqual({ allowed: false, subject: 'reader:r1', retryAfterSeconds: 60 })
    // A new minute opens the reader's window; the site's hourly limit (5) is what stops it next.
    // The refused 4th attempt counted against the reader's limit only: the site is at 3.
    const later = T0 + 60_000
    expect(await consumeRateLimits(env.DB, 's1', 'post', limits, later)).toEqual({ allowed: true })
    expect(await consumeRateLimits(env.DB, 's1', 'post', limits, later)).toEqual({ allowed: true })
    expect(await consumeRateLimits(env.DB, 's1', 'post', limits, later)).toEqual({
      allowed: false,
      subject: 'site',
      retryAfterSeconds: 3540,
    })
  })

  it('counts an attempt a narrower limit refused against that limit only', async () => {
    const tiers = (reader: string, network: string) => [
      { subject: `reader:${reader}`, max: 2, windowSeconds: 60 },
      { subject: `network:${network}`, max: 4, windowSeconds: 60 },
      { subject: 'site', max: 6, windowSeconds: 60 },
    ]
    const attempt = (reader: string, network: string) =>
      consumeRateLimits(env.DB, 's5', 'vote', tiers(reader, network), T0)
    // One reader hammering: refused by its own limit, the network's and the site's stay at 2.
    const hammer = await Promise.all(Array.from({ length: 30 }, () => attempt('a', 'n1')))
    expect(hammer.filter((r) => r.allowed)).toHaveLength(2)
    expect(hammer.filter((r) => !r.allowed && r.subject === 'reader:a')).toHaveLength(28)
    // Other readers of that network: two more pass, then the network refuses without the site.
    expect((await attempt('b', 'n1')).allowed).toBe(true)
    expect((await attempt('c', 'n1')).allowed).toBe(true)
    expect(await attempt('d', 'n1')).toMatchObject({ allowed: false, subject: 'network:n1' })
    expect(await attempt('e', 'n1')).toMatchObject({ allowed: false, subject: 'network:n1' })
    // So the site has counted 4 of its 6: readers of other networks still get 2 through.
    expect((await attempt('f', 'n2')).allowed).toBe(true)
    expect((await attempt('g', 'n3')).allowed).toBe(true)
    expect(await attempt('h', 'n4')).toMatchObject({ allowed: false, subject: 'site' })
    const { results } = await env.DB.prepare(
      "SELECT key, count FROM rate_counters WHERE key LIKE 's5|vote|%' ORDER BY key"
    ).all()
    expect(results).toEqual([
      { key: 's5|vote|network:n1', count: 6 },
      { key: 's5|vote|network:n2', count: 1 },
      { key: 's5|vote|network:n3', count: 1 },
      { key: 's5|vote|network:n4', count: 1 },
      { key: 's5|vote|reader:a', count: 30 },
      { key: 's5|vote|reader:b', count: 1 },
      { key: 's5|vote|reader:c', count: 1 },
      { key: 's5|vote|reader:d', count: 1 },
      { key: 's5|vote|reader:e', count: 1 },
      { key: 's5|vote|reader:f', count: 1 },
      { key: 's5|vote|reader:g', count: 1 },
      { key: 's5|vote|reader:h', count: 1 },
      { key: 's5|vote|site', count: 7 },
    ])
  })

  it('counts exactly under concurrency', async () => {
    const one = [{ subject: 'reader:burst', max: 10, windowSeconds: 60 }]
    const results = await Promise.all(
      Array.from({ length: 50 }, () => consumeRateLimits(env.DB, 's2', 'vote', one, T0))
    )
    expect(results.filter((r) => r.allowed)).toHaveLength(10)
  })

  it('keeps sites and actions apart, and purges ended windows', async () => {
    const one = [{ subject: 'reader:x', max: 1, windowSeconds: 60 }]
    expect((await consumeRateLimits(env.DB, 's3', 'post', one, T0)).allowed).toBe(true)
    expect((await consumeRateLimits(env.DB, 's3', 'react', one, T0)).allowed).toBe(true)
    expect((await consumeRateLimits(env.DB, 's4', 'post', one, T0)).allowed).toBe(true)
    expect((await consumeRateLimits(env.DB, 's3', 'post', one, T0)).allowed).toBe(false)
    await purgeExpiredCounters(env.DB, T0 + 60_000).run()
    const { results } = await env.DB.prepare(
      "SELECT key FROM rate_counters WHERE key LIKE 's3|%' OR key LIKE 's4|%'"
    ).all()
    expect(results).toEqual([])
  })
})
