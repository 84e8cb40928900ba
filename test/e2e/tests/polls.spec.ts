import { expect, test, type Page, type Response } from '@playwright/test'
import { Api, SITE } from '../api.ts'
import { axeViolations, E2E_ORIGIN } from '../fixtures.ts'
import {
  E2E_ADMIN_TOKEN,
  expectResults,
  freshPollKey,
  optionIds,
  pollForm,
  pollPage,
  pollResults,
  Polls,
} from '../poll-fixtures.ts'

// The polls of issue 4 in Chromium: voting, changing and withdrawing a vote with the results as
// text, a multiple-choice poll with a maximum, results that refresh while the page is open, and
// a closed poll. Each test creates its own poll through the admin API and has other readers vote
// through the public API, so the figures it expects do not depend on the demo seed or other tests.

const QUESTION = 'Should the EU fund shelters for victims of trafficking in every member state?'
const OPTIONS = ['Yes', 'No', 'Not sure']

/** Opens the poll alone (the one-tag embed with data-poll) and waits for its form or results. */
async function openPoll(page: Page, key: string) {
  await page.goto(pollPage(key))
  await expect(page.locator('parley-poll').locator('form, section').first()).toBeVisible()
}

const voteButton = (page: Page) => page.getByRole('button', { name: 'Vote', exact: true })

test.describe('a single-choice poll', () => {
  test('a reader votes, changes the vote and withdraws it; counts and percentages follow', async ({
    page,
    request,
  }) => {
    const api = new Api(request)
    const polls = new Polls(request)
    const key = freshPollKey('vote')
    const ids = optionIds(await polls.create({ key, question: QUESTION, options: OPTIONS }))
    // Three other readers voted before: Yes 1, No 2.
    await polls.vote(await api.reader(), key, [ids.Yes!])
    await polls.vote(await api.reader(), key, [ids.No!])
    await polls.vote(await api.reader(), key, [ids.No!])

    await openPoll(page, key)
    const form = pollForm(page, QUESTION)
    await expect(form.getByRole('radio')).toHaveCount(3)
    await expect(form.getByRole('radio', { checked: true })).toHaveCount(0)

    // An empty ballot is refused by the form itself.
    await voteButton(page).click()
    await expect(form).toBeVisible()
    await expect(pollResults(page, QUESTION)).toHaveCount(0)

    await form.getByRole('radio', { name: 'Yes', exact: true }).check()
    await voteButton(page).click()
    await expect(page.getByRole('status').filter({ hasText: 'Vote recorded' })).toBeAttached()
    await expectResults(
      page,
      QUESTION,
      ['Yes Your vote 50% 2 votes', 'No 50% 2 votes', 'Not sure 0% 0 votes'],
      '4 votes'
    )
    // The results heading takes the focus, so a screen reader continues from the results.
    await expect(pollResults(page, QUESTION).getByRole('heading', { name: QUESTION })).toBeFocused()

    // Change: the form comes back with the current choice checked.
    await page.getByRole('button', { name: 'Change vote' }).click()
    await expect(form.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked()
    await form.getByRole('radio', { name: 'Not sure', exact: true }).check()
    await voteButton(page).click()
    await expectResults(
      page,
      QUESTION,
      ['Yes 25% 1 vote', 'No 50% 2 votes', 'Not sure Your vote 25% 1 vote'],
      '4 votes'
    )

    // Withdraw: the reader is back to an empty form, and the ballot is gone on the server.
    await page.getByRole('button', { name: 'Withdraw vote' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Vote withdrawn' })).toBeAttached()
    await expect(form.getByRole('radio', { checked: true })).toHaveCount(0)
    await expect(pollResults(page, QUESTION)).toHaveCount(0)
    const after = await polls.get(key)
    expect(after.results).toEqual({
      totalVotes: 3,
      voters: 3,
      options: [
        { id: ids.Yes, votes: 1, percent: 33 },
        { id: ids.No, votes: 2, percent: 67 },
        { id: ids['Not sure'], votes: 0, percent: 0 },
      ],
    })

    // The vote survives a reload (the reader token is in localStorage).
    await form.getByRole('radio', { name: 'No', exact: true }).check()
    await voteButton(page).click()
    await expect(pollResults(page, QUESTION)).toBeVisible()
    await page.reload()
    await expectResults(
      page,
      QUESTION,
      ['Yes 25% 1 vote', 'No Your vote 75% 3 votes', 'Not sure 0% 0 votes'],
      '4 votes'
    )
  })

  test('results withheld until voting say so, then appear with the vote', async ({
    page,
    request,
  }) => {
    const api = new Api(request)
    const polls = new Polls(request)
    const key = freshPollKey('after-vote')
    const ids = optionIds(
      await polls.create({
        key,
        question: QUESTION,
        options: OPTIONS,
        resultsVisibility: 'after_vote',
      })
    )
    await polls.vote(await api.reader(), key, [ids.No!])

    await openPoll(page, key)
    const form = pollForm(page, QUESTION)
    await expect(form).toContainText('Results appear after you vote')
    await expect(page.getByText(/\d+ votes?/)).toHaveCount(0)
    await form.getByRole('radio', { name: 'Yes', exact: true }).check()
    await voteButton(page).click()
    await expectResults(
      page,
      QUESTION,
      ['Yes Your vote 50% 1 vote', 'No 50% 1 vote', 'Not sure 0% 0 votes'],
      '2 votes'
    )
  })
})

test('a multiple-choice poll holds at most its maximum of choices', async ({ page, request }) => {
  const api = new Api(request)
  const polls = new Polls(request)
  const key = freshPollKey('multi')
  const question = 'Which measures would help most? Choose up to two.'
  const labels = ['Schools', 'Helplines', 'Labour inspections', 'Border checks']
  const ids = optionIds(
    await polls.create({ key, question, options: labels, kind: 'multiple', maxChoices: 2 })
  )
  await polls.vote(await api.reader(), key, [ids.Schools!, ids.Helplines!])

  await openPoll(page, key)
  const form = pollForm(page, question)
  await expect(form.getByRole('checkbox')).toHaveCount(4)
  await expect(form).toContainText('Choose up to 2 options.')
  await form.getByRole('checkbox', { name: 'Helplines' }).check()
  await form.getByRole('checkbox', { name: 'Labour inspections' }).check()
  // At the maximum, the other boxes are disabled and the hint says why.
  await expect(form).toContainText('Uncheck one to choose another.')
  await expect(form.getByRole('checkbox', { name: 'Schools' })).toBeDisabled()
  await expect(form.getByRole('checkbox', { name: 'Border checks' })).toBeDisabled()
  await form.getByRole('checkbox', { name: 'Helplines' }).uncheck()
  await expect(form.getByRole('checkbox', { name: 'Schools' })).toBeEnabled()
  await form.getByRole('checkbox', { name: 'Border checks' }).check()
  await expect(form.getByRole('checkbox', { name: 'Schools' })).toBeDisabled()

  await voteButton(page).click()
  // Percentages are shares of all chosen options (4 here), from 2 voters; they sum to 100.
  await expectResults(
    page,
    question,
    [
      'Schools 25% 1 vote',
      'Helplines 25% 1 vote',
      'Labour inspections Your vote 25% 1 vote',
      'Border checks Your vote 25% 1 vote',
    ],
    '4 votes from 2 voters'
  )
  const { results } = await polls.get(key)
  expect([results?.totalVotes, results?.voters]).toEqual([4, 2])
})

test('the results refresh while the page is open: 304 while unchanged, then the new counts', async ({
  page,
  request,
}) => {
  const api = new Api(request)
  const polls = new Polls(request)
  const key = freshPollKey('refresh')
  const ids = optionIds(await polls.create({ key, question: QUESTION, options: OPTIONS }))
  // The widget revalidates every 30 s; a fake clock lets the test skip the wait.
  await page.clock.install()
  const reads: Response[] = []
  page.on('response', (res) => {
    if (res.request().method() === 'GET' && res.url().endsWith(`/polls/${key}`)) reads.push(res)
  })
  await openPoll(page, key)
  await pollForm(page, QUESTION).getByRole('radio', { name: 'Yes', exact: true }).check()
  await voteButton(page).click()
  await expectResults(
    page,
    QUESTION,
    ['Yes Your vote 100% 1 vote', 'No 0% 0 votes', 'Not sure 0% 0 votes'],
    '1 vote'
  )

  // Nothing changed: the revalidation sends the ETag and gets an empty 304.
  const first = reads.length
  await expect(async () => {
    await page.clock.fastForward(30_000)
    expect(reads.slice(first).some((r) => r.status() === 304)).toBe(true)
  }).toPass({ timeout: 10_000 })
  const revalidation = reads.slice(first).find((r) => r.status() === 304)!
  expect(await revalidation.request().headerValue('if-none-match')).toMatch(/^"/)

  // A second reader votes elsewhere; the open page shows it at the next refresh, no reload.
  await polls.vote(await api.reader(), key, [ids.No!])
  await expect(async () => {
    await page.clock.fastForward(30_000)
    await expect(pollResults(page, QUESTION).locator('[part~="total"]')).toHaveText('2 votes', {
      timeout: 1000,
    })
  }).toPass({ timeout: 15_000 })
  await expectResults(
    page,
    QUESTION,
    ['Yes Your vote 50% 1 vote', 'No 50% 1 vote', 'Not sure 0% 0 votes'],
    '2 votes'
  )
  expect(reads.slice(first).some((r) => r.status() === 200)).toBe(true)
})

test.describe('a closed poll', () => {
  test('shows its final results to everyone, without a form', async ({ page, request }) => {
    const api = new Api(request)
    const polls = new Polls(request)
    const key = freshPollKey('closed')
    const ids = optionIds(
      await polls.create({
        key,
        question: QUESTION,
        options: OPTIONS,
        resultsVisibility: 'after_close',
      })
    )
    for (const choice of ['Yes', 'Yes', 'Yes', 'No']) {
      await polls.vote(await api.reader(), key, [ids[choice]!])
    }
    await polls.close(key)

    await openPoll(page, key)
    const results = pollResults(page, QUESTION)
    await expect(results).toContainText('Voting closed')
    await expectResults(
      page,
      QUESTION,
      ['Yes 75% 3 votes', 'No 25% 1 vote', 'Not sure 0% 0 votes'],
      '4 votes'
    )
    await expect(page.getByRole('radio')).toHaveCount(0)
    await expect(voteButton(page)).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Change vote' })).toHaveCount(0)
  })

  test('a vote sent after it closed is answered with the final results', async ({
    page,
    request,
  }) => {
    const api = new Api(request)
    const polls = new Polls(request)
    const key = freshPollKey('closing')
    const ids = optionIds(await polls.create({ key, question: QUESTION, options: OPTIONS }))
    await polls.vote(await api.reader(), key, [ids.No!])

    await openPoll(page, key)
    const form = pollForm(page, QUESTION)
    await form.getByRole('radio', { name: 'Yes', exact: true }).check()
    // The publisher closes the poll while the reader is about to vote.
    await polls.close(key)
    await voteButton(page).click()

    await expect(page.getByRole('alert').filter({ hasText: 'This poll is closed.' })).toBeVisible()
    await expect(pollResults(page, QUESTION)).toContainText('Voting closed')
    await expectResults(
      page,
      QUESTION,
      ['Yes 0% 0 votes', 'No 100% 1 vote', 'Not sure 0% 0 votes'],
      '1 vote'
    )
    await expect(page.getByRole('radio')).toHaveCount(0)
    expect((await polls.get(key)).results?.voters).toBe(1)
  })
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the poll states have no accessibility violations (${colorScheme})`, async ({
    page,
    request,
  }) => {
    const api = new Api(request)
    const polls = new Polls(request)
    await page.emulateMedia({ colorScheme })

    const key = freshPollKey(`a11y-${colorScheme}`)
    const ids = optionIds(await polls.create({ key, question: QUESTION, options: OPTIONS }))
    await polls.vote(await api.reader(), key, [ids.No!])
    await openPoll(page, key)
    const form = pollForm(page, QUESTION)
    await expect(form).toBeVisible()
    expect(await axeViolations(page), 'an open poll').toEqual([])

    await form.getByRole('radio', { name: 'Yes', exact: true }).check()
    await voteButton(page).click()
    await expect(page.getByRole('button', { name: 'Withdraw vote' })).toBeVisible()
    expect(await axeViolations(page), 'the results after voting').toEqual([])

    await page.getByRole('button', { name: 'Change vote' }).click()
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible()
    expect(await axeViolations(page), 'changing a vote').toEqual([])

    const multi = freshPollKey(`a11y-multi-${colorScheme}`)
    const question = 'Which measures would help most? Choose up to two.'
    await polls.create({
      key: multi,
      question,
      options: ['Schools', 'Helplines', 'Labour inspections'],
      kind: 'multiple',
      maxChoices: 2,
      resultsVisibility: 'after_vote',
    })
    await openPoll(page, multi)
    const boxes = pollForm(page, question)
    await boxes.getByRole('checkbox', { name: 'Schools' }).check()
    await boxes.getByRole('checkbox', { name: 'Helplines' }).check()
    await expect(boxes.getByRole('checkbox', { name: 'Labour inspections' })).toBeDisabled()
    expect(await axeViolations(page), 'a multiple-choice poll at its maximum').toEqual([])

    await polls.close(key)
    await openPoll(page, key)
    await expect(pollResults(page, QUESTION)).toContainText('Voting closed')
    expect(await axeViolations(page), 'a closed poll').toEqual([])
  })
}

test.describe('several polls, and a ballot of hidden options', () => {
  test('one embed shows the polls of data-poll in that order, each voted on by itself', async ({
    page,
    request,
  }) => {
    const polls = new Polls(request)
    const [first, second] = [freshPollKey('first'), freshPollKey('second')]
    await polls.create({ key: first, question: 'First question?', options: ['A', 'B'] })
    await polls.create({ key: second, question: 'Second question?', options: ['C', 'D'] })
    await page.goto(pollPage(`${second} ${first}`))
    await expect(page.locator('parley-poll legend')).toHaveText([
      'Second question?',
      'First question?',
    ])
    await pollForm(page, 'First question?').getByRole('radio', { name: 'A', exact: true }).check()
    await page
      .locator('parley-poll')
      .nth(1)
      .getByRole('button', { name: 'Vote', exact: true })
      .click()
    await expectResults(
      page,
      'First question?',
      ['A Your vote 100% 1 vote', 'B 0% 0 votes'],
      '1 vote'
    )
    await expect(pollForm(page, 'Second question?').getByRole('radio')).toHaveCount(2)
  })

  test('a reader whose chosen option was hidden has still voted: no form on a locked poll', async ({
    page,
    request,
  }) => {
    const polls = new Polls(request)
    const key = freshPollKey('hidden-ballot')
    const ids = optionIds(
      await polls.create({ key, question: QUESTION, options: OPTIONS, allowVoteChange: false })
    )
    await openPoll(page, key)
    await pollForm(page, QUESTION).getByRole('radio', { name: 'Yes', exact: true }).check()
    await voteButton(page).click()
    await expect(page.getByText('Votes in this poll are final.')).toBeVisible()

    // The publisher hides the option this reader chose.
    const res = await request.patch(`${E2E_ORIGIN}/v1/admin/sites/${SITE}/polls/${key}`, {
      data: {
        options: [{ id: ids.Yes!, hidden: true }, { id: ids.No! }, { id: ids['Not sure']! }],
      },
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    })
    expect(res.status()).toBe(200)
    await page.reload()
    const results = pollResults(page, QUESTION)
    await expect(results).toBeVisible()
    await expect(results.getByRole('listitem')).toHaveCount(2)
    await expect(results).not.toContainText('Your vote')
    await expect(page.getByText('Votes in this poll are final.')).toBeVisible()
    await expect(page.getByRole('radio')).toHaveCount(0)
    await expect(voteButton(page)).toHaveCount(0)
  })
})
