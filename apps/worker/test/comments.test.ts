import {
  BODY_MAX_BYTES,
  COMMENT_TEXT_MAX,
  CommentPageSchema,
  CommentSchema,
  PAGE_SIZE_MAX,
  ThreadSchema,
  type Comment,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { newCommentId, newReaderId } from '../src/lib/ids.ts'
import { encodeCursor } from '../src/lib/cursor.ts'
import {
  api,
  createSites,
  expectBody,
  expectError,
  newReader,
  OTHER_SITE,
  SITE,
} from './helpers.ts'

const path = (thread: string) => `/v1/sites/${SITE}/threads/${encodeURIComponent(thread)}/comments`
let token: string

async function postComment(
  thread: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {}
): Promise<Comment> {
  const res = await api(path(thread), {
    method: 'POST',
    token,
    headers,
    json: { authorName: 'Ada', text: 'Hello', ...body },
  })
  return expectBody(res, 201, CommentSchema)
}

async function getPage(thread: string, query: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))
  const res = await api(`${path(thread)}?${qs}`)
  return expectBody(res, 200, CommentPageSchema)
}

async function commentCount(thread: string): Promise<number> {
  const res = await api(`/v1/sites/${SITE}/threads/${encodeURIComponent(thread)}`)
  return (await expectBody(res, 200, ThreadSchema)).commentCount
}

beforeAll(async () => {
  await createSites()
  token = (await newReader()).token
})

describe('POST /v1/sites/:site/threads/:thread/comments', () => {
  it('creates the thread and returns 201 with the comment, cleaned', async () => {
    const comment = await postComment('post-1', {
      authorName: '  Jan \n de  Vries ',
      text: ' Hoi\u200B ',
    })
    expect(comment).toMatchObject({
      parentId: null,
      author: { name: 'Jan de Vries' },
      text: 'Hoi',
      lang: null,
      reactions: {},
      replyCount: 0,
      replies: [],
    })
    expect(comment.id).toMatch(/^c_[0-9a-z]{20,}$/)
    expect(Date.parse(comment.createdAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(await commentCount('post-1')).toBe(1)
  })

  it('accepts thread keys with slashes and unicode', async () => {
    await postComment('/2026/11/débat')
    expect((await getPage('/2026/11/débat')).comments).toHaveLength(1)
  })

  it('requires a reader token of this site: 401 unauthorized otherwise', async () => {
    const body = { authorName: 'Ada', text: 'Hi' }
    const noToken = await api(path('auth'), { method: 'POST', json: body })
    await expectError(noToken, 401, 'unauthorized')
    expect(noToken.headers.get('www-authenticate')).toBe('Bearer')
    const garbage = await api(path('auth'), { method: 'POST', json: body, token: 'r_x.y' })
    await expectError(garbage, 401, 'unauthorized')
    const other = await newReader(OTHER_SITE)
    const foreign = await api(path('auth'), { method: 'POST', json: body, token: other.token })
    await expectError(foreign, 401, 'unauthorized')
    const basic = await api(path('auth'), {
      method: 'POST',
      json: body,
      headers: { authorization: `Basic ${token}` },
    })
    await expectError(basic, 401, 'unauthorized')
  })

  it.each([
    ['an empty text', { authorName: 'Ada', text: ' \u200B ' }, ['body.text']],
    [
      'a text over the limit',
      { authorName: 'Ada', text: 'x'.repeat(COMMENT_TEXT_MAX + 1) },
      ['body.text'],
    ],
    ['a missing name', { text: 'Hi' }, ['body.authorName']],
    ['a name of the wrong type', { authorName: 42, text: 'Hi' }, ['body.authorName']],
    [
      'a malformed parentId',
      { authorName: 'Ada', text: 'Hi', parentId: 'nope' },
      ['body.parentId'],
    ],
    ['two bad fields', { authorName: '', text: '' }, ['body.authorName', 'body.text']],
    ['an array body', [], ['body']],
  ])('rejects %s with 400 invalid_input naming the field', async (_, json, paths) => {
    const res = await api(path('invalid'), { method: 'POST', token, json })
    await expectError(res, 400, 'invalid_input', paths)
  })

  it('rejects a malformed Idempotency-Key with 400 naming the header', async () => {
    const res = await api(path('invalid'), {
      method: 'POST',
      token,
      headers: { 'idempotency-key': 'short' },
      json: { authorName: 'Ada', text: 'Hi' },
    })
    await expectError(res, 400, 'invalid_input', ['header.Idempotency-Key'])
  })

  it('rejects malformed JSON with 400 invalid_json', async () => {
    const res = await api(path('invalid'), {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: '{"authorName": "Ada",',
    })
    await expectError(res, 400, 'invalid_json')
  })

  it('rejects a body that is not JSON with 415 unsupported_media_type', async () => {
    const res = await api(path('invalid'), {
      method: 'POST',
      token,
      headers: { 'content-type': 'text/plain' },
      body: 'authorName=Ada&text=Hi',
    })
    await expectError(res, 415, 'unsupported_media_type')
  })

  it('rejects a body over BODY_MAX_BYTES with 413 payload_too_large', async () => {
    const text = 'x'.repeat(BODY_MAX_BYTES)
    const res = await api(path('invalid'), {
      method: 'POST',
      token,
      json: { authorName: 'A', text },
    })
    await expectError(res, 413, 'payload_too_large')
    // Also when the size is not announced up front.
    const stream = new Blob([JSON.stringify({ authorName: 'A', text })]).stream()
    const chunked = await api(path('invalid'), {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: stream,
    })
    await expectError(chunked, 413, 'payload_too_large')
  })

  it('rejects a bad thread key or site id in the path, naming the param', async () => {
    const badThread = await api(`/v1/sites/${SITE}/threads/a%20b/comments`, {
      method: 'POST',
      token,
      json: { authorName: 'Ada', text: 'Hi' },
    })
    await expectError(badThread, 400, 'invalid_input', ['params.thread'])
    const badSite = await api('/v1/sites/Not_A_Site/threads/x/comments', {
      method: 'POST',
      token,
      json: { authorName: 'Ada', text: 'Hi' },
    })
    await expectError(badSite, 400, 'invalid_input', ['params.site'])
  })

  it('answers 404 site_not_found for an unknown site', async () => {
    const res = await api('/v1/sites/nowhere/threads/x/comments', {
      method: 'POST',
      token,
      json: { authorName: 'Ada', text: 'Hi' },
    })
    await expectError(res, 404, 'site_not_found')
  })

  it('accepts a reply to a comment of the same thread and 422s any other parent', async () => {
    const top = await postComment('replies-a')
    const reply = await postComment('replies-a', { parentId: top.id })
    expect(reply.parentId).toBe(top.id)
    const elsewhere = await api(path('replies-b'), {
      method: 'POST',
      token,
      json: { authorName: 'Ada', text: 'Hi', parentId: top.id },
    })
    await expectError(elsewhere, 422, 'parent_not_found', ['body.parentId'])
    const unknown = await api(path('replies-a'), {
      method: 'POST',
      token,
      json: { authorName: 'Ada', text: 'Hi', parentId: newCommentId() },
    })
    await expectError(unknown, 422, 'parent_not_found')
    expect(await commentCount('replies-a')).toBe(2)
    expect(await commentCount('replies-b')).toBe(0)
  })

  describe('with an Idempotency-Key', () => {
    it('returns the original comment with 200 on a retry instead of posting twice', async () => {
      const headers = { 'Idempotency-Key': 'retry-key-0001' }
      const first = await postComment('idem', { text: 'Once' }, headers)
      const res = await api(path('idem'), {
        method: 'POST',
        token,
        headers,
        json: { authorName: 'Ada', text: 'Once' },
      })
      expect(await expectBody(res, 200, CommentSchema)).toEqual(first)
      expect(await commentCount('idem')).toBe(1)
    })

    it('creates exactly one comment under 10 concurrent duplicates', async () => {
      const send = () =>
        api(path('idem-race'), {
          method: 'POST',
          token,
          headers: { 'Idempotency-Key': 'race-key-0001' },
          json: { authorName: 'Ada', text: 'Race' },
        })
      const responses = await Promise.all(Array.from({ length: 10 }, send))
      const statuses = responses.map((r) => r.status).sort()
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
      const ids = await Promise.all(
        responses.map(async (r) => CommentSchema.parse(await r.json()).id)
      )
      expect(new Set(ids).size).toBe(1)
      expect(await commentCount('idem-race')).toBe(1)
      expect((await getPage('idem-race')).comments).toHaveLength(1)
    })

    it('keeps keys per reader: another reader with the same key posts their own comment', async () => {
      const headers = { 'Idempotency-Key': 'shared-key-001' }
      const mine = await postComment('idem-readers', {}, headers)
      const other = await newReader()
      const res = await api(path('idem-readers'), {
        method: 'POST',
        token: other.token,
        headers,
        json: { authorName: 'Bo', text: 'Hi' },
      })
      expect((await expectBody(res, 201, CommentSchema)).id).not.toBe(mine.id)
    })

    it('answers 409 conflict when the key was used on another thread', async () => {
      const headers = { 'Idempotency-Key': 'moved-key-001' }
      await postComment('idem-x', {}, headers)
      const res = await api(path('idem-y'), {
        method: 'POST',
        token,
        headers,
        json: { authorName: 'Ada', text: 'Hi' },
      })
      await expectError(res, 409, 'conflict')
    })
  })
})

describe('GET /v1/sites/:site/threads/:thread/comments', () => {
  it('returns an empty page for a thread nobody commented on, without creating it', async () => {
    expect(await getPage('nobody-here')).toEqual({ comments: [], nextCursor: null })
    const row = await env.DB.prepare("SELECT id FROM threads WHERE key = 'nobody-here'").first()
    expect(row).toBeNull()
  })

  it('nests replies at every depth under their parents, oldest first, with reply counts', async () => {
    const first = await postComment('nested', { text: 'first' })
    const second = await postComment('nested', { text: 'second' })
    const r1 = await postComment('nested', { text: 'r1', parentId: first.id })
    const r1a = await postComment('nested', { text: 'r1a', parentId: r1.id })
    const r2 = await postComment('nested', { text: 'r2', parentId: first.id })
    const r1a1 = await postComment('nested', { text: 'r1a1', parentId: r1a.id })

    const { comments } = await getPage('nested')
    expect(comments.map((c) => c.id)).toEqual([second.id, first.id])
    const [, top] = comments
    expect(top!.replyCount).toBe(2)
    expect(top!.replies.map((c) => c.id)).toEqual([r1.id, r2.id])
    expect(top!.replies[0]!.replyCount).toBe(1)
    expect(top!.replies[0]!.replies.map((c) => c.id)).toEqual([r1a.id])
    expect(top!.replies[0]!.replies[0]!.replies.map((c) => c.id)).toEqual([r1a1.id])
    expect(top!.replies[1]!.replies).toEqual([])
    expect(await commentCount('nested')).toBe(6)

    const oldest = await getPage('nested', { sort: 'oldest' })
    expect(oldest.comments.map((c) => c.id)).toEqual([first.id, second.id])
  })

  it('aggregates reactions per emoji', async () => {
    const comment = await postComment('reactions')
    const add = (emoji: string) =>
      env.DB.prepare(
        'INSERT INTO reactions (comment_id, reader_id, emoji, created_at) VALUES (?1, ?2, ?3, 0)'
      ).bind(comment.id, newReaderId(), emoji)
    await env.DB.batch([add('👍'), add('👍'), add('👍'), add('😢')])
    const { comments } = await getPage('reactions')
    expect(comments[0]!.reactions).toEqual({ '👍': 3, '😢': 1 })
  })

  it.each([
    ['garbage', { cursor: 'not-a-cursor' }, ['query.cursor']],
    [
      'a cursor of the other sort order',
      {
        sort: 'oldest',
        cursor: encodeCursor({ sort: 'newest', createdAt: 1, id: 'c_0123456789' }),
      },
      ['query.cursor'],
    ],
    ['an unknown sort', { sort: 'best' }, ['query.sort']],
    ['a limit over the maximum', { limit: PAGE_SIZE_MAX + 1 }, ['query.limit']],
    ['a limit that is not a number', { limit: 'ten' }, ['query.limit']],
  ])('rejects %s with 400 naming the query field', async (_, query, paths) => {
    const qs = new URLSearchParams(query as Record<string, string>)
    const res = await api(`${path('nested')}?${qs}`)
    await expectError(res, 400, 'invalid_input', paths)
  })

  describe('pagination over 250 comments', () => {
    const THREAD = 'many'
    const TOTAL = 250
    let seeded: string[] = []

    beforeAll(async () => {
      await postComment(THREAD, { text: 'creates the thread' })
      const thread = await env.DB.prepare('SELECT id FROM threads WHERE key = ?1')
        .bind(THREAD)
        .first<{ id: number }>()
      await env.DB.prepare('DELETE FROM comments WHERE thread_id = ?1').bind(thread!.id).run()
      // Timestamps repeat in runs of three, so the id tie-break is exercised across page edges.
      const base = Date.now() - 10 * 60_000
      const rows = Array.from({ length: TOTAL }, (_, i) => ({
        id: newCommentId(),
        at: base + Math.floor(i / 3) * 1000,
      }))
      await env.DB.batch([
        ...rows.map((row) =>
          env.DB.prepare(
            `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id,
               author_name, text, created_at)
             VALUES (?1, ?2, ?3, NULL, ?1, 0, 'r_seedseedseed', 'Seed', 'seeded', ?4)`
          ).bind(row.id, thread!.id, SITE, row.at)
        ),
        env.DB.prepare('UPDATE threads SET comment_count = ?2 WHERE id = ?1').bind(
          thread!.id,
          TOTAL
        ),
      ])
      seeded = rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((row) => row.id)
    })

    async function walk(sort: 'newest' | 'oldest', limit: number, between: () => Promise<void>) {
      const seen: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const page = await getPage(THREAD, { sort, limit, ...(cursor ? { cursor } : {}) })
        expect(page.comments.length).toBeLessThanOrEqual(limit)
        seen.push(...page.comments.map((c) => c.id))
        cursor = page.nextCursor
        pages++
        await between()
      } while (cursor)
      return { seen, pages }
    }

    it('walks newest first with no duplicates or gaps while new comments arrive', async () => {
      const posted: string[] = []
      const { seen, pages } = await walk('newest', 20, async () => {
        posted.push((await postComment(THREAD, { text: 'meanwhile' })).id)
      })
      expect(pages).toBe(Math.ceil(TOTAL / 20))
      expect(seen).toEqual([...seeded].reverse())
      expect(seen.some((id) => posted.includes(id))).toBe(false)
      // The newcomers are on a fresh first page.
      const fresh = await getPage(THREAD, { limit: posted.length })
      expect(fresh.comments.map((c) => c.id)).toEqual([...posted].reverse())
    })

    it('walks oldest first and picks up comments posted meanwhile at the end', async () => {
      const before = await getPage(THREAD, { sort: 'oldest', limit: PAGE_SIZE_MAX })
      const existing = await commentCount(THREAD) // seeded + earlier test's newcomers
      const posted: string[] = []
      const { seen } = await walk('oldest', 37, async () => {
        if (posted.length < 3) posted.push((await postComment(THREAD, { text: 'late' })).id)
      })
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen).toHaveLength(existing + posted.length)
      expect(seen.slice(0, TOTAL)).toEqual(seeded)
      expect(seen.slice(-posted.length)).toEqual(posted)
      expect(before.comments.map((c) => c.id)).toEqual(seeded.slice(0, PAGE_SIZE_MAX))
    })

    it('ends with a null nextCursor exactly on the last page', async () => {
      const total = await commentCount(THREAD)
      const page = await getPage(THREAD, { limit: PAGE_SIZE_MAX })
      expect(page.nextCursor).not.toBeNull()
      const all = await walk('newest', PAGE_SIZE_MAX, async () => {})
      expect(all.seen).toHaveLength(total)
    })
  })
})
