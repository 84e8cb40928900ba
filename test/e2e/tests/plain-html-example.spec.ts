import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { E2E_ORIGIN, EXAMPLES_ORIGIN } from '../fixtures.ts'

const exampleHtml = new URL('../../../examples/plain-html/index.html', import.meta.url)

// The example page is served from a second origin, as a publisher's page would be, so the
// embed's cross-origin requests and the site's allowed origins are exercised for real.
test.beforeEach(async ({ page }) => {
  await page.route(`${EXAMPLES_ORIGIN}/**`, async (route) => {
    const html = (await readFile(exampleHtml, 'utf8')).replaceAll(
      'http://localhost:8787',
      E2E_ORIGIN
    )
    await route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
  })
})

test('the one-tag embed works from another origin', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${EXAMPLES_ORIGIN}/`)

  const form = page.getByRole('button', { name: 'Post comment' }).first()
  await expect(form).toBeVisible()
  await expect(page.locator('parley-discussion')).toHaveCount(3)

  const text = `Posted from the plain HTML example (${Date.now()})`
  await page.getByLabel('Name', { exact: true }).first().fill('Example reader')
  await page.getByLabel('Comment', { exact: true }).first().fill(text)
  await form.click()
  await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible()
  expect(errors).toEqual([])
})
