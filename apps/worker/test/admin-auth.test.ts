import { ADMIN_ROUTES } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import app from '../src/index.ts'
import { createSites, expectError, OTHER_ORIGIN, SITE_ORIGIN, WORKER_ORIGIN } from './helpers.ts'
import { calls as pollCalls } from './admin-calls/polls.ts'
import { admin, ADMIN_TOKEN, createKey, route } from './admin-helpers.ts'
import { readerToken } from './polls-helpers.ts'

// The per-route matrix (every route × every credential) is test/admin-matrix.test.ts. These
// check what it does not, on the poll routes: other wrong tokens, the Worker's own origin,
// preflights, and an unset ADMIN_TOKEN.
const CALLS = pollCalls

function expectNoCors(res: Response) {
  for (const [name] of res.headers) expect(name).not.toMatch(/^access-control-/)
  expect(res.headers.get('cache-control')).toBe('no-store')
}

let adminKey: string

beforeAll(async () => {
  await createSites()
  adminKey = (await createKey('admin')).key
})

describe.each(CALLS)('$name', ({ ok, prepare }) => {
  it('refuses a request without a token with 401, no-store and no CORS headers', async () => {
    const { path, init } = await prepare()
    const res = await admin(path, { ...init, token: '' })
    await expectError(res, 401, 'unauthorized')
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expectNoCors(res)
  })

  it('refuses a wrong token, of any length, and a reader token with 401', async () => {
    const { path, init } = await prepare()
    for (const token of [
      `${ADMIN_TOKEN}x`,
      ADMIN_TOKEN.slice(0, -1),
      'nope',
      await readerToken(),
    ]) {
      const res = await admin(path, { ...init, token })
      await expectError(res, 401, 'unauthorized')
      expectNoCors(res)
    }
  })

  it('answers the right token, from no browser or from the Worker’s own origin', async () => {
    const { path, init } = await prepare()
    const res = await admin(path, init)
    expect(res.status, await res.clone().text()).toBe(ok)
    expectNoCors(res)
    const again = await prepare()
    const sameOrigin = await admin(again.path, {
      ...again.init,
      headers: { origin: WORKER_ORIGIN },
    })
    expect(sameOrigin.status).toBe(ok)
    expectNoCors(sameOrigin)
  })

  it('refuses a browser on another origin with 403 even with the right token', async () => {
    const { path, init } = await prepare()
    for (const origin of [SITE_ORIGIN, OTHER_ORIGIN, 'null']) {
      const res = await admin(path, { ...init, headers: { origin } })
      await expectError(res, 403, 'forbidden_origin')
      expectNoCors(res)
    }
    const preflight = await admin(path, {
      method: 'OPTIONS',
      token: '',
      headers: { origin: SITE_ORIGIN, 'access-control-request-method': init.method ?? 'GET' },
    })
    expect(preflight.status).toBe(403)
    expectNoCors(preflight)
  })

  it('says the admin API is not configured while ADMIN_TOKEN is unset', async () => {
    const { path, init } = await prepare()
    for (const unset of [undefined, '']) {
      const res = await app.request(
        path,
        {
          method: init.method ?? 'GET',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          ...(init.json !== undefined && { body: JSON.stringify(init.json) }),
        },
        { ...env, ADMIN_TOKEN: unset }
      )
      const body = await expectError(res, 401, 'unauthorized')
      expect(body.error.message).toMatch(/not configured/)
    }
  })

  it('still answers an API key while ADMIN_TOKEN is unset', async () => {
    const { path, init } = await prepare()
    const res = await app.request(
      path,
      {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        ...(init.json !== undefined && { body: JSON.stringify(init.json) }),
      },
      { ...env, ADMIN_TOKEN: undefined }
    )
    expect(res.status, await res.clone().text()).toBe(ok)
  })
})

describe('admin site scope', () => {
  it('answers 404 site_not_found for an unknown site and 400 for a malformed one', async () => {
    await expectError(
      await admin(route(ADMIN_ROUTES.polls, { site: 'nowhere' })),
      404,
      'site_not_found'
    )
    await expectError(
      await admin(route(ADMIN_ROUTES.polls, { site: 'No_Site' })),
      400,
      'invalid_input',
      ['params.site']
    )
  })

  it('refuses unknown admin paths behind the same guard', async () => {
    const res = await admin('/v1/admin/nothing', { token: '' })
    await expectError(res, 401, 'unauthorized')
    await expectError(await admin('/v1/admin/nothing'), 404, 'not_found')
  })
})
