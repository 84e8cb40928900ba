import {
  BODY_MAX_BYTES,
  COMMENT_TEXT_MAX,
  CommentSchema,
  PAGE_SIZE_MAX,
  type Comment,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from '../src/lib/cursor.ts'
import { newCommentId } from '../src/lib/ids.ts'
import {
  api,
  commentRow,
  commentsPath as path,
  createSites,
  expectBody,
  expectError,
  getPage,
  getThread,
  newReader,
  OTHER_SITE,
  SITE,
  postComment as postAs,
} from './helpers.ts'

let token: string

const postComment = (
  thread: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {}
): Promise<Comment> => postAs(token, thread, body, headers)

const commentCount = async (thread: string) => (await getThread(thread)).commentCount

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
    expect(comment).toEqual({
      id: comment.id,
      parentId: null,
      author: { name: 'Jan de Vries', badges: [] },
      text: 'Hoi',
      html: '<p>Hoi</p>',
      lang: null,
      createdAt: comment.createdAt,
      editedAt: null,
      deleted: false,
      reactions: {},
      myReaction: null,
      mine: true,
      editableUntil: new Date(Date.parse(comment.createdAt) + 15 * 60_000).toISOString(),
      stance: null,
      replyCount: 0,
      status: 'published',
      removal: null,
      pinned: false,
      expertResponses: [],
      descendantCount: 0,
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

  it.each([
    ['garbage', { cursor: 'not-a-cursor' }, ['query.cursor']],
    [
      'a cursor of the other sort order',
      {
        sort: 'oldest',
        cursor: encodeCursor({
          order: 'newest',
          lang: null,
          stance: null,
          key: 1,
          id: 'c_0123456789',
        }),
      },
      ['query.cursor'],
    ],
    [
      'a cursor of another language filter',
      {
        lang: 'fr',
        cursor: encodeCursor({
          order: 'newest',
          lang: 'nl',
          stance: null,
          key: 1,
          id: 'c_0123456789',
        }),
      },
      ['query.cursor'],
    ],
    [
      'a replies cursor',
      {
        cursor: encodeCursor({
          order: 'replies',
          lang: null,
          stance: null,
          key: 1,
          id: 'c_0123456789',
        }),
      },
      ['query.cursor'],
    ],
    ['an unknown sort', { sort: 'best' }, ['query.sort']],
    ['a language that is not a BCP 47 tag', { lang: 'english' }, ['query.lang']],
    ['a limit over the maximum', { limit: PAGE_SIZE_MAX + 1 }, ['query.limit']],
    ['a limit that is not a number', { limit: 'ten' }, ['query.limit']],
  ])('rejects %s with 400 naming the query field', async (_, query, paths) => {
    const qs = new URLSearchParams(query as Record<string, string>)
    const res = await api(`${path('nested')}?${qs}`)
    await expectError(res, 400, 'invalid_input', paths)
  })
})

describe('counters kept by POST', () => {
  it('bumps the parent, every ancestor and the thread in the same batch', async () => {
    const top = await postComment('counters')
    const a = await postComment('counters', { parentId: top.id })
    const a1 = await postComment('counters', { parentId: a.id })
    await postComment('counters', { parentId: a1.id })
    await postComment('counters', { parentId: top.id })
    expect(await commentRow(top.id)).toMatchObject({ reply_count: 2, descendant_count: 4 })
    expect(await commentRow(a.id)).toMatchObject({ reply_count: 1, descendant_count: 2 })
    expect(await commentRow(a1.id)).toMatchObject({ reply_count: 1, descendant_count: 1 })
    expect(await commentCount('counters')).toBe(5)
    const [listed] = (await getPage('counters')).comments
    expect(listed).toMatchObject({ replyCount: 2, descendantCount: 4 })
  })

  it('ranks a comment by its replies: rank = created hours + 48 × s / (s + 5), s = 2 × replies', async () => {
    const top = await postComment('rank')
    const hours = Date.parse(top.createdAt) / 3_600_000
    expect((await commentRow(top.id))!.rank).toBeCloseTo(hours, 9)
    await postComment('rank', { parentId: top.id })
    expect((await commentRow(top.id))!.rank).toBeCloseTo(hours + (48 * 2) / 7, 9)
  })

  it('does not count a replayed Idempotency-Key twice', async () => {
    const top = await postComment('idem-counters')
    const headers = { 'Idempotency-Key': 'reply-key-0001' }
    await postComment('idem-counters', { parentId: top.id }, headers)
    const again = await api(path('idem-counters'), {
      method: 'POST',
      token,
      headers,
      json: { authorName: 'Ada', text: 'Hello', parentId: top.id },
    })
    expect(again.status).toBe(200)
    expect(await commentRow(top.id)).toMatchObject({ reply_count: 1, descendant_count: 1 })
    expect(await commentCount('idem-counters')).toBe(2)
  })

  it('refuses a reply to a deleted placeholder with 409 comment_deleted', async () => {
    const top = await postComment('reply-to-deleted')
    await postComment('reply-to-deleted', { parentId: top.id })
    const removed = await api(`/v1/sites/${SITE}/comments/${top.id}`, { method: 'DELETE', token })
    expect(removed.status).toBe(200)
    const res = await api(path('reply-to-deleted'), {
      method: 'POST',
      token,
      json: { authorName: 'Ada', text: 'Hi', parentId: top.id },
    })
    await expectError(res, 409, 'comment_deleted')
  })
})

describe('markup', () => {
  it('stores the raw text and its sanitized rendering, and lists both', async () => {
    const text =
      'I *mostly* agree.\n> quoted **strongly**\n\nSee https://example.com/report?a=1&b=2 <script>alert(1)</script> `code`'
    const posted = await postComment('markup', { text })
    const html =
      '<p>I <em>mostly</em> agree.</p>\n<blockquote>\n<p>quoted <strong>strongly</strong></p>\n</blockquote>\n<p>See <a href="https://example.com/report?a=1&amp;b=2" rel="nofollow ugc noopener" target="_blank">https://example.com/report?a=1&amp;b=2</a> &lt;script&gt;alert(1)&lt;/script&gt; <code>code</code></p>'
    expect(posted).toMatchObject({ text, html })
    expect(await commentRow(posted.id)).toMatchObject({ text, html })
    const [listed] = (await getPage('markup')).comments
    expect(listed).toMatchObject({ text, html })
  })

  it('renders rows written before html was stored when they are read', async () => {
    const posted = await postComment('legacy-html', { text: 'Old *style* row' })
    await env.DB.prepare('UPDATE comments SET html = NULL WHERE id = ?1').bind(posted.id).run()
    const [listed] = (await getPage('legacy-html')).comments
    expect(listed!.html).toBe('<p>Old <em>style</em> row</p>')
  })

  it('shows the badges stored with a comment', async () => {
    const posted = await postComment('badges')
    await env.DB.prepare(`UPDATE comments SET badges = '["author","bogus"]' WHERE id = ?1`)
      .bind(posted.id)
      .run()
    const [listed] = (await getPage('badges')).comments
    expect(listed!.author).toEqual({ name: 'Ada', badges: ['author'] })
  })
})

describe('languages', () => {
  const TEXTS = {
    en: 'The prosecutors need specialised teams and far better protection for the witnesses.',
    fr: "Les victimes doivent être protégées bien avant le procès, pas seulement pendant l'enquête.",
    nl: 'Slachtoffers moeten veel beter beschermd worden, ook wanneer ze niet willen getuigen.',
  }

  it('detects and stores the language of each comment, none for a short one', async () => {
    const en = await postComment('langs', { text: TEXTS.en })
    const fr = await postComment('langs', { text: TEXTS.fr })
    const short = await postComment('langs', { text: 'Oui !' })
    expect([en.lang, fr.lang, short.lang]).toEqual(['en', 'fr', null])
    expect((await commentRow(fr.id))!.lang).toBe('fr')
  })

  it('filters top-level comments by language and brings their replies along', async () => {
    const fr = await postComment('lang-filter', { text: TEXTS.fr })
    const nl = await postComment('lang-filter', { text: TEXTS.nl })
    const enReplyToFr = await postComment('lang-filter', { text: TEXTS.en, parentId: fr.id })
    await postComment('lang-filter', { text: TEXTS.en })

    const french = await getPage('lang-filter', { lang: 'fr' })
    expect(french.comments.map((c) => c.id)).toEqual([fr.id])
    expect(french.comments[0]!.replies.map((c) => c.id)).toEqual([enReplyToFr.id])
    const dutch = await getPage('lang-filter', { lang: 'nl', sort: 'top' })
    expect(dutch.comments.map((c) => c.id)).toEqual([nl.id])
    expect((await getPage('lang-filter', { lang: 'de' })).comments).toEqual([])

    // The thread tells the widget which languages there are, counting top-level comments.
    expect((await getThread('lang-filter')).languages).toEqual({ en: 1, fr: 1, nl: 1 })
  })
})

describe("the reader's view of a listing", () => {
  it('marks their own comments as mine, editable for the edit window, only with their token', async () => {
    const mine = await postComment('view')
    const other = await newReader()
    const theirs = await postAs(other.token, 'view')
    const withToken = await getPage('view', {}, token)
    const byId = new Map(withToken.comments.map((c) => [c.id, c]))
    expect(byId.get(mine.id)).toMatchObject({ mine: true, editableUntil: mine.editableUntil })
    expect(byId.get(theirs.id)).toMatchObject({ mine: false, editableUntil: null })
    const anonymous = await getPage('view')
    expect(anonymous.comments.every((c) => !c.mine && c.editableUntil === null)).toBe(true)
    const badToken = await getPage('view', {}, 'r_nope.nope')
    expect(badToken.comments.every((c) => !c.mine)).toBe(true)
  })

  it('closes editableUntil once the window has passed', async () => {
    const old = await postComment('view-old')
    await env.DB.prepare('UPDATE comments SET created_at = created_at - 16 * 60000 WHERE id = ?1')
      .bind(old.id)
      .run()
    const [listed] = (await getPage('view-old', {}, token)).comments
    expect(listed).toMatchObject({ mine: true, editableUntil: null })
  })
})
