import { describe, expect, it, beforeAll } from 'vitest'
import app from '../src/index.ts'
import { admin, ADMIN_TOKEN, createKey, revokeKey } from './admin-helpers.ts'
import type { AdminCall, MinimumRole } from './admin-calls/types.ts'
import { createSites, expectError, OTHER_SITE, SITE, SITE_ORIGIN } from './helpers.ts'

// The auth matrix: every admin route × every kind of credential. Each area adds its routes in
// test/admin-calls/<area>.ts (`export const calls: AdminCall[]`); the completeness test below
// fails for an admin route without one.

declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { eager: true; import: string }): Record<string, T>
  }
}

const modules = import.meta.glob<AdminCall[] | undefined>('./admin-calls/*.ts', {
  eager: true,
  import: 'calls',
})
const CALLS: AdminCall[] = Object.values(modules).flatMap((calls) => calls ?? [])

interface Keys {
  moderator: string
  admin: string
  otherSite: string
  revoked: string
  /** A well-formed key with a known id and a wrong secret. */
  forged: string
}
let keys: Keys

beforeAll(async () => {
  await createSites()
  const [moderator, adminKey, otherSite, revoked] = await Promise.all([
    createKey('moderator'),
    createKey('admin'),
    createKey('admin', OTHER_SITE),
    createKey('admin'),
  ])
  await revokeKey(revoked.id)
  keys = {
    moderator: moderator.key,
    admin: adminKey.key,
    otherSite: otherSite.key,
    revoked: revoked.key,
    forged: `${adminKey.key.slice(0, -32)}${'a'.repeat(32)}`,
  }
})

function expectNoCors(res: Response) {
  for (const [name] of res.headers) expect(name).not.toMatch(/^access-control-/)
}

/** The credential of the least role that may call a route. */
const leastToken = (role: MinimumRole) =>
  role === 'owner' ? ADMIN_TOKEN : role === 'admin' ? keys.admin : keys.moderator

interface Denial {
  what: string
  token?: string
  headers?: Record<string, string>
  status: 401 | 403
}

function denialsFor(call: AdminCall, path: string): Denial[] {
  const denials: Denial[] = [
    { what: 'no Authorization', status: 401 },
    { what: 'a Basic header', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, status: 401 },
    { what: 'a bearer without a token', headers: { authorization: 'Bearer' }, status: 401 },
    { what: 'a malformed key', token: 'pk_nothing_here', status: 401 },
    { what: 'a wrong admin token', token: `${ADMIN_TOKEN}x`, status: 401 },
    { what: 'a key with a wrong secret', token: keys.forged, status: 401 },
    { what: 'a revoked key', token: keys.revoked, status: 401 },
  ]
  // Routes of one site refuse the keys of another.
  if (path.startsWith(`/v1/admin/sites/${SITE}`)) {
    denials.push({ what: 'a key of another site', token: keys.otherSite, status: 403 })
  }
  if (call.role !== 'moderator') {
    denials.push({ what: 'a moderator key', token: keys.moderator, status: 403 })
  }
  if (call.role === 'owner') {
    denials.push({ what: 'an admin key', token: keys.admin, status: 403 })
  }
  return denials
}

describe('every admin route × every kind of credential', () => {
  it('has calls from test/admin-calls', () => {
    expect(CALLS.length).toBeGreaterThan(0)
    const names = CALLS.map((c) => c.name)
    expect(
      names.filter((name, i) => names.indexOf(name) !== i),
      'calls named twice'
    ).toEqual([])
  })

  it.each(CALLS)('$name', async (call) => {
    const { path, init } = await call.prepare()
    const denied = await Promise.all(
      denialsFor(call, path).map(async (denial) => {
        const res = await admin(path, {
          ...init,
          token: denial.token ?? '',
          headers: denial.headers ?? {},
        })
        const code = denial.status === 401 ? 'unauthorized' : 'forbidden'
        const body = await res.clone().text()
        expectNoCors(res)
        const challenge = res.headers.get('www-authenticate')
        return {
          what: denial.what,
          status: res.status,
          code,
          body,
          challenge,
          expected: denial.status,
        }
      })
    )
    for (const d of denied) {
      expect(d.status, `${d.what}: ${d.body}`).toBe(d.expected)
      expect(JSON.parse(d.body).error.code, d.what).toBe(d.code)
      if (d.expected === 401) expect(d.challenge, d.what).toMatch(/^Bearer /)
    }

    // A browser on another origin, even with the owner's token: 403 and no CORS headers.
    const crossOrigin = await admin(path, { ...init, headers: { origin: SITE_ORIGIN } })
    await expectError(crossOrigin, 403, 'forbidden_origin')
    expectNoCors(crossOrigin)

    // The least role allowed (nothing above was let through, so the prepared data is unused).
    const least = await admin(path, { ...init, token: leastToken(call.role) })
    expect(least.status, `${call.role}: ${await least.clone().text()}`).toBe(call.ok)
    expectNoCors(least)
    expect(least.headers.get('cache-control')).toBe('no-store')

    const again = await call.prepare()
    const owner = await admin(again.path, again.init)
    expect(owner.status, `owner: ${await owner.clone().text()}`).toBe(call.ok)
  })
})

describe('the matrix is complete', () => {
  it('has a call for every admin route of the app, and no call for a route it lacks', () => {
    const routes = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/admin'))
        .map((r) => `${r.method} ${r.path}`)
    )
    const called = new Set(CALLS.map((c) => c.name))
    expect(
      [...routes].filter((r) => !called.has(r)),
      'admin routes without a call'
    ).toEqual([])
    expect(
      [...called].filter((c) => !routes.has(c)),
      'calls without a route'
    ).toEqual([])
  })
})
