import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { ParleyCommentForm } from './comment-form.ts'
import {
  API,
  errorBody,
  expectAccessible,
  fixture,
  json,
  makeComment,
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
  await userEvent.fill(page.getByLabelText('Name'), name)
  await userEvent.fill(page.getByLabelText('Comment'), text)
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
    await expect.element(text).toHaveAccessibleDescription(/up to 5,000 characters/)
    // The idle alert region is empty and takes no room.
    const alert = page.getByRole('alert').element()
    expect(alert.matches(':empty')).toBe(true)
    expect(alert.getBoundingClientRect().height).toBe(0)
  })

  it('blocks an empty submit with native validation', async () => {
    const { requests } = mockApi({})
    const el = await mount(uid())
    await page.getByRole('button', { name: 'Post comment' }).click()
    await userEvent.fill(page.getByLabelText('Name'), 'Ana')
    await userEvent.fill(page.getByLabelText('Comment'), '   ')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await settle()
    expect(requests).toHaveLength(0)
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
      const { requests } = mockApi({
        ...readerRoute,
        [postsTo(thread)]: async (req) => {
          if (attempt++ === 0) return failure()
          const body = (await req.json()) as { authorName: string; text: string }
          return json(
            makeComment('new', { author: { name: body.authorName }, text: body.text }),
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
      expect(posts).toHaveLength(2)
      const [first, retry] = posts.map((r) => r.headers.get('idempotency-key'))
      expect(first).toMatch(/^[0-9a-f]{32}$/)
      expect(retry).toBe(first)
      expect(posts[1]!.headers.get('authorization')).toBe('Bearer tok-1')
      expect(await posts[1]!.json()).toEqual({ authorName: 'Ana', text: 'Keep me safe' })
      // The draft is gone; the name is remembered for the next comment.
      expect(localStorage.getItem(draftKey(thread))).toBeNull()
      expect(localStorage.getItem(`parley:name|${API}|demo`)).toBe('Ana')
    })
  }

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
    expect(requests.map((r) => r.method + ' ' + new URL(r.url).pathname)).toEqual([
      'POST /v1/sites/demo/readers',
      `POST /v1/sites/demo/threads/${thread}/comments`,
      'POST /v1/sites/demo/readers',
      `POST /v1/sites/demo/threads/${thread}/comments`,
    ])
    expect(localStorage.getItem(`parley:reader|${API}|demo`)).toBe('tok-2')
  })
})
