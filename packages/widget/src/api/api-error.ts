import type { ErrorCode, ErrorIssue } from '@parley/core'

// The client's error, in a module of its own: the lazy loaders (src/internal/lazy.ts,
// src/embed/lazy.ts) need it without importing the client, which imports them through
// src/internal/auth.ts.

/** Every failure of the client: an error envelope, an unreadable response or a network error. */
export class ApiError extends Error {
  /** Stable machine code from the error envelope; 'unavailable' for network failures. */
  code: ErrorCode
  /** HTTP status; 0 when the request never got a response. */
  status: number
  issues: ErrorIssue[] | undefined
  /** For 429: seconds until a retry may succeed, from a readable `Retry-After` header. */
  retryAfter: number | undefined

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
