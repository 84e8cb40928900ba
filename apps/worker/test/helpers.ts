import {
  CommentPageSchema,
  rateLimitsOutOfReach,
  CommentSchema,
  ErrorBodySchema,
  ReaderSchema,
  ThreadSchema,
  type Comment,
  type CommentPage,
  type ErrorCode,
  type ModerationSettings,
  type RateLimitSettings,
  type Reader,
  type Thread,
} from '@parley/core'
import { env, exports } from 'cloudflare:workers'
import { expect } from 'vitest'
import type { z } from 'zod'
import { putSite } from '../src/db/sites.ts'

/** The Worker's own origin in tests (it is always allowed, as it serves the demo page). */
export const WORKER_ORIGIN = 'https://parley.test'
export const SITE = 'news'
export const SITE_ORIGIN = 'https://news.example'
export const OTHER_SITE = 'blog'
export const OTHER_ORIGIN = 'https://blog.example'

/**
 * The test sites. SITE's pipeline does not hold a reader's quick second comment (posting speed,
 * holdRules.minSecondsBetweenComments 0): most tests post several comments with one token in a
 * few milliseconds. The moderation tests turn rules on as they need them. OTHER_SITE keeps every
 * moderation default. Both have the rate limits out of reach but those of votes and notices
 * (withWideRateLimits).
 */
export async function createSites(): Promise<void> {
  await putSite(env.DB, { id: SITE, name: 'News', allowedOrigins: [SITE_ORIGIN] })
  await putSite(env.DB, { id: OTHER_SITE, name: 'Blog', allowedOrigins: [OTHER_ORIGIN] })
  await withoutSpeedRule(SITE)
  await Promise.all([SITE, OTHER_SITE].map(withWideRateLimits))
}

/**
 * The rate limits of the test sites: far out of reach, but those of votes and notices, which their
 * own tests count on (the defaults). Most tests write many times with one reader token. Every
 * limit is tested on sites of its own (test/rate-limits-actions.test.ts).
 */
export const WIDE_RATE_LIMITS: RateLimitSettings = rateLimitsOutOfReach(['votes', 'notices'])

/** Gives a test site WIDE_RATE_LIMITS. */
export async function withWideRateLimits(site: string): Promise<void> {
  await env.DB.prepare('UPDATE sites SET settings = json_patch(settings, ?2) WHERE id = ?1')
    .bind(site, JSON.stringify({ rateLimits: WIDE_RATE_LIMITS }))
    .run()
}

/** Turns the posting-speed rule of a test site off (see createSites). */
export const withoutSpeedRule = (site: string) =>
  setModeration({ holdRules: { minSecondsBetweenComments: 0 } }, site)

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] }

/** Merges `patch` into the site's stored moderation settings (JSON merge patch). */
export async function setModeration(
  patch: DeepPartial<ModerationSettings>,
  site = SITE
): Promise<void> {
  await env.DB.prepare('UPDATE sites SET settings = json_patch(settings, ?2) WHERE id = ?1')
    .bind(site, JSON.stringify({ moderation: patch }))
    .run()
}

interface ApiInit extends Omit<RequestInit, 'body' | 'headers'> {
  json?: unknown
  body?: BodyInit
  token?: string
  headers?: Record<string, string>
}

/** A request to the Worker entry, as a browser or the widget would send it. */
export function api(path: string, init: ApiInit = {}): Promise<Response> {
  const { json, token, headers = {}, ...rest } = init
  const all: Record<string, string> = { ...headers }
  if (json !== undefined) all['content-type'] ??= 'application/json'
  if (token) all.authorization = `Bearer ${token}`
  return exports.default.fetch(
    new Request(`${WORKER_ORIGIN}${path}`, {
      ...rest,
      headers: all,
      body: json !== undefined ? JSON.stringify(json) : (rest.body ?? null),
    })
  )
}

export async function newReader(site = SITE): Promise<Reader> {
  const res = await api(`/v1/sites/${site}/readers`, { method: 'POST', json: {} })
  expect(res.status).toBe(201)
  return ReaderSchema.parse(await res.json())
}

/** Parses a success body with the contract schema, so a shape drift fails the test. */
export async function expectBody<S extends z.ZodType>(
  res: Response,
  status: number,
  schema: S
): Promise<z.output<S>> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  return schema.parse(JSON.parse(text))
}

/** Asserts the one error envelope, its code and (optionally) the fields it names. */
export async function expectError(
  res: Response,
  status: number,
  code: ErrorCode,
  paths?: string[]
): Promise<z.output<typeof ErrorBodySchema>> {
  const body = await expectBody(res, status, ErrorBodySchema.strict())
  expect(body.error.code).toBe(code)
  if (paths) expect(body.error.issues?.map((i) => i.path)).toEqual(paths)
  return body
}

export const commentsPath = (thread: string, site = SITE) =>
  `/v1/sites/${site}/threads/${encodeURIComponent(thread)}/comments`
export const commentPath = (id: string, site = SITE) => `/v1/sites/${site}/comments/${id}`

/** Posts through the API, as the widget does; returns the response. */
export const sendComment = (
  token: string,
  thread: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  site = SITE
) =>
  api(commentsPath(thread, site), {
    method: 'POST',
    token,
    headers,
    json: { authorName: 'Ada', text: 'Hello', ...body },
  })

/** Posts through the API, as the widget does; returns the created comment. */
export async function postComment(
  token: string,
  thread: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  site = SITE
): Promise<Comment> {
  return expectBody(await sendComment(token, thread, body, headers, site), 201, CommentSchema)
}

/** A top-level comment by a fresh reader on `thread`; returns the reader, comment and thread. */
export async function byNewReader(
  thread: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  site = SITE
): Promise<{ reader: Reader; comment: Comment; thread: string }> {
  const reader = await newReader(site)
  return { reader, comment: await postComment(reader.token, thread, body, headers, site), thread }
}

/** GET a page of comments; `token` makes it the reader's view. */
export async function getPage(
  thread: string,
  query: Record<string, string | number> = {},
  token?: string,
  site = SITE
): Promise<CommentPage> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))
  const res = await api(`${commentsPath(thread, site)}?${qs}`, { token })
  return expectBody(res, 200, CommentPageSchema)
}

export async function getThread(thread: string, site = SITE): Promise<Thread> {
  const res = await api(`/v1/sites/${site}/threads/${encodeURIComponent(thread)}`)
  return expectBody(res, 200, ThreadSchema)
}

/** One row of comments, for asserting stored columns and counters. */
export async function commentRow(id: string): Promise<Record<string, unknown> | null> {
  return env.DB.prepare('SELECT * FROM comments WHERE id = ?1').bind(id).first()
}

/** Finds a comment anywhere in a page's trees. */
export function findInTree(comments: Comment[], id: string): Comment | undefined {
  for (const comment of comments) {
    if (comment.id === id) return comment
    const found = findInTree(comment.replies, id)
    if (found) return found
  }
  return undefined
}

/** EXPLAIN QUERY PLAN of a statement, one plan line per row, for index assertions. */
export async function queryPlan(sql: string, ...params: unknown[]): Promise<string> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>()
  return results.map((row) => row.detail).join('\n')
}

/** Rows of a per-comment table (reactions, reports, comment_revisions) for one comment. */
export async function countRows(table: string, commentId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE comment_id = ?1`)
    .bind(commentId)
    .first<{ n: number }>()
  return row!.n
}
