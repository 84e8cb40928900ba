import { expect, test, type Locator, type Page } from '@playwright/test'
import type { Comment, Reader } from '../../../packages/core/src/index.ts'
import { Api, freshThread, threadPage } from '../api.ts'
import { axeViolations, waitForWidget } from '../fixtures.ts'
import { freshPollKey, optionIds, pollForm, Polls } from '../poll-fixtures.ts'

// Stances (issue 4, ADR 7): a comment shows its author's vote in the thread's stance poll as a
// "Voted: Yes" badge, taken when it was posted and only with the author's consent; the list can be
// filtered by stance and sorted "Balanced" so that its first screen shows more than one side. Each
// test makes a fresh thread whose stance poll it creates through the admin API, except one that
// reads the demo debate, whose seeded comments carry stances.

const QUESTION = 'Should European countries fund prevention in the countries of origin?'
const OPTIONS = ['Yes', 'No', 'Not sure']

/** A fresh thread with its stance poll (the thread's first single-choice poll). */
async function debate(polls: Polls, prefix: string) {
  const thread = freshThread(prefix)
  const key = freshPollKey(prefix)
  const ids = optionIds(await polls.create({ key, question: QUESTION, options: OPTIONS, thread }))
  return { thread, key, ids }
}

async function open(page: Page, thread: string, poll: string) {
  await page.goto(threadPage(thread, { poll }))
  await waitForWidget(page)
}

async function voteInPage(page: Page, label: string) {
  await pollForm(page, QUESTION).getByRole('radio', { name: label, exact: true }).check()
  await page.getByRole('button', { name: 'Vote', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Change vote' })).toBeVisible()
}

async function postInPage(page: Page, name: string, text: string) {
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel('Comment', { exact: true }).fill(text)
  await page.getByRole('button', { name: 'Post comment' }).click()
  await expect(page.getByText('Comment posted')).toBeAttached()
}

const stanceBox = (page: Page, label: string) =>
  page.getByRole('checkbox', { name: `Show my vote (“${label}”) with my comment` })

/** The comment's own badge (not one of its replies'): the stance part in its first header. */
const badgeOf = (comment: Locator) => comment.locator('header').first().locator('[part~="stance"]')

/**
 * The top-level comments on screen, in order, as "author | badge" ("author" without a badge).
 * Read in one go in the page, so a list that re-renders meanwhile cannot mix two states.
 */
function topLevel(page: Page): Promise<string[]> {
  return page.locator('parley-comments [part~="list"] > li > parley-comment').evaluateAll((items) =>
    items.map((item) => {
      // The comment's own header; its replies render in shadow roots of their own.
      const header = item.shadowRoot?.querySelector('header')
      const author = header?.querySelector('[part~="author"]')?.textContent?.trim() ?? ''
      const badge = header?.querySelector('[part~="stance"]')?.textContent?.trim()
      return badge ? `${author} | ${badge}` : author
    })
  )
}

const sortSelect = (page: Page) => page.getByRole('combobox', { name: 'Sort by' })
const stanceSelect = (page: Page) => page.getByRole('combobox', { name: 'Stance' })

test.describe('the stance badge', () => {
  test('a reader who voted comments with "Voted: Yes", kept when the vote changes later', async ({
    page,
    request,
  }) => {
    const api = new Api(request)
    const polls = new Polls(request)
    const { thread, key, ids } = await debate(polls, 'badge')
    await open(page, thread, key)
    // No vote yet, nothing to show.
    await expect(page.getByRole('checkbox')).toHaveCount(0)

    await voteInPage(page, 'Yes')
    await expect(stanceBox(page, 'Yes')).toBeChecked()
    await postInPage(page, 'Ingrid', 'Prevention at the source saves the most people.')
    const ingrid = page.getByRole('article', { name: 'Ingrid' })
    await expect(badgeOf(ingrid)).toHaveText('Voted: Yes')
    const [stored] = (await api.page(thread)).comments
    expect(stored?.stance).toEqual({ poll: key, optionId: ids.Yes, label: 'Yes' })

    // The badge is the vote at posting time: changing the vote leaves it as it was.
    await page.getByRole('button', { name: 'Change vote' }).click()
    await pollForm(page, QUESTION).getByRole('radio', { name: 'No', exact: true }).check()
    await page.getByRole('button', { name: 'Vote', exact: true }).click()
    await expect(stanceBox(page, 'No')).toBeChecked()
    await postInPage(page, 'Ingrid again', 'On second thoughts, the money is better spent here.')
    await expect(badgeOf(page.getByRole('article', { name: 'Ingrid again' }))).toHaveText(
      'Voted: No'
    )
    await page.reload()
    await waitForWidget(page)
    await expect(badgeOf(page.getByRole('article', { name: 'Ingrid', exact: true }))).toHaveText(
      'Voted: Yes'
    )
    await expect(badgeOf(page.getByRole('article', { name: 'Ingrid again' }))).toHaveText(
      'Voted: No'
    )
  })

  test('unchecking "Show my vote" posts without a badge, and the choice is remembered', async ({
    page,
    request,
  }) => {
    const api = new Api(request)
    const polls = new Polls(request)
    const { thread, key, ids } = await debate(polls, 'no-badge')
    await open(page, thread, key)
    await voteInPage(page, 'No')
    await stanceBox(page, 'No').uncheck()
    await postInPage(page, 'Marek', 'I would rather not say how I voted.')

    const marek = page.getByRole('article', { name: 'Marek' })
    await expect(marek).toContainText('I would rather not say how I voted.')
    await expect(badgeOf(marek)).toHaveCount(0)
    await expect(marek).not.toContainText('Voted:')
    const [stored] = (await api.page(thread)).comments
    expect(stored?.stance).toBeNull()
    const { stances } = await api.thread(thread)
    expect(stances?.counts).toEqual({ [ids.Yes!]: 0, [ids.No!]: 0, [ids['Not sure']!]: 0, none: 1 })

    await page.reload()
    await waitForWidget(page)
    await expect(stanceBox(page, 'No')).not.toBeChecked()
  })
})

/** Readers who voted (through the API) and each posted one comment, in this order. */
async function seed(
  api: Api,
  polls: Polls,
  { thread, key, ids }: Awaited<ReturnType<typeof debate>>,
  comments: [name: string, vote: string | null][]
) {
  const readers = new Map<string, Reader>()
  for (const [name, vote] of comments) {
    let reader = readers.get(vote ?? '')
    if (!reader) {
      reader = await api.reader()
      readers.set(vote ?? '', reader)
      if (vote) await polls.vote(reader, key, [ids[vote]!])
    }
    await api.post(reader, thread, { authorName: name, text: `${name} makes an argument.` })
  }
}

test('the list filters by stance, with a count per side', async ({ page, request }) => {
  const api = new Api(request)
  const polls = new Polls(request)
  const data = await debate(polls, 'filter')
  await seed(api, polls, data, [
    ['Amina', 'Yes'],
    ['Bram', 'No'],
    ['Chloe', 'Yes'],
    ['Dario', null],
    ['Elif', 'No'],
    ['Femke', 'Yes'],
  ])
  await open(page, data.thread, data.key)

  const stance = stanceSelect(page)
  await expect(stance.locator('option')).toHaveText([
    'All stances',
    'Voted Yes (3)',
    'Voted No (2)',
    'Voted Not sure (0)',
    'No vote shown (1)',
  ])
  await expect(page.getByRole('article')).toHaveCount(6)

  await stance.selectOption({ label: 'Voted No (2)' })
  await expect.poll(() => topLevel(page)).toEqual(['Elif | Voted: No', 'Bram | Voted: No'])
  await stance.selectOption({ label: 'No vote shown (1)' })
  await expect.poll(() => topLevel(page)).toEqual(['Dario'])
  await stance.selectOption({ label: 'Voted Yes (3)' })
  await expect
    .poll(() => topLevel(page))
    .toEqual(['Femke | Voted: Yes', 'Chloe | Voted: Yes', 'Amina | Voted: Yes'])
  await stance.selectOption({ label: 'All stances' })
  await expect(page.getByRole('article')).toHaveCount(6)
})

test('the balanced sort shows more than one side on the first page', async ({ page, request }) => {
  const api = new Api(request)
  const polls = new Polls(request)
  const data = await debate(polls, 'balanced')
  // One undecided comment, three for Yes, then 22 for No: the newest page is all "No".
  await seed(api, polls, data, [
    ['Undecided', null],
    ...[1, 2, 3].map((i): [string, string] => [`Yes side ${i}`, 'Yes']),
    ...Array.from({ length: 22 }, (_, i): [string, string] => [`No side ${i + 1}`, 'No']),
  ])
  await open(page, data.thread, data.key)

  await expect(sortSelect(page)).toHaveValue('newest')
  await expect(page.getByRole('article')).toHaveCount(20)
  const newest = await topLevel(page)
  expect(newest).toHaveLength(20)
  expect(newest.every((c) => c.endsWith('| Voted: No'))).toBe(true)

  await sortSelect(page).selectOption({ label: 'Balanced' })
  // The best of each side in turn (Yes, No, then comments without a stance), as the API pages it.
  const expected = (await api.page(data.thread, { sort: 'balanced' })).comments.map((c) =>
    c.stance ? `${c.author.name} | Voted: ${c.stance.label}` : c.author.name
  )
  await expect.poll(() => topLevel(page)).toEqual(expected)
  const first = await topLevel(page)
  expect(first).toHaveLength(20)
  const sides = (list: string[]) => list.map((c) => c.split(' | ')[1] ?? 'none')
  expect(new Set(sides(first.slice(0, 3)))).toEqual(new Set(['Voted: Yes', 'Voted: No', 'none']))
  expect(sides(first).filter((s) => s === 'Voted: Yes')).toHaveLength(3)

  // The next page continues each side where it stopped, without repeats.
  await page.getByRole('button', { name: 'Load more comments' }).click()
  await expect(page.getByRole('article')).toHaveCount(26)
  const all = await topLevel(page)
  expect(new Set(all).size).toBe(26)
  expect(sides(all.slice(20)).every((s) => s === 'Voted: No')).toBe(true)

  // The sort is remembered on the device.
  await page.reload()
  await waitForWidget(page)
  await expect(sortSelect(page)).toHaveValue('balanced')
})

test('the demo debate: its seeded stances are counted, filtered and balanced', async ({
  page,
  request,
}) => {
  const api = new Api(request)
  const demo = 'europe-human-trafficking'
  const thread = await api.thread(demo)
  const poll = thread.polls.find((p) => p.id === thread.stances?.poll)!
  // The demo's stance poll shows its results to everyone, so the counts are there.
  const counts = thread.stances!.counts!
  await page.goto('/')
  await waitForWidget(page)
  await expect(stanceSelect(page).locator('option')).toHaveText([
    'All stances',
    ...poll.options.map((o) => `Voted ${o.label} (${counts[o.id] ?? 0})`),
    `No vote shown (${counts.none ?? 0})`,
  ])

  await sortSelect(page).selectOption({ label: 'Balanced' })
  const label = (c: Comment) =>
    c.stance ? `${c.author.name} | Voted: ${c.stance.label}` : c.author.name
  const balanced = (await api.page(demo, { sort: 'balanced' })).comments.map(label)
  // Pinned comments come first in the widget (once), then the sort's order.
  const pinned = thread.pinned.map(label)
  const expected = [...pinned, ...balanced.filter((c) => !pinned.includes(c))]
  await expect.poll(() => topLevel(page)).toEqual(expected)
  const sides = new Set(balanced.slice(0, 4).map((c) => c.split(' | ')[1] ?? 'none'))
  expect(sides.size, 'the first four comments come from four sides').toBe(4)

  const no = poll.options.find((o) => o.label === 'No')!
  await stanceSelect(page).selectOption(no.id)
  await expect(page.locator('parley-comments [part~="list"] > li')).toHaveCount(
    Math.min(counts[no.id] ?? 0, 20)
  )
  for (const entry of await topLevel(page)) expect(entry).toMatch(/\| Voted: No$/)
})

test('the stance filter shows no counts while the stance poll withholds its results', async ({
  page,
  request,
}) => {
  const api = new Api(request)
  const polls = new Polls(request)
  const thread = freshThread('withheld')
  const key = freshPollKey('withheld')
  const poll = { key, question: QUESTION, options: OPTIONS, thread }
  const ids = optionIds(await polls.create({ ...poll, resultsVisibility: 'after_vote' }))
  await seed(api, polls, { thread, key, ids }, [
    ['Amina', 'Yes'],
    ['Bram', null],
  ])
  await open(page, thread, key)
  const options = stanceSelect(page).locator('option')
  // Comments per side would tell how people voted before this reader may see the results.
  await expect(options).toHaveText([
    'All stances',
    'Voted Yes',
    'Voted No',
    'Voted Not sure',
    'No vote shown',
  ])
  // The badges stay: their authors chose to show them.
  await expect.poll(() => topLevel(page)).toEqual(['Bram', 'Amina | Voted: Yes'])

  await voteInPage(page, 'No')
  await page.reload()
  await waitForWidget(page)
  await expect(options).toHaveText([
    'All stances',
    'Voted Yes (1)',
    'Voted No (0)',
    'Voted Not sure (0)',
    'No vote shown (1)',
  ])
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`stance badges and the stance filter have no accessibility violations (${colorScheme})`, async ({
    page,
    request,
  }) => {
    const api = new Api(request)
    const polls = new Polls(request)
    const data = await debate(polls, `a11y-${colorScheme}`)
    await seed(api, polls, data, [
      ['Amina', 'Yes'],
      ['Bram', 'No'],
      ['Chloe', null],
    ])
    await page.emulateMedia({ colorScheme })
    await open(page, data.thread, data.key)
    await expect(page.getByRole('article')).toHaveCount(3)
    expect(await axeViolations(page), 'badges and the stance filter').toEqual([])

    await stanceSelect(page).selectOption({ label: 'Voted Yes (1)' })
    await expect.poll(() => topLevel(page)).toEqual(['Amina | Voted: Yes'])
    await sortSelect(page).selectOption({ label: 'Balanced' })
    await expect(sortSelect(page)).toHaveValue('balanced')
    expect(await axeViolations(page), 'a filtered, balanced list').toEqual([])

    await voteInPage(page, 'Not sure')
    await expect(stanceBox(page, 'Not sure')).toBeChecked()
    expect(await axeViolations(page), 'the form with "Show my vote"').toEqual([])
  })
}
