// A small typed client of the Parley API for the e2e suite: tests create their own data in a fresh
// thread (deterministic, whatever the demo seed holds) and check what the server stored. Requests
// go from Node without an Origin header, as a server-to-server caller would.
import type { APIRequestContext, APIResponse, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import type { Comment, CommentPage, Counts, Reader, Thread } from '../../packages/core/src/index.ts'
import { E2E_ORIGIN, EXAMPLES_ORIGIN } from './fixtures.ts'

export const SITE = 'demo'

/** A thread key nobody has used: the test's own, empty thread. */
export function freshThread(prefix: string): string {
  return `e2e-${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/** The suite's page that embeds the widget for one thread (test/e2e/pages/thread.html). */
export function threadPage(thread: string, query: Record<string, string> = {}): string {
  return `${EXAMPLES_ORIGIN}/e2e/thread.html?${new URLSearchParams({ thread, ...query })}`
}

/** The widget's localStorage key for the reader token of a site (packages/widget api/client.ts). */
export const readerKey = (site = SITE) => `parley:reader|${E2E_ORIGIN}|${site}`

/**
 * Makes the page's widget act as `reader`: its token is in localStorage before any script runs,
 * so the comments this reader created through the API are "mine" in the browser too.
 */
export async function actAs(page: Page, reader: Reader, site = SITE): Promise<void> {
  await page.addInitScript(
    ([key, token]) => localStorage.setItem(key!, token!),
    [readerKey(site), reader.token]
  )
}

const v1 = (path: string) => `${E2E_ORIGIN}/v1/sites/${SITE}${path}`
const enc = encodeURIComponent

async function json<T>(res: APIResponse, expected: number | number[]): Promise<T> {
  const statuses = Array.isArray(expected) ? expected : [expected]
  const body = await res.text()
  expect(statuses, `${res.url()} answered ${res.status()}: ${body.slice(0, 500)}`).toContain(
    res.status()
  )
  return (body ? JSON.parse(body) : null) as T
}

/** Waits out a 429 (the API's rate limits) instead of failing the setup of a test. */
async function withRetry(send: () => Promise<APIResponse>): Promise<APIResponse> {
  for (let attempt = 0; ; attempt++) {
    const res = await send()
    if (res.status() !== 429 || attempt >= 10) return res
    const wait = Number(res.headers()['retry-after'] ?? 1)
    await new Promise((r) => setTimeout(r, Math.min(Math.max(wait, 0.2), 10) * 1000))
  }
}

export class Api {
  constructor(private readonly request: APIRequestContext) {}

  async reader(): Promise<Reader> {
    const res = await withRetry(() => this.request.post(v1('/readers'), { data: {} }))
    return json<Reader>(res, [200, 201])
  }

  async post(
    reader: Reader,
    thread: string,
    body: { authorName: string; text: string; parentId?: string },
    idempotencyKey?: string
  ): Promise<Comment> {
    const headers: Record<string, string> = { authorization: `Bearer ${reader.token}` }
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey
    const res = await withRetry(() =>
      this.request.post(v1(`/threads/${enc(thread)}/comments`), { data: body, headers })
    )
    return json<Comment>(res, [200, 201])
  }

  /** Like `post`, but returns the raw response (for payloads that may legitimately be refused). */
  postRaw(
    reader: Reader,
    thread: string,
    body: { authorName: string; text: string; parentId?: string }
  ): Promise<APIResponse> {
    return withRetry(() =>
      this.request.post(v1(`/threads/${enc(thread)}/comments`), {
        data: body,
        headers: { authorization: `Bearer ${reader.token}` },
      })
    )
  }

  async thread(thread: string, reader?: Reader): Promise<Thread> {
    const res = await this.request.get(v1(`/threads/${enc(thread)}`), { headers: auth(reader) })
    return json<Thread>(res, 200)
  }

  async page(
    thread: string,
    query: { sort?: string; lang?: string; limit?: number; cursor?: string } = {},
    reader?: Reader
  ): Promise<CommentPage> {
    const params: Record<string, string> = {}
    for (const [k, value] of Object.entries(query)) if (value != null) params[k] = String(value)
    const res = await this.request.get(v1(`/threads/${enc(thread)}/comments`), {
      params,
      headers: auth(reader),
    })
    // A thread nobody has commented on yet may not exist on the server.
    if (res.status() === 404 && (await res.text()).includes('"thread_not_found"')) {
      return { comments: [], nextCursor: null }
    }
    return json<CommentPage>(res, 200)
  }

  /** Every top-level comment of a thread (all pages), with the replies that came along. */
  async all(thread: string, reader?: Reader): Promise<Comment[]> {
    const out: Comment[] = []
    let cursor: string | undefined
    do {
      const page = await this.page(thread, { limit: 100, cursor }, reader)
      out.push(...page.comments)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return out
  }

  async react(reader: Reader, comment: string, emoji: string): Promise<void> {
    const res = await withRetry(() =>
      this.request.put(v1(`/comments/${comment}/reaction`), {
        data: { emoji },
        headers: auth(reader),
      })
    )
    await json(res, [200, 201])
  }

  async report(reader: Reader, comment: string, reason: string): Promise<void> {
    const res = await withRetry(() =>
      this.request.post(v1(`/comments/${comment}/reports`), {
        data: { reason },
        headers: auth(reader),
      })
    )
    await json(res, [200, 201, 204])
  }

  async counts(threads: string[]): Promise<Counts> {
    const res = await this.request.get(v1('/counts'), { params: { threads: threads.join(',') } })
    return json<Counts>(res, 200)
  }
}

function auth(reader?: Reader): Record<string, string> {
  return reader ? { authorization: `Bearer ${reader.token}` } : {}
}

/** Every comment of a tree, depth first. */
export function flatten(comments: Comment[]): Comment[] {
  return comments.flatMap((c) => [c, ...flatten(c.replies)])
}
