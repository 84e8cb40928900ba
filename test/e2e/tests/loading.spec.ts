import { expect, type Page, test } from '@playwright/test'
import { EXAMPLES_ORIGIN } from '../fixtures.ts'

// Lazy loading and the skeleton, on a page with a long article, the widget and a footer
// (pages/loading.html): nothing is fetched before the reader gets near the discussion, and its
// loading moves nothing on screen (Cumulative Layout Shift 0 while it loads).

const PAGE = `${EXAMPLES_ORIGIN}/e2e/loading.html?thread=europe-human-trafficking&poll=origin-countries`

/** Records every request to the Parley API. */
function apiRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/v1/')) urls.push(r.url())
  })
  return urls
}

const frames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))

test('fetches nothing until the discussion is scrolled near, then loads without a layout shift', async ({
  page,
}) => {
  const requests = apiRequests(page)
  await page.goto(PAGE)
  const discussion = page.locator('parley-discussion')
  // The skeleton is there, far below the first screen, and has asked for nothing.
  await expect(discussion).toHaveAttribute('aria-busy', 'true')
  await page.waitForLoadState('networkidle')
  await frames(page)
  expect(requests).toEqual([])
  expect((await discussion.boundingBox())!.y).toBeGreaterThan(3 * page.viewportSize()!.height)

  const start = await page.evaluate(() => performance.now())
  await discussion.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await expect(discussion).not.toHaveAttribute('aria-busy')
  await page.locator('parley-comments').getByRole('article').first().waitFor()
  await expect(page.getByRole('button', { name: 'Post comment' })).toBeVisible()
  await frames(page)
  expect(requests.length).toBeGreaterThan(0)

  const shifts = await page.evaluate(
    (since) =>
      new Promise<{ value: number; sources: string[] }[]>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries() as (PerformanceEntry & {
            value: number
            hadRecentInput: boolean
            sources: { node?: Node }[]
          })[]
          resolve(
            entries
              .filter((e) => e.startTime >= since && !e.hadRecentInput)
              .map((e) => ({
                value: e.value,
                sources: e.sources.map((s) => s.node?.nodeName ?? '?'),
              }))
          )
        }).observe({ type: 'layout-shift', buffered: true })
        // The buffered entries come in the first callback; with none, resolve empty.
        setTimeout(() => resolve([]), 500)
      }),
    start
  )
  expect(shifts).toEqual([])
})

test('loading="eager" (data-loading on the embed script) fetches at once', async ({ page }) => {
  const requests = apiRequests(page)
  await page.goto(`${PAGE}&loading=eager`)
  const discussion = page.locator('parley-discussion')
  await expect(discussion).toHaveAttribute('loading', 'eager')
  await expect.poll(() => requests.length).toBeGreaterThan(0)
  await expect(discussion).not.toHaveAttribute('aria-busy')
  // Still far below the first screen: nothing was scrolled.
  expect(await page.evaluate(() => scrollY)).toBe(0)
  expect((await discussion.boundingBox())!.y).toBeGreaterThan(3 * page.viewportSize()!.height)
})
