import type { Comment } from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  commentPath,
  createSites,
  expectError,
  newReader,
  OTHER_ORIGIN,
  OTHER_SITE,
  postComment,
  SITE,
  SITE_ORIGIN,
} from './helpers.ts'

interface Route {
  name: string
  method: string
  path: (id: string, site?: string) => string
  json?: unknown
  authorOnly?: boolean
}

const ROUTES: Route[] = [
  { name: 'edit', method: 'PATCH', path: commentPath, json: { text: 'x' }, authorOnly: true },
  { name: 'delete', method: 'DELETE', path: commentPath, authorOnly: true },
  {
    name: 'react',
    method: 'PUT',
    path: (id, site) => `${commentPath(id, site)}/reaction`,
    json: { emoji: '👍' },
  },
  { name: 'unreact', method: 'DELETE', path: (id, site) => `${commentPath(id, site)}/reaction` },
  {
    name: 'report',
    method: 'POST',
    path: (id, site) => `${commentPath(id, site)}/reports`,
    json: { reason: 'other' },
  },
]

let author: string
let stranger: string
let foreign: string
let comment: Comment

const call = (route: Route, id: string, init: { token?: string; site?: string; origin?: string }) =>
  api(route.path(id, init.site), {
    method: route.method,
    token: init.token,
    json: route.json,
    headers: init.origin ? { origin: init.origin } : {},
  })

beforeAll(async () => {
  await createSites()
  author = (await newReader()).token
  stranger = (await newReader()).token
  foreign = (await newReader(OTHER_SITE)).token
  comment = await postComment(author, 'access')
})

describe.each(ROUTES)('$method $name', (route) => {
  it('answers 401 unauthorized without a reader token of this site', async () => {
    await expectError(await call(route, comment.id, {}), 401, 'unauthorized')
    await expectError(await call(route, comment.id, { token: foreign }), 401, 'unauthorized')
  })

  it('answers 404 comment_not_found for an unknown comment', async () => {
    await expectError(
      await call(route, 'c_0000000000unknown', { token: author }),
      404,
      'comment_not_found'
    )
  })

  it("answers 404 for this site's comment asked through another site, leaking nothing", async () => {
    const res = await call(route, comment.id, { token: foreign, site: OTHER_SITE })
    const body = await expectError(res, 404, 'comment_not_found')
    expect(JSON.stringify(body)).not.toContain(SITE)
  })

  it('answers 400 naming params.comment for a malformed id', async () => {
    await expectError(await call(route, 'not-an-id', { token: author }), 400, 'invalid_input', [
      'params.comment',
    ])
  })

  it('refuses a browser write from a foreign origin with 403 forbidden_origin', async () => {
    const res = await call(route, comment.id, { token: author, origin: OTHER_ORIGIN })
    await expectError(res, 403, 'forbidden_origin')
  })

  if (route.authorOnly) {
    it('answers 403 forbidden to a reader who is not the author', async () => {
      await expectError(await call(route, comment.id, { token: stranger }), 403, 'forbidden')
    })
  }
})

describe('CORS for the comment routes', () => {
  it.each(['PATCH', 'DELETE', 'PUT'])('lets the site’s own origin send %s', async (method) => {
    const res = await api(commentPath(comment.id), {
      method: 'OPTIONS',
      headers: { origin: SITE_ORIGIN, 'access-control-request-method': method },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN)
    expect(res.headers.get('access-control-allow-methods')?.split(',')).toContain(method)
  })
})
