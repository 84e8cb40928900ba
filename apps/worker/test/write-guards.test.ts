import { BODY_MAX_BYTES } from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import app from '../src/index.ts'
import { api, createSites, expectError, SITE } from './helpers.ts'

// Every public write route, as the app serves it (app.routes), meets the same guards before
// anything else: 413 for a body over BODY_MAX_BYTES, 415 for a body that is not JSON, 403 for a
// browser on a foreign origin. A new write route without them fails here. (Admin routes have
// their own matrix: test/admin-matrix.test.ts.)

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const routes = [
  ...new Set(
    app.routes
      .filter((r) => WRITES.has(r.method) && !r.path.startsWith('/v1/admin/'))
      .map((r) => `${r.method} ${r.path}`)
  ),
].sort()

// Values of the right shape for every path parameter; the guards answer before any lookup.
const PARAMS: Record<string, string> = {
  site: SITE,
  thread: 'guards',
  comment: 'c_0000000000guards',
  poll: 'guards',
  token: 'guards-token',
}

const fill = (path: string) =>
  path.replace(/:(\w+)/g, (_, name: string) => {
    expect(PARAMS[name], `a value for :${name}`).toBeDefined()
    return encodeURIComponent(PARAMS[name]!)
  })

const send = (route: string, init: { headers?: Record<string, string>; body?: BodyInit }) => {
  const [method, path] = route.split(' ') as [string, string]
  return api(fill(path), { method, ...init })
}

beforeAll(createSites)

describe('public write routes', () => {
  it('are found in app.routes', () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /v1/sites/:site/threads/:thread/comments',
        'PUT /v1/sites/:site/polls/:poll/vote',
        'DELETE /v1/sites/:site/comments/:comment',
      ])
    )
  })

  describe.each(routes)('%s', (route) => {
    it('answers 413 payload_too_large for a body over 64 KB', async () => {
      const body = JSON.stringify({ text: 'x'.repeat(BODY_MAX_BYTES) })
      const res = await send(route, { headers: { 'content-type': 'application/json' }, body })
      await expectError(res, 413, 'payload_too_large')
    })

    it('answers 413 also when the size is not declared (a streamed body)', async () => {
      const chunk = new TextEncoder().encode(`"${'x'.repeat(16 * 1024)}`)
      let sent = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 6) controller.enqueue(chunk)
          else controller.close()
        },
      })
      const res = await send(route, { headers: { 'content-type': 'application/json' }, body })
      await expectError(res, 413, 'payload_too_large')
    })

    it('answers 415 unsupported_media_type for a body that is not JSON', async () => {
      const res = await send(route, { headers: { 'content-type': 'text/plain' }, body: 'hello' })
      await expectError(res, 415, 'unsupported_media_type')
    })

    it('answers 403 forbidden_origin to a browser on a foreign origin', async () => {
      const res = await send(route, {
        headers: { 'content-type': 'application/json', origin: 'https://attacker.example' },
        body: '{}',
      })
      await expectError(res, 403, 'forbidden_origin')
    })
  })
})
