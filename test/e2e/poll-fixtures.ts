// Polls for the e2e suite: each test creates its own through the admin API (deterministic,
// whatever the demo seed and the other tests did), and other readers vote through the public API.
// Requests go from Node without an Origin header, as a publisher's server would call the admin API.
import type { APIRequestContext, APIResponse, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import type { AdminPoll, NewPoll, Poll, Reader } from '../../packages/core/src/index.ts'
import { SITE } from './api.ts'
import { E2E_ORIGIN, EXAMPLES_ORIGIN } from './fixtures.ts'

/** The Worker's ADMIN_TOKEN in the suite: start-worker.sh passes the same value to `wrangler dev`. */
export const E2E_ADMIN_TOKEN = 'e2e-only-admin-token'

/** A poll key nobody has used (lowercase letters, digits and inner hyphens, at most 64). */
export function freshPollKey(prefix: string): string {
  return `e2e-${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/** The suite's page (test/e2e/pages/thread.html) with a poll, alone or above a thread. */
export function pollPage(poll: string, thread?: string): string {
  const query = new URLSearchParams({ poll, ...(thread ? { thread } : {}) })
  return `${EXAMPLES_ORIGIN}/e2e/thread.html?${query}`
}

let network = 0
/**
 * A network address of its own for each vote sent through the API. Miniflare keeps a
 * CF-Connecting-IP the client sends, so these votes do not spend the per-network vote limit of
 * 127.0.0.1, which every vote cast in the browser shares (the site setting rateLimits.votes; defaults in DEFAULT_RATE_LIMITS, @parley/core).
 */
const nextNetwork = () => {
  network++
  return `198.18.${(network >> 8) & 255}.${network & 255}`
}

async function json<T>(res: APIResponse, expected: number): Promise<T> {
  const body = await res.text()
  expect(res.status(), `${res.url()} answered ${res.status()}: ${body.slice(0, 500)}`).toBe(
    expected
  )
  return JSON.parse(body) as T
}

export class Polls {
  constructor(private readonly request: APIRequestContext) {}

  #admin(path = '') {
    return `${E2E_ORIGIN}/v1/admin/sites/${SITE}/polls${path}`
  }

  #headers() {
    return { authorization: `Bearer ${E2E_ADMIN_TOKEN}` }
  }

  /** Creates a poll (defaults: single choice, results always visible, changes allowed). */
  async create(poll: NewPoll): Promise<AdminPoll> {
    const res = await this.request.post(this.#admin(), { data: poll, headers: this.#headers() })
    return json<AdminPoll>(res, 201)
  }

  /** Closes a poll now, as a publisher would. */
  async close(key: string): Promise<AdminPoll> {
    const res = await this.request.patch(this.#admin(`/${encodeURIComponent(key)}`), {
      data: { closeNow: true },
      headers: this.#headers(),
    })
    return json<AdminPoll>(res, 200)
  }

  /** The poll as `reader` (or an anonymous caller) sees it. */
  async get(key: string, reader?: Reader): Promise<Poll> {
    const res = await this.request.get(
      `${E2E_ORIGIN}/v1/sites/${SITE}/polls/${encodeURIComponent(key)}`,
      { headers: reader ? { authorization: `Bearer ${reader.token}` } : {} }
    )
    return json<Poll>(res, 200)
  }

  /** Casts (or replaces) `reader`'s ballot, from a network of its own. */
  async vote(reader: Reader, key: string, optionIds: string[]): Promise<Poll> {
    const res = await this.request.put(
      `${E2E_ORIGIN}/v1/sites/${SITE}/polls/${encodeURIComponent(key)}/vote`,
      {
        data: { optionIds },
        headers: { authorization: `Bearer ${reader.token}`, 'cf-connecting-ip': nextNetwork() },
      }
    )
    return json<Poll>(res, 200)
  }
}

/** The option ids of a poll by label: `ids(poll).Yes`. */
export function optionIds(poll: AdminPoll | Poll): Record<string, string> {
  return Object.fromEntries(poll.options.map((o) => [o.label, o.id]))
}

/** The poll's voting form: the fieldset named by the question. */
export const pollForm = (page: Page, question: string) =>
  page.getByRole('group', { name: question })

/** The poll's results: the section named by the question. */
export const pollResults = (page: Page, question: string) =>
  page.getByRole('region', { name: question })

/**
 * Waits until the results say exactly this: one row per option in display order, as its text
 * reads with white space collapsed ("Yes Your vote 50% 2 votes"), and the total ("4 votes"). The
 * bars are decorative (aria-hidden), so the text must carry every figure.
 */
export async function expectResults(
  page: Page,
  question: string,
  rows: string[],
  total: string
): Promise<void> {
  const results = pollResults(page, question)
  await expect(results.getByRole('listitem')).toHaveText(rows)
  await expect(results.locator('[part~="total"]')).toHaveText(total)
}
