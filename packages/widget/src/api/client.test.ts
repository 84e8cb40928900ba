import { describe, expect, it } from 'vitest'
import { ApiError, getPoll, getThread, listComments, vote } from './client.ts'
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
      'PUT /v1/sites/demo/polls/p/vote': () => makePoll({ myVote: 'o_1' }),
      'GET /v1/sites/demo/polls/p': () => makePoll({ myVote: 'o_1' }),
    })
    await vote(ep, 'p', 'o_1')
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
    await expect(getPoll(ep, 'p')).resolves.toMatchObject({ myVote: null })
    expect(requests).toHaveLength(2)
    expect(localStorage.getItem(`parley:reader|${API}|demo`)).toBeNull()
  })
})
