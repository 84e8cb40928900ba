import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import type { AdminExpert, AdminSite, CreatedApiKey } from '../../../packages/core/src/index.ts'
import { actAs, Api, freshThread, SITE, threadPage } from '../api.ts'
import { axeViolations, E2E_ORIGIN, waitForWidget } from '../fixtures.ts'
import { E2E_ADMIN_TOKEN } from '../poll-fixtures.ts'

// The publisher console of issue 5 (/admin, apps/console) in Chromium, against the real Worker:
// its security headers, signing in with a moderator key by keyboard, zero axe violations in its
// views, and the moderation flows seen from both sides: a held comment approved in the console
// shows in the public widget, a reader banned in the console is refused there, an expert response
// attached in the console shows as an "Expert response" card, and an expert answers through an
// invitation link. Each test makes its own key, thread and data through the admin API with the
// owner's token, so it depends neither on the demo seed nor on the other specs.

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** The admin API with the owner's token, as a publisher's server would call it. */
class Admin {
  constructor(private readonly request: APIRequestContext) {}

  async call<T>(method: string, path: string, data?: unknown, expected = [200, 201]): Promise<T> {
    const res = await this.request.fetch(`${E2E_ORIGIN}/v1/admin/sites/${SITE}${path}`, {
      method,
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
      ...(data !== undefined && { data }),
    })
    const body = await res.text()
    expect(expected, `${method} ${path} answered ${res.status()}: ${body.slice(0, 300)}`).toContain(
      res.status()
    )
    return (body ? JSON.parse(body) : null) as T
  }

  moderatorKey(): Promise<CreatedApiKey> {
    return this.call('POST', '/keys', { name: `E2E console ${unique()}`, role: 'moderator' })
  }

  expert(name: string): Promise<AdminExpert> {
    return this.call('POST', '/experts', {
      name,
      title: 'Researcher on migration (demo)',
      organisation: 'E2E Institute',
    })
  }

  site(): Promise<AdminSite> {
    return this.call('GET', '')
  }

  bannedTerms(terms: string[]): Promise<AdminSite> {
    return this.call('PATCH', '', { settings: { moderation: { bannedTerms: terms } } })
  }
}

/** Collects Content-Security-Policy violations the page reports. */
function cspViolations(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) seen.push(msg.text())
  })
  return seen
}

/** Signs into the console with `key` using the keyboard only. */
async function signIn(page: Page, key: string): Promise<void> {
  await page.goto('/admin/')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sign in to the Parley console' })
  ).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('API key')).toBeFocused()
  await page.keyboard.type(key)
  await page.keyboard.press('Enter')
  const heading = page.getByRole('heading', { level: 1, name: 'Moderation queue' })
  await expect(heading).toBeFocused()
}

/** Opens a queue tab and narrows it to one thread. */
async function showQueue(page: Page, tab: string, thread: string): Promise<void> {
  await page.getByRole('button', { name: tab, exact: true }).press('Enter')
  await expect(page.getByRole('button', { name: tab, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await page.getByLabel('Thread', { exact: true }).fill(thread)
  await page.getByRole('button', { name: 'Apply filters' }).press('Enter')
}

const queued = (page: Page, author: string) =>
  page.getByRole('article', { name: `Comment by ${author}` })

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([])
}

test('the console pages send a strict CSP and refuse framing', async ({ request }) => {
  for (const path of ['/admin/', '/admin/answer']) {
    const res = await request.get(`${E2E_ORIGIN}${path}`)
    expect(res.status(), path).toBe(200)
    const headers = res.headers()
    expect(headers['content-type'], path).toContain('text/html')
    expect(headers['content-security-policy'], path).toBe(CSP)
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('no-referrer')
    expect(headers['cache-control'], path).toBe('no-store')
    // No inline script or style in the HTML: scripts and styles are files of the origin.
    const html = await res.text()
    expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html, path).not.toMatch(/<style|\sstyle=/)
  }
  const redirect = await request.get(`${E2E_ORIGIN}/admin`, { maxRedirects: 0 })
  expect(redirect.headers()['content-security-policy']).toBe(CSP)
})

test('a moderator signs in by keyboard; every view they see has no axe violations', async ({
  page,
  request,
}) => {
  const csp = cspViolations(page)
  const { key } = await new Admin(request).moderatorKey()
  await signIn(page, key)
  await expect(page.getByText('Role: moderator')).toBeVisible()
  // Admin-only views are not offered to a moderator.
  const nav = page.getByRole('navigation', { name: 'Console' })
  await expect(nav.getByRole('link', { name: 'API keys' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Site settings' })).toHaveCount(0)
  await expectNoAxeViolations(page, 'queue')

  for (const view of ['Bans', 'DSA notices', 'Appeals', 'Expert questions', 'Audit log']) {
    await nav.getByRole('link', { name: view }).press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeFocused()
    await expect(nav.getByRole('link', { name: view })).toHaveAttribute('aria-current', 'page')
    await expectNoAxeViolations(page, view)
  }
  // The key stays in this tab's sessionStorage only.
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([])
  expect(await page.evaluate(() => sessionStorage.getItem('parley:console:key'))).toBe(key)

  await page.getByRole('button', { name: 'Sign out' }).press('Enter')
  await expect(page.getByLabel('API key')).toBeVisible()
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
  expect(csp).toEqual([])
})

test('an admin sees every view without axe violations', async ({ page, request }) => {
  const admin = new Admin(request)
  const { key } = await admin.call<CreatedApiKey>('POST', '/keys', {
    name: `E2E admin ${unique()}`,
    role: 'admin',
  })
  await signIn(page, key)
  const nav = page.getByRole('navigation', { name: 'Console' })
  for (const view of ['Experts', 'Threads and polls', 'Site settings', 'API keys']) {
    await nav.getByRole('link', { name: view }).press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeFocused()
    await expectNoAxeViolations(page, view)
  }
})

test('a held comment approved in the console shows in the public widget', async ({
  page,
  request,
}) => {
  const admin = new Admin(request)
  const api = new Api(request)
  const thread = freshThread('console-held')
  // A banned term of this test alone: no other spec can write it.
  const term = `plonkvix${unique().replace(/[0-9]/g, '')}`
  const before = (await admin.site()).settings.moderation.bannedTerms
  await admin.bannedTerms([...before, term])
  try {
    const author = `Ines ${unique()}`
    const text = `We should talk about ${term} and nothing else.`
    const held = await api.post(await api.reader(), thread, { authorName: author, text })
    expect(held.status).toBe('pending')

    // Nobody else sees it yet.
    await page.goto(threadPage(thread))
    await waitForWidget(page)
    await expect(page.getByRole('article', { name: author })).toHaveCount(0)

    const { key } = await admin.moderatorKey()
    await signIn(page, key)
    await showQueue(page, 'Pending', thread)
    const item = queued(page, author)
    await expect(item).toContainText(text)
    await expect(item).toContainText('Banned term')
    await expectNoAxeViolations(page, 'queue with a held comment')
    await item.getByRole('button', { name: 'Approve' }).press('Enter')
    await expect(
      page.getByRole('status').filter({ hasText: `Comment by ${author} approved.` })
    ).toBeAttached()
    await expect(item).toHaveCount(0)

    await page.goto(threadPage(thread))
    await waitForWidget(page)
    await expect(page.getByRole('article', { name: author })).toContainText(text)
  } finally {
    await admin.bannedTerms(before)
  }
})

test('a reader banned in the console is refused in the widget', async ({ page, request }) => {
  const admin = new Admin(request)
  const api = new Api(request)
  const thread = freshThread('console-ban')
  const author = `Troll ${unique()}`
  const reader = await api.reader()
  await api.post(reader, thread, { authorName: author, text: 'A first comment, still published.' })

  const { key } = await admin.moderatorKey()
  await signIn(page, key)
  await showQueue(page, 'Recent', thread)
  const item = queued(page, author)
  await item.getByRole('button', { name: 'Ban author…' }).press('Enter')
  const dialog = page.getByRole('dialog', { name: `Ban ${author}` })
  await expect(dialog).toBeVisible()
  await expect(
    dialog.getByRole('radio', { name: 'The reader (their browser token)' })
  ).toBeChecked()
  await dialog.getByLabel('Duration').selectOption({ label: '7 days' })
  await dialog.getByLabel(/^Reason/).fill('Insults other readers (e2e)')
  await expectNoAxeViolations(page, 'ban dialog')
  await dialog.getByRole('button', { name: 'Ban', exact: true }).press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: `${author} banned.` })).toBeAttached()

  const nav = page.getByRole('navigation', { name: 'Console' })
  await nav.getByRole('link', { name: 'Bans' }).press('Enter')
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Insults other readers (e2e)' })
  ).toBeVisible()

  // The banned reader's next comment, written in the widget, is refused.
  const widget = await page.context().newPage()
  await actAs(widget, reader)
  await widget.goto(threadPage(thread))
  await waitForWidget(widget)
  await widget.getByLabel('Name', { exact: true }).first().fill(author)
  await widget.getByLabel('Comment', { exact: true }).first().fill('Trying again after the ban.')
  await widget.getByRole('button', { name: 'Post comment' }).first().click()
  await expect(
    widget.getByRole('alert').filter({ hasText: 'You can no longer post on this website.' })
  ).toBeVisible()
  expect((await api.all(thread)).map((c) => c.text)).toEqual(['A first comment, still published.'])
})

test('an expert response attached in the console shows as a card in the widget', async ({
  page,
  request,
}) => {
  const admin = new Admin(request)
  const api = new Api(request)
  const thread = freshThread('console-expert')
  const expertName = `Dr Mara Quist ${unique()}`
  await admin.expert(expertName)
  const author = `Sam ${unique()}`
  await api.post(await api.reader(), thread, {
    authorName: author,
    text: 'Who is most at risk of being trafficked?',
  })
  const answer = 'Demo answer: people without papers, and children travelling alone.'

  const { key } = await admin.moderatorKey()
  await signIn(page, key)
  await showQueue(page, 'Recent', thread)
  await queued(page, author).getByRole('button', { name: 'Attach expert response…' }).press('Enter')
  const dialog = page.getByRole('dialog', {
    name: `Attach an expert response to the comment by ${author}`,
  })
  await dialog
    .getByLabel('Expert', { exact: true })
    .selectOption({ label: `${expertName}, Researcher on migration (demo) (E2E Institute)` })
  await dialog.getByLabel("The expert's answer").fill(answer)
  await expectNoAxeViolations(page, 'expert response dialog')
  await dialog.getByRole('button', { name: 'Publish response' }).press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(
    page.getByRole('status').filter({ hasText: 'Expert response published under the comment.' })
  ).toBeAttached()

  await page.goto(threadPage(thread))
  await waitForWidget(page)
  // Under the comment, and in the Featured section above the discussion: the card names the expert.
  const answered = page.getByRole('article', { name: author }).filter({ hasText: answer })
  await expect(answered.first()).toBeVisible()
  await expect(answered.first().getByText('Expert response').first()).toBeVisible()
  await expect(answered.first()).toContainText(expertName)
})

test('an expert answers through an invitation link, without an account', async ({
  page,
  request,
}) => {
  const admin = new Admin(request)
  const api = new Api(request)
  const thread = freshThread('console-invite')
  const expertName = `Prof Lene Marsh ${unique()}`
  await admin.expert(expertName)
  const author = `Noor ${unique()}`
  const question = 'Should Europe act in the countries of origin?'
  await api.post(await api.reader(), thread, { authorName: author, text: question })

  const { key } = await admin.moderatorKey()
  await signIn(page, key)
  await showQueue(page, 'Recent', thread)
  await queued(page, author).getByRole('button', { name: 'Ask an expert…' }).press('Enter')
  const dialog = page.getByRole('dialog', { name: `Ask an expert about the comment by ${author}` })
  await dialog
    .getByLabel('Expert', { exact: true })
    .selectOption({ label: `${expertName}, Researcher on migration (demo) (E2E Institute)` })
  await dialog.getByRole('button', { name: 'Create invitation link' }).press('Enter')
  const link = dialog.getByLabel(`Link for ${expertName}`)
  await expect(link).toBeFocused()
  const url = await link.inputValue()
  expect(url).toMatch(new RegExp(`^${E2E_ORIGIN}/admin/answer#.+`))
  await expectNoAxeViolations(page, 'invitation dialog')

  // The console lists it as unanswered.
  await dialog.getByRole('button', { name: 'Close' }).press('Enter')
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Expert questions' })
    .press('Enter')
  await expect(page.getByRole('listitem').filter({ hasText: question }).first()).toContainText(
    'open'
  )

  // The expert, in a browser of their own: no key, only the link.
  const expertContext = await page.context().browser()!.newContext()
  const expertPage = await expertContext.newPage()
  const csp = cspViolations(expertPage)
  await expertPage.goto(url)
  await expect(
    expertPage.getByRole('heading', { level: 1, name: "Answer a reader's question" })
  ).toBeVisible()
  await expect(expertPage.getByRole('article', { name: `The question: ${author}` })).toContainText(
    question
  )
  await expectNoAxeViolations(expertPage, 'answer page')
  const answer = 'Demo answer: yes, with partners there, and with safe routes.'
  await expertPage.getByLabel(`Answer as ${expertName}`).fill(answer)
  await expertPage.getByRole('button', { name: 'Publish answer' }).press('Enter')
  await expect(
    expertPage.getByRole('heading', { name: 'Thank you: your answer was received' })
  ).toBeFocused()
  await expectNoAxeViolations(expertPage, 'answer page, answered')
  expect(csp).toEqual([])
  await expertContext.close()

  // Published at once (the demo site does not review expert answers).
  await page.goto(threadPage(thread))
  await waitForWidget(page)
  const answered = page.getByRole('article', { name: author }).filter({ hasText: answer })
  await expect(answered.first()).toBeVisible()
  await expect(answered.first().getByText('Expert response').first()).toBeVisible()
})
