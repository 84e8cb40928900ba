import { ADMIN_ROUTES, ErrorBodySchema, ROUTES } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import app from '../src/index.ts'
import {
  api,
  createSites,
  expectError,
  newReader,
  OTHER_ORIGIN,
  SITE,
  SITE_ORIGIN,
  WORKER_ORIGIN,
} from './helpers.ts'

const THREAD = `/v1/sites/${SITE}/threads/cors`
const COMMENTS = `${THREAD}/comments`

beforeAll(createSites)

describe('CORS for /v1/sites/:site/*', () => {
  it("allows the site's own origins and says the answer varies by Origin", async () => {
    const res = await api(THREAD, { headers: { origin: SITE_ORIGIN } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN)
    expect(res.headers.get('vary')).toMatch(/Origin/)
  })

  it("allows the Worker's own origin, which serves the demo page", async () => {
    const res = await api(THREAD, { headers: { origin: WORKER_ORIGIN } })
    expect(res.headers.get('access-control-allow-origin')).toBe(WORKER_ORIGIN)
  })

  it('gives a GET from another origin no CORS headers', async () => {
    const res = await api(THREAD, { headers: { origin: OTHER_ORIGIN } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers a preflight from an allowed origin with the methods and headers the widget uses', async () => {
    const res = await api(COMMENTS, {
      method: 'OPTIONS',
      headers: {
        origin: SITE_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN)
    expect(res.headers.get('access-control-allow-methods')?.split(',')).toEqual([
      'GET',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
    ])
    const allowed = res.headers.get('access-control-allow-headers')?.toLowerCase().split(',')
    // If-None-Match: the widget refreshes poll results with ETags.
    expect(allowed).toEqual(['authorization', 'content-type', 'idempotency-key', 'if-none-match'])
    expect(res.headers.get('access-control-max-age')).toBe('86400')
  })

  it('answers a preflight from another origin without allowing it', async () => {
    const res = await api(COMMENTS, {
      method: 'OPTIONS',
      headers: { origin: OTHER_ORIGIN, 'access-control-request-method': 'POST' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a write from another origin with 403 forbidden_origin', async () => {
    const { token } = await newReader()
    const res = await api(COMMENTS, {
      method: 'POST',
      token,
      headers: { origin: OTHER_ORIGIN },
      json: { authorName: 'Eve', text: 'Hi' },
    })
    await expectError(res, 403, 'forbidden_origin')
    const reader = await api(`/v1/sites/${SITE}/readers`, {
      method: 'POST',
      headers: { origin: 'null' },
      json: {},
    })
    await expectError(reader, 403, 'forbidden_origin')
  })

  it('lets allowed origins read error responses too', async () => {
    const res = await api(COMMENTS, {
      method: 'POST',
      headers: { origin: SITE_ORIGIN },
      json: { authorName: 'Ada', text: 'Hi' },
    })
    await expectError(res, 401, 'unauthorized')
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN)
  })

  it('lets any origin read a site_not_found, so a mistyped site id is reported clearly', async () => {
    const res = await api('/v1/sites/typo/threads/x', { headers: { origin: OTHER_ORIGIN } })
    await expectError(res, 404, 'site_not_found')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('errors', () => {
  it('answers unknown routes with 404 not_found in the envelope', async () => {
    await expectError(await api('/v1/nothing'), 404, 'not_found')
    await expectError(await api(`/v1/sites/${SITE}/nothing`), 404, 'not_found')
    await expectError(await api('/'), 404, 'not_found')
  })

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const del = await api(COMMENTS, { method: 'DELETE' })
    await expectError(del, 405, 'method_not_allowed')
    expect(del.headers.get('allow')).toBe('GET, HEAD, POST')
    const post = await api(ROUTES.openapi, { method: 'POST', json: {} })
    await expectError(post, 405, 'method_not_allowed')
    const get = await api(`/v1/sites/${SITE}/polls/p/vote`)
    await expectError(get, 405, 'method_not_allowed')
    expect(get.headers.get('allow')).toBe('PUT, DELETE')
  })

  it('hides unexpected failures behind 500 internal and logs them', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken = {
      ...env,
      DB: {
        prepare: () => {
          throw new Error('D1_ERROR: secret internals')
        },
      } as unknown as D1Database,
    }
    const res = await app.request(THREAD, {}, broken)
    const body = await expectError(res, 500, 'internal')
    expect(JSON.stringify(body)).not.toMatch(/D1|secret/)
    expect(log).toHaveBeenCalledOnce()
    expect(String(log.mock.calls[0]?.[0])).toMatch(/GET \/v1\/sites\/news\/threads\/cors/)
    log.mockRestore()
  })

  it('fails closed with 500 when the token secret is missing', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await app.request(
      `/v1/sites/${SITE}/readers`,
      { method: 'POST' },
      { ...env, READER_TOKEN_SECRET: '' }
    )
    await expectError(res, 500, 'internal')
    const { n } = (await env.DB.prepare('SELECT COUNT(*) AS n FROM readers').first<{
      n: number
    }>())!
    expect(n).toBe(1) // only the reader of the 403 test's token above
    log.mockRestore()
  })

  it('always answers JSON with the envelope shape', async () => {
    const res = await api('/v1/sites/news/threads/x/comments?limit=0')
    const body = ErrorBodySchema.parse(await res.json())
    expect(body.error.issues?.[0]).toMatchObject({ path: 'query.limit' })
  })
})

describe('GET /v1/openapi.json', () => {
  it('is public to every origin', async () => {
    const res = await api(ROUTES.openapi, { headers: { origin: OTHER_ORIGIN } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('is an OpenAPI 3.1 document that lists every route of the app, and only those', async () => {
    const doc = (await (await api(ROUTES.openapi)).json()) as OpenApiDoc
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) })

    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)
    )
    // app.routes has one entry per handler and middleware of a route: compare distinct routes.
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    )
    expect(new Set(documented)).toEqual(served)
    expect(documented).toHaveLength(served.size)
    // The app serves exactly the contract's route templates.
    expect(new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => r.path))).toEqual(
      new Set([...Object.values(ROUTES), ...Object.values(ADMIN_ROUTES)])
    )
  })

  it('describes every operation completely, with resolvable references', async () => {
    const doc = (await (await api(ROUTES.openapi)).json()) as OpenApiDoc
    const text = JSON.stringify(doc)
    for (const [path, item] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      for (const [method, op] of Object.entries(item)) {
        const where = `${method} ${path}`
        expect(op.operationId, where).toMatch(/^\w+$/)
        expect(Object.keys(op.responses).length, where).toBeGreaterThan(0)
        for (const [status, response] of Object.entries(op.responses)) {
          expect(status, where).toMatch(/^[1-5]\d\d$/)
          expect(response.description, where).toBeTruthy()
        }
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path')
        expect(pathParams.map((p) => p.name).sort(), where).toEqual(templated.sort())
        expect(
          pathParams.every((p) => p.required),
          where
        ).toBe(true)
      }
    }
    for (const [, ref] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components?.schemas?.[ref!], ref).toBeDefined()
    }
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'Comment',
        'CommentPage',
        'NewComment',
        'Poll',
        'Thread',
        'ErrorBody',
      ])
    )
    expect(doc.paths['/v1/sites/{site}/threads/{thread}/comments']?.post?.requestBody).toBeDefined()
  })
})

interface OpenApiDoc {
  openapi: string
  info: Record<string, unknown>
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string
        parameters?: { name: string; in: string; required?: boolean }[]
        requestBody?: unknown
        responses: Record<string, { description?: string }>
      }
    >
  >
  components?: { schemas?: Record<string, unknown> }
}
