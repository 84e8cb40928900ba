import { DEFAULT_RATE_LIMITS, ROUTES, type RateLimitAction } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { putSite } from '../src/db/sites.ts'
import { admin, sitePath } from './admin-helpers.ts'
import { ADMIN_ROUTES } from '@parley/core'
import { NOTICE } from './dsa-helpers.ts'
import { api, byNewReader, createSites, expectError, newReader } from './helpers.ts'
import { readerToken } from './polls-helpers.ts'

// Every reader write counts against the site's rateLimits, per reader token, per network and per
// site: each test gives one subject of one action a limit of 2 (the others stay wide), on a site
// of its own so no other test's requests count, and expects the third request to be refused.

type Kind = 'reader' | 'network' | 'site'

const route = (template: string, values: Record<string, string>) =>
  template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name]!))

/** A comment id of the right shape; on the test sites it names no comment (404 after the limit). */
let commentId: string

beforeAll(async () => {
  await createSites()
  commentId = (await byNewReader('rate-limit-fixture')).comment.id
})

interface Sender {
  (site: string, token: string, ip: string): Promise<Response>
}

const send =
  (method: string, template: string, json?: unknown): Sender =>
  (site, token, ip) =>
    api(route(template, { site, comment: commentId, thread: 'limits', poll: 'no-poll' }), {
      method,
      token: token || undefined,
      headers: { 'cf-connecting-ip': ip },
      ...(json !== undefined && { json }),
    })

const ACTIONS: Record<RateLimitAction, Sender> = {
  readers: send('POST', ROUTES.readers, {}),
  comments: send('POST', ROUTES.comments, { authorName: 'Ada', text: 'Hello' }),
  edits: send('PATCH', ROUTES.comment, { text: 'Edited' }),
  deletes: send('DELETE', ROUTES.comment),
  reactions: send('PUT', ROUTES.reaction, { emoji: '👍' }),
  reports: send('POST', ROUTES.reports, { reason: 'spam' }),
  votes: send('PUT', ROUTES.vote, { optionIds: ['o_1'] }),
  notices: send('POST', ROUTES.notices, NOTICE),
  appeals: send('POST', ROUTES.appeal, { text: 'Please look again' }),
}

const WIDE = { max: 1000, windowSeconds: 3600 }

/** A site whose `action` allows 2 requests per hour for `kind` and 1000 for the others. */
async function siteWithLimit(action: RateLimitAction, kind: Kind): Promise<string> {
  const site = `rl-${action}-${kind}`
  await putSite(env.DB, { id: site, name: site, allowedOrigins: [] })
  const limits = Object.fromEntries(
    Object.keys(DEFAULT_RATE_LIMITS[action]).map((k) => [
      k,
      k === kind ? { max: 2, windowSeconds: 3600 } : WIDE,
    ])
  )
  const settings = {
    rateLimits: { [action]: limits },
    moderation: { holdRules: { minSecondsBetweenComments: 0 } },
  }
  const res = await admin(sitePath(ADMIN_ROUTES.site, {}, site), {
    method: 'PATCH',
    json: { settings },
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return site
}

/** Who sends the n-th request: the same reader and network, or a new one, as `kind` needs. */
async function senderOf(kind: Kind, site: string, n: number, same: { token: string; ip: string }) {
  const fresh = async () => await readerToken(site)
  switch (kind) {
    case 'reader':
      return { token: same.token, ip: `198.51.100.${n + 1}` }
    case 'network':
      return { token: await fresh(), ip: same.ip }
    case 'site':
      return { token: await fresh(), ip: `203.0.113.${n + 1}` }
  }
}

async function expectLimited(res: Response, action: RateLimitAction, kind: Kind) {
  const body = await expectError(res, 429, 'rate_limited', [
    `settings.rateLimits.${action}.${kind}`,
  ])
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(3600)
  expect(body.error.message).toContain(`settings.rateLimits.${action}.${kind}`)
  expect(body.error.issues?.[0]?.message).toBe('at most 2 per 1 h')
}

describe.each(Object.keys(ACTIONS) as RateLimitAction[])('rate limits of %s', (action) => {
  const kinds = Object.keys(DEFAULT_RATE_LIMITS[action]) as Kind[]
  it.each(kinds)('refuses the third request of one %s with 429 and Retry-After', async (kind) => {
    const site = await siteWithLimit(action, kind)
    const same = { token: await readerToken(site), ip: '192.0.2.10' }
    for (let n = 0; n < 2; n++) {
      const { token, ip } = await senderOf(kind, site, n, same)
      const res = await ACTIONS[action](site, token, ip)
      expect(res.status, `${action} #${n + 1}: ${await res.clone().text()}`).not.toBe(429)
    }
    const { token, ip } = await senderOf(kind, site, 2, same)
    await expectLimited(await ACTIONS[action](site, token, ip), action, kind)
  })
})

describe('sign-in sessions', () => {
  it('count against the reader token limits, before any signature is checked', async () => {
    const site = await siteWithLimit('readers', 'network')
    const ip = '192.0.2.20'
    for (let n = 0; n < 2; n++) expect((await ACTIONS.readers(site, '', ip)).status).toBe(201)
    const exchange = send('POST', ROUTES.ssoSession, { token: 'not.a.token' })
    await expectLimited(await exchange(site, '', ip), 'readers', 'network')
  })
})

describe('rate limit settings', () => {
  it('take effect at once when an admin changes them', async () => {
    const site = await siteWithLimit('comments', 'reader')
    const { token } = await newReader(site)
    const post = () => ACTIONS.comments(site, token, '192.0.2.77')
    expect((await post()).status).toBe(201)
    expect((await post()).status).toBe(201)
    await expectLimited(await post(), 'comments', 'reader')
    // Raising the limit opens the same window again.
    const raise = {
      settings: { rateLimits: { comments: { reader: { max: 5, windowSeconds: 3600 } } } },
    }
    const res = await admin(sitePath(ADMIN_ROUTES.site, {}, site), { method: 'PATCH', json: raise })
    expect(res.status).toBe(200)
    // The refused attempt counted too (3 of 5): two more pass, then the new limit holds.
    expect((await post()).status).toBe(201)
    expect((await post()).status).toBe(201)
    const limited = await post()
    await expectError(limited, 429, 'rate_limited', ['settings.rateLimits.comments.reader'])
  })

  it('are validated by the admin API, naming the field', async () => {
    const bad = { settings: { rateLimits: { votes: { reader: { max: 0, windowSeconds: 60 } } } } }
    const res = await admin(sitePath(ADMIN_ROUTES.site), { method: 'PATCH', json: bad })
    await expectError(res, 400, 'invalid_input', ['body.settings.rateLimits.votes.reader.max'])
    const unknown = { settings: { rateLimits: { notices: { reader: WIDE } } } }
    const typo = await admin(sitePath(ADMIN_ROUTES.site), { method: 'PATCH', json: unknown })
    await expectError(typo, 400, 'invalid_input')
  })

  it('default to the documented production values', async () => {
    await putSite(env.DB, { id: 'rl-defaults', name: 'Defaults', allowedOrigins: [] })
    const res = await admin(sitePath(ADMIN_ROUTES.site, {}, 'rl-defaults'))
    const body = (await res.json()) as { settings: { rateLimits: unknown } }
    expect(body.settings.rateLimits).toEqual(DEFAULT_RATE_LIMITS)
  })
})
