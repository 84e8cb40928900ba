import type { Poll } from '@parley/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { ParleyPoll } from './poll.ts'
import {
  API,
  errorBody,
  expectAccessible,
  fixture,
  json,
  makePoll,
  mockApi,
  readerRoute,
  settle,
} from '../../test/helpers.ts'

const GET = 'GET /v1/sites/demo/polls/origin-countries'
const PUT = 'PUT /v1/sites/demo/polls/origin-countries/vote'
const DELETE = 'DELETE /v1/sites/demo/polls/origin-countries/vote'

const mount = () =>
  fixture<ParleyPoll>(
    `<parley-poll api="${API}" site="demo" poll="origin-countries"></parley-poll>`
  )

const results = (votes: number[], voters = votes.reduce((a, b) => a + b, 0)) => {
  const total = votes.reduce((a, b) => a + b, 0)
  return {
    totalVotes: total,
    voters,
    options: votes.map((v, i) => ({
      id: `o_${i + 1}`,
      votes: v,
      percent: total ? Math.round((v * 100) / total) : 0,
    })),
  }
}

const votedPoll = makePoll({ results: results([2, 2, 0]), myChoices: ['o_2'] })
const multiplePoll = (overrides: Partial<Poll> = {}) =>
  makePoll({
    question: 'Which measures work?',
    kind: 'multiple',
    maxChoices: 2,
    options: [
      { id: 'o_1', label: 'Schools' },
      { id: 'o_2', label: 'Helplines' },
      { id: 'o_3', label: 'Border checks' },
    ],
    ...overrides,
  })
const inDays = (days: number) => new Date(Date.now() + days * 864e5).toISOString()

const shadow = (el: ParleyPoll) => el.shadowRoot!
const text = (el: ParleyPoll) => shadow(el).textContent!.replace(/\s+/g, ' ')
const group = (name = 'Should Europe do more?') => page.getByRole('group', { name })
const item = (n: number) => page.getByRole('listitem').nth(n)

// The page's visibility, as far as the widget can tell.
let hidden = false
function setHidden(value: boolean) {
  hidden = value
  document.dispatchEvent(new Event('visibilitychange'))
}
beforeEach(() => {
  hidden = false
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
})
afterEach(() => {
  vi.useRealTimers()
  delete (document as { hidden?: boolean }).hidden
})

describe('<parley-poll> accessibility', () => {
  const states: [string, Poll][] = [
    ['open', makePoll()],
    ['voted', votedPoll],
    ['closed', makePoll({ status: 'closed', closesAt: inDays(-1), myChoices: ['o_1'] })],
    [
      'withheld until the vote',
      makePoll({
        resultsVisibility: 'after_vote',
        resultsStatus: 'hidden_until_vote',
        results: null,
      }),
    ],
    [
      'withheld until the close, voted',
      makePoll({
        resultsVisibility: 'after_close',
        resultsStatus: 'hidden_until_close',
        results: null,
        closesAt: inDays(3),
        myChoices: ['o_1'],
      }),
    ],
    ['multiple choice', multiplePoll()],
    ['scheduled', makePoll({ status: 'scheduled', opensAt: inDays(2), results: null })],
    ['locked', makePoll({ allowVoteChange: false, myChoices: ['o_3'] })],
  ]
  it.each(states)('has no violations: %s', async (_, poll) => {
    mockApi({ [GET]: () => poll })
    await expectAccessible(await mount())
  })

  it('has no violations with the choice limit reached', async () => {
    mockApi({ [GET]: () => multiplePoll() })
    const el = await mount()
    await page.getByRole('checkbox', { name: 'Schools' }).click()
    await page.getByRole('checkbox', { name: 'Helplines' }).click()
    await expect.element(page.getByRole('checkbox', { name: 'Border checks' })).toBeDisabled()
    await expectAccessible(el)
  })
})

describe('<parley-poll>', () => {
  it('renders a fieldset with the question as legend and one radio per option', async () => {
    mockApi({ [GET]: () => makePoll() })
    await mount()
    await expect.element(group()).toBeVisible()
    await expect.element(group().getByRole('radio', { name: 'Yes' })).not.toBeChecked()
    await expect.element(group().getByRole('radio', { name: 'Not sure' })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Vote' })).toBeVisible()
  })

  it('blocks an empty vote with a validation message', async () => {
    const { requests } = mockApi({ [GET]: () => makePoll() })
    const el = await mount()
    await page.getByRole('button', { name: 'Vote' }).click()
    await settle()
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
    const invalid = shadow(el).querySelector<HTMLInputElement>('input:invalid')!
    expect(invalid.validationMessage).toBe('Please choose an option.')
    await page.getByRole('radio', { name: 'Yes' }).click()
    expect(shadow(el).querySelector('input:invalid')).toBeNull()
  })

  it('votes with PUT {optionIds}, then shows the results, "Your vote" and moves focus to them', async () => {
    const { requests } = mockApi({
      ...readerRoute,
      [GET]: () => makePoll(),
      [PUT]: () => votedPoll,
    })
    const el = await mount()
    const onVote = vi.fn()
    el.addEventListener('parley-vote', (e) => onVote(e.detail))

    await page.getByRole('radio', { name: 'No', exact: true }).click()
    await page.getByRole('button', { name: 'Vote' }).click()

    await expect.element(page.getByRole('status')).toHaveTextContent('Vote recorded')
    const put = requests.find((r) => r.method === 'PUT')!
    expect(await put.json()).toEqual({ optionIds: ['o_2'] })
    expect(put.headers.get('authorization')).toBe('Bearer tok-1')
    expect(onVote).toHaveBeenCalledWith({ poll: votedPoll, choices: ['o_2'] })

    const region = page.getByRole('region', { name: 'Should Europe do more?' })
    await expect.element(region).toBeVisible()
    await expect.element(item(0)).toHaveTextContent(/^Yes 50% 2 votes$/)
    await expect.element(item(1)).toHaveTextContent(/^No Your vote 50% 2 votes$/)
    await expect.element(item(2)).toHaveTextContent(/^Not sure 0% 0 votes$/)
    await expect.element(page.getByText('4 votes', { exact: true })).toBeVisible()
    expect(page.getByRole('radio').elements()).toHaveLength(0)
    // Focus moves to the results heading so screen readers continue there.
    const heading = page.getByRole('heading', { name: 'Should Europe do more?' })
    expect(shadow(el).activeElement).toBe(heading.element())
    // The bars are decorative; the text carries the numbers.
    for (const bar of shadow(el).querySelectorAll('[part=poll-bar]'))
      expect(bar.getAttribute('aria-hidden')).toBe('true')
  })

  it('shows results at once when the reader has voted; "Change vote" returns to the form and "Cancel" back', async () => {
    mockApi({ [GET]: () => votedPoll })
    const el = await mount()
    await expect.element(page.getByText('Your vote')).toBeVisible()
    expect(shadow(el).querySelector('fieldset')).toBeNull()

    await page.getByRole('button', { name: 'Change vote' }).click()
    await expect.element(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked()
    // (toHaveFocus compares document.activeElement, which is the host for shadow content.)
    await expect.poll(() => (shadow(el).activeElement as HTMLInputElement).value).toBe('o_2')

    await page.getByRole('radio', { name: 'Yes' }).click()
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect.element(item(1)).toHaveTextContent(/Your vote/)
    expect(shadow(el).activeElement?.textContent).toBe('Change vote')
  })

  it('changes a vote with another PUT', async () => {
    const changed = makePoll({ results: results([3, 1, 0]), myChoices: ['o_1'] })
    const { requests } = mockApi({ ...readerRoute, [GET]: () => votedPoll, [PUT]: () => changed })
    await mount()
    await page.getByRole('button', { name: 'Change vote' }).click()
    await page.getByRole('radio', { name: 'Yes' }).click()
    await page.getByRole('button', { name: 'Vote' }).click()
    await expect.element(page.getByRole('status')).toHaveTextContent('Vote recorded')
    await expect.element(item(0)).toHaveTextContent(/^Yes Your vote 75% 3 votes$/)
    expect(await requests.find((r) => r.method === 'PUT')!.json()).toEqual({ optionIds: ['o_1'] })
  })

  it('withdraws a vote with DELETE, announces it and returns to an empty form', async () => {
    const { requests } = mockApi({
      ...readerRoute,
      [GET]: () => votedPoll,
      [DELETE]: () => makePoll({ results: results([2, 1, 0]) }),
    })
    const el = await mount()
    const onVote = vi.fn()
    el.addEventListener('parley-vote', (e) => onVote(e.detail.choices))
    await page.getByRole('button', { name: 'Withdraw vote' }).click()

    await expect.element(page.getByRole('status')).toHaveTextContent('Vote withdrawn')
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1)
    expect(onVote).toHaveBeenCalledWith([])
    await expect.element(page.getByRole('radio', { name: 'No', exact: true })).not.toBeChecked()
    expect((shadow(el).activeElement as HTMLInputElement).value).toBe('o_1')
  })

  it('shows the choices of a locked vote read-only, with a note', async () => {
    mockApi({ [GET]: () => makePoll({ allowVoteChange: false, myChoices: ['o_3'] }) })
    const el = await mount()
    await expect.element(item(2)).toHaveTextContent(/^Not sure Your vote 0% 0 votes$/)
    expect(text(el)).toContain('Votes in this poll are final.')
    expect(page.getByRole('button').elements()).toHaveLength(0)
  })

  it('shows a locked vote whose results are withheld, without numbers', async () => {
    mockApi({
      [GET]: () =>
        makePoll({
          resultsVisibility: 'after_close',
          resultsStatus: 'hidden_until_close',
          results: null,
          closesAt: '2030-03-01T12:00:00.000Z',
          allowVoteChange: false,
          myChoices: ['o_1'],
        }),
    })
    const el = await mount()
    await expect.element(item(0)).toHaveTextContent(/^Yes Your vote$/)
    await expect.element(item(1)).toHaveTextContent(/^No$/)
    expect(text(el)).toMatch(/Results appear when voting closes on March 1, 2030 at/)
    expect(text(el)).toContain('Votes in this poll are final.')
    expect(shadow(el).querySelector('[part=poll-bar], [part=total]')).toBeNull()
  })

  // `myChoices` lists only options still shown: a ballot whose options were all hidden since
  // leaves it empty, and `voted` says the reader has voted all the same.
  it('shows the results of a vote whose options were all hidden since, and offers to change it', async () => {
    mockApi({ [GET]: () => makePoll({ results: results([1, 1, 0], 3), voted: true }) })
    const el = await mount()
    await expect.element(page.getByRole('region', { name: 'Should Europe do more?' })).toBeVisible()
    expect(page.getByRole('radio').elements()).toHaveLength(0)
    expect(text(el)).not.toContain('Your vote')
    await page.getByRole('button', { name: 'Change vote' }).click()
    await expect.element(group().getByRole('radio', { name: 'Yes' })).not.toBeChecked()
  })

  it('shows a locked vote whose options were all hidden since as final, without a form', async () => {
    mockApi({ [GET]: () => makePoll({ allowVoteChange: false, voted: true }) })
    const el = await mount()
    await expect.element(item(0)).toHaveTextContent(/^Yes 67% 2 votes$/)
    expect(text(el)).toContain('Votes in this poll are final.')
    expect(page.getByRole('radio').elements()).toHaveLength(0)
    expect(page.getByRole('button').elements()).toHaveLength(0)
  })

  it('shows a locked vote whose options were hidden and results withheld, without a form', async () => {
    mockApi({
      [GET]: () =>
        makePoll({
          resultsVisibility: 'after_close',
          resultsStatus: 'hidden_until_close',
          results: null,
          closesAt: '2030-03-01T12:00:00.000Z',
          allowVoteChange: false,
          voted: true,
        }),
    })
    const el = await mount()
    await expect.element(item(0)).toHaveTextContent(/^Yes$/)
    expect(text(el)).toContain('Votes in this poll are final.')
    expect(page.getByRole('radio').elements()).toHaveLength(0)
  })

  describe('multiple choice', () => {
    it('uses checkboxes, says how many, and disables the others at the limit with an explanation', async () => {
      const { requests } = mockApi({
        ...readerRoute,
        [GET]: () => multiplePoll(),
        [PUT]: () => multiplePoll({ results: results([1, 1, 0], 1), myChoices: ['o_1', 'o_2'] }),
      })
      const el = await mount()
      const box = (name: string) => group('Which measures work?').getByRole('checkbox', { name })
      expect(page.getByRole('radio').elements()).toHaveLength(0)
      expect(text(el)).toContain('Choose up to 2 options.')

      await box('Schools').click()
      await box('Helplines').click()
      await expect.element(box('Border checks')).toBeDisabled()
      const hint = shadow(el).querySelector('[aria-live=polite]')!
      expect(hint.textContent!.replace(/\s+/g, ' ').trim()).toBe(
        'Choose up to 2 options. Uncheck one to choose another.'
      )
      // The hint is also the group's description.
      await expect
        .element(group('Which measures work?'))
        .toHaveAccessibleDescription(/Uncheck one to choose another/)

      await box('Schools').click()
      await expect.element(box('Border checks')).toBeEnabled()
      expect(hint.textContent!.trim()).toBe('Choose up to 2 options.')
      await expect.element(group('Which measures work?')).not.toHaveAccessibleDescription(/Uncheck/)
      await box('Border checks').click()

      await page.getByRole('button', { name: 'Vote' }).click()
      await expect.element(page.getByRole('status')).toHaveTextContent('Vote recorded')
      const put = requests.find((r) => r.method === 'PUT')!
      expect(await put.json()).toEqual({ optionIds: ['o_2', 'o_3'] })
      await expect.element(page.getByText('2 votes from 1 voter')).toBeVisible()
    })

    it('needs at least one box checked', async () => {
      const { requests } = mockApi({ [GET]: () => multiplePoll() })
      const el = await mount()
      await page.getByRole('button', { name: 'Vote' }).click()
      await settle()
      expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
      expect(shadow(el).querySelector('input:invalid')).not.toBeNull()
    })

    it('disables nothing when every option may be chosen', async () => {
      mockApi({ [GET]: () => multiplePoll({ maxChoices: 3 }) })
      const el = await mount()
      for (const name of ['Schools', 'Helplines', 'Border checks'])
        await page.getByRole('checkbox', { name }).click()
      expect(shadow(el).querySelector('input:disabled')).toBeNull()
    })
  })

  describe('schedule and visibility', () => {
    it('shows a scheduled poll read-only with the opening date', async () => {
      mockApi({
        [GET]: () =>
          makePoll({ status: 'scheduled', opensAt: '2030-03-01T12:00:00.000Z', results: null }),
      })
      const el = await mount()
      await expect.element(group()).toBeVisible()
      await expect.element(page.getByRole('radio', { name: 'Yes' })).toBeDisabled()
      expect(text(el)).toMatch(/Voting opens on March 1, 2030 at/)
      expect(page.getByRole('button').elements()).toHaveLength(0)
    })

    it('says when an open poll closes', async () => {
      // An hour of margin: the relative time rounds down, and the clock moves while mounting.
      mockApi({ [GET]: () => makePoll({ closesAt: inDays(3 + 1 / 24) }) })
      const el = await mount()
      expect(text(el)).toContain('Closes in 3 days')
    })

    it('shows a closed poll with its final results and no vote buttons', async () => {
      mockApi({ [GET]: () => makePoll({ status: 'closed', closesAt: inDays(-1) }) })
      const el = await mount()
      expect(text(el)).toContain('Voting closed')
      await expect.element(item(0)).toHaveTextContent(/^Yes 67% 2 votes$/)
      expect(page.getByRole('button').elements()).toHaveLength(0)
    })

    it('says results appear after voting, then shows them', async () => {
      mockApi({
        ...readerRoute,
        [GET]: () =>
          makePoll({
            resultsVisibility: 'after_vote',
            resultsStatus: 'hidden_until_vote',
            results: null,
          }),
        [PUT]: () => ({ ...votedPoll, resultsVisibility: 'after_vote' }),
      })
      const el = await mount()
      expect(text(el)).toContain('Results appear after you vote')
      await expect.element(group()).toHaveAccessibleDescription('Results appear after you vote')
      await page.getByRole('radio', { name: 'Yes' }).click()
      await page.getByRole('button', { name: 'Vote' }).click()
      await expect.element(item(1)).toHaveTextContent(/^No Your vote 50% 2 votes$/)
      expect(text(el)).not.toContain('Results appear')
    })
  })

  describe('errors', () => {
    const cases: [string, () => Response, string][] = [
      ['409 poll_closed', () => errorBody('poll_closed', 409), 'This poll is closed.'],
      ['409 poll_not_open', () => errorBody('poll_not_open', 409), 'This poll is not open yet.'],
      [
        '409 vote_locked',
        () => errorBody('vote_locked', 409),
        'Votes in this poll cannot be changed.',
      ],
      [
        '422 invalid_option',
        () => errorBody('invalid_option', 422),
        'That option is no longer part of this poll.',
      ],
      [
        '422 too_many_choices',
        () => errorBody('too_many_choices', 422),
        'You chose more options than this poll allows.',
      ],
      [
        '429 rate_limited, Retry-After in seconds',
        () => json({ error: { code: 'rate_limited', message: '' } }, 429, { 'retry-after': '30' }),
        'Too many votes. Please try again in 30 seconds.',
      ],
      [
        '429 rate_limited, a longer Retry-After',
        () => json({ error: { code: 'rate_limited', message: '' } }, 429, { 'retry-after': '150' }),
        'Too many votes. Please try again in 3 minutes.',
      ],
      [
        '429 rate_limited, no readable Retry-After',
        () => errorBody('rate_limited', 429),
        'Too many requests. Please wait a moment and try again.',
      ],
    ]
    it.each(cases)('%s: a localized alert and parley-error', async (name, answer, message) => {
      const { requests } = mockApi({ ...readerRoute, [GET]: () => makePoll(), [PUT]: answer })
      const el = await mount()
      const onError = vi.fn()
      el.addEventListener('parley-error', (e) => onError(e.detail))
      await page.getByRole('radio', { name: 'Yes' }).click()
      await page.getByRole('button', { name: 'Vote' }).click()
      await expect.element(page.getByRole('alert')).toHaveTextContent(message)
      expect(onError).toHaveBeenCalledWith({ code: name.split(/[ ,]/)[1], message })
      // The form stays, with the reader's choice, for another try.
      await expect.element(page.getByRole('radio', { name: 'Yes' })).toBeChecked()
      // A 409 or 422 means the poll changed: it is read again. A 429 is not.
      await settle()
      const reads = requests.filter((r) => r.method === 'GET').length
      expect(reads).toBe(name.startsWith('429') ? 1 : 2)
    })

    it('shows the poll as it now is after a 409 poll_closed', async () => {
      let closed = false
      mockApi({
        ...readerRoute,
        [GET]: () => (closed ? makePoll({ status: 'closed' }) : makePoll()),
        [PUT]: () => {
          closed = true
          return errorBody('poll_closed', 409)
        },
      })
      const el = await mount()
      await page.getByRole('radio', { name: 'Yes' }).click()
      await page.getByRole('button', { name: 'Vote' }).click()
      await expect.element(page.getByText('Voting closed')).toBeVisible()
      await expect.element(page.getByRole('alert')).toHaveTextContent('This poll is closed.')
      expect(shadow(el).querySelector('fieldset')).toBeNull()
    })

    it('offers "Try again" when the poll cannot be loaded', async () => {
      let fail = true
      mockApi({
        [GET]: () => {
          if (fail) throw new TypeError('Failed to fetch')
          return makePoll()
        },
      })
      await mount()
      await expect.element(page.getByRole('alert')).toHaveTextContent(/cannot be reached/)
      fail = false
      await userEvent.click(page.getByRole('button', { name: 'Try again' }))
      await expect.element(group()).toBeVisible()
    })
  })

  describe('live refresh', () => {
    /** GET answers `current` with an ETag of its own and 304 when the reader holds that one. */
    function serve(initial: Poll) {
      let current = initial
      let version = 1
      const api = mockApi({
        ...readerRoute,
        [GET]: (req) => {
          const etag = `"v${version}"`
          return req.headers.get('if-none-match') === etag
            ? new Response(null, { status: 304, headers: { etag } })
            : json(current, 200, { etag })
        },
      })
      const gets = () => api.requests.filter((r) => r.method === 'GET')
      const update = (poll: Poll) => {
        current = poll
        version++
      }
      return { gets, update }
    }

    it('revalidates with If-None-Match past the HTTP cache; a 304 changes nothing', async () => {
      const { gets } = serve(votedPoll)
      const el = await mount()
      const before = shadow(el).innerHTML
      setHidden(true)
      setHidden(false) // shown again: refresh at once
      await settle()
      expect(gets().map((r) => [r.cache, r.headers.get('if-none-match')])).toEqual([
        ['no-store', null],
        ['no-store', '"v1"'],
      ])
      expect(shadow(el).innerHTML).toBe(before)
    })

    it('updates the bars from a 200 without moving focus or announcing', async () => {
      const { gets, update } = serve(votedPoll)
      const el = await mount()
      const change = page.getByRole('button', { name: 'Change vote' })
      change.element().focus() // (not .click(): that would open the form)
      update(makePoll({ results: results([2, 6, 0]), myChoices: ['o_2'] }))
      setHidden(true)
      setHidden(false)
      await expect.element(item(1)).toHaveTextContent(/^No Your vote 75% 6 votes$/)
      expect(gets()).toHaveLength(2)
      expect(shadow(el).activeElement).toBe(change.element())
      expect(page.getByRole('status').element().textContent).toBe('')
      const bar = shadow(el).querySelectorAll<HTMLElement>('[part=poll-bar] span')[1]!
      expect(bar.style.getPropertyValue('--p')).toBe('75%')
    })

    it('keeps what the reader is choosing when the results change', async () => {
      const { update } = serve(multiplePoll())
      await mount()
      await page.getByRole('checkbox', { name: 'Helplines' }).click()
      update(multiplePoll({ results: results([5, 1, 1]) }))
      setHidden(true)
      setHidden(false)
      await settle()
      await expect.element(page.getByRole('checkbox', { name: 'Helplines' })).toBeChecked()
    })

    it('refreshes every 30 s while visible, pauses while hidden and stops when removed', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true })
      const { gets } = serve(votedPoll)
      const el = await mount()
      expect(gets()).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(30_000)
      expect(gets()).toHaveLength(2)

      setHidden(true)
      await vi.advanceTimersByTimeAsync(5 * 60_000)
      expect(gets()).toHaveLength(2)
      setHidden(false)
      await vi.advanceTimersByTimeAsync(0)
      expect(gets()).toHaveLength(3)

      el.remove()
      await vi.advanceTimersByTimeAsync(5 * 60_000)
      expect(gets()).toHaveLength(3)
    })

    it('does not refresh a closed poll', async () => {
      const { gets } = serve(makePoll({ status: 'closed' }))
      await mount()
      setHidden(true)
      setHidden(false)
      await settle()
      expect(gets()).toHaveLength(1)
    })
  })
})
