import { describe, expect, it, onTestFinished } from 'vitest'
import {
  ApiError,
  deleteComment,
  editComment,
  getCounts,
  getPoll,
  getThread,
  listComments,
  listReplies,
  react,
  reportComment,
  RETRY_WAITS,
  unreact,
  vote,
  withdrawVote,
} from './client.ts'
import { API, errorBody, json, makePoll, mockApi, readerRoute } from '../test/helpers.ts'

const ep = { api: `${API}/`, site: 'demo' }

describe('api client', () => {
  it('encodes thread keys that are page paths into one path segment', async () => {
    const { requests } = mockApi({
      'GET /v1/sites/demo/threads/2020/02/trafficking/comments': () => ({
        comments: [],
        nextCursor: null,
      }),
    })
    await listComments(ep, '2020/02/trafficking', { cursor: 'abc=', limit: 5 })
    expect(requests[0]!.url).toBe(
      `${API}/v1/sites/demo/threads/2020%2F02%2Ftrafficking/comments?sort=newest&limit=5&cursor=abc%3D`
    )
    // Reads send no credentials (and so need no CORS preflight) until a reader exists.
    expect(requests[0]!.headers.get('authorization')).toBeNull()
  })

  it('parses the error envelope into an ApiError', async () => {
    mockApi({
      'GET /v1/sites/demo/threads/x': () =>
        json(
          {
            error: {
              code: 'invalid_input',
              message: 'bad key',
              issues: [{ path: 'params.thread', message: 'too long' }],
            },
          },
          400
        ),
    })
    const error = await getThread(ep, 'x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      code: 'invalid_input',
      status: 400,
      message: 'bad key',
      issues: [{ path: 'params.thread', message: 'too long' }],
    })
  })

  it('maps a network failure to "unavailable" with status 0, and a bare 502 to "unavailable"', async () => {
    mockApi({
      'GET /v1/sites/demo/polls/p': () => {
        throw new TypeError('Failed to fetch')
      },
      'GET /v1/sites/demo/polls/q': () => new Response('<h1>Bad gateway</h1>', { status: 502 }),
    })
    await expect(getPoll(ep, 'p')).rejects.toMatchObject({ code: 'unavailable', status: 0 })
    await expect(getPoll(ep, 'q')).rejects.toMatchObject({ code: 'unavailable', status: 502 })
  })

  it('lets an abort through as an AbortError', async () => {
    mockApi({ 'GET /v1/sites/demo/polls/p': () => new Promise(() => {}) })
    const controller = new AbortController()
    const pending = getPoll(ep, 'p', { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('stores the reader token per API origin and site, and sends it on reads too', async () => {
    const { requests } = mockApi({
      ...readerRoute,
      'PUT /v1/sites/demo/polls/p/vote': () => makePoll({ myChoices: ['o_1'] }),
      'GET /v1/sites/demo/polls/p': () => makePoll({ myChoices: ['o_1'] }),
    })
    await vote(ep, 'p', ['o_1'])
    expect(localStorage.getItem(`parley:reader|${API}|demo`)).toBe('tok-1')
    await getPoll(ep, 'p')
    expect(requests.at(-1)!.headers.get('authorization')).toBe('Bearer tok-1')
    expect(requests.filter((r) => r.url.endsWith('/readers'))).toHaveLength(1)
  })

  it('drops a refused token on a read and retries without it', async () => {
    localStorage.setItem(`parley:reader|${API}|demo`, 'stale')
    const { requests } = mockApi({
      'GET /v1/sites/demo/polls/p': (req) =>
        req.headers.has('authorization') ? errorBody('unauthorized', 401) : makePoll(),
    })
    await expect(getPoll(ep, 'p')).resolves.toMatchObject({ poll: { myChoices: [] } })
    expect(requests).toHaveLength(2)
    expect(localStorage.getItem(`parley:reader|${API}|demo`)).toBeNull()
  })

  it('reads a poll past the HTTP cache and revalidates it by ETag', async () => {
    const poll = makePoll()
    const { requests } = mockApi({
      'GET /v1/sites/demo/polls/p': (req) =>
        req.headers.get('if-none-match') === '"v1"'
          ? new Response(null, { status: 304, headers: { etag: '"v1"' } })
          : json(poll, 200, { etag: '"v1"' }),
    })
    await expect(getPoll(ep, 'p')).resolves.toEqual({ poll, etag: '"v1"' })
    await expect(getPoll(ep, 'p', { etag: '"v1"' })).resolves.toBeNull()
    await expect(getPoll(ep, 'p', { etag: '"v0"' })).resolves.toEqual({ poll, etag: '"v1"' })
    expect(requests.map((r) => [r.cache, r.headers.get('if-none-match')])).toEqual([
      ['no-store', null],
      ['no-store', '"v1"'],
      ['no-store', '"v0"'],
    ])
  })

  it('votes with several options and withdraws, as the reader', async () => {
    const { requests } = mockApi({
      ...readerRoute,
      'PUT /v1/sites/demo/polls/p/vote': () => makePoll({ myChoices: ['o_1', 'o_3'] }),
      'DELETE /v1/sites/demo/polls/p/vote': () => makePoll(),
    })
    await expect(vote(ep, 'p', ['o_1', 'o_3'])).resolves.toMatchObject({
      myChoices: ['o_1', 'o_3'],
    })
    await expect(withdrawVote(ep, 'p')).resolves.toMatchObject({ myChoices: [] })
    const [, put, del] = requests
    expect(await put!.json()).toEqual({ optionIds: ['o_1', 'o_3'] })
    expect([del!.method, del!.headers.get('authorization')]).toEqual(['DELETE', 'Bearer tok-1'])
  })

  it('reads Retry-After of a 429 as seconds or as an HTTP date', async () => {
    const later = new Date(Date.now() + 125_000).toUTCString()
    const limited = (retryAfter: string) =>
      json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, {
        'retry-after': retryAfter,
      })
    mockApi({
      ...readerRoute,
      'PUT /v1/sites/demo/polls/a/vote': () => limited('30'),
      'PUT /v1/sites/demo/polls/b/vote': () => limited(later),
      'PUT /v1/sites/demo/polls/c/vote': () => limited('soon'),
      'PUT /v1/sites/demo/polls/d/vote': () => errorBody('poll_closed', 409),
    })
    const fail = (poll: string) =>
      vote(ep, poll, ['o_1']).then(
        () => expect.unreachable(),
        (e: ApiError) => e
      )
    expect(await fail('a')).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 30 })
    const byDate = (await fail('b')).retryAfter!
    expect(byDate).toBeGreaterThan(115)
    expect(byDate).toBeLessThanOrEqual(125)
    expect((await fail('c')).retryAfter).toBeUndefined()
    const closed = await fail('d')
    expect(closed).toMatchObject({ code: 'poll_closed', status: 409 })
    expect(closed.retryAfter).toBeUndefined()
  })

  it('lists with sort and language, and pages the replies of one comment', async () => {
    const { requests } = mockApi({
      'GET /v1/sites/demo/threads/t/comments': () => ({ comments: [], nextCursor: null }),
      'GET /v1/sites/demo/comments/c_1234567890/replies': () => ({ replies: [], nextCursor: null }),
    })
    await listComments(ep, 't', { sort: 'top', lang: 'pt-BR', cursor: 'x' })
    await listComments(ep, 't', { sort: 'oldest', lang: '' })
    await listReplies(ep, 'c_1234567890', { cursor: 'n1' })
    expect(requests.map((r) => r.url.replace(API, ''))).toEqual([
      '/v1/sites/demo/threads/t/comments?sort=top&limit=20&cursor=x&lang=pt-BR',
      '/v1/sites/demo/threads/t/comments?sort=oldest&limit=20',
      '/v1/sites/demo/comments/c_1234567890/replies?cursor=n1',
    ])
  })

  it('edits, deletes, reacts and reports as the reader, creating one when needed', async () => {
    const id = 'c_1234567890'
    const state = { reactions: { '👍': 1 }, myReaction: '👍' }
    const { requests } = mockApi({
      ...readerRoute,
      [`PATCH /v1/sites/demo/comments/${id}`]: () => ({ id }),
      [`DELETE /v1/sites/demo/comments/${id}`]: () => ({ id, outcome: 'removed' }),
      [`PUT /v1/sites/demo/comments/${id}/reaction`]: () => state,
      [`DELETE /v1/sites/demo/comments/${id}/reaction`]: () => ({ ...state, myReaction: null }),
      [`POST /v1/sites/demo/comments/${id}/reports`]: () =>
        json({ reason: 'spam', createdAt: '2026-01-01T00:00:00.000Z' }, 201),
    })
    await editComment(ep, id, 'New text')
    await expect(react(ep, id, '👍')).resolves.toEqual(state)
    await expect(unreact(ep, id)).resolves.toMatchObject({ myReaction: null })
    await reportComment(ep, id, { reason: 'off_topic', note: 'why' })
    await expect(deleteComment(ep, id)).resolves.toEqual({ id, outcome: 'removed' })
    const calls = await Promise.all(
      requests.map(async (r) => [
        r.method,
        new URL(r.url).pathname.replace(`/v1/sites/demo/comments/${id}`, '…'),
        r.headers.get('authorization'),
        r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT' ? await r.json() : null,
      ])
    )
    expect(calls).toEqual([
      ['POST', '/v1/sites/demo/readers', null, {}],
      ['PATCH', '…', 'Bearer tok-1', { text: 'New text' }],
      ['PUT', '…/reaction', 'Bearer tok-1', { emoji: '👍' }],
      ['DELETE', '…/reaction', 'Bearer tok-1', null],
      ['POST', '…/reports', 'Bearer tok-1', { reason: 'off_topic', note: 'why' }],
      ['DELETE', '…', 'Bearer tok-1', null],
    ])
  })

  it('asks for counts without credentials, at most COUNTS_THREADS_MAX threads at a time', async () => {
    const { requests } = mockApi({
      'GET /v1/sites/demo/counts': (_req, url) => ({
        counts: Object.fromEntries(
          url.searchParams
            .get('threads')!
            .split(',')
            .map((t) => [t, 1])
        ),
      }),
    })
    localStorage.setItem(`parley:reader|${API}|demo`, 'tok-1')
    const threads = Array.from({ length: 120 }, (_, i) => `t${i}`)
    const counts = await getCounts(ep, threads)
    expect(Object.keys(counts)).toEqual(threads)
    expect(
      requests.map((r) => new URL(r.url).searchParams.get('threads')!.split(',').length)
    ).toEqual([50, 50, 20])
    expect(requests.every((r) => !r.headers.has('authorization'))).toBe(true)
  })
})

describe('automatic retries of writes', () => {
  const commentOf = { id: 'c_1', reactions: {}, myReaction: '👍' }
  const shortWaits = () => {
    const waits = RETRY_WAITS.splice(0, RETRY_WAITS.length, 0.01, 0.01, 0.01)
    onTestFinished(() => void RETRY_WAITS.splice(0, RETRY_WAITS.length, ...waits))
  }
  const route = 'PUT /v1/sites/demo/comments/c_1/reaction'

  it('sends a PUT again after no response, a 502 and a 503, telling onRetry each wait', async () => {
    shortWaits()
    let attempt = 0
    const failures = [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => errorBody('unavailable', 502),
      () => errorBody('unavailable', 503),
    ]
    const { requests } = mockApi({
      ...readerRoute,
      [route]: () => failures[attempt++]?.() ?? json(commentOf),
    })
    const waits: number[] = []
    const state = await react(ep, 'c_1', '👍', { onRetry: (s) => waits.push(s) })
    expect(state).toEqual(commentOf)
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(4)
    expect(waits).toEqual([0.01, 0.01, 0.01])
  })

  it('waits at least as long as Retry-After says', async () => {
    shortWaits()
    let attempt = 0
    mockApi({
      ...readerRoute,
      [route]: () =>
        attempt++ === 0
          ? json({ error: { code: 'unavailable', message: 'down' } }, 503, { 'retry-after': '1' })
          : json(commentOf),
    })
    const waits: number[] = []
    await react(ep, 'c_1', '👍', { onRetry: (s) => waits.push(s) })
    expect(waits).toEqual([1])
  })

  it('gives up after three retries with the last error', async () => {
    shortWaits()
    const { requests } = mockApi({ ...readerRoute, [route]: () => errorBody('unavailable', 503) })
    const error = await react(ep, 'c_1', '👍').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'unavailable', status: 503 })
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(4)
  })

  it('never repeats a 500, a 4xx, or a POST without an Idempotency-Key', async () => {
    shortWaits()
    const { requests } = mockApi({
      ...readerRoute,
      [route]: () => errorBody('internal', 500),
      'POST /v1/sites/demo/comments/c_1/reports': () => errorBody('unavailable', 503),
      'PATCH /v1/sites/demo/comments/c_1': () => errorBody('edit_window_closed', 409),
    })
    await expect(react(ep, 'c_1', '👍')).rejects.toMatchObject({ status: 500 })
    await expect(reportComment(ep, 'c_1', { reason: 'spam' })).rejects.toMatchObject({
      status: 503,
    })
    await expect(editComment(ep, 'c_1', 'x')).rejects.toMatchObject({ status: 409 })
    expect(requests.filter((r) => r.method !== 'POST' || r.url.includes('/reports'))).toHaveLength(
      3
    )
  })
})
