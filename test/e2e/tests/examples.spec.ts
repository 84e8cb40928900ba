import { expect, test, type Page } from '@playwright/test'
import { Api, SITE } from '../api.ts'
import { axeViolations, E2E_ORIGIN, EXAMPLES_ORIGIN, POLL_QUESTION } from '../fixtures.ts'

// Each example in examples/, served from a second origin as a publisher's page would be (CORS and
// allowed origins are real; serve-examples.ts serves the React and Vue builds): the widget
// renders, a vote and a comment go through, the page's own code gets the typed events, and axe
// finds nothing in light or dark.

interface Example {
  name: string
  /** The page with the discussion. */
  path: string
  /** How many discussions the page mounts. */
  discussions: number
  /** What the page's own code shows of the events (React props, Vue listeners), if anything. */
  log?: boolean
}

const examples: Example[] = [
  { name: 'plain-html', path: '/plain-html/', discussions: 3 },
  { name: 'react', path: '/react/', discussions: 1, log: true },
  { name: 'vue', path: '/vue/', discussions: 1, log: true },
  { name: 'static-site', path: '/static-site/2026/trafficking-routes.html', discussions: 1 },
]

/** Records every Parley event that reaches `document`, as a publisher's addEventListener would. */
async function recordEvents(page: Page) {
  await page.addInitScript(() => {
    const seen: { type: string; detail: unknown }[] = []
    Object.assign(window, { parleyEvents: seen })
    for (const type of ['parley-vote', 'parley-comment', 'parley-error'] as const)
      document.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }))
  })
}

const recorded = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { parleyEvents: { type: string; detail: unknown }[] }).parleyEvents
  )

async function noViolations(page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    expect(await axeViolations(page), `${what}, ${colorScheme}`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: null })
}

for (const example of examples) {
  test(`examples/${example.name}: the widget works and the page gets its events`, async ({
    page,
  }) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await recordEvents(page)
    await page.goto(`${EXAMPLES_ORIGIN}${example.path}`)

    const post = page.getByRole('button', { name: 'Post comment' }).first()
    await expect(post).toBeVisible()
    await expect(page.locator('parley-discussion')).toHaveCount(example.discussions)
    for (const discussion of await page.locator('parley-discussion').all())
      await expect(discussion).toHaveAttribute('theme', 'auto')
    const poll = page.getByRole('group', { name: POLL_QUESTION })
    await expect(poll.getByRole('radio').first()).toBeVisible()
    await noViolations(page, 'as loaded')

    await poll.getByRole('radio').first().check()
    await page.getByRole('button', { name: 'Vote', exact: true }).click()
    await expect(page.getByText('Vote recorded')).toBeAttached()
    await expect(page.getByRole('region', { name: POLL_QUESTION })).toContainText(/\d+ votes?/)

    const text = `Posted from examples/${example.name} (${Date.now()})`
    await page.getByLabel('Name', { exact: true }).first().fill('Example reader')
    await page.getByLabel('Comment', { exact: true }).first().fill(text)
    await post.click()
    await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible()
    await noViolations(page, 'after a vote and a comment')

    // The events reached the page's own code with their typed details.
    const events = await recorded(page)
    expect(events.map((e) => e.type)).toEqual(['parley-vote', 'parley-comment'])
    expect(events[0]!.detail).toMatchObject({ poll: { id: 'origin-countries' } })
    expect(events[1]!.detail).toMatchObject({
      comment: { text, author: { name: 'Example reader' } },
    })
    if (example.log) {
      const log = page.getByRole('log', { name: 'Events received' })
      await expect(log.getByRole('listitem')).toHaveText([
        /^vote: \S+ in poll origin-countries$/,
        'comment by Example reader',
      ])
    }
    expect(errors).toEqual([])
  })
}

test('examples/static-site: the article list shows each article’s comment count', async ({
  page,
  request,
}) => {
  const api = new Api(request)
  const threads = ['2026/night-trains', '2026/trafficking-routes']
  await api.post(await api.reader(), threads[0]!, {
    authorName: 'Example reader',
    text: `Night trains beat short flights for me (${Date.now()}).`,
  })
  // What the API counts (published comments only), shown as the widget words it.
  const res = await request.get(`${E2E_ORIGIN}/v1/sites/${SITE}/counts`, {
    params: { threads: threads.join(',') },
  })
  const { counts } = (await res.json()) as { counts: Record<string, number> }
  expect(counts[threads[0]!]).toBeGreaterThan(0)
  const words = (n = 0) => (n === 0 ? 'No comments yet' : n === 1 ? '1 comment' : `${n} comments`)

  await page.goto(`${EXAMPLES_ORIGIN}/static-site/`)
  for (const thread of threads)
    await expect(page.locator(`parley-count[thread="${thread}"]`)).toHaveText(words(counts[thread]))
  await noViolations(page, 'the article list')
})
