import { DEFAULT_REACTIONS, ReaderSchema, ThreadSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyReaderToken } from '../src/lib/reader-token.ts'
import { api, createSites, expectBody, expectError, SITE } from './helpers.ts'

beforeAll(createSites)

describe('POST /v1/sites/:site/readers', () => {
  it('returns 201 with a reader id and a token signed for this site, and stores the reader', async () => {
    const res = await api(`/v1/sites/${SITE}/readers`, { method: 'POST', json: {} })
    const reader = await expectBody(res, 201, ReaderSchema)
    expect(reader.readerId).toMatch(/^r_[0-9a-z]{20,}$/)
    expect(await verifyReaderToken(env.READER_TOKEN_SECRET, SITE, reader.token)).toBe(
      reader.readerId
    )
    const row = await env.DB.prepare('SELECT site_id FROM readers WHERE id = ?1')
      .bind(reader.readerId)
      .first()
    expect(row).toEqual({ site_id: SITE })
  })

  it('accepts an empty body without a content type', async () => {
    const res = await api(`/v1/sites/${SITE}/readers`, { method: 'POST' })
    await expectBody(res, 201, ReaderSchema)
  })

  it('rejects a non-JSON body with 415 and malformed JSON with 400 invalid_json', async () => {
    const text = await api(`/v1/sites/${SITE}/readers`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    })
    await expectError(text, 415, 'unsupported_media_type')
    const broken = await api(`/v1/sites/${SITE}/readers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    })
    await expectError(broken, 400, 'invalid_json')
  })

  it('answers 404 site_not_found for an unknown site and 400 for a malformed site id', async () => {
    await expectError(
      await api('/v1/sites/unknown/readers', { method: 'POST', json: {} }),
      404,
      'site_not_found'
    )
    await expectError(
      await api('/v1/sites/-bad-/readers', { method: 'POST', json: {} }),
      400,
      'invalid_input',
      ['params.site']
    )
  })
})

describe('GET /v1/sites/:site/threads/:thread', () => {
  it('returns an empty thread for an unknown key without writing anything', async () => {
    const res = await api(`/v1/sites/${SITE}/threads/brand-new`)
    expect(await expectBody(res, 200, ThreadSchema)).toEqual({
      site: SITE,
      key: 'brand-new',
      title: null,
      commentCount: 0,
      polls: [],
      reactions: { available: [...DEFAULT_REACTIONS], showCounts: true },
      stances: null,
      languages: {},
      featured: [],
      pinned: [],
      uiLanguages: [],
      signIn: { comment: 'optional', vote: 'optional', react: 'optional', loginUrl: null },
      turnstile: null,
    })
    const { n } = (await env.DB.prepare('SELECT COUNT(*) AS n FROM threads').first<{
      n: number
    }>())!
    expect(n).toBe(0)
  })

  it('returns the stored title and exact comment count', async () => {
    await env.DB.prepare(
      "INSERT INTO threads (site_id, key, title, comment_count, created_at) VALUES (?1, 'titled', 'A title', 3, 0)"
    )
      .bind(SITE)
      .run()
    const thread = await expectBody(
      await api(`/v1/sites/${SITE}/threads/titled`),
      200,
      ThreadSchema
    )
    expect(thread).toMatchObject({ title: 'A title', commentCount: 3, polls: [] })
  })

  it('answers 404 site_not_found for an unknown site', async () => {
    await expectError(await api('/v1/sites/unknown/threads/x'), 404, 'site_not_found')
  })

  it('rejects a thread key with spaces, naming params.thread', async () => {
    await expectError(await api(`/v1/sites/${SITE}/threads/a%20b`), 400, 'invalid_input', [
      'params.thread',
    ])
  })
})
