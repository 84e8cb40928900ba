import type {
  Comment,
  CommentPage,
  ErrorBody,
  ErrorCode,
  ErrorIssue,
  Poll,
  Reader,
  ROUTES,
  Thread,
} from '@parley/core'
import { PAGE_SIZE_DEFAULT } from '@parley/core/limits'
import { originOf, read, write } from '../internal/storage.ts'

// The route templates are restated here because @parley/core's runtime entry pulls in zod; the
// type annotation makes any drift from the contract a compile error.
const ROUTE: Pick<typeof ROUTES, 'readers' | 'thread' | 'comments' | 'poll' | 'vote'> = {
  readers: '/v1/sites/:site/readers',
  thread: '/v1/sites/:site/threads/:thread',
  comments: '/v1/sites/:site/threads/:thread/comments',
  poll: '/v1/sites/:site/polls/:poll',
  vote: '/v1/sites/:site/polls/:poll/vote',
}

/** Where to send requests: `api` is the API origin ('' = same origin), `site` the site id. */
export interface Endpoint {
  api: string
  site: string
}

export interface RequestOptions {
  signal?: AbortSignal
}

export interface NewCommentBody {
  authorName: string
  text: string
  parentId?: string
}

/** Every failure of the client: an error envelope, an unreadable response or a network error. */
export class ApiError extends Error {
  /** Stable machine code from the error envelope; 'unavailable' for network failures. */
  code: ErrorCode
  /** HTTP status; 0 when the request never got a response. */
  status: number
  issues: ErrorIssue[] | undefined

  constructor(code: ErrorCode, message: string, status: number, issues?: ErrorIssue[]) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.issues = issues
  }
}

/** Worth trying again unchanged: no response, a server failure or rate limiting. */
export const isRetryable = (e: ApiError): boolean =>
  e.status === 0 || e.status >= 500 || e.status === 429

export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('internal', String(e), 0)
}

const tokenKey = (ep: Endpoint) => `parley:reader|${originOf(ep.api)}|${ep.site}`
const creating = new Map<string, Promise<string>>()

type Auth = 'none' | 'optional' | 'required'

interface Init extends RequestOptions {
  method?: string
  body?: unknown
  query?: Record<string, string | number | null | undefined>
  headers?: Record<string, string>
  auth?: Auth
}

function url(ep: Endpoint, template: string, params: Record<string, string>, init: Init): string {
  const path = template.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(name === 'site' ? ep.site : (params[name] ?? ''))
  )
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(init.query ?? {})) if (v != null) query.set(k, String(v))
  const qs = String(query)
  return `${ep.api.replace(/\/+$/, '')}${path}${qs && '?'}${qs}`
}

async function send(href: string, init: Init, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  if (token) headers.authorization = `Bearer ${token}`
  try {
    return await fetch(href, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal ?? null,
    })
  } catch (e) {
    if (init.signal?.aborted) throw e
    throw new ApiError('unavailable', 'The API could not be reached', 0)
  }
}

function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as Partial<ErrorBody> | null)?.error
  if (error && typeof error.code === 'string') {
    return new ApiError(error.code, error.message, status, error.issues)
  }
  // No envelope: a proxy, a gateway page or a crash in front of the API.
  const code: ErrorCode =
    status === 401
      ? 'unauthorized'
      : status === 404
        ? 'not_found'
        : status === 429
          ? 'rate_limited'
          : status >= 500
            ? 'unavailable'
            : 'internal'
  return new ApiError(code, `HTTP ${status}`, status)
}

async function request<T>(
  ep: Endpoint,
  template: string,
  params: Record<string, string>,
  init: Init = {}
): Promise<T> {
  const href = url(ep, template, params, init)
  const key = tokenKey(ep)
  const auth = init.auth ?? 'optional'
  let token = auth === 'none' ? null : read(key)
  if (!token && auth === 'required') token = await ensureReader(ep, init.signal)
  let res = await send(href, init, token)
  if (res.status === 401 && token) {
    // The token expired or the server forgot it: start over once with a fresh reader.
    write(key, null)
    token = auth === 'required' ? await ensureReader(ep, init.signal) : null
    res = await send(href, init, token)
  }
  let body: unknown = null
  try {
    body = await res.json()
  } catch (e) {
    if (init.signal?.aborted) throw e
  }
  if (!res.ok) throw errorFrom(res.status, body)
  if (body == null)
    throw new ApiError('internal', 'The API sent an unreadable response', res.status)
  return body as T
}

function ensureReader(ep: Endpoint, signal?: AbortSignal): Promise<string> {
  const key = tokenKey(ep)
  let pending = creating.get(key)
  if (!pending) {
    pending = createReader(ep, { signal }).then(
      (reader) => {
        creating.delete(key)
        write(key, reader.token)
        return reader.token
      },
      (e: unknown) => {
        creating.delete(key)
        throw e
      }
    )
    creating.set(key, pending)
  }
  return pending
}

/** POST /v1/sites/:site/readers — an anonymous reader identity. Usually called lazily. */
export function createReader(ep: Endpoint, opts: RequestOptions = {}): Promise<Reader> {
  return request(ep, ROUTE.readers, {}, { ...opts, method: 'POST', body: {}, auth: 'none' })
}

/** GET /v1/sites/:site/threads/:thread */
export function getThread(
  ep: Endpoint,
  thread: string,
  opts: RequestOptions = {}
): Promise<Thread> {
  return request(ep, ROUTE.thread, { thread }, opts)
}

/** GET /v1/sites/:site/threads/:thread/comments — newest first, one cursor page. */
export function listComments(
  ep: Endpoint,
  thread: string,
  opts: RequestOptions & { cursor?: string | null; limit?: number } = {}
): Promise<CommentPage> {
  const query = { sort: 'newest', limit: opts.limit ?? PAGE_SIZE_DEFAULT, cursor: opts.cursor }
  return request(ep, ROUTE.comments, { thread }, { signal: opts.signal, query })
}

/**
 * POST /v1/sites/:site/threads/:thread/comments. Send the same `idempotencyKey` when retrying the
 * same draft: the server then replays the first result instead of posting twice.
 */
export function postComment(
  ep: Endpoint,
  thread: string,
  body: NewCommentBody,
  opts: RequestOptions & { idempotencyKey?: string } = {}
): Promise<Comment> {
  const headers: Record<string, string> = {}
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey
  return request(
    ep,
    ROUTE.comments,
    { thread },
    { signal: opts.signal, method: 'POST', body, headers, auth: 'required' }
  )
}

/** GET /v1/sites/:site/polls/:poll — `myVote` is set when this reader has voted. */
export function getPoll(ep: Endpoint, poll: string, opts: RequestOptions = {}): Promise<Poll> {
  return request(ep, ROUTE.poll, { poll }, opts)
}

/** PUT /v1/sites/:site/polls/:poll/vote — casts or changes this reader's vote. */
export function vote(
  ep: Endpoint,
  poll: string,
  optionId: string,
  opts: RequestOptions = {}
): Promise<Poll> {
  return request(
    ep,
    ROUTE.vote,
    { poll },
    { signal: opts.signal, method: 'PUT', body: { optionId }, auth: 'required' }
  )
}
