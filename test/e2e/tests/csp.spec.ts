import { expect, test } from '@playwright/test'
import { Api } from '../api.ts'
import { EXAMPLES_ORIGIN, POLL_QUESTION } from '../fixtures.ts'

// The policy packages/widget/README.md ("Content Security Policy") gives publishers, sent by
// serve-examples.ts with pages/csp.html: scripts and requests only from the Parley API, no
// 'unsafe-inline', no 'unsafe-eval'. The widget loads, votes, posts, and imports its lazily loaded
// chunk (the report form is in parley-extras.js) without one violation.

test('the widget works under a strict Content Security Policy', async ({ page, request }) => {
  const api = new Api(request)
  await api.post(await api.reader(), 'csp-example', {
    authorName: 'Another reader',
    text: 'A comment to report.',
  })
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  // Init scripts run before the page's own and are not subject to its policy.
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { cspViolations: seen })
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`)
    )
  })
  const chunks: string[] = []
  page.on('response', (response) => {
    const name = /\/(parley-[\w-]+\.js)/.exec(new URL(response.url()).pathname)?.[1]
    if (name && response.ok()) chunks.push(name)
  })

  const response = await page.goto(`${EXAMPLES_ORIGIN}/e2e/csp.html`)
  const policy = response!.headers()['content-security-policy']!
  expect(policy).toContain("default-src 'none'")
  expect(policy).not.toMatch(/unsafe-(inline|eval)|\*/)

  const poll = page.getByRole('group', { name: POLL_QUESTION })
  await poll.getByRole('radio').first().check()
  await page.getByRole('button', { name: 'Vote', exact: true }).click()
  await expect(page.getByText('Vote recorded')).toBeAttached()

  const text = `Posted under a strict CSP (${Date.now()})`
  await page.getByLabel('Name', { exact: true }).fill('CSP reader')
  await page.getByLabel('Comment', { exact: true }).fill(text)
  await page.getByRole('button', { name: 'Post comment' }).click()
  await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible()

  // The report form lives in parley-extras.js: opening it imports the module from the API origin.
  const other = page.getByRole('article', { name: 'Another reader' }).first()
  await other.getByRole('button', { name: 'Report', exact: true }).click()
  await expect(
    other.getByRole('group', { name: 'Why are you reporting this comment?' })
  ).toBeVisible()
  expect(chunks).toContain('parley-extras.js')

  // Styles came through: Lit adopts constructed style sheets, which style-src does not govern.
  const button = page.getByRole('button', { name: 'Post comment' })
  expect(await button.evaluate((el) => getComputedStyle(el).borderStyle)).toBe('solid')

  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
  ).toEqual([])
  expect(violations).toEqual([])
})
