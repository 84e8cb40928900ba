import { expect, test } from '@playwright/test'
import { axeViolations, POLL_QUESTION, waitForWidget } from '../fixtures.ts'

test.describe('the demo debate page', () => {
  test('has no accessibility violations once the widget has loaded', async ({ page }) => {
    await page.goto('/')
    await waitForWidget(page)
    await page.getByRole('article').first().waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  test('a reader votes, comments, reloads and finds both still there', async ({ page }) => {
    await page.goto('/')
    await expect(
      page.getByRole('heading', { level: 1, name: 'How can Europe combat human trafficking?' })
    ).toBeVisible()
    // The widget loads once the reader scrolls near it, at the end of the article.
    await waitForWidget(page)

    const poll = page.getByRole('group', { name: POLL_QUESTION })
    await poll.getByRole('radio', { name: 'Yes', exact: true }).check()
    await page.getByRole('button', { name: 'Vote', exact: true }).click()
    await expect(page.getByText('Vote recorded')).toBeAttached()
    await expect(page.getByText('Your vote', { exact: true })).toBeVisible()
    await expect(page.getByRole('region', { name: POLL_QUESTION })).toContainText(/\d+ votes?/)

    const text = `Prevention starts with schools and helplines. (e2e ${Date.now()})`
    await page.getByLabel('Name', { exact: true }).fill('Ingrid from Tallinn')
    await page.getByLabel('Comment', { exact: true }).fill(text)
    await page.getByRole('button', { name: 'Post comment' }).click()
    await expect(page.getByText('Comment posted')).toBeAttached()
    await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible()
    await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('')

    await page.reload()
    await waitForWidget(page)
    await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible()
    await expect(page.getByRole('article').filter({ hasText: text })).toContainText(
      'Ingrid from Tallinn'
    )
    await expect(page.getByText('Your vote', { exact: true })).toBeVisible()
  })
})
