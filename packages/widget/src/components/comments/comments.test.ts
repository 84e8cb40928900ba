import type { Comment } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { type Locator, page, userEvent } from 'vitest/browser'
import type { ParleyComments } from './comments.ts'
import {
  API,
  deferred,
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

const base = (thread: string) => `/v1/sites/demo/threads/${thread}`

/** A select's options as [value, text] pairs. */
const optionsOf = (select: Locator) =>
  select
    .getByRole('option')
    .elements()
    .map((o) => [o.getAttribute('value'), o.textContent])

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
    [`GET ${base(thread)}`]: () => makeThread(thread),
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
    await expect
      .element(page.getByRole('link', { name: 'in reply to Author r3', exact: true }))
      .toBeVisible()
    expect(page.getByRole('link', { name: /in reply to/ }).elements()).toHaveLength(2)

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
    const reactions = a.getByRole('group', { name: 'Reactions' }).first()
    await expect.element(reactions.getByRole('button', { name: 'Like, 3' })).toBeVisible()
    await expect.element(reactions.getByRole('button', { name: 'Love, 1' })).toBeVisible()
    const time = a.element().querySelector('time')!
    expect(Date.now() - Date.parse(time.getAttribute('datetime')!)).toBeGreaterThan(
      3 * 3600_000 - 60_000
    )
    expect(time.textContent).toBe('3 hours ago')
    expect(time.title).toMatch(/\d{4}/)
    const fr = page.getByRole('article', { name: 'Author b' }).element()
    expect(fr.querySelector('[part=comment-body]')!.getAttribute('lang')).toBe('fr')
  })

  it('renders the server html through the allowlist, never as raw markup', async () => {
    const thread = uid()
    const html = '<p>Hi <strong>there</strong><img src=x onerror="window.__pwned=1"></p><b>bold</b>'
    serve(thread, { '': { comments: [makeComment('x', { html })], nextCursor: null } })
    const el = await mount(thread)
    await expect.element(page.getByText('bold')).toBeVisible()
    const comment = el.shadowRoot!.querySelector('parley-comment')!
    const body = comment.shadowRoot!.querySelector('[part=comment-body]')!
    expect(body.innerHTML.replace(/<!--[^>]*-->/g, '')).toBe('<p>Hi <strong>there</strong></p>bold')
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

  it('skips comments shown already when a change of rank brings them again in "Top"', async () => {
    const thread = uid()
    const [a, b, c] = [makeComment('a'), makeComment('b'), makeComment('c')]
    const { requests } = serve(thread, {
      '': { comments: [a!, b!], nextCursor: 'p2' },
      // Between the two loads, a and b lost rank (reactions withdrawn) and fell past the cursor:
      // both come again, a with newer counts. The copies shown stay, once each.
      p2: { comments: [b!, { ...a!, replyCount: 1, descendantCount: 1 }, c], nextCursor: null },
    })
    localStorage.setItem('parley:sort', 'top')
    const el = await mount(thread)
    await page.getByRole('button', { name: 'Load more comments' }).click()
    await expect.element(page.getByRole('article', { name: 'Author c' })).toBeVisible()
    const ids = [...el.shadowRoot!.querySelectorAll('ol[part=list] > li > parley-comment')].map(
      (x) => (x as HTMLElement & { comment: Comment }).comment.id
    )
    expect(ids).toEqual([a!.id, b!.id, c.id])
    expect(requests.at(-1)!.url).toContain('sort=top')
    localStorage.removeItem('parley:sort')
  })

  it('shows an empty state', async () => {
    const thread = uid()
    serve(thread, { '': { comments: [], nextCursor: null } })
    await mount(thread)
    await expect.element(page.getByText('No comments yet. Start the discussion.')).toBeVisible()
  })

  it('shows a skeleton of its reserved height, then an error with "Try again"', async () => {
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
    // The host is the skeleton: busy, with its reserved height, its content hidden.
    expect(el.getAttribute('aria-busy')).toBe('true')
    expect(el.getBoundingClientRect().height).toBe(innerHeight)
    expect(el.shadowRoot!.querySelector('section')!.checkVisibility()).toBe(false)
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
            showStance: true,
            // The bot check: how long the form was open (src/components/comment-form).
            elapsedMs: expect.any(Number),
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

  it('sorts by the "Sort by" select, reloads the first page and remembers the choice', async () => {
    const thread = uid()
    const [a, b] = deepThread()
    const { requests } = serve(thread, { '': { comments: [a!, b!], nextCursor: 'p2' } })
    await mount(thread)
    const sort = page.getByRole('combobox', { name: 'Sort by' })
    await expect.element(sort).toHaveValue('newest')
    expect(
      sort
        .getByRole('option')
        .elements()
        .map((o) => o.textContent)
    ).toEqual(['Newest', 'Oldest', 'Top'])
    await userEvent.selectOptions(sort, 'Top')
    await expect.poll(() => requests.filter((r) => r.url.includes('/comments')).length).toBe(2)
    expect(new URL(requests.at(-1)!.url).search).toBe('?sort=top&limit=20')
    expect(localStorage.getItem('parley:sort')).toBe('top')
    await expect.element(sort).toHaveValue('top')
    // "Load more" continues in the same order.
    await page.getByRole('button', { name: 'Load more comments' }).click()
    await expect.poll(() => requests.at(-1)!.url).toContain('sort=top&limit=20&cursor=p2')
  })

  it('starts with the remembered sort order on the next visit', async () => {
    localStorage.setItem('parley:sort', 'oldest')
    const thread = uid()
    const { requests } = serve(thread, { '': { comments: deepThread(), nextCursor: null } })
    await mount(thread)
    await expect.element(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('oldest')
    expect(requests.find((r) => r.url.includes('/comments'))!.url).toContain('sort=oldest')
    localStorage.setItem('parley:sort', 'bogus')
    document.body.replaceChildren() // the next visit
    const other = uid()
    const second = serve(other, { '': { comments: deepThread(), nextCursor: null } })
    await mount(other)
    await expect
      .poll(() => second.requests.find((r) => r.url.includes('/comments'))?.url)
      .toContain('sort=newest')
  })

  it('filters by language with a "Language" select named in the UI language', async () => {
    const thread = uid()
    const [a, b] = deepThread()
    const { requests } = mockApi({
      [`GET ${base(thread)}`]: () => makeThread(thread, { languages: { en: 4, fr: 3, nl: 1 } }),
      [`GET ${base(thread)}/comments`]: (_req, url) => ({
        comments: url.searchParams.get('lang') === 'fr' ? [b!] : [a!, b!],
        nextCursor: null,
      }),
    })
    await mount(thread)
    const select = page.getByRole('combobox', { name: 'Language' })
    await expect.element(select).toHaveValue('')
    expect(optionsOf(select)).toEqual([
      ['', 'All languages'],
      ['en', 'English (4)'],
      ['fr', 'French (3)'],
      ['nl', 'Dutch (1)'],
    ])
    await userEvent.selectOptions(select, 'fr')
    await expect
      .element(page.getByRole('article', { name: 'Author a', exact: true }))
      .not.toBeInTheDocument()
    await expect.element(page.getByRole('article', { name: 'Author b' })).toBeVisible()
    expect(new URL(requests.at(-1)!.url).search).toBe('?sort=newest&limit=20&lang=fr')
    await userEvent.selectOptions(select, '')
    await expect.element(page.getByRole('article', { name: 'Author a', exact: true })).toBeVisible()
    expect(new URL(requests.at(-1)!.url).search).toBe('?sort=newest&limit=20')
    // The thread itself was fetched once.
    expect(requests.filter((r) => r.url.endsWith(base(thread)))).toHaveLength(1)
  })

  it('hides the language filter when the thread has fewer than two languages', async () => {
    const thread = uid()
    mockApi({
      [`GET ${base(thread)}`]: () => makeThread(thread, { languages: { fr: 5 } }),
      [`GET ${base(thread)}/comments`]: () => ({ comments: deepThread(), nextCursor: null }),
    })
    await mount(thread)
    await expect.element(page.getByRole('combobox', { name: 'Sort by' })).toBeVisible()
    expect(page.getByRole('combobox', { name: 'Language' }).elements()).toHaveLength(0)
  })

  it('sends the reader token with the list, so the reader’s own comments come back as mine', async () => {
    localStorage.setItem(`parley:reader|${API}|demo`, 'tok-9')
    const thread = uid()
    const { requests } = serve(thread, {
      '': {
        comments: [makeComment('m', { mine: true, myReaction: '😢', reactions: { '😢': 1 } })],
        nextCursor: null,
      },
    })
    await mount(thread)
    await expect.element(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible()
    await expect
      .element(page.getByRole('button', { name: 'Sad, 1' }))
      .toHaveAttribute('aria-pressed', 'true')
    const list = requests.find((r) => r.url.includes('/comments'))!
    expect(list.headers.get('authorization')).toBe('Bearer tok-9')
  })

  it('drops the answer to an outdated request when the order changes again', async () => {
    const thread = uid()
    const held: Record<string, ReturnType<typeof deferred<Response>>> = {}
    mockApi({
      [`GET ${base(thread)}`]: () => makeThread(thread),
      [`GET ${base(thread)}/comments`]: (_req, url) => {
        const sort = url.searchParams.get('sort')!
        if (sort === 'newest') return { comments: [makeComment('n')], nextCursor: null }
        return (held[sort] = deferred<Response>()).promise
      },
    })
    const el = await mount(thread)
    const sort = page.getByRole('combobox', { name: 'Sort by' })
    await userEvent.selectOptions(sort, 'Oldest')
    await userEvent.selectOptions(sort, 'Top')
    await expect.poll(() => Object.keys(held).sort()).toEqual(['oldest', 'top'])
    held.top!.resolve(json({ comments: [makeComment('t')], nextCursor: null }))
    await expect.element(page.getByRole('article', { name: 'Author t' })).toBeVisible()
    held.oldest!.resolve(json({ comments: [makeComment('o')], nextCursor: null }))
    await settle()
    expect(page.getByRole('article', { name: 'Author o' }).elements()).toHaveLength(0)
    await expect.element(page.getByRole('article', { name: 'Author t' })).toBeVisible()
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).toBe('false')
    await expect.element(sort).toHaveValue('top')
  })
})

describe('<parley-comments> with a stance poll', () => {
  const stances = { poll: 'origin-countries', counts: { o_1: 12, o_2: 4, none: 7 } }
  const stanceThread = (key: string) =>
    makeThread(key, { polls: [makePoll({ myChoices: ['o_1'] })], stances })
  const voted = (id: string, optionId: string, label: string) =>
    makeComment(id, { stance: { poll: 'origin-countries', optionId, label } })
  const comments = () => [
    voted('yes', 'o_1', 'Yes'),
    makeComment('plain', { author: { name: 'Author plain', badges: ['expert'] } }),
    voted('no', 'o_2', 'No'),
  ]

  function serveStances(thread: string, list = comments, info = stanceThread(thread)) {
    return mockApi({
      [`GET ${base(thread)}`]: () => info,
      [`GET ${base(thread)}/comments`]: (_req, url) => ({
        comments: list().filter((c) => {
          const stance = url.searchParams.get('stance')
          return !stance || (c.stance?.optionId ?? 'none') === stance
        }),
        nextCursor: url.searchParams.get('cursor') ? null : 'p2',
      }),
    })
  }

  it('is accessible with stance badges and the stance filter', async () => {
    const thread = uid()
    serveStances(thread)
    const el = await mount(thread)
    await expect.element(page.getByText('Voted: Yes')).toBeVisible()
    await expect.element(page.getByRole('combobox', { name: 'Stance' })).toBeVisible()
    await expectAccessible(el)
  })

  it('shows a "Voted: …" badge after the author’s other badges', async () => {
    const thread = uid()
    serveStances(thread, () => [
      ...comments(),
      makeComment('gone', {
        stance: { poll: 'origin-countries', optionId: 'o_9', label: 'Hidden option' },
        author: { name: 'Author gone', badges: ['verified'] },
      }),
    ])
    await mount(thread)
    const badge = (name: string) =>
      page.getByRole('article', { name, exact: true }).element().querySelector('[part=stance]')
    await expect.element(page.getByText('Voted: No')).toBeVisible()
    expect(badge('Author yes')!.textContent).toBe('Voted: Yes')
    expect(badge('Author no')!.textContent).toBe('Voted: No')
    expect(badge('Author plain')).toBeNull()
    // With the other badges, after the name; the label is the one the comment carries, even for
    // an option the poll no longer shows.
    const gone = badge('Author gone')!
    expect(gone.textContent).toBe('Voted: Hidden option')
    expect(gone.previousElementSibling!.getAttribute('part')).toBe('badge')
    // Styled as a badge: a bordered pill, not colour alone.
    const style = getComputedStyle(gone)
    expect(style.borderTopStyle).toBe('solid')
    expect(style.fontWeight).toBe('600')
  })

  it('filters by stance with a "Stance" select and reloads the first page', async () => {
    const thread = uid()
    const { requests } = serveStances(thread)
    await mount(thread)
    const select = page.getByRole('combobox', { name: 'Stance' })
    await expect.element(select).toHaveValue('')
    expect(optionsOf(select)).toEqual([
      ['', 'All stances'],
      ['o_1', 'Voted Yes (12)'],
      ['o_2', 'Voted No (4)'],
      ['o_3', 'Voted Not sure (0)'],
      ['none', 'No vote shown (7)'],
    ])
    await userEvent.selectOptions(select, 'o_2')
    await expect
      .element(page.getByRole('article', { name: 'Author yes', exact: true }))
      .not.toBeInTheDocument()
    await expect.element(page.getByRole('article', { name: 'Author no' })).toBeVisible()
    expect(new URL(requests.at(-1)!.url).search).toBe('?sort=newest&limit=20&stance=o_2')
    // "Load more" keeps the filter.
    await page.getByRole('button', { name: 'Load more comments' }).click()
    await expect.poll(() => requests.at(-1)!.url).toContain('cursor=p2&stance=o_2')
    // A stance nobody commented with: the empty state, and the filter stays to go back.
    await userEvent.selectOptions(select, 'o_3')
    await expect.element(page.getByText('No comments yet. Start the discussion.')).toBeVisible()
    await userEvent.selectOptions(select, '')
    await expect.element(page.getByRole('article', { name: 'Author yes' })).toBeVisible()
    expect(new URL(requests.at(-1)!.url).search).toBe('?sort=newest&limit=20')
    // The filter is not remembered.
    expect(localStorage.getItem('parley:sort')).toBeNull()
  })

  it('shows the stance options without counts while the poll withholds its results', async () => {
    const thread = uid()
    const withheld = makeThread(thread, {
      polls: [makePoll({ results: null, resultsStatus: 'hidden_until_vote' })],
      stances: { poll: 'origin-countries', counts: null },
    })
    serveStances(thread, comments, withheld)
    await mount(thread)
    const select = page.getByRole('combobox', { name: 'Stance' })
    await expect.element(select).toBeVisible()
    expect(optionsOf(select)).toEqual([
      ['', 'All stances'],
      ['o_1', 'Voted Yes'],
      ['o_2', 'Voted No'],
      ['o_3', 'Voted Not sure'],
      ['none', 'No vote shown'],
    ])
  })

  it('offers "Balanced" in "Sort by" only with a stance poll, and remembers it', async () => {
    const thread = uid()
    const { requests } = serveStances(thread)
    await mount(thread)
    const sort = page.getByRole('combobox', { name: 'Sort by' })
    await expect.element(page.getByRole('combobox', { name: 'Stance' })).toBeVisible()
    expect(optionsOf(sort)).toEqual([
      ['newest', 'Newest'],
      ['oldest', 'Oldest'],
      ['top', 'Top'],
      ['balanced', 'Balanced'],
    ])
    await userEvent.selectOptions(sort, 'Balanced')
    await expect.poll(() => new URL(requests.at(-1)!.url).search).toBe('?sort=balanced&limit=20')
    expect(localStorage.getItem('parley:sort')).toBe('balanced')

    // The next visit starts balanced.
    document.body.replaceChildren()
    const next = uid()
    const second = serveStances(next)
    await mount(next)
    await expect.element(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('balanced')
    expect(second.requests.find((r) => r.url.includes('/comments'))!.url).toContain('sort=balanced')
  })

  it('falls back to newest on a thread without a stance poll, keeping the preference', async () => {
    localStorage.setItem('parley:sort', 'balanced')
    const thread = uid()
    const { requests } = serveStances(thread, comments, makeThread(thread))
    await mount(thread)
    const sort = page.getByRole('combobox', { name: 'Sort by' })
    await expect.element(sort).toHaveValue('newest')
    expect(
      sort
        .getByRole('option')
        .elements()
        .map((o) => o.textContent)
    ).toEqual(['Newest', 'Oldest', 'Top'])
    expect(page.getByRole('combobox', { name: 'Stance' }).elements()).toHaveLength(0)
    expect(requests.filter((r) => r.url.includes('/comments')).map((r) => r.url)).toEqual([
      expect.stringContaining('?sort=newest&limit=20'),
    ])
    // Not choosing another order keeps "balanced" for threads that have a stance poll.
    await page.getByRole('button', { name: 'Load more comments' }).click()
    await expect.poll(() => requests.at(-1)!.url).toContain('sort=newest&limit=20&cursor=p2')
    expect(localStorage.getItem('parley:sort')).toBe('balanced')
  })
})
