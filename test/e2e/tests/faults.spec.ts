import { expect, test, type Page, type Route } from '@playwright/test'
import { Api, freshThread, readerKey, threadPage } from '../api.ts'
import { waitForWidget } from '../fixtures.ts'

// The API is unavailable for a moment while a reader posts: the widget keeps the draft, tries again
// by itself with growing waits (honouring Retry-After) and the same Idempotency-Key, and the
// comment exists exactly once. When every attempt fails, the draft survives a reload.

const commentsPath = (thread: string) =>
  `/v1/sites/demo/threads/${encodeURIComponent(thread)}/comments`

const unavailable = {
  status: 503,
  headers: { 'content-type': 'application/json', 'retry-after': '1' },
  body: JSON.stringify({
    error: {
      code: 'unavailable',
      message: 'The database is unavailable (injected by the e2e suite)',
    },
  }),
}

/** Each POST of a comment goes to `handle` with its attempt number (0, 1, …) and its key. */
async function onPost(
  page: Page,
  thread: string,
  handle: (route: Route, attempt: number) => Promise<void>
): Promise<(string | undefined)[]> {
  const keys: (string | undefined)[] = []
  await page.route(
    (url) => url.pathname === commentsPath(thread),
    (route) => {
      if (route.request().method() !== 'POST') return route.fallback()
      keys.push(route.request().headers()['idempotency-key'])
      return handle(route, keys.length - 1)
    }
  )
  return keys
}

async function drafts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('parley:draft|'))
      .map((k) => localStorage.getItem(k) ?? '')
  )
}

/**
 * The comments with `text` as their author sees them (with the widget's own reader token), so a
 * comment the moderation pipeline holds back from others still counts.
 */
async function stored(page: Page, api: Api, thread: string, text: string) {
  const token = await page.evaluate((key) => localStorage.getItem(key), readerKey())
  const reader = token ? { readerId: '', token } : undefined
  return (await api.all(thread, reader)).filter((c) => c.text === text)
}

async function write(page: Page, thread: string, text: string) {
  await page.goto(threadPage(thread))
  await waitForWidget(page)
  await page.getByLabel('Name', { exact: true }).fill('Greta')
  await page.getByLabel('Comment', { exact: true }).fill(text)
  await page.getByRole('button', { name: 'Post comment' }).click()
}

test('a 503 after the write, then a lost connection: retried by itself, posted exactly once', async ({
  page,
  request,
}) => {
  const api = new Api(request)
  const thread = freshThread('faults')
  const text = `Posted through an outage. (${thread})`
  const keys = await onPost(page, thread, async (route, attempt) => {
    // 1st: the server stores it, the answer is lost to a 503. 2nd: no connection. 3rd: through.
    if (attempt === 0) {
      await route.fetch()
      return route.fulfill(unavailable)
    }
    if (attempt === 1) return route.abort('internetdisconnected')
    return route.continue()
  })
  await write(page, thread, text)

  // The polite status says it is not posted yet and kept, while the client waits to retry.
  await expect(page.getByRole('status').filter({ hasText: /not posted yet/ })).toBeAttached()
  await expect(page.getByRole('status').filter({ hasText: 'Comment posted' })).toBeAttached()
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0)
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('')
  await expect(page.getByRole('article').filter({ hasText: text })).toHaveCount(1)
  expect(keys).toHaveLength(3)
  expect(keys[0]).toBeTruthy()
  expect(new Set(keys).size).toBe(1)
  expect(await stored(page, api, thread, text)).toHaveLength(1)
  expect((await drafts(page)).some((d) => d.includes(text))).toBe(false)
})

test('when every attempt fails, "Try again" is offered and the draft survives a reload', async ({
  page,
  request,
}) => {
  const api = new Api(request)
  const thread = freshThread('faults-down')
  const text = `Kept while the API is down. (${thread})`
  const keys = await onPost(page, thread, (route) => route.fulfill(unavailable))
  await write(page, thread, text)

  // 1 + 2 + 4 seconds of automatic retries, then the reader decides.
  const alert = page
    .getByRole('alert')
    .filter({ has: page.getByRole('button', { name: 'Try again' }) })
  await expect(alert).toBeVisible({ timeout: 20_000 })
  await expect(alert).toContainText(/not posted yet/)
  expect(keys).toHaveLength(4)
  expect(new Set(keys).size).toBe(1)
  expect(await stored(page, api, thread, text)).toHaveLength(0)

  await page.unrouteAll()
  await page.reload()
  await waitForWidget(page)
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue(text)
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Greta')
  expect((await drafts(page)).some((d) => d.includes(text))).toBe(true)
})
