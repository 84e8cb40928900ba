import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { ParleyPoll } from './poll.ts'
import {
  API,
  errorBody,
  expectAccessible,
  fixture,
  makePoll,
  mockApi,
  readerRoute,
  settle,
} from '../../test/helpers.ts'

const mount = () =>
  fixture<ParleyPoll>(
    `<parley-poll api="${API}" site="demo" poll="origin-countries"></parley-poll>`
  )

const votedPoll = makePoll({
  options: [
    { id: 'o_1', label: 'Yes', votes: 2, percent: 50 },
    { id: 'o_2', label: 'No', votes: 2, percent: 50 },
    { id: 'o_3', label: 'Not sure', votes: 0, percent: 0 },
  ],
  totalVotes: 4,
  myVote: 'o_2',
})

describe('<parley-poll>', () => {
  it('is accessible, before and after voting', async () => {
    mockApi({ 'GET /v1/sites/demo/polls/origin-countries': () => makePoll() })
    const el = await mount()
    await expectAccessible(el)
    el.remove()
    mockApi({ 'GET /v1/sites/demo/polls/origin-countries': () => votedPoll })
    await expectAccessible(await mount())
  })

  it('renders a fieldset with the question as legend and one radio per option', async () => {
    mockApi({ 'GET /v1/sites/demo/polls/origin-countries': () => makePoll() })
    await mount()
    const group = page.getByRole('group', { name: 'Should Europe do more?' })
    await expect.element(group).toBeVisible()
    await expect.element(group.getByRole('radio', { name: 'Yes' })).not.toBeChecked()
    await expect.element(group.getByRole('radio', { name: 'Not sure' })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Vote' })).toBeVisible()
  })

  it('blocks an empty vote with native validation', async () => {
    const { requests } = mockApi({
      'GET /v1/sites/demo/polls/origin-countries': () => makePoll(),
    })
    const el = await mount()
    await page.getByRole('button', { name: 'Vote' }).click()
    await settle()
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
    expect(el.shadowRoot!.querySelector('input:invalid')).not.toBeNull()
  })

  it('votes with PUT {optionId}, then shows text results and "Your vote"', async () => {
    const { requests } = mockApi({
      ...readerRoute,
      'GET /v1/sites/demo/polls/origin-countries': () => makePoll(),
      'PUT /v1/sites/demo/polls/origin-countries/vote': () => votedPoll,
    })
    const el = await mount()
    const onVote = vi.fn()
    el.addEventListener('parley-vote', (e) => onVote(e.detail))

    await page.getByRole('radio', { name: 'No', exact: true }).click()
    await page.getByRole('button', { name: 'Vote' }).click()

    await expect.element(page.getByRole('status')).toHaveTextContent('Vote recorded')
    const put = requests.find((r) => r.method === 'PUT')!
    expect(await put.json()).toEqual({ optionId: 'o_2' })
    expect(put.headers.get('authorization')).toBe('Bearer tok-1')
    expect(onVote).toHaveBeenCalledWith({ pollId: 'origin-countries', optionId: 'o_2' })

    const items = page.getByRole('listitem')
    await expect.element(items.nth(0)).toHaveTextContent(/^Yes 50% 2 votes$/)
    await expect.element(items.nth(1)).toHaveTextContent(/^No Your vote 50% 2 votes$/)
    await expect.element(items.nth(2)).toHaveTextContent(/^Not sure 0% 0 votes$/)
    await expect.element(page.getByText('4 votes', { exact: true })).toBeVisible()
    expect(page.getByRole('radio').elements()).toHaveLength(0)
    // Focus moves to the results so screen readers continue there.
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).toBe('results')
    // The bars are decorative; the text carries the numbers.
    expect(el.shadowRoot!.querySelector('[part=poll-bar]')!.getAttribute('aria-hidden')).toBe(
      'true'
    )
  })

  it('shows results at once when the reader has voted, and "Change vote" returns to the form', async () => {
    mockApi({ 'GET /v1/sites/demo/polls/origin-countries': () => votedPoll })
    const el = await mount()
    await expect.element(page.getByText('Your vote')).toBeVisible()
    expect(el.shadowRoot!.querySelector('fieldset')).toBeNull()

    await page.getByRole('button', { name: 'Change vote' }).click()
    await expect.element(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked()
    // (toHaveFocus compares document.activeElement, which is the host for shadow content.)
    await expect.poll(() => (el.shadowRoot!.activeElement as HTMLInputElement).value).toBe('o_2')
  })

  it('shows a localized error in an alert when the vote is refused', async () => {
    mockApi({
      ...readerRoute,
      'GET /v1/sites/demo/polls/origin-countries': () => makePoll(),
      'PUT /v1/sites/demo/polls/origin-countries/vote': () => errorBody('poll_closed', 409),
    })
    const el = await mount()
    const onError = vi.fn()
    el.addEventListener('parley-error', (e) => onError(e.detail))
    await page.getByRole('radio', { name: 'Yes' }).click()
    await page.getByRole('button', { name: 'Vote' }).click()
    await expect.element(page.getByRole('alert')).toHaveTextContent('This poll is closed.')
    expect(onError).toHaveBeenCalledWith({ code: 'poll_closed', message: 'This poll is closed.' })
  })

  it('offers "Try again" when the poll cannot be loaded', async () => {
    let fail = true
    mockApi({
      'GET /v1/sites/demo/polls/origin-countries': () => {
        if (fail) throw new TypeError('Failed to fetch')
        return makePoll()
      },
    })
    await mount()
    await expect.element(page.getByRole('alert')).toHaveTextContent(/cannot be reached/)
    fail = false
    await userEvent.click(page.getByRole('button', { name: 'Try again' }))
    await expect.element(page.getByRole('group', { name: 'Should Europe do more?' })).toBeVisible()
  })
})
