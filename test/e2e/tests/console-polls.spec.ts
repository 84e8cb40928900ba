import { readFile } from 'node:fs/promises'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import type { AdminPoll, CreatedApiKey } from '../../../packages/core/src/index.ts'
import { Api, freshThread, SITE } from '../api.ts'
import { axeViolations, E2E_ORIGIN } from '../fixtures.ts'
import { E2E_ADMIN_TOKEN, freshPollKey, optionIds, Polls } from '../poll-fixtures.ts'

// The Polls view of the publisher console (apps/console) in Chromium, against the real Worker: an
// admin creates a poll on its own, adds options, hides an option of a multiple-choice poll that
// has votes (the API lowers the maximum itself: the console must not send the old one back), and
// exports the results as CSV; the public poll route reflects each edit. And from the queue, a
// comment gets the "expert" badge readers see. Each test makes its own key, poll or thread, so it
// depends neither on the demo seed nor on the other specs.

/** Signs into the console with `key`; the queue is the first view. */
async function signIn(page: Page, key: string): Promise<void> {
  await page.goto('/admin/')
  await page.getByLabel('API key').fill(key)
  await page.getByLabel('API key').press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation queue' })).toBeFocused()
}

/** A new admin key, made with the owner's token. */
async function adminKey(request: APIRequestContext): Promise<string> {
  const res = await request.post(`${E2E_ORIGIN}/v1/admin/sites/${SITE}/keys`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    data: { name: `E2E polls ${Date.now().toString(36)}`, role: 'admin' },
  })
  expect(res.status()).toBe(201)
  return ((await res.json()) as CreatedApiKey).key
}

async function adminPoll(request: APIRequestContext, key: string): Promise<AdminPoll> {
  const res = await request.get(`${E2E_ORIGIN}/v1/admin/sites/${SITE}/polls/${key}`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
  })
  expect(res.status()).toBe(200)
  return (await res.json()) as AdminPoll
}

const status = (page: Page, text: string) =>
  expect(page.getByRole('status').filter({ hasText: text })).toBeAttached()

test('an admin creates, edits and exports a poll on its own in the Polls view', async ({
  page,
  request,
}) => {
  const csp: string[] = []
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) csp.push(msg.text())
  })
  const polls = new Polls(request)
  const key = freshPollKey('console')
  const question = `Which transport should the city fund first? (${key})`
  await signIn(page, await adminKey(request))

  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Polls', exact: true })
    .press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Polls' })).toBeFocused()
  expect(await axeViolations(page), 'Polls view').toEqual([])

  // Create: multiple choice, no thread, the default maximum (every option).
  const create = page.getByRole('group', { name: 'Create a poll' })
  await create.getByLabel('Key', { exact: true }).fill(key)
  await create.getByLabel('Question').fill(question)
  await create.getByRole('radio', { name: 'Multiple choice' }).check()
  await create.getByLabel('Options, one per line').fill('Trains\nBuses')
  await create.getByRole('button', { name: 'Create poll' }).press('Enter')
  await status(page, `Poll ${key} created.`)
  const created = await adminPoll(request, key)
  expect(created).toMatchObject({ thread: null, kind: 'multiple', maxChoices: 2 })
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: question }) })
  await expect(item).toContainText('On its own')

  // Add an option and raise the maximum to every option.
  await item.getByRole('button', { name: `Edit poll ${key}` }).press('Enter')
  let dialog = page.getByRole('dialog', { name: `Edit poll ${key}` })
  await expect(dialog).toBeVisible()
  expect(await axeViolations(page), 'edit dialog').toEqual([])
  await dialog.getByLabel('New options, one per line').fill('Bikes')
  await dialog.getByLabel('Most choices per ballot (multiple choice)').fill('3')
  await dialog.getByRole('button', { name: 'Save poll' }).press('Enter')
  await status(page, `Poll ${key} saved.`)
  await expect(dialog).toBeHidden()
  let published = await polls.get(key)
  expect(published.options.map((o) => o.label)).toEqual(['Trains', 'Buses', 'Bikes'])
  expect(published.maxChoices).toBe(3)

  // A reader votes for two options through the public API.
  const ids = optionIds(published)
  const reader = await new Api(request).reader()
  await polls.vote(reader, key, [ids.Trains!, ids.Buses!])

  // The list again (polls on their own), with the vote; then hide the voted-for "Buses". The
  // maximum (3) is then above the 2 visible options: the API lowers it itself.
  await page.getByLabel('Polls on their own (no thread)').check()
  await page.getByRole('button', { name: 'Show polls' }).press('Enter')
  await status(page, 'polls found.')
  await expect(item).toContainText('1 voters')
  await expect(item).toContainText(/Buses: 1 \(\d+%\)/)
  await item.getByRole('button', { name: `Edit poll ${key}` }).press('Enter')
  dialog = page.getByRole('dialog', { name: `Edit poll ${key}` })
  await dialog.locator(`#hide-${ids.Buses}`).check()
  await dialog.getByRole('button', { name: 'Save poll' }).press('Enter')
  await status(page, `Poll ${key} saved.`)
  await expect(dialog).toBeHidden()
  await expect(item).toContainText(/Buses: 1 \(\d+%\) — hidden/)
  await expect(item).toContainText('at most 2')

  published = await polls.get(key)
  expect(published.options.map((o) => o.label)).toEqual(['Trains', 'Bikes'])
  expect(published.maxChoices).toBe(2)
  // The reader's vote for the hidden option is kept, not counted in what readers see.
  expect((await polls.get(key, reader)).myChoices).toEqual([ids.Trains])

  // Export the results as CSV: fetched with the key, saved as a file.
  const download = page.waitForEvent('download')
  await item.getByRole('button', { name: `Export CSV: poll ${key}` }).press('Enter')
  const file = await download
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^parley-${SITE}-${key}-\\d{4}-\\d{2}-\\d{2}\\.csv$`)
  )
  const csv = await readFile((await file.path())!, 'utf8')
  const rows = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
  expect(rows[0]).toBe(
    'poll,question,status,option_id,position,label,hidden,votes,percent,total_votes,voters'
  )
  // label, hidden, votes (the question holds no comma, so a split is enough).
  expect(rows.slice(1).map((r) => r.split(',').slice(5, 8))).toEqual([
    ['Trains', 'false', '1'],
    ['Buses', 'true', '1'],
    ['Bikes', 'false', '0'],
  ])
  await status(page, `Results of poll ${key} exported.`)
  expect(csp).toEqual([])
})

test('the expert badge set in the queue shows on the public comment', async ({ page, request }) => {
  const api = new Api(request)
  const thread = freshThread('console-badge')
  const author = `Prof. Lena Ortiz ${Date.now().toString(36)}`
  const posted = await api.post(await api.reader(), thread, {
    authorName: author,
    text: 'Speaking as a researcher of labour migration: the figures are older than they look.',
  })
  await signIn(page, await adminKey(request))
  await page.getByRole('button', { name: 'Recent', exact: true }).press('Enter')
  await page.getByLabel('Thread', { exact: true }).fill(thread)
  await page.getByRole('button', { name: 'Apply filters' }).press('Enter')
  // The queue takes no action while it loads: wait for the filtered list.
  await status(page, '1 comment.')
  const item = page.getByRole('article', { name: `Comment by ${author}` })
  const toggle = item.getByRole('button', { name: 'Expert badge' })
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await toggle.press('Enter')
  await status(page, 'Expert badge set.')
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  expect(await axeViolations(page), 'queue with an expert badge').toEqual([])
  const [shown] = await api.all(thread)
  expect(shown!.id).toBe(posted.id)
  expect(shown!.author.badges).toEqual(['expert'])

  await toggle.press('Enter')
  await status(page, 'Expert badge removed.')
  expect((await api.all(thread))[0]!.author.badges).toEqual([])
})
