import { expect, test, type Page, type Route } from '@playwright/test'
import { Api, freshThread, threadPage } from '../api.ts'
import { waitForWidget } from '../fixtures.ts'

// "Nothing typed is ever lost": the network fails in Chromium while a reader posts, and the draft
// stays in the form and in localStorage until the server has it, exactly once.

const commentsPath = (thread: string) =>
  `/v1/sites/demo/threads/${encodeURIComponent(thread)}/comments`

/** Only the POST of a comment is disturbed; loading the list goes through untouched. */
async function onPost(page: Page, thread: string, handle: (route: Route) => Promise<void>) {
  await page.route(
    (url) => url.pathname === commentsPath(thread),
    (route) => (route.request().method() === 'POST' ? handle(route) : route.fallback())
  )
}

async function drafts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('parley:draft|'))
      .map((k) => localStorage.getItem(k) ?? '')
  )
}

async function start(page: Page, thread: string, text: string) {
  await page.goto(threadPage(thread))
  await waitForWidget(page)
  await page.getByLabel('Name', { exact: true }).fill('Greta')
  await page.getByLabel('Comment', { exact: true }).fill(text)
}

test('a network error and a 5xx keep the draft; "Try again" then posts exactly once', async ({
  page,
  request,
}) => {
  // Twice the client retries a failing write by itself before the reader sees an error (RETRY_WAITS
  // in packages/widget/src/api/client.ts: 1 + 2 + 4 s), 14 s of waiting in all.
  test.setTimeout(60_000)
  const api = new Api(request)
  const thread = freshThread('network')
  const text = `Nothing typed is ever lost. (${thread})`
  await start(page, thread, text)
  const textarea = page.getByLabel('Comment', { exact: true })
  const alert = page
    .getByRole('alert')
    .filter({ has: page.getByRole('button', { name: 'Try again' }) })
  const stored = async () => (await api.all(thread)).filter((c) => c.text === text)

  const keptEverywhere = async () => {
    await expect(alert).toBeVisible()
    await expect(textarea).toHaveValue(text)
    expect((await drafts(page)).some((d) => d.includes(text))).toBe(true)
    await expect(page.getByRole('article').filter({ hasText: text })).toHaveCount(0)
  }

  // 1. The network is down: the request never leaves the browser.
  await onPost(page, thread, (route) => route.abort('internetdisconnected'))
  await page.getByRole('button', { name: 'Post comment' }).click()
  await keptEverywhere()
  expect(await stored()).toHaveLength(0)

  // 2. A 5xx after the server did its work (a gateway timing out on the way back): the reader
  //    sees an error, yet the comment exists, so the retry must not post a second one.
  await page.unrouteAll()
  let reached = 0
  await onPost(page, thread, async (route) => {
    const response = await route.fetch()
    reached++
    const headers = { ...response.headers() }
    delete headers['content-length']
    delete headers['content-encoding']
    await route.fulfill({
      status: 503,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        error: { code: 'unavailable', message: 'Service unavailable (injected by the e2e suite)' },
      }),
    })
  })
  await alert.getByRole('button', { name: 'Try again' }).click()
  // The client retries by itself three times (the same key each time) before giving up.
  await expect.poll(() => reached, { timeout: 15_000 }).toBe(4)
  await keptEverywhere()
  expect(await stored()).toHaveLength(1)

  // 3. The network is back: the retry sends the same Idempotency-Key and gets the original back.
  await page.unrouteAll()
  const keys: (string | undefined)[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === commentsPath(thread)) {
      keys.push(r.headers()['idempotency-key'])
    }
  })
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Comment posted' })).toBeAttached()
  await expect(textarea).toHaveValue('')
  await expect(alert).toHaveCount(0)
  await expect(page.getByRole('article').filter({ hasText: text })).toHaveCount(1)
  expect(keys).toHaveLength(1)
  expect(keys[0]).toBeTruthy()
  expect(await stored()).toHaveLength(1)
  expect((await drafts(page)).some((d) => d.includes(text))).toBe(false)

  await page.reload()
  await waitForWidget(page)
  await expect(page.getByRole('article').filter({ hasText: text })).toHaveCount(1)
  await expect(textarea).toHaveValue('')
})

test('a double click on "Post comment" creates one comment', async ({ page, request }) => {
  const api = new Api(request)
  const thread = freshThread('double')
  const text = `Clicked twice, posted once. (${thread})`
  await start(page, thread, text)
  // A slow answer leaves time for the second click to send again.
  await onPost(page, thread, async (route) => {
    await new Promise((r) => setTimeout(r, 700))
    await route.continue()
  })
  await page.getByRole('button', { name: 'Post comment' }).dblclick()
  await expect(page.getByRole('status').filter({ hasText: 'Comment posted' })).toBeAttached()
  await page.waitForTimeout(1500)
  await expect(page.getByRole('article').filter({ hasText: text })).toHaveCount(1)
  expect((await api.all(thread)).filter((c) => c.text === text)).toHaveLength(1)
})

test('a reload in the middle of writing restores the draft', async ({ page }) => {
  const thread = freshThread('reload')
  const text = `Half-written when the tab reloaded.\n\nSecond paragraph. (${thread})`
  await start(page, thread, text)
  expect((await drafts(page)).some((d) => d.includes('Half-written'))).toBe(true)
  await page.reload()
  await waitForWidget(page)
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue(text)
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Greta')
})
