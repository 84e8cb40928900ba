import type { Comment, Removal } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { type Locator, page, userEvent } from 'vitest/browser'
import {
  commentList,
  API,
  errorBody,
  expectAccessible,
  fixture,
  focused,
  json,
  makeComment,
  makeThread,
  mockApi,
  readerRoute,
  settle,
  uid,
} from '../../test/helpers.ts'

// What moderation changes in the widget: a comment held for review (its author alone gets it), a
// removed comment (a tombstone for everybody, the statement of reasons and the appeal for its
// author), the EU Digital Services Act notice in the report form, and pinned comments.

const on = (c: Comment, path = '') => `/v1/sites/demo/comments/${c.id}${path}`

const list = commentList

const article = (name: string) => page.getByRole('article', { name, exact: true })
const button = (name: string, scope: Pick<Locator, 'getByRole'> = page) =>
  scope.getByRole('button', { name, exact: true }).first()
/** The comment's own buttons (not those of its replies or forms). */
const actions = (scope: Locator) =>
  [...scope.element().querySelectorAll(':scope > footer button, :scope > button')].map((b) =>
    b.textContent!.trim()
  )

const removal = (overrides: Partial<Removal> = {}): Removal => ({
  reason: 'hate',
  statement: 'Removed under our rules on hate speech.\nYou may appeal within six months.',
  removedAt: new Date().toISOString(),
  appeal: null,
  ...overrides,
})

/** A removed comment as everybody but its author gets it. */
const tombstone = (id: string, overrides: Partial<Comment> = {}) =>
  makeComment(id, {
    status: 'removed',
    author: { name: '', badges: [] },
    text: '',
    html: '',
    removal: removal(),
    ...overrides,
  })

/** A removed comment as its author gets it. */
const ownRemoved = (id: string, appeal: Removal['appeal'] = 'none') =>
  makeComment(id, { status: 'removed', mine: true, removal: removal({ appeal }) })

describe('<parley-comment> held for review', () => {
  it('is accessible as the author’s pending comment', async () => {
    const { el } = await list([makeComment('mine', { status: 'pending', mine: true })])
    await expectAccessible(el)
  })

  it('says "Awaiting review" in text, explains it, and offers only Edit and Delete', async () => {
    const inMinutes = new Date(Date.now() + 600_000).toISOString()
    await list([
      makeComment('mine', { status: 'pending', mine: true, editableUntil: inMinutes }),
      makeComment('other'),
    ])
    const mine = article('Author mine')
    await expect.element(mine.getByText('Awaiting review', { exact: true })).toBeVisible()
    await expect
      .element(mine.getByText('Only you can see this comment until a moderator approves it.'))
      .toBeVisible()
    expect(actions(mine)).toEqual(['Edit', 'Delete'])
    expect(mine.getByRole('group', { name: 'Reactions' }).elements()).toHaveLength(0)
    expect(article('Author other').getByText('Awaiting review').elements()).toHaveLength(0)
  })

  it('announces a comment that came back pending as awaiting review, and does not count it', async () => {
    const key = uid()
    const base = `/v1/sites/demo/threads/${key}`
    const held = makeComment('held', { status: 'pending', mine: true, text: 'Held back' })
    mockApi({
      ...readerRoute,
      [`GET ${base}`]: () => makeThread(key, { commentCount: 1 }),
      [`GET ${base}/comments`]: () => ({ comments: [makeComment('old')], nextCursor: null }),
      [`POST ${base}/comments`]: () => json(held, 201),
    })
    await fixture(
      `<div><parley-comment-form api="${API}" site="demo" thread="${key}"></parley-comment-form>
      <parley-comments api="${API}" site="demo" thread="${key}"></parley-comments></div>`
    )
    await expect.element(page.getByRole('heading', { name: '1 comment' })).toBeVisible()
    await userEvent.fill(page.getByLabelText('Name', { exact: true }), 'Ana')
    await userEvent.fill(page.getByLabelText('Comment', { exact: true }), 'Held back')
    await page.getByRole('button', { name: 'Post comment' }).click()
    const status = page.getByRole('status').filter({ hasText: 'awaiting review' })
    await expect.element(status).toHaveTextContent('Comment awaiting review')
    expect(page.getByRole('status').filter({ hasText: 'Comment posted' }).elements()).toHaveLength(
      0
    )
    await expect.element(article('Author held').getByText('Awaiting review')).toBeVisible()
    await settle()
    await expect.element(page.getByRole('heading', { name: '1 comment' })).toBeVisible()
  })

  it('announces a reply that came back pending as awaiting review', async () => {
    const parent = makeComment('p')
    const reply = makeComment('r', { parentId: parent.id, status: 'pending', mine: true })
    const { base } = await list([parent], {})
    // The reply form posts to the thread of the list.
    mockApi({
      ...readerRoute,
      [`POST ${base}/comments`]: () => json(reply, 201),
    })
    const p = article('Author p')
    await button('Reply', p).click()
    await userEvent.fill(p.getByLabelText('Name'), 'Bo')
    await userEvent.fill(p.getByLabelText('Comment'), 'A reply')
    await button('Post comment', p).click()
    await expect.element(article('Author r')).toBeVisible()
    await expect.element(p.getByRole('status').first()).toHaveTextContent('Comment awaiting review')
  })
})

describe('<parley-comment> removed', () => {
  it('is accessible as a tombstone over its replies and as the author’s removed comment', async () => {
    const { el } = await list([
      tombstone('gone', { replies: [makeComment('kept')] }),
      ownRemoved('mine'),
    ])
    await expect.element(button('Appeal')).toBeVisible()
    await expectAccessible(el)
  })

  it('shows others "Removed by a moderator" and the reason, keeping its replies', async () => {
    const reasons = ['spam', 'hate', 'harassment', 'illegal', 'off_topic', 'other'] as const
    await list([
      tombstone('t0', { replies: [makeComment('kept')], removal: removal({ reason: 'spam' }) }),
      ...reasons
        .slice(1)
        .map((reason, i) => tombstone(`t${i + 1}`, { removal: removal({ reason }) })),
    ])
    const texts = page
      .getByRole('article')
      .elements()
      .map((a) => a.querySelector(':scope > [part~=tombstone]')?.textContent?.trim())
      .filter(Boolean)
    expect(texts).toEqual([
      'Removed by a moderator. Reason: spam.',
      'Removed by a moderator. Reason: hate speech.',
      'Removed by a moderator. Reason: harassment.',
      'Removed by a moderator. Reason: illegal content.',
      'Removed by a moderator. Reason: off-topic.',
      'Removed by a moderator. Reason: other.',
    ])
    const first = page.getByRole('article', { name: 'Removed by a moderator. Reason: spam.' })
    await expect.element(first.getByRole('article', { name: 'Author kept' })).toBeVisible()
    expect(actions(first)).toEqual(['Hide 1 reply'])
    // Nobody but the author gets the statement of reasons, nor an Appeal button.
    expect(page.getByText('Statement of reasons').elements()).toHaveLength(0)
    expect(page.getByRole('button', { name: 'Appeal' }).elements()).toHaveLength(0)
  })

  it('shows its author the text, the reason, the statement of reasons and an Appeal button', async () => {
    await list([ownRemoved('mine')])
    const mine = article('Author mine')
    await expect.element(mine.getByText('Text of mine')).toBeVisible()
    await expect
      .element(mine.getByText('Removed by a moderator. Reason: hate speech.'))
      .toBeVisible()
    await expect.element(mine.getByText('Statement of reasons')).toBeVisible()
    await expect
      .element(mine.getByText(/Removed under our rules on hate speech\.\s+You may appeal/))
      .toBeVisible()
    await expect.element(button('Appeal', mine)).toHaveAttribute('aria-expanded', 'false')
    // No other action on a removed comment.
    expect(actions(mine)).toEqual([])
  })

  it('sends an appeal from a native form, then shows that it is being reviewed', async () => {
    const c = ownRemoved('mine')
    const { requests } = await list([c], {
      [`POST ${on(c, '/appeal')}`]: async (req) =>
        json(
          {
            commentId: c.id,
            status: 'open',
            text: ((await req.json()) as { text: string }).text,
            createdAt: new Date().toISOString(),
          },
          201
        ),
    })
    const mine = article('Author mine')
    await button('Appeal', mine).click()
    const box = mine.getByRole('textbox', { name: 'Why should this decision be reversed?' })
    await expect.element(box).toBeVisible()
    await expect.poll(() => focused()).toBe(box.element())
    expect(box.element().closest('form')).not.toBeNull()
    await expectAccessible(page.getByRole('article').first().element())
    // Empty is refused by the browser, before any request.
    await button('Send appeal', mine).click()
    expect((box.element() as HTMLTextAreaElement).validity.valueMissing).toBe(true)
    await userEvent.fill(box, 'It quoted the law, it did not break it.')
    await button('Send appeal', mine).click()
    await expect
      .element(mine.getByRole('status').first())
      .toHaveTextContent('Appeal sent. A moderator will review it.')
    await expect.element(mine.getByText('Your appeal is being reviewed.')).toBeVisible()
    expect(page.getByRole('button', { name: 'Appeal' }).elements()).toHaveLength(0)
    expect(box.elements()).toHaveLength(0)
    await expect.poll(() => focused()).toBe(mine.element())
    const sent = requests.find((r) => r.url.endsWith('/appeal'))!
    expect(sent.method).toBe('POST')
    expect(await sent.json()).toEqual({ text: 'It quoted the law, it did not break it.' })
    expect(sent.headers.get('authorization')).toBe('Bearer tok-1')
  })

  it('keeps the appeal form with the error when the appeal is refused, and Cancel closes it', async () => {
    const c = ownRemoved('mine')
    await list([c], { [`POST ${on(c, '/appeal')}`]: () => errorBody('appeal_exists', 409) })
    const mine = article('Author mine')
    await button('Appeal', mine).click()
    const box = mine.getByRole('textbox', { name: 'Why should this decision be reversed?' })
    await userEvent.fill(box, 'Again')
    await button('Send appeal', mine).click()
    await expect
      .element(mine.getByRole('alert').first())
      .toHaveTextContent('You already appealed this decision.')
    await expect.element(box).toHaveValue('Again')
    await button('Cancel', mine).click()
    expect(box.elements()).toHaveLength(0)
    await expect.poll(() => focused()).toBe(button('Appeal', mine).element())
  })

  it('shows where the author’s appeal stands', async () => {
    await list([ownRemoved('a', 'open'), ownRemoved('b', 'upheld'), ownRemoved('c', 'reversed')])
    await expect
      .element(article('Author a').getByText('Your appeal is being reviewed.'))
      .toBeVisible()
    await expect
      .element(article('Author b').getByText('Your appeal was reviewed and the decision stands.'))
      .toBeVisible()
    await expect.element(article('Author c').getByText('Your appeal was accepted.')).toBeVisible()
    expect(page.getByRole('button', { name: 'Appeal' }).elements()).toHaveLength(0)
  })
})

describe('<parley-comment> EU notice of illegal content', () => {
  /** Opens the report form of the comment and chooses "Illegal content (EU law)". */
  async function openNotice(name: string) {
    const scope = article(name)
    await button('Report', scope).click()
    await scope.getByRole('radio', { name: 'Illegal content (EU law)' }).click()
    await expect
      .element(scope.getByRole('textbox', { name: 'Which law does it break?' }))
      .toBeVisible()
    return scope
  }

  async function fill(scope: Locator, email = 'ana@example.org') {
    await userEvent.fill(
      scope.getByRole('textbox', { name: 'Which law does it break?' }),
      'StGB § 130'
    )
    await userEvent.fill(
      scope.getByRole('textbox', { name: 'Why is it illegal?' }),
      'It incites hatred.'
    )
    await userEvent.fill(scope.getByRole('textbox', { name: 'Your name' }), 'Ana')
    await userEvent.fill(scope.getByRole('textbox', { name: 'Your email' }), email)
    await scope
      .getByRole('checkbox', {
        name: 'I confirm in good faith that this notice is accurate and complete.',
      })
      .click()
  }

  it('is accessible with the notice form open', async () => {
    const { el } = await list([makeComment('other')])
    await openNotice('Author other')
    await expectAccessible(el)
  })

  it('sends the notice without the reader token, then shows "Reported"', async () => {
    const c = makeComment('other')
    const { requests } = await list([c], {
      [`POST ${on(c, '/notices')}`]: () =>
        json({ id: 'n_0000000000', receivedAt: new Date().toISOString() }, 201),
    })
    localStorage.setItem(`parley:reader|${API}|demo`, 'tok-1')
    const scope = await openNotice('Author other')
    // The notice replaces the report's note; going back to a report reason brings it back.
    expect(scope.getByRole('textbox', { name: 'Details (optional)' }).elements()).toHaveLength(0)
    await expect.element(button('Send notice', scope)).toBeVisible()
    await scope.getByRole('radio', { name: 'Spam' }).click()
    await expect.element(scope.getByRole('textbox', { name: 'Details (optional)' })).toBeVisible()
    await scope.getByRole('radio', { name: 'Illegal content (EU law)' }).click()
    await fill(scope)
    await button('Send notice', scope).click()
    await expect
      .element(scope.getByRole('status').first())
      .toHaveTextContent('Thank you. Your notice was sent.')
    await expect.element(scope.getByText('Reported', { exact: true })).toBeVisible()
    await expect.poll(() => focused()).toBe(scope.element())
    const sent = requests.find((r) => r.url.endsWith('/notices'))!
    expect(await sent.json()).toEqual({
      law: 'StGB § 130',
      explanation: 'It incites hatred.',
      name: 'Ana',
      email: 'ana@example.org',
      goodFaith: true,
    })
    expect(sent.headers.get('authorization')).toBeNull()
    expect(requests.some((r) => r.url.endsWith('/reports'))).toBe(false)
  })

  it('shows the API’s field errors next to the fields and focuses the first one', async () => {
    const c = makeComment('other')
    await list([c], {
      [`POST ${on(c, '/notices')}`]: () =>
        json(
          {
            error: {
              code: 'invalid_input',
              message: 'Invalid input',
              issues: [
                { path: 'body.law', message: 'must not be empty' },
                { path: 'body.email', message: 'must be an email address' },
              ],
            },
          },
          400
        ),
    })
    const scope = await openNotice('Author other')
    await fill(scope, 'ana@example')
    // White space passes the browser's check; the API refuses it.
    await userEvent.fill(scope.getByRole('textbox', { name: 'Which law does it break?' }), '   ')
    await button('Send notice', scope).click()
    await expect
      .element(scope.getByRole('alert').first())
      .toHaveTextContent('Please check what you entered.')
    const law = scope.getByRole('textbox', { name: 'Which law does it break?' })
    const email = scope.getByRole('textbox', { name: 'Your email' })
    await expect.element(law).toHaveAttribute('aria-invalid', 'true')
    await expect.element(law).toHaveAccessibleDescription('must not be empty')
    await expect.element(email).toHaveAttribute('aria-invalid', 'true')
    await expect.element(email).toHaveAccessibleDescription('must be an email address')
    const name = scope.getByRole('textbox', { name: 'Your name' })
    expect(name.element().getAttribute('aria-invalid')).toBeNull()
    await expect.poll(() => focused()).toBe(law.element())
    // What was typed stays.
    await expect.element(name).toHaveValue('Ana')
  })
})

describe('<parley-comments> pinned comments', () => {
  it('shows the thread’s pinned comments first with a "Pinned" label, each once', async () => {
    const pinnedOnPage = makeComment('p1', { pinned: true, replies: [makeComment('reply')] })
    const pinnedElsewhere = makeComment('p2', { pinned: true })
    const a = makeComment('a')
    const b = makeComment('b')
    const { el } = await list(
      [a, pinnedOnPage, b],
      {},
      // The thread's copies come without their replies.
      { pinned: [{ ...pinnedOnPage, replies: [], replyCount: 0 }, pinnedElsewhere] }
    )
    const top = [...el.shadowRoot!.querySelectorAll('[part~=list] > li > parley-comment')].map(
      (x) => (x as HTMLElement & { comment: Comment }).comment.id
    )
    expect(top).toEqual([pinnedOnPage.id, pinnedElsewhere.id, a.id, b.id])
    await expect.element(article('Author p1').getByText('Pinned', { exact: true })).toBeVisible()
    await expect.element(article('Author p2').getByText('Pinned', { exact: true })).toBeVisible()
    expect(article('Author a').getByText('Pinned').elements()).toHaveLength(0)
    // The copy from the page, with its replies.
    await expect
      .element(article('Author p1').getByRole('article', { name: 'Author reply' }))
      .toBeVisible()
    await expectAccessible(el)
  })

  it('leaves pinned comments in place when the list is filtered', async () => {
    const key = uid()
    const base = `/v1/sites/demo/threads/${key}`
    const pinned = makeComment('pin', { pinned: true, lang: 'en' })
    mockApi({
      ...readerRoute,
      [`GET ${base}`]: () => makeThread(key, { pinned: [pinned], languages: { en: 1, fr: 1 } }),
      [`GET ${base}/comments`]: (_req, url) =>
        url.searchParams.get('lang') === 'fr'
          ? { comments: [makeComment('fr', { lang: 'fr' })], nextCursor: null }
          : { comments: [makeComment('x'), pinned], nextCursor: null },
    })
    await fixture(`<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`)
    await expect.element(article('Author pin')).toBeVisible()
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Language' }), 'fr')
    await expect.element(article('Author fr')).toBeVisible()
    expect(article('Author pin').elements()).toHaveLength(0)
  })
})
