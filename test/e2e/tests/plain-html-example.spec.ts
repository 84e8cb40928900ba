import { expect, test } from '@playwright/test'
import { EXAMPLES_ORIGIN } from '../fixtures.ts'

// Served from a second origin, as a publisher's page would be: CORS and allowed origins are real.
test('the one-tag embed works from another origin', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${EXAMPLES_ORIGIN}/plain-html/`)

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
