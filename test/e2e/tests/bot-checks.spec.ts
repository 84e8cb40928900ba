import { expect, test, type APIRequestContext } from '@playwright/test'
import type { AdminCommentPage } from '../../../packages/core/src/index.ts'
import { Api, freshThread, SITE, threadPage } from '../api.ts'
import { E2E_ORIGIN, waitForWidget } from '../fixtures.ts'
import { E2E_ADMIN_TOKEN } from '../poll-fixtures.ts'

// The comment form's minimum time, in the browser: the suite runs with it off (start-worker.sh,
// as Playwright types faster than any person), so this test turns it on, posts as fast as
// Playwright does, and sees the comment kept as spam for a moderator instead of published.

const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` }

async function setMinSubmitSeconds(request: APIRequestContext, minSubmitSeconds: number) {
  const res = await request.patch(`${E2E_ORIGIN}/v1/admin/sites/${SITE}`, {
    data: { settings: { botChecks: { minSubmitSeconds } } },
    headers: admin,
  })
  expect(res.status(), await res.text()).toBe(200)
}

// In a hook, so the suite's setting comes back even when the test fails or times out.
test.afterEach(async ({ request }) => {
  await setMinSubmitSeconds(request, 0)
})

test('a comment sent faster than botChecks.minSubmitSeconds is kept as spam, not published', async ({
  page,
  request,
}) => {
  await setMinSubmitSeconds(request, 10)
  const api = new Api(request)
  const thread = freshThread('bot-check')
  const text = `Sent within milliseconds of the form appearing. (${thread})`

  await page.goto(threadPage(thread))
  await waitForWidget(page)
  await page.getByLabel('Name', { exact: true }).fill('Speedy')
  await page.getByLabel('Comment', { exact: true }).fill(text)
  await page.getByRole('button', { name: 'Post comment' }).click()

  // Its author sees it removed as spam, with the reason; nothing typed is lost on the server.
  const mine = page.getByRole('article', { name: 'Speedy' })
  await expect(mine).toContainText('Removed by a moderator. Reason: spam.')
  // Other readers do not see it at all.
  expect(await api.all(thread)).toEqual([])
  // Moderators find it in the spam queue.
  const res = await request.get(`${E2E_ORIGIN}/v1/admin/sites/${SITE}/comments`, {
    params: { view: 'spam', thread },
    headers: admin,
  })
  expect(res.status()).toBe(200)
  const queue = (await res.json()) as AdminCommentPage
  expect(queue.comments.map((c) => [c.text, c.status])).toEqual([[text, 'spam']])
  expect(queue.comments[0]!.verdict?.reasons.map((r) => r.signal)).toContain('bot_check')
})
