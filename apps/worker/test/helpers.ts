import { ErrorBodySchema, ReaderSchema, type ErrorCode, type Reader } from '@parley/core'
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

export async function createSites(): Promise<void> {
  await putSite(env.DB, { id: SITE, name: 'News', allowedOrigins: [SITE_ORIGIN] })
  await putSite(env.DB, { id: OTHER_SITE, name: 'Blog', allowedOrigins: [OTHER_ORIGIN] })
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
