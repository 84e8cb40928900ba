import type { Context } from 'hono'
import { encodeBase64Url } from './base64url.ts'

const encoder = new TextEncoder()

/** A strong validator: the first 128 bits of the SHA-256 of the exact body sent. */
async function strongETag(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(body))
  return `"${encodeBase64Url(new Uint8Array(digest).slice(0, 16))}"`
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes do not matter. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/**
 * Sends `body` as JSON with an ETag computed from it, or 304 without a body when the client
 * already holds that representation. Because the body is exactly what this caller may see, the
 * tag changes when, and only when, their view changes. `private, no-cache` keeps shared caches
 * out (the body depends on the reader token) and makes browsers revalidate every time, so a
 * plain fetch() turns repeated refreshes into cheap 304s on its own.
 */
export async function jsonWithETag(c: Context, body: unknown): Promise<Response> {
  const text = JSON.stringify(body)
  const etag = await strongETag(text)
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization' }
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers)
  return c.body(text, 200, { ...headers, 'Content-Type': 'application/json' })
}
