import type { Comment } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { ParleyComments } from './comments.ts'
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

const base = (thread: string) => `/v1/sites/demo/threads/${thread}`

const mount = (thread: string) =>
  fixture<ParleyComments>(
    `<parley-comments api="${API}" site="demo" thread="${thread}"></parley-comments>`
  )

/** A reply chain five levels deep under comment "a". */
function deepThread(): Comment[] {
  let reply: Comment | undefined
  for (const level of [5, 4, 3, 2, 1]) {
    reply = makeComment(`r${level}`, {
      parentId: level === 1 ? makeComment('a').id : makeComment(`r${level - 1}`).id,
      replies: reply ? [reply] : [],
    })
  }
  return [
    makeComment('a', {
      replies: [reply!],
      reactions: { '👍': 3, '❤️': 1 },
      text: 'First paragraph\n\nSecond paragraph',
    }),
    makeComment('b', { lang: 'fr', text: 'Bonjour' }),
  ]
}

function serve(
  thread: string,
  pages: Record<string, { comments: Comment[]; nextCursor: string | null }>,
  extra: Parameters<typeof mockApi>[0] = {}
) {
  return mockApi({
    ...readerRoute,
    ...extra,
    [`GET ${base(thread)}`]: () => ({
      site: 'demo',
      key: thread,
      title: null,
      commentCount: 42,
      polls: [],
    }),
    [`GET ${base(thread)}/comments`]: (_req, url) => pages[url.searchParams.get('cursor') ?? ''],
  })
}

describe('<parley-comments>', () => {
  it('is accessible', async () => {
    const thread = uid()
    serve(thread, { '': { comments: deepThread(), nextCursor: 'p2' } })
    const el = await mount(thread)
    await expect.element(page.getByText('Second paragraph')).toBeVisible()
    await expectAccessible(el)
  })

  it('asks for the newest comments and shows the count heading', async () => {
    const thread = uid()
    const { requests } = serve(thread, { '': { comments: deepThread(), nextCursor: null } })
    await mount(thread)
    await expect.element(page.getByRole('heading', { name: '42 comments', level: 2 })).toBeVisible()
    const list = requests.find((r) => r.url.includes('/comments'))!
    expect(new URL(list.url).search).toBe('?sort=newest&limit=20')
  })

  it('renders comments as articles with nested replies, flattening below level 3', async () => {
    const thread = uid()
    serve(thread, { '': { comments: deepThread(), nextCursor: null } })
    await mount(thread)
    const a = page.getByRole('article', { name: 'Author a', exact: true })
    await expect.element(a).toBeVisible()
    // Replies are articles inside their parent's article.
    await expect.element(a.getByRole('article', { name: 'Author r5' })).toBeVisible()
    await expect.element(page.getByText('In reply to Author r3')).toBeVisible()

    const indent = (id: string) =>
      page
        .getByRole('article', { name: `Author ${id}`, exact: true })
        .element()
        .getBoundingClientRect().left
    expect(indent('r1')).toBeGreaterThan(indent('a'))
    expect(indent('r2')).toBeGreaterThan(indent('r1'))
    expect(indent('r3')).toBeGreaterThan(indent('r2'))
    expect(indent('r4')).toBe(indent('r3'))
    expect(indent('r5')).toBe(indent('r3'))

    const paragraphs = a.element().querySelector('[part=comment-body]')!.querySelectorAll('p')
    expect([...paragraphs].map((p) => p.textContent)).toEqual([
      'First paragraph',
      'Second paragraph',
    ])
    await expect.element(a.getByRole('img', { name: '3 reactions: 👍' })).toBeVisible()
    await expect.element(a.getByRole('img', { name: '1 reaction: ❤️' })).toBeVisible()
    const time = a.element().querySelector('time')!
    expect(Date.now() - Date.parse(time.getAttribute('datetime')!)).toBeGreaterThan(
      3 * 3600_000 - 60_000
    )
    expect(time.textContent).toBe('3 hours ago')
    expect(time.title).toMatch(/\d{4}/)
    const fr = page.getByRole('article', { name: 'Author b' }).element()
    expect(fr.querySelector('[part=comment-body]')!.getAttribute('lang')).toBe('fr')
  })

  it('renders markup in comment text as literal text', async () => {
    const thread = uid()
    const evil = '<img src=x onerror="window.__pwned=1"> <b>bold</b>'
    serve(thread, { '': { comments: [makeComment('x', { text: evil })], nextCursor: null } })
    const el = await mount(thread)
    await expect.element(page.getByText(evil)).toBeVisible()
    const comment = el.shadowRoot!.querySelector('parley-comment')!
    expect(comment.shadowRoot!.querySelector('img, b')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('loads the next page with "Load more comments", without duplicates', async () => {
    const thread = uid()
    const [a, b] = deepThread()
    const c = makeComment('c')
    const { requests } = serve(thread, {
      '': { comments: [a!, b!], nextCursor: 'p2' },
      p2: { comments: [b!, c], nextCursor: null },
    })
    const el = await mount(thread)
    await page.getByRole('button', { name: 'Load more comments' }).click()
    await expect.element(page.getByRole('article', { name: 'Author c' })).toBeVisible()
    const names = [...el.shadowRoot!.querySelectorAll('ol[part=list] > li > parley-comment')].map(
      (x) => (x as HTMLElement & { comment: Comment }).comment.id
    )
    expect(names).toEqual([a!.id, b!.id, c.id])
    expect(requests.at(-1)!.url).toContain('cursor=p2')
    expect(page.getByRole('button', { name: 'Load more comments' }).elements()).toHaveLength(0)
  })

  it('shows an empty state', async () => {
    const thread = uid()
    serve(thread, { '': { comments: [], nextCursor: null } })
    await mount(thread)
    await expect.element(page.getByText('No comments yet. Start the discussion.')).toBeVisible()
  })

  it('shows a loading skeleton, then an error with "Try again"', async () => {
    const thread = uid()
    let release = () => {}
    let fail = true
    mockApi({
      [`GET ${base(thread)}/comments`]: async () => {
        await new Promise<void>((resolve) => (release = resolve))
        return fail
          ? errorBody('internal', 500)
          : { comments: [makeComment('z')], nextCursor: null }
      },
    })
    const el = await mount(thread)
    expect(el.shadowRoot!.querySelector('.skeleton')).not.toBeNull()
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).toBe('true')
    release()
    await expect.element(page.getByRole('alert')).toHaveTextContent(/Something went wrong/)
    fail = false
    await page.getByRole('button', { name: 'Try again' }).click()
    release()
    await expect.element(page.getByRole('article', { name: 'Author z' })).toBeVisible()
  })

  it('opens an inline reply form and shows the posted reply under its parent', async () => {
    const thread = uid()
    const parent = makeComment('p')
    const reply = makeComment('reply', { parentId: parent.id, text: 'A reply' })
    serve(
      thread,
      { '': { comments: [parent, makeComment('q')], nextCursor: null } },
      {
        [`POST ${base(thread)}/comments`]: async (req) => {
          expect(await req.json()).toEqual({
            authorName: 'Bo',
            text: 'A reply',
            parentId: parent.id,
          })
          return json(reply, 201)
        },
      }
    )
    await mount(thread)
    const article = page.getByRole('article', { name: 'Author p' })
    const replyButton = article.getByRole('button', { name: 'Reply' }).first()
    await replyButton.click()
    await expect.element(replyButton).toHaveAttribute('aria-expanded', 'true')
    await userEvent.fill(article.getByLabelText('Name'), 'Bo')
    await userEvent.fill(article.getByLabelText('Comment'), 'A reply')
    await article.getByRole('button', { name: 'Post comment' }).click()
    await expect.element(article.getByRole('article', { name: 'Author reply' })).toBeVisible()
    await expect.element(replyButton).toHaveAttribute('aria-expanded', 'false')
    await expect.element(article.getByRole('status').first()).toHaveTextContent('Comment posted')
    await settle()
    expect(page.getByRole('heading', { name: /comments/ }).element().textContent).toBe(
      '43 comments'
    )
  })

  it('shows a comment posted by a separate form on the page at the top at once', async () => {
    const thread = uid()
    const fresh = makeComment('fresh', { text: 'Brand new' })
    serve(
      thread,
      { '': { comments: [makeComment('old')], nextCursor: null } },
      { [`POST ${base(thread)}/comments`]: () => json(fresh, 201) }
    )
    const list = await mount(thread)
    await fixture(
      `<parley-comment-form api="${API}" site="demo" thread="${thread}"></parley-comment-form>`
    )
    await userEvent.fill(page.getByLabelText('Name', { exact: true }), 'Ana')
    await userEvent.fill(page.getByLabelText('Comment', { exact: true }), 'Brand new')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await expect.element(page.getByRole('article', { name: 'Author fresh' })).toBeVisible()
    const first = list.shadowRoot!.querySelector('parley-comment') as HTMLElement & {
      comment: Comment
    }
    expect(first.comment.id).toBe(fresh.id)
  })
})
