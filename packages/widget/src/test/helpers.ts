// Shared by the colocated *.test.ts files (browser mode); never imported by the build entries.
import type { Comment, Poll, Thread } from '@parley/core'
import { DEFAULT_REACTIONS } from '@parley/core/limits'
import axe from 'axe-core'
import { afterEach, expect, vi } from 'vitest'
import { page } from 'vitest/browser'
import type { ParleyComments } from '../components/comments/comments.ts'
import '../define.ts'

export const API = 'https://api.test'

let counter = 0
/** A fresh thread or poll key per test, so the page-wide thread stores never leak between tests. */
export const uid = (prefix = 't') => `${prefix}-${++counter}-${Date.now().toString(36)}`

afterEach(() => {
  document.body.replaceChildren()
  localStorage.clear()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** Adds markup to the page and waits for the first element (and its children) to render. */
export async function fixture<T extends HTMLElement>(markup: string): Promise<T> {
  const wrapper = document.createElement('div')
  wrapper.innerHTML = markup
  document.body.append(wrapper)
  const el = wrapper.firstElementChild as T
  await settle()
  return el
}

/**
 * Lets pending fetches, Lit updates and nested element updates finish. The two frames let the
 * IntersectionObserver of lazy loading report the elements first.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame)
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve))
}

/** Runs axe-core on the element, shadow roots included, and expects no violations. */
export async function expectAccessible(el: Element): Promise<void> {
  const { violations } = await axe.run(el, { resultTypes: ['violations'] })
  const summary = violations.map(
    (v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`
  )
  expect(summary).toEqual([])
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

export const errorBody = (code: string, status: number, message = code) =>
  json({ error: { code, message } }, status)

type Handler = (req: Request, url: URL) => unknown

/**
 * Stubs fetch with a tiny router keyed by "METHOD /path" (path decoded). A handler returns a
 * Response, a JSON-able value (200), or throws to simulate a network failure. Unknown routes 404.
 * `requests` keeps a clone of every request for assertions.
 */
export function mockApi(routes: Record<string, Handler>) {
  const requests: Request[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init)
    requests.push(req.clone())
    const url = new URL(req.url)
    const handler = routes[`${req.method} ${decodeURIComponent(url.pathname)}`]
    if (!handler) return errorBody('not_found', 404)
    // Like the real fetch, reject as soon as the request's signal aborts.
    const aborted = new Promise<never>((_, reject) => {
      if (req.signal.aborted) reject(req.signal.reason)
      req.signal.addEventListener('abort', () => reject(req.signal.reason))
    })
    aborted.catch(() => {}) // an abort after the response is not an error
    const out = await Promise.race([handler(req, url), aborted])
    return out instanceof Response ? out : json(out)
  })
  vi.stubGlobal('fetch', fetch)
  return { fetch, requests }
}

/** A comment as the API sends it; `html` follows `text` (paragraphs) unless given. */
export function makeComment(id: string, overrides: Partial<Comment> = {}): Comment {
  const text = overrides.text ?? `Text of ${id}`
  const replies = overrides.replies ?? []
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return {
    id: `c_${id.padEnd(10, '0')}`,
    parentId: null,
    author: { name: `Author ${id}`, badges: [] },
    text,
    html: text
      .split(/\n\s*\n/)
      .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
      .join(''),
    lang: 'en',
    createdAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    editedAt: null,
    deleted: false,
    reactions: {},
    myReaction: null,
    mine: false,
    editableUntil: null,
    stance: null,
    replyCount: replies.length,
    descendantCount: replies.reduce((n, r) => n + 1 + r.descendantCount, 0),
    status: 'published',
    removal: null,
    pinned: false,
    expertResponses: [],
    replies,
    ...overrides,
  }
}

export function makePoll(overrides: Partial<Poll> = {}): Poll {
  return {
    id: 'origin-countries',
    question: 'Should Europe do more?',
    kind: 'single',
    maxChoices: 1,
    opensAt: null,
    closesAt: null,
    status: 'open',
    resultsVisibility: 'always',
    allowVoteChange: true,
    options: [
      { id: 'o_1', label: 'Yes' },
      { id: 'o_2', label: 'No' },
      { id: 'o_3', label: 'Not sure' },
    ],
    results: {
      totalVotes: 3,
      voters: 3,
      options: [
        { id: 'o_1', votes: 2, percent: 67 },
        { id: 'o_2', votes: 1, percent: 33 },
        { id: 'o_3', votes: 0, percent: 0 },
      ],
    },
    resultsStatus: 'visible',
    myChoices: [],
    voted: !!overrides.myChoices?.length,
    ...overrides,
  }
}

/** A thread as GET …/threads/:thread answers it: the default reactions, counts shown. */
export function makeThread(key: string, overrides: Partial<Thread> = {}): Thread {
  return {
    site: 'demo',
    key,
    title: null,
    commentCount: 42,
    polls: [],
    reactions: { available: [...DEFAULT_REACTIONS], showCounts: true },
    stances: null,
    languages: { en: 2 },
    featured: [],
    pinned: [],
    uiLanguages: [],
    ...overrides,
  }
}

/** Reader creation, as the API answers it. */
export const readerRoute = {
  'POST /v1/sites/demo/readers': () => json({ readerId: 'r_1', token: 'tok-1' }, 201),
}

/** The focused element, looking through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active
}

/** A promise and the function that settles it, to hold a response until the test releases it. */
export function deferred<T = unknown>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** A <parley-comments> list of `comments` on a fresh thread, shown once its first article is. */
export async function commentList(
  comments: Comment[],
  routes: Parameters<typeof mockApi>[0] = {},
  thread: Partial<Thread> = {}
) {
  const key = uid()
  const base = `/v1/sites/demo/threads/${key}`
  const api = mockApi({
    ...readerRoute,
    [`GET ${base}`]: () => makeThread(key, thread),
    [`GET ${base}/comments`]: () => ({ comments, nextCursor: null }),
    ...routes,
  })
  const el = await fixture<ParleyComments>(
    `<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`
  )
  await expect.element(page.getByRole('article').first()).toBeVisible()
  return { el, key, base, ...api }
}
