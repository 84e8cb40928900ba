import type {
  Comment,
  CommentPage,
  CommentSort,
  Counts,
  DeleteResult,
  ErrorBody,
  ErrorCode,
  NewNoticeInput,
  NewReport,
  NoticeReceipt,
  Poll,
  ReactionState,
  Reader,
  ReplyPage,
  Report,
  SsoSession,
  Thread,
} from '@parley/core'
import { COUNTS_THREADS_MAX, PAGE_SIZE_DEFAULT } from '@parley/core/limits'
import {
  APPEAL_ROUTE,
  COMMENTS_ROUTE,
  COMMENT_ROUTE,
  COUNTS_ROUTE,
  NOTICES_ROUTE,
  POLL_ROUTE,
  REACTION_ROUTE,
  READERS_ROUTE,
  REPLIES_ROUTE,
  REPORTS_ROUTE,
  SSO_SESSION_ROUTE,
  THREAD_ROUTE,
  VOTE_ROUTE,
} from '@parley/core/routes'
import { sessionToken } from '../internal/auth.ts'
import { originOf, read, write } from '../internal/storage.ts'
import { ApiError } from './api-error.ts'

export { ApiError, isRetryable, toApiError } from './api-error.ts'

/** Where to send requests: `api` is the API origin ('' = same origin), `site` the site id. */
export interface Endpoint {
  api: string
  site: string
}

export interface RequestOptions {
  signal?: AbortSignal
  /** Told before each automatic retry of a write, with the seconds it waits first. */
  onRetry?: (seconds: number) => void
}

/** One cursor page. */
export interface PageOptions extends RequestOptions {
  cursor?: string | null
  limit?: number
}

export interface NewCommentBody {
  authorName: string
  text: string
  parentId?: string
  /** Show the author's vote in the thread's stance poll on the comment (the server's default). */
  showStance?: boolean
  /** The form's hidden trap field: anything but "" marks a bot. */
  honeypot?: string
  /** How long the form was open before it was sent, in ms. */
  elapsedMs?: number
  /** Cloudflare Turnstile's token, on sites that ask for one. */
  turnstileToken?: string
}

const tokenKey = (ep: Endpoint) => `parley:reader|${originOf(ep.api)}|${ep.site}`
const creating = new Map<string, Promise<string>>()

/** Whether a request sends the reader token: never, if there is one, or always (creating one). */
export type Auth = 'none' | 'optional' | 'required'

interface Init extends RequestOptions {
  method?: string
  body?: unknown
  query?: Record<string, string | number | null | undefined>
  headers?: Record<string, string>
  auth?: Auth
  cache?: RequestCache
  /** Sees every successful response (for its headers). */
  seen?: (res: Response) => void
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
    // fetch ignores the options that are the client's own (query, auth, seen), and an undefined
    // method, signal, cache or body means its default.
    return await fetch(href, { ...init, headers, body: JSON.stringify(init.body) })
  } catch (e) {
    if (init.signal?.aborted) throw e
    throw new ApiError('unavailable', 'The API could not be reached', 0)
  }
}

/** The code of a failure without an error envelope, by HTTP status; other 5xx are 'unavailable'. */
const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  404: 'not_found',
  429: 'rate_limited',
}

function errorFrom(res: Response, body: unknown): ApiError {
  const { status } = res
  const envelope = (body as Partial<ErrorBody> | null)?.error
  // No envelope: a proxy, a gateway page or a crash in front of the API.
  const error =
    envelope && typeof envelope.code === 'string'
      ? new ApiError(envelope.code, envelope.message, status, envelope.issues)
      : new ApiError(
          STATUS_CODES[status] ?? (status >= 500 ? 'unavailable' : 'internal'),
          `HTTP ${status}`,
          status
        )
  // Retry-After is seconds or an HTTP date; cross-origin it is readable only when exposed.
  const after = res.headers.get('retry-after')
  const seconds = Number(after) || (Date.parse(after!) - Date.now()) / 1000
  if ((status === 429 || status === 503) && seconds > 0) error.retryAfter = Math.ceil(seconds)
  return error
}

/**
 * Automatic retries of a write, and the wait before each (seconds, unless Retry-After says more).
 * Mutable so that component tests can shorten the waits.
 */
export const RETRY_WAITS = [1, 2, 4]

/**
 * A request; a write that met an outage (no response, 502, 503, 504) is sent again a few times
 * with growing waits, honouring Retry-After, when sending it twice changes nothing: PUT, PATCH,
 * and POST with an Idempotency-Key (the server replays the first result). Then the error is the
 * caller's, who keeps the draft and offers "Try again".
 */
async function request<T>(
  ep: Endpoint,
  template: string,
  params: Record<string, string>,
  init: Init = {}
): Promise<T> {
  const repeatable = /^P[UA]/.test(init.method!) || init.headers?.['idempotency-key']
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptRequest<T>(ep, template, params, init)
    } catch (e) {
      const wait = RETRY_WAITS[attempt]
      // No response, or a gateway or the database unavailable (500 is a bug: not worth it).
      const { status, retryAfter = 0 } = e as ApiError
      if (!repeatable || !wait || (status && status < 502) || init.signal?.aborted) throw e
      const seconds = Math.min(Math.max(wait, retryAfter), 30)
      init.onRetry?.(seconds)
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
    }
  }
}

async function attemptRequest<T>(
  ep: Endpoint,
  template: string,
  params: Record<string, string>,
  init: Init = {}
): Promise<T> {
  const href = url(ep, template, params, init)
  const key = tokenKey(ep)
  const auth = init.auth ?? 'optional'
  // A reader the publisher signed in acts as its user; otherwise as the anonymous reader.
  const signedIn = auth === 'none' ? null : await sessionToken(ep, exchange(ep))
  let token = auth === 'none' ? null : signedIn || read(key)
  if (!token && auth === 'required') token = await ensureReader(ep, init.signal)
  let res = await send(href, init, token)
  if (res.status === 401 && token) {
    if (token === signedIn) {
      // The sign-in session expired: the page is asked for a fresh token, once.
      token = (await sessionToken(ep, exchange(ep), token)) || read(key)
    } else {
      // The token expired or the server forgot it: start over once with a fresh reader.
      write(key, null)
      token = null
    }
    if (!token && auth === 'required') token = await ensureReader(ep, init.signal)
    res = await send(href, init, token)
  }
  // Only conditional requests get 304, and they resolve to null: nothing changed.
  if (res.status === 304) return null as T
  let body: unknown = null
  try {
    body = await res.json()
  } catch (e) {
    if (init.signal?.aborted) throw e
  }
  if (!res.ok) throw errorFrom(res, body)
  if (body == null)
    throw new ApiError('internal', 'The API sent an unreadable response', res.status)
  init.seen?.(res)
  return body as T
}

/** POST /v1/sites/:site/sso/session — trades the publisher's token for a signed-in session. */
const exchange =
  (ep: Endpoint) =>
  (token: string): Promise<SsoSession> =>
    request(ep, SSO_SESSION_ROUTE, {}, { method: 'POST', body: { token }, auth: 'none' })

function ensureReader(ep: Endpoint, signal?: AbortSignal): Promise<string> {
  const key = tokenKey(ep)
  let pending = creating.get(key)
  if (!pending) {
    pending = createReader(ep, { signal })
      .then((reader) => {
        write(key, reader.token)
        return reader.token
      })
      .finally(() => creating.delete(key))
    creating.set(key, pending)
  }
  return pending
}

/** POST /v1/sites/:site/readers — an anonymous reader identity. Usually called lazily. */
export function createReader(ep: Endpoint, opts: RequestOptions = {}): Promise<Reader> {
  return request(ep, READERS_ROUTE, {}, { ...opts, method: 'POST', body: {}, auth: 'none' })
}

/** GET /v1/sites/:site/threads/:thread */
export function getThread(
  ep: Endpoint,
  thread: string,
  opts: RequestOptions = {}
): Promise<Thread> {
  return request(ep, THREAD_ROUTE, { thread }, opts)
}

/**
 * GET /v1/sites/:site/threads/:thread/comments — one cursor page of top-level comments with their
 * replies, newest first unless `sort` says otherwise, optionally only those in language `lang`
 * or with stance `stance` (an option id of the stance poll, or 'none'). Sends the reader token
 * when there is one, so `mine` and `myReaction` are filled in.
 */
export function listComments(
  ep: Endpoint,
  thread: string,
  opts: PageOptions & { sort?: CommentSort; lang?: string; stance?: string } = {}
): Promise<CommentPage> {
  const { signal, sort = 'newest', limit = PAGE_SIZE_DEFAULT, cursor, lang, stance } = opts
  const query = { sort, limit, cursor, lang: lang || null, stance: stance || null }
  return request(ep, COMMENTS_ROUTE, { thread }, { signal, query })
}

/** GET /v1/sites/:site/comments/:comment/replies — the subtree below a comment, flat, oldest first. */
export function listReplies(
  ep: Endpoint,
  comment: string,
  opts: PageOptions = {}
): Promise<ReplyPage> {
  const { signal, limit, cursor } = opts
  return request(ep, REPLIES_ROUTE, { comment }, { signal, query: { limit, cursor } })
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
  const { signal, onRetry } = opts
  return request(
    ep,
    COMMENTS_ROUTE,
    { thread },
    { signal, onRetry, method: 'POST', body, headers, auth: 'required' }
  )
}

/** A poll as read, with the ETag to revalidate it (null when the header is not readable). */
export interface PollSnapshot {
  poll: Poll
  etag: string | null
}

/**
 * GET /v1/sites/:site/polls/:poll — `myChoices` holds this reader's choices. Never from the HTTP
 * cache: pass the `etag` of the last snapshot to revalidate by hand (If-None-Match), and get null
 * when the poll is unchanged (304).
 */
export function getPoll(ep: Endpoint, poll: string, opts?: RequestOptions): Promise<PollSnapshot>
export function getPoll(
  ep: Endpoint,
  poll: string,
  opts: RequestOptions & { etag: string | null }
): Promise<PollSnapshot | null>
export async function getPoll(
  ep: Endpoint,
  poll: string,
  opts: RequestOptions & { etag?: string | null } = {}
): Promise<PollSnapshot | null> {
  let etag: string | null = null
  const body = await request<Poll | null>(
    ep,
    POLL_ROUTE,
    { poll },
    {
      signal: opts.signal,
      headers: opts.etag ? { 'if-none-match': opts.etag } : {},
      cache: 'no-store',
      seen: (res) => (etag = res.headers.get('etag')),
    }
  )
  return body && { poll: body, etag }
}

/**
 * PUT /v1/sites/:site/polls/:poll/vote — casts or changes this reader's vote: one option for a
 * single-choice poll, up to `maxChoices` for a multiple-choice one. `turnstileToken` is needed
 * while the poll says so (Poll.turnstile).
 */
export function vote(
  ep: Endpoint,
  poll: string,
  optionIds: string[],
  turnstileToken?: string,
  opts: RequestOptions = {}
): Promise<Poll> {
  return asReader(ep, VOTE_ROUTE, { poll }, 'PUT', { optionIds, turnstileToken }, opts)
}

/** DELETE /v1/sites/:site/polls/:poll/vote — withdraws this reader's vote (if the poll allows it). */
export function withdrawVote(ep: Endpoint, poll: string, opts: RequestOptions = {}): Promise<Poll> {
  return asReader(ep, VOTE_ROUTE, { poll }, 'DELETE', undefined, opts)
}

/** PATCH /v1/sites/:site/comments/:comment — the author edits the text within the edit window. */
export function editComment(
  ep: Endpoint,
  comment: string,
  text: string,
  opts: RequestOptions = {}
): Promise<Comment> {
  return asReader(ep, COMMENT_ROUTE, { comment }, 'PATCH', { text }, opts)
}

/** DELETE /v1/sites/:site/comments/:comment — the author deletes it (a placeholder if it has replies). */
export function deleteComment(
  ep: Endpoint,
  comment: string,
  opts: RequestOptions = {}
): Promise<DeleteResult> {
  return asReader(ep, COMMENT_ROUTE, { comment }, 'DELETE', undefined, opts)
}

/** PUT /v1/sites/:site/comments/:comment/reaction — sets or changes this reader's reaction. */
export function react(
  ep: Endpoint,
  comment: string,
  emoji: string,
  opts: RequestOptions = {}
): Promise<ReactionState> {
  return asReader(ep, REACTION_ROUTE, { comment }, 'PUT', { emoji }, opts)
}

/** DELETE /v1/sites/:site/comments/:comment/reaction — removes this reader's reaction. */
export function unreact(
  ep: Endpoint,
  comment: string,
  opts: RequestOptions = {}
): Promise<ReactionState> {
  return asReader(ep, REACTION_ROUTE, { comment }, 'DELETE', undefined, opts)
}

/** POST /v1/sites/:site/comments/:comment/reports — once per reader and comment (else 409). */
export function reportComment(
  ep: Endpoint,
  comment: string,
  body: NewReport,
  opts: RequestOptions = {}
): Promise<Report> {
  return asReader(ep, REPORTS_ROUTE, { comment }, 'POST', body, opts)
}

/**
 * POST /v1/sites/:site/comments/:comment/notices — a notice of illegal content under the EU
 * Digital Services Act. Anyone may send one: it goes without the reader token.
 */
export function fileNotice(
  ep: Endpoint,
  comment: string,
  body: NewNoticeInput,
  opts: RequestOptions = {}
): Promise<NoticeReceipt> {
  return request(ep, NOTICES_ROUTE, { comment }, { ...opts, method: 'POST', body, auth: 'none' })
}

/** POST /v1/sites/:site/comments/:comment/appeal — the author contests the removal (once). */
export function appealRemoval(
  ep: Endpoint,
  comment: string,
  text: string,
  opts: RequestOptions = {}
): Promise<unknown> {
  return asReader(ep, APPEAL_ROUTE, { comment }, 'POST', { text }, opts)
}

/**
 * GET /v1/sites/:site/counts?threads=a,b — comment counts per thread key (0 for unknown ones), in
 * as few requests as the server's limit of COUNTS_THREADS_MAX keys per request allows.
 */
export async function getCounts(
  ep: Endpoint,
  threads: string[],
  opts: RequestOptions = {}
): Promise<Record<string, number>> {
  const chunks: Promise<Counts>[] = []
  for (let i = 0; i < threads.length; i += COUNTS_THREADS_MAX) {
    const query = { threads: threads.slice(i, i + COUNTS_THREADS_MAX).join(',') }
    chunks.push(request(ep, COUNTS_ROUTE, {}, { ...opts, query, auth: 'none' }))
  }
  return Object.assign({}, ...(await Promise.all(chunks)).map((c) => c.counts)) as Record<
    string,
    number
  >
}

/**
 * A request to any route, as this reader by default (created first if there is none yet). The
 * code in src/extras writes through it, so that the script-tag build has one copy of the client.
 */
export function call<T>(
  ep: Endpoint,
  template: string,
  params: Record<string, string>,
  method: string,
  body?: unknown,
  auth: Auth = 'required'
): Promise<T> {
  return request(ep, template, params, { method, body, auth })
}

/** A write as this reader, who is created first if there is none yet. */
function asReader<T>(
  ep: Endpoint,
  template: string,
  params: Record<string, string>,
  method: string,
  body: unknown,
  { signal, onRetry }: RequestOptions
): Promise<T> {
  return request(ep, template, params, { signal, onRetry, method, body, auth: 'required' })
}
