import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { ParleyDiscussion } from './discussion.ts'
import {
  API,
  deferred,
  expectAccessible,
  fixture,
  json,
  makeComment,
  makePoll,
  makeThread,
  mockApi,
  readerRoute,
  uid,
} from '../../test/helpers.ts'

function serve(thread: string) {
  const base = `/v1/sites/demo/threads/${thread}`
  return mockApi({
    ...readerRoute,
    'GET /v1/sites/demo/polls/origin-countries': () => makePoll(),
    [`GET ${base}`]: () => makeThread(thread, { commentCount: 1 }),
    [`GET ${base}/comments`]: () => ({ comments: [makeComment('old')], nextCursor: null }),
    [`POST ${base}/comments`]: () => json(makeComment('new', { text: 'Fresh' }), 201),
  })
}

describe('<parley-discussion>', () => {
  it('is accessible', async () => {
    const thread = uid()
    serve(thread)
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" thread="${thread}" poll="origin-countries"></parley-discussion>`
    )
    await expect.element(page.getByRole('article', { name: 'Author old' })).toBeVisible()
    await expectAccessible(el)
  })

  it('renders poll, form and list, and shows a posted comment at the top at once', async () => {
    const thread = uid()
    serve(thread)
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" thread="${thread}" poll="origin-countries"></parley-discussion>`
    )
    const events = vi.fn()
    el.addEventListener('parley-comment', (e) => events(e.detail.comment.text))
    await expect.element(page.getByRole('group', { name: 'Should Europe do more?' })).toBeVisible()
    await expect.element(page.getByRole('heading', { name: '1 comment' })).toBeVisible()

    await userEvent.fill(page.getByLabelText('Name', { exact: true }), 'Ana')
    await userEvent.fill(page.getByLabelText('Comment', { exact: true }), 'Fresh')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await expect.element(page.getByRole('heading', { name: '2 comments' })).toBeVisible()
    const articles = page.getByRole('article')
    await expect.element(articles.first()).toHaveAccessibleName('Author new')
    expect(events).toHaveBeenCalledWith('Fresh')
  })

  it('shows only the poll when there is no thread', async () => {
    mockApi({ 'GET /v1/sites/demo/polls/origin-countries': () => makePoll() })
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" poll="origin-countries"></parley-discussion>`
    )
    await expect.element(page.getByRole('button', { name: 'Vote' })).toBeVisible()
    expect(el.shadowRoot!.querySelector('parley-comment-form, parley-comments')).toBeNull()
  })

  it('shows several polls, space-separated in "poll", in that order, and waits for all', async () => {
    const second = deferred()
    mockApi({
      'GET /v1/sites/demo/polls/origin-countries': () => makePoll(),
      'GET /v1/sites/demo/polls/night-trains': async () => {
        await second.promise
        return makePoll({ id: 'night-trains', question: 'More night trains?' })
      },
    })
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" poll=" origin-countries  night-trains "></parley-discussion>`
    )
    const polls = [...el.shadowRoot!.querySelectorAll('parley-poll')]
    expect(polls.map((p) => p.poll)).toEqual(['origin-countries', 'night-trains'])
    await polls[0]!.loaded
    // The skeleton stays until every poll is there.
    expect(el.getAttribute('aria-busy')).toBe('true')
    second.resolve(undefined)
    await el.loaded
    await expect.element(page.getByRole('group', { name: 'More night trains?' })).toBeVisible()
    expect(page.getByRole('button', { name: 'Vote' }).elements()).toHaveLength(2)
  })

  it('shows no poll without "poll", even when the thread has polls', async () => {
    const thread = uid()
    const base = `/v1/sites/demo/threads/${thread}`
    const { requests } = mockApi({
      [`GET ${base}`]: () => makeThread(thread, { polls: [makePoll()] }),
      [`GET ${base}/comments`]: () => ({ comments: [makeComment('old')], nextCursor: null }),
    })
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" thread="${thread}"></parley-discussion>`
    )
    await el.loaded
    expect(el.shadowRoot!.querySelector('parley-poll')).toBeNull()
    expect(requests.filter((r) => r.url.includes('/polls/'))).toHaveLength(0)
    // A framework may clear the property rather than the attribute.
    ;(el as { poll: unknown }).poll = undefined
    await el.updateComplete
    expect(el.shadowRoot!.querySelector('parley-poll')).toBeNull()
  })

  it('forwards parts so the page can style inner elements', async () => {
    const thread = uid()
    serve(thread)
    await fixture(
      `<div><style>parley-discussion::part(submit) { outline: 3px solid rgb(255, 0, 0) }</style>
      <parley-discussion api="${API}" site="demo" thread="${thread}"></parley-discussion></div>`
    )
    const submit = page.getByRole('button', { name: 'Post comment' }).element()
    expect(getComputedStyle(submit).outlineColor).toBe('rgb(255, 0, 0)')
  })

  it('forwards the parts of comments, replies and list controls', async () => {
    const thread = uid()
    const reply = makeComment('reply')
    mockApi({
      [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread),
      [`GET /v1/sites/demo/threads/${thread}/comments`]: () => ({
        comments: [makeComment('top', { replies: [reply] })],
        nextCursor: null,
      }),
    })
    await fixture(
      `<div><style>parley-discussion::part(avatar), parley-discussion::part(reaction),
      parley-discussion::part(select) { outline: 3px solid rgb(255, 0, 0) }</style>
      <parley-discussion api="${API}" site="demo" thread="${thread}"></parley-discussion></div>`
    )
    const replyArticle = page.getByRole('article', { name: 'Author reply' })
    await expect.element(replyArticle).toBeVisible()
    const red = (el: Element) => getComputedStyle(el).outlineColor
    expect(red(replyArticle.element().querySelector('[part=avatar]')!)).toBe('rgb(255, 0, 0)')
    expect(red(replyArticle.getByRole('button', { name: 'Like, 0' }).element())).toBe(
      'rgb(255, 0, 0)'
    )
    expect(red(page.getByRole('combobox', { name: 'Sort by' }).element())).toBe('rgb(255, 0, 0)')
  })
})
