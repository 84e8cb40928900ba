import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** A port of its own, so the suite never collides with a `pnpm dev` on 8787. */
export const E2E_PORT = 8799
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`
/** A second origin, allowed for the demo site, that serves examples/ (serve-examples.ts). */
export const EXAMPLES_PORT = 8798
export const EXAMPLES_ORIGIN = `http://127.0.0.1:${EXAMPLES_PORT}`

export const POLL_QUESTION =
  'Should European countries do more to combat the causes of trafficking in the countries of origin?'

/** WCAG 2.2 AA rules; returns the violations so a failing test prints what broke. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }))
}

/**
 * Waits until the widget has loaded its data, so assertions and screenshots see the real thing.
 * The widget loads lazily, once near the viewport: scroll to it first, as a reader would.
 */
export async function waitForWidget(page: Page) {
  await page.locator('parley-discussion').first().scrollIntoViewIfNeeded()
  await page.getByRole('button', { name: 'Post comment' }).waitFor()
}
