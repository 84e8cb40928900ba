// The console's client of the admin API. It runs on the Worker's own origin (/admin), so requests
// are same-origin: no CORS, and the admin guard sees a matching Origin. The key travels as a
// bearer token; it lives in sessionStorage (see session.ts), never in localStorage or a cookie.
import type { ErrorBody, ErrorCode, ErrorIssue } from '@parley/core'

/** A failed call: the API's error envelope, or 'unavailable' when no answer came. */
export class AdminApiError extends Error {
  readonly code: ErrorCode
  /** HTTP status; 0 when the request never got a response. */
  readonly status: number
  readonly issues: ErrorIssue[]

  constructor(code: ErrorCode, message: string, status: number, issues: ErrorIssue[] = []) {
    super(message)
    this.name = 'AdminApiError'
    this.code = code
    this.status = status
    this.issues = issues
  }

  /** The message with each field problem, e.g. "Invalid body.reason: reason: must not be empty". */
  describe(): string {
    if (this.issues.length === 0) return this.message
    return `${this.message}: ${this.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`
  }
}

export const toAdminApiError = (e: unknown): AdminApiError =>
  e instanceof AdminApiError ? e : new AdminApiError('internal', String(e), 0)

export type Query = Record<string, string | number | boolean | null | undefined>

export interface CallOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
}

/**
 * Fills a route template ("/v1/admin/sites/:site/bans/:ban") from `params`, each value
 * percent-encoded (thread keys may hold slashes: they travel as %2F).
 */
export function fillRoute(template: string, params: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing route parameter "${name}" for ${template}`)
    return encodeURIComponent(value)
  })
}

function withQuery(path: string, query: Query | undefined): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v))
  }
  const qs = String(search)
  return qs ? `${path}?${qs}` : path
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  429: 'rate_limited',
}

/**
 * Sends API calls with one key ('' for the public routes, which take none); `origin` is '' for the
 * page's own origin.
 */
export class AdminTransport {
  constructor(
    readonly key: string,
    readonly origin = ''
  ) {}

  async call<T>(
    method: string,
    template: string,
    params: Record<string, string>,
    options: CallOptions = {}
  ): Promise<T> {
    const res = await this.#send(method, template, params, options)
    const body = parse(await res.text().catch(() => ''))
    if (!res.ok) throw errorOf(res.status, body)
    return body as T
  }

  /**
   * Downloads a file (an export): a link cannot carry the bearer key, so the page fetches it and
   * saves the Blob. The name comes from Content-Disposition, else `fallback`.
   */
  async file(
    template: string,
    params: Record<string, string>,
    fallback: string,
    options: CallOptions = {}
  ): Promise<{ blob: Blob; name: string }> {
    const res = await this.#send('GET', template, params, options)
    if (!res.ok) throw errorOf(res.status, parse(await res.text().catch(() => '')))
    const disposition = res.headers.get('content-disposition') ?? ''
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback
    return { blob: await res.blob(), name }
  }

  async #send(
    method: string,
    template: string,
    params: Record<string, string>,
    options: CallOptions
  ): Promise<Response> {
    const headers: Record<string, string> = {}
    if (this.key) headers.authorization = `Bearer ${this.key}`
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    try {
      return await fetch(`${this.origin}${withQuery(fillRoute(template, params), options.query)}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        cache: 'no-store',
        credentials: 'omit',
      })
    } catch (e) {
      if (options.signal?.aborted) throw e
      throw new AdminApiError('unavailable', 'The API could not be reached', 0)
    }
  }
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null // not JSON: a proxy's error page, say
  }
}

/** The error of a failed answer: its envelope, or one named after the status. */
function errorOf(status: number, body: unknown): AdminApiError {
  const error = (body as ErrorBody | null)?.error
  if (error && typeof error.code === 'string') {
    return new AdminApiError(error.code, error.message, status, error.issues ?? [])
  }
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'unavailable' : 'internal')
  return new AdminApiError(code, `The API answered ${status}`, status)
}
