import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorIssue } from '@parley/core'
import type { Context, ErrorHandler, NotFoundHandler, ValidationTargets } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env.ts'

interface ApiErrorOptions {
  issues?: ErrorIssue[]
  headers?: Record<string, string>
  cause?: unknown
}

/** Every expected failure: a stable machine code from @parley/core and a human message. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly status: ContentfulStatusCode
  readonly issues: ErrorIssue[] | undefined
  readonly headers: Record<string, string>

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, { cause: options.cause })
    this.name = 'ApiError'
    this.code = code
    this.status = ERROR_STATUS[code] as ContentfulStatusCode
    this.issues = options.issues
    this.headers = options.headers ?? {}
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message }
    if (this.issues) error.issues = this.issues
    return { error }
  }
}

/** Hono's own exceptions (thrown by built-in middleware) mapped onto our codes. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_input',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
}

/** Seconds a client should wait before retrying after the database failed. */
export const UNAVAILABLE_RETRY_AFTER = 2

// How D1 and workerd word a failure that a retry may cure: an outage, an overload, a reset, a
// timeout (https://developers.cloudflare.com/d1/observability/debug-d1/#error-list). Constraint
// violations and SQL errors also start with "D1_ERROR" but are bugs: they stay 500.
const TRANSIENT_DB_FAILURE = new RegExp(
  [
    'network connection lost',
    'overloaded',
    'exceeded timeout',
    'time(d)? ?out',
    'reset because',
    'caused object to be reset',
    'transient issue',
    'internal error',
    'connection (was )?(reset|closed)',
  ].join('|'),
  'i'
)
const DB_BUG =
  /SQLITE_|constraint|no such (table|column)|syntax error|D1_TYPE_ERROR|D1_COLUMN_NOTFOUND/i

/**
 * Whether an error is the database being unavailable for a moment (retrying the same request may
 * succeed), rather than a bug. Looks through `cause`, where D1 keeps the underlying error.
 */
export function isTransientDbFailure(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const text = `${e.message}`
    if (DB_BUG.test(text)) return false
    if (TRANSIENT_DB_FAILURE.test(text)) return true
  }
  return false
}

/** 503 unavailable with Retry-After: what a write that met a database outage answers. */
export const unavailable = () =>
  new ApiError('unavailable', 'The database is unavailable for a moment. Please try again.', {
    headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER) },
  })

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) return c.json(err.toBody(), err.status, err.headers)
  if (err instanceof HTTPException && HTTP_EXCEPTION_CODES[err.status]) {
    const code = HTTP_EXCEPTION_CODES[err.status]!
    return c.json(new ApiError(code, err.message || code).toBody(), err.status)
  }
  if (isTransientDbFailure(err)) {
    // The write may or may not have committed: the client retries with its Idempotency-Key.
    console.warn(`[parley] ${c.req.method} ${c.req.path}: database unavailable`, String(err))
    const error = unavailable()
    return c.json(error.toBody(), error.status, error.headers)
  }
  // Anything else is a bug or an outage: log it with the request id, tell the client nothing.
  console.error(`[parley] ${c.req.method} ${c.req.path} failed (request ${c.var.requestId})`, err)
  const body: ErrorBody = {
    error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' },
  }
  return c.json(body, 500)
}

export const notFound: NotFoundHandler<AppEnv> = (c) => {
  const body: ErrorBody = {
    error: { code: 'not_found', message: `There is no ${c.req.method} ${c.req.path}` },
  }
  return c.json(body, 404)
}

export function methodNotAllowedResponse(c: Context, allowed: string[]): Response {
  const body: ErrorBody = {
    error: {
      code: 'method_not_allowed',
      message: `${c.req.method} is not allowed here; use ${allowed.join(', ')}`,
    },
  }
  return c.json(body, 405, { Allow: allowed.join(', ') })
}

/** Where each validation target lives in the request, as named in issue paths. */
const TARGET_NAMES: Record<keyof ValidationTargets, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'params',
  header: 'header',
  cookie: 'cookie',
}

interface ValidationResult {
  success: boolean
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }
  target: keyof ValidationTargets
}

/** "body.text", "query.limit", "params.site": the target, then the zod path. */
export function issuesOf(result: ValidationResult): ErrorIssue[] {
  const prefix = TARGET_NAMES[result.target]
  return (result.error?.issues ?? []).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }))
}

/**
 * The zValidator hook: a failed parse becomes 400 invalid_input with one issue per field, instead
 * of zod-validator's default of echoing the raw safeParse result.
 */
export function validationHook(result: ValidationResult): void {
  if (result.success) return
  const issues = issuesOf(result)
  const fields = [...new Set(issues.map((i) => i.path))].join(', ')
  throw new ApiError('invalid_input', `Invalid ${fields}`, { issues })
}
