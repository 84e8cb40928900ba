import type { Poll } from '@parley/core'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { ParleyCommentForm } from './comment-form.ts'
import { RETRY_WAITS } from '../../api/client.ts'
import { emit } from '../../events.ts'
import {
  API,
  errorBody,
  expectAccessible,
  fixture,
  json,
  makeComment,
  makePoll,
  makeThread,
  mockApi,
  readerRoute,
  settle,
  uid,
} from '../../test/helpers.ts'

const mount = (thread: string) =>
  fixture<ParleyCommentForm>(
    `<parley-comment-form api="${API}" site="demo" thread="${thread}"></parley-comment-form>`
  )

const postsTo = (thread: string) => `POST /v1/sites/demo/threads/${thread}/comments`
const draftKey = (thread: string) => `parley:draft|${API}|demo|${thread}|`

async function fillAndSubmit(name: string, text: string) {
  await userEvent.fill(page.getByLabelText('Name', { exact: true }), name)
  await userEvent.fill(page.getByLabelText('Comment', { exact: true }), text)
  await page.getByRole('button', { name: 'Post comment' }).click()
}

describe('<parley-comment-form>', () => {
  it('is accessible', async () => {
    mockApi({})
    await expectAccessible(await mount(uid()))
  })

  it('is a labelled native form with limits on its fields', async () => {
    mockApi({})
    await mount(uid())
    const name = page.getByRole('textbox', { name: 'Name' })
    const text = page.getByRole('textbox', { name: 'Comment' })
    await expect.element(name).toHaveAttribute('maxlength', '50')
    await expect.element(name).toHaveAttribute('autocomplete', 'nickname')
    await expect.element(name).toBeRequired()
    await expect.element(text).toHaveAttribute('maxlength', '5000')
    await expect.element(text).toHaveAccessibleDescription(/Up to 5,000 characters/)
    // The idle alert region is empty and takes no room.
    const alert = page.getByRole('alert').element()
    expect(alert.matches(':empty')).toBe(true)
    expect(alert.getBoundingClientRect().height).toBe(0)
  })

  it('has a honeypot that neither the keyboard nor assistive technology reaches', async () => {
    mockApi({})
    const el = await mount(uid())
    const trap = el.shadowRoot!.querySelector<HTMLInputElement>('[name=website]')!
    expect(trap.tabIndex).toBe(-1)
    expect(trap.autocomplete).toBe('off')
    // Tab from the name field goes to the comment field, then to the button: never the trap.
    const seen: Element[] = []
    page.getByLabelText('Name', { exact: true }).element().focus()
    for (let i = 0; i < 4; i++) {
      await userEvent.tab()
      seen.push(el.shadowRoot!.activeElement ?? document.activeElement!)
    }
    expect(seen).not.toContain(trap)
    trap.focus()
    expect(el.shadowRoot!.activeElement).not.toBe(trap)
    // Not in the accessibility tree: no role query finds a third text box.
    expect(page.getByRole('textbox').elements()).toHaveLength(2)
    expect(trap.closest('[aria-hidden=true][inert]')).not.toBeNull()
    expect(trap.getBoundingClientRect().right).toBeLessThanOrEqual(0)
  })

  it('sends how long the form was open and no honeypot when the trap is empty', async () => {
    const thread = uid()
    const { requests } = mockApi({
      ...readerRoute,
      [postsTo(thread)]: async () => json(makeComment('new'), 201),
    })
    await mount(thread)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await fillAndSubmit('Ana', 'Timed')
    await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/comments'))!
    const body = (await post.json()) as { elapsedMs: number; honeypot?: string }
    expect(body.elapsedMs).toBeGreaterThanOrEqual(50)
    expect(Number.isInteger(body.elapsedMs)).toBe(true)
    expect(body).not.toHaveProperty('honeypot')
  })

  it('sends what a bot typed into the trap', async () => {
    const thread = uid()
    const { requests } = mockApi({
      ...readerRoute,
      [postsTo(thread)]: async () => json(makeComment('new'), 201),
    })
    const el = await mount(thread)
    el.shadowRoot!.querySelector<HTMLInputElement>('[name=website]')!.value = 'http://spam.example'
    await fillAndSubmit('Bot', 'Buy now')
    await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/comments'))!
    expect(await post.json()).toMatchObject({ honeypot: 'http://spam.example' })
  })

  it('blocks an empty submit with native validation', async () => {
    const { requests } = mockApi({})
    const el = await mount(uid())
    await page.getByRole('button', { name: 'Post comment' }).click()
    await userEvent.fill(page.getByLabelText('Name'), 'Ana')
    await userEvent.fill(page.getByLabelText('Comment'), '   ')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await settle()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
    expect(el.shadowRoot!.querySelector('textarea')!.validationMessage).toBe(
      'Please write a comment.'
    )
  })

  it('keeps the draft in localStorage and restores it when mounted again', async () => {
    mockApi({})
    const thread = uid()
    const el = await mount(thread)
    await userEvent.fill(page.getByLabelText('Name'), 'Ana')
    await userEvent.fill(page.getByLabelText('Comment'), 'Half-written thought')
    expect(JSON.parse(localStorage.getItem(draftKey(thread))!)).toMatchObject({
      name: 'Ana',
      text: 'Half-written thought',
    })
    el.parentElement!.remove()
    await mount(thread)
    await expect.element(page.getByLabelText('Name')).toHaveValue('Ana')
    await expect.element(page.getByLabelText('Comment')).toHaveValue('Half-written thought')
  })

  for (const [label, failure] of [
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['a 503', () => errorBody('unavailable', 503)],
  ] as const) {
    it(`keeps the draft and offers "Try again" with the same Idempotency-Key after ${label}`, async () => {
      const thread = uid()
      let attempt = 0
      // The client retries by itself first (src/api/client.ts): every automatic attempt fails.
      const waits = RETRY_WAITS.splice(0, RETRY_WAITS.length, 0.01, 0.01, 0.01)
      onTestFinished(() => void RETRY_WAITS.splice(0, RETRY_WAITS.length, ...waits))
      const { requests } = mockApi({
        ...readerRoute,
        [postsTo(thread)]: async (req) => {
          if (attempt++ < 4) return failure()
          const body = (await req.json()) as { authorName: string; text: string }
          return json(
            makeComment('new', { author: { name: body.authorName, badges: [] }, text: body.text }),
            201
          )
        },
      })
      const el = await mount(thread)
      const posted = vi.fn()
      el.addEventListener('parley-comment', (e) => posted(e.detail.comment.text))

      await fillAndSubmit('Ana', 'Keep me safe')
      await expect.element(page.getByRole('alert')).toHaveTextContent(/not posted yet.*saved/)
      await expect.element(page.getByLabelText('Comment')).toHaveValue('Keep me safe')
      expect(JSON.parse(localStorage.getItem(draftKey(thread))!).text).toBe('Keep me safe')

      await page.getByRole('button', { name: 'Try again' }).click()
      await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
      await expect.element(page.getByLabelText('Comment')).toHaveValue('')
      await expect.element(page.getByLabelText('Name')).toHaveValue('Ana')
      expect(posted).toHaveBeenCalledWith('Keep me safe')

      const posts = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/comments'))
      expect(posts).toHaveLength(5)
      const [first, ...retries] = posts.map((r) => r.headers.get('idempotency-key'))
      expect(first).toMatch(/^[0-9a-f]{32}$/)
      expect(retries).toEqual([first, first, first, first])
      expect(posts[4]!.headers.get('authorization')).toBe('Bearer tok-1')
      expect(await posts[4]!.json()).toEqual({
        authorName: 'Ana',
        text: 'Keep me safe',
        showStance: true,
        elapsedMs: expect.any(Number),
      })
      // The draft is gone; the name is remembered for the next comment.
      expect(localStorage.getItem(draftKey(thread))).toBeNull()
      expect(localStorage.getItem(`parley:name|${API}|demo`)).toBe('Ana')
    })
  }

  it('retries a 503 by itself with the same Idempotency-Key, saying so politely, and posts once', async () => {
    const thread = uid()
    let attempt = 0
    const waits = RETRY_WAITS.splice(0, RETRY_WAITS.length, 0.5, 0.5, 0.5)
    onTestFinished(() => void RETRY_WAITS.splice(0, RETRY_WAITS.length, ...waits))
    const { requests } = mockApi({
      ...readerRoute,
      [postsTo(thread)]: async (req) => {
        if (attempt++ < 2) return errorBody('unavailable', 503)
        const body = (await req.json()) as { text: string }
        return json(makeComment('new', { text: body.text }), 201)
      },
    })
    await mount(thread)
    await fillAndSubmit('Ana', 'Through an outage')
    await expect.element(page.getByRole('status')).toHaveTextContent(/not posted yet.*saved/)
    await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
    expect(page.getByRole('alert').element().textContent).toBe('')
    const keys = requests
      .filter((r) => r.method === 'POST' && r.url.endsWith('/comments'))
      .map((r) => r.headers.get('idempotency-key'))
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
    expect(localStorage.getItem(draftKey(thread))).toBeNull()
  })

  it('uses a new Idempotency-Key for the next comment and for an edited draft', async () => {
    const thread = uid()
    let fail = true
    const { requests } = mockApi({
      ...readerRoute,
      [postsTo(thread)]: () =>
        fail ? errorBody('internal', 500) : json(makeComment(uid('c')), 201),
    })
    await mount(thread)
    await fillAndSubmit('Ana', 'First')
    await expect.element(page.getByRole('alert')).toHaveTextContent(/not posted/)
    fail = false
    await fillAndSubmit('Ana', 'First, edited')
    await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
    await fillAndSubmit('Ana', 'Second')
    await expect.element(page.getByLabelText('Comment')).toHaveValue('')
    const keys = requests
      .filter((r) => r.url.endsWith('/comments'))
      .map((r) => r.headers.get('idempotency-key'))
    expect(new Set(keys).size).toBe(3)
  })

  it('shows a non-retryable error without "Try again" and marks the field', async () => {
    const thread = uid()
    mockApi({
      ...readerRoute,
      [postsTo(thread)]: () =>
        json(
          {
            error: {
              code: 'invalid_input',
              message: 'bad',
              issues: [{ path: 'body.text', message: 'must not be empty' }],
            },
          },
          400
        ),
    })
    await mount(thread)
    await fillAndSubmit('Ana', 'x')
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Please check what you entered.')
    expect(page.getByRole('button', { name: 'Try again' }).elements()).toHaveLength(0)
    await expect.element(page.getByLabelText('Comment')).toHaveAttribute('aria-invalid', 'true')
  })

  it('creates a reader once, and again once when the token is refused', async () => {
    const thread = uid()
    let readers = 0
    const { requests } = mockApi({
      'POST /v1/sites/demo/readers': () => json({ readerId: 'r', token: `tok-${++readers}` }, 201),
      [postsTo(thread)]: (req) =>
        req.headers.get('authorization') === 'Bearer tok-2'
          ? json(makeComment(uid('c')), 201)
          : errorBody('unauthorized', 401),
    })
    await mount(thread)
    await fillAndSubmit('Ana', 'Hello')
    await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
    expect(readers).toBe(2)
    const writes = requests.filter((r) => r.method === 'POST')
    expect(writes.map((r) => r.method + ' ' + new URL(r.url).pathname)).toEqual([
      'POST /v1/sites/demo/readers',
      `POST /v1/sites/demo/threads/${thread}/comments`,
      'POST /v1/sites/demo/readers',
      `POST /v1/sites/demo/threads/${thread}/comments`,
    ])
    expect(localStorage.getItem(`parley:reader|${API}|demo`)).toBe('tok-2')
  })
})

describe('<parley-comment-form> after a vote in the stance poll', () => {
  const stances = { poll: 'origin-countries', counts: {} }
  const threadRoute = (thread: string, poll: Poll) => ({
    [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread, { polls: [poll], stances }),
  })
  const checkbox = (label = 'Yes') =>
    page.getByRole('checkbox', { name: `Show my vote (“${label}”) with my comment` })
  /** A vote accepted by a poll element of `site` on the page, as <parley-poll> announces it. */
  const announceVote = (site: string, poll: Poll) => {
    const source = Object.assign(document.createElement('div'), { site })
    document.body.append(source)
    emit(source, 'parley-vote', { poll, choices: poll.myChoices })
  }

  it('is accessible with the "Show my vote" checkbox', async () => {
    const thread = uid()
    mockApi(threadRoute(thread, makePoll({ myChoices: ['o_1'] })))
    const el = await mount(thread)
    await expect.element(checkbox()).toBeChecked()
    await expectAccessible(el)
  })

  it('shows the checkbox only once the reader has voted, also for a vote cast on the page', async () => {
    const thread = uid()
    const { requests } = mockApi(threadRoute(thread, makePoll()))
    await mount(thread)
    await expect.poll(() => requests.length).toBe(1)
    await settle()
    expect(page.getByRole('checkbox').elements()).toHaveLength(0)
    // A poll with the same key on another site is not this thread's.
    announceVote('elsewhere', makePoll({ myChoices: ['o_2'] }))
    await settle()
    expect(page.getByRole('checkbox').elements()).toHaveLength(0)
    announceVote('demo', makePoll({ myChoices: ['o_2'] }))
    await expect.element(checkbox('No')).toBeChecked()
    // A changed vote changes the label; a withdrawn one removes the checkbox.
    announceVote('demo', makePoll({ myChoices: ['o_3'] }))
    await expect.element(checkbox('Not sure')).toBeVisible()
    announceVote('demo', makePoll({ myChoices: [] }))
    await expect.element(checkbox('Not sure')).not.toBeInTheDocument()
    expect(requests).toHaveLength(1)
  })

  it('picks up a vote cast in <parley-poll> on the same page', async () => {
    const thread = uid()
    mockApi({
      ...readerRoute,
      ...threadRoute(thread, makePoll()),
      'GET /v1/sites/demo/polls/origin-countries': () => makePoll(),
      'PUT /v1/sites/demo/polls/origin-countries/vote': () => makePoll({ myChoices: ['o_1'] }),
    })
    await fixture(`<parley-poll api="${API}" site="demo" poll="origin-countries"></parley-poll>`)
    await mount(thread)
    expect(page.getByRole('checkbox').elements()).toHaveLength(0)
    await page.getByRole('radio', { name: 'Yes' }).click()
    await page.getByRole('button', { name: 'Vote', exact: true }).click()
    await expect.element(checkbox('Yes')).toBeChecked()
  })

  it('shows no checkbox when the thread has no stance poll', async () => {
    const thread = uid()
    const { requests } = mockApi({
      [`GET /v1/sites/demo/threads/${thread}`]: () =>
        makeThread(thread, { polls: [makePoll({ myChoices: ['o_1'] })] }),
    })
    await mount(thread)
    await expect.poll(() => requests.length).toBe(1)
    await settle()
    expect(page.getByRole('checkbox').elements()).toHaveLength(0)
  })

  it('sends showStance as checked, and remembers an unchecked box for the site', async () => {
    const thread = uid()
    const { requests } = mockApi({
      ...readerRoute,
      ...threadRoute(thread, makePoll({ myChoices: ['o_1'] })),
      [postsTo(thread)]: () => json(makeComment(uid('c')), 201),
    })
    const el = await mount(thread)
    const posted = async () =>
      (await requests
        .filter((r) => r.url.endsWith('/comments'))
        .at(-1)!
        .json()) as {
        showStance: boolean
      }
    await fillAndSubmit('Ana', 'With my vote')
    await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
    expect((await posted()).showStance).toBe(true)

    await checkbox().click()
    await expect.element(checkbox()).not.toBeChecked()
    expect(localStorage.getItem(`parley:stance|${API}|demo`)).toBe('false')
    await fillAndSubmit('Ana', 'Without it')
    await expect.poll(() => requests.filter((r) => r.url.endsWith('/comments')).length).toBe(2)
    expect((await posted()).showStance).toBe(false)

    // Another thread of the site starts unchecked.
    el.parentElement!.remove()
    const other = uid()
    mockApi(threadRoute(other, makePoll({ myChoices: ['o_2'] })))
    await mount(other)
    await expect.element(checkbox('No')).not.toBeChecked()
    await checkbox('No').click()
    expect(localStorage.getItem(`parley:stance|${API}|demo`)).toBe('true')
  })
})
