import { expect, type Page, test } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { freshThread, threadPage } from '../api.ts'
import { axeViolations, EXAMPLES_ORIGIN, waitForWidget } from '../fixtures.ts'

// Theming: zero axe violations (WCAG 2.2 AA, colour contrast included) in light and dark on the
// demo page (theme="auto") and on each examples/theming page; the README screenshots in light,
// dark and on a phone; and a reader who votes and comments with the keyboard alone.

const screenshots = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url))

const PAGES = {
  'the demo page': '/',
  'the debate site example': `${EXAMPLES_ORIGIN}/theming/debate.html`,
  'the dark magazine example': `${EXAMPLES_ORIGIN}/theming/magazine.html`,
  'the serif newspaper example': `${EXAMPLES_ORIGIN}/theming/newspaper.html`,
}

/** The discussion with its poll, Featured section and first page, not their placeholders. */
async function loaded(page: Page) {
  await waitForWidget(page)
  await page.locator('parley-comments').getByRole('article').first().waitFor()
  await expect(page.getByText('Loading poll…')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Featured' })).toBeAttached()
}

for (const colorScheme of ['light', 'dark'] as const)
  for (const [name, url] of Object.entries(PAGES))
    test(`${name} has no accessibility violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme })
      await page.goto(url)
      await loaded(page)
      expect(await axeViolations(page)).toEqual([])
    })

test.describe('README screenshots', () => {
  for (const colorScheme of ['light', 'dark'] as const)
    test(`of the demo page (${colorScheme})`, async ({ page }) => {
      await page.setViewportSize({ width: 1100, height: 900 })
      await page.emulateMedia({ colorScheme })
      await page.goto('/')
      await loaded(page)
      await page.locator('#have-your-say').evaluate((el) => el.scrollIntoView())
      await page.screenshot({ path: `${screenshots}${colorScheme}.png` })
    })

  test('of the demo page on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/')
    await loaded(page)
    await page.locator('#have-your-say').evaluate((el) => el.scrollIntoView())
    await page.screenshot({ path: `${screenshots}mobile.png` })
  })
})

/** What has focus, through shadow roots, and whether the focus ring shows on it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
    if (!el) return null
    const style = getComputedStyle(el)
    const labels = (el as HTMLInputElement).labels
    return {
      tag: el.localName,
      type: el.getAttribute('type'),
      name: labels?.[0]?.textContent?.trim() ?? el.textContent?.trim() ?? '',
      ring:
        el.matches(':focus-visible') &&
        style.outlineStyle !== 'none' &&
        style.outlineWidth !== '0px',
    }
  })

/** Presses Tab until `wanted` has focus, checking that every stop shows its focus ring. */
async function tabTo(
  page: Page,
  wanted: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean
) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (!f || f.tag === 'body') continue
    expect(f.ring, `focus ring on ${JSON.stringify(f)}`).toBe(true)
    if (wanted(f)) return
  }
  throw new Error('never reached the wanted control with Tab')
}

test('a reader votes and comments with the keyboard alone, always seeing where focus is', async ({
  page,
}) => {
  const thread = freshThread('keyboard')
  await page.goto(threadPage(thread, { poll: 'origin-countries' }))
  await waitForWidget(page)
  await page.evaluate(() => scrollTo(0, 0))

  await tabTo(page, (f) => f.type === 'radio')
  await page.keyboard.press('Space')
  await tabTo(page, (f) => f.name === 'Vote')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Vote recorded')).toBeAttached()
  await expect(page.getByText('Your vote', { exact: true })).toBeVisible()

  const text = `Typed without a mouse (${Date.now()})`
  await tabTo(page, (f) => f.name === 'Name')
  await page.keyboard.type('Keyboard Kai')
  await tabTo(page, (f) => f.name === 'Comment')
  await page.keyboard.type(text)
  await tabTo(page, (f) => f.name === 'Post comment')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Comment posted')).toBeAttached()
  await expect(page.getByRole('article', { name: 'Keyboard Kai' })).toContainText(text)
})
