import type { AdminComment } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { adminComment, expert, invitation } from '../test/fixtures.ts'
import {
  button,
  A,
  expectAccessible,
  focused,
  json,
  mockApi,
  mountView,
  regions,
  root,
  settle,
} from '../test/helpers.ts'
import type { QueueView } from './queue-view.ts'

const QUEUE = `GET ${A}/comments`
const THREADS = { [`GET ${A}/threads`]: () => ({ threads: [], nextCursor: null }) }

const article = (el: Element, author: string) =>
  [...root(el).querySelectorAll('article')].find((a) =>
    a.querySelector('h2')!.textContent!.includes(author)
  )!

describe('<parley-queue-view>', () => {
  it('is accessible', async () => {
    mockApi({
      ...THREADS,
      [QUEUE]: () => ({
        comments: [
          adminComment('a'),
          adminComment('b', { status: 'published', reportCount: 2, reportReasons: { abuse: 2 } }),
          adminComment('c', {
            status: 'removed',
            removal: {
              reason: 'hate',
              statement: 'Hate',
              removedAt: '2026-11-20T10:00:00.000Z',
              appeal: 'open',
            },
          }),
        ],
        nextCursor: null,
      }),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    expect(root(el).querySelectorAll('article')).toHaveLength(3)
    await expectAccessible(el)
  })

  it('shows each comment with why it was held, its reports and its removal', async () => {
    mockApi({
      ...THREADS,
      [QUEUE]: () => ({
        comments: [adminComment('a', { reportCount: 3, reportReasons: { abuse: 2, spam: 1 } })],
        nextCursor: null,
      }),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    const a = article(el, 'Author a')
    expect(a.textContent).toContain('Text of a')
    expect(a.querySelector('.reasons')!.textContent).toContain('Banned term: matched "scum" (+1)')
    expect(a.textContent).toContain('3 reports')
    expect(a.textContent).toContain('abuse 2, spam 1')
    expect(a.textContent).toContain('Awaiting review')
  })

  it('switches views, filters and pages with Load more', async () => {
    const { requests } = mockApi({
      ...THREADS,
      [QUEUE]: (_req, url) =>
        url.searchParams.get('cursor')
          ? { comments: [adminComment('z')], nextCursor: null }
          : { comments: [adminComment('a')], nextCursor: '1700000000000.5' },
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    await userEvent.click(button(root(el), 'Reported'))
    await settle()
    expect(new URL(requests.at(-1)!.url).searchParams.get('view')).toBe('reported')
    expect(button(root(el), 'Reported').getAttribute('aria-pressed')).toBe('true')

    await userEvent.fill(root(el).querySelector<HTMLInputElement>('#q-text')!, 'scum')
    await userEvent.fill(root(el).querySelector<HTMLInputElement>('#q-thread')!, 'my/thread')
    await userEvent.click(button(root(el), 'Apply filters'))
    await settle()
    const params = new URL(requests.at(-1)!.url).searchParams
    expect(Object.fromEntries(params)).toEqual({ view: 'reported', q: 'scum', thread: 'my/thread' })
    expect(regions(el).status).toBe('1 comment (more to load).')

    await userEvent.click(button(root(el), 'Load more'))
    await settle()
    expect(new URL(requests.at(-1)!.url).searchParams.get('cursor')).toBe('1700000000000.5')
    expect(root(el).querySelectorAll('article')).toHaveLength(2)
    expect(button(root(el), 'Load more')).toBeUndefined()
  })

  it('approves a held comment: it leaves the pending view and the focus goes to the next', async () => {
    const a = adminComment('a')
    const b = adminComment('b')
    const { requests } = mockApi({
      ...THREADS,
      [QUEUE]: () => ({ comments: [a, b], nextCursor: null }),
      [`POST ${A}/comments/${a.id}/approve`]: () => ({ ...a, status: 'published' }),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    button(article(el, 'Author a'), 'Approve').focus()
    await userEvent.keyboard('{Enter}')
    await settle()
    expect(requests.at(-1)!.method).toBe('POST')
    expect(root(el).querySelectorAll('article')).toHaveLength(1)
    expect(regions(el).status).toBe('Comment by Author a approved.')
    expect(focused()?.textContent).toBe('Comment by Author b')
  })

  it('rejects with a reason and a statement of reasons, in a dialog', async () => {
    const a = adminComment('a', { status: 'published' })
    const { bodies } = mockApi({
      ...THREADS,
      [QUEUE]: () => ({ comments: [a], nextCursor: null }),
      [`POST ${A}/comments/${a.id}/reject`]: () => ({
        ...a,
        status: 'removed',
        removal: {
          reason: 'hate',
          statement: 'Hate speech',
          removedAt: a.createdAt,
          appeal: 'none',
        },
      }),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    await userEvent.click(button(root(el), 'Recent'))
    await settle()
    await userEvent.click(button(article(el, 'Author a'), 'Reject…'))
    await settle()
    const dialog = root(el).querySelector('dialog')!
    expect(dialog.open).toBe(true)
    await expectAccessible(el)
    await userEvent.selectOptions(dialog.querySelector<HTMLSelectElement>('select')!, 'hate')
    await userEvent.fill(dialog.querySelector<HTMLTextAreaElement>('textarea')!, 'Hate speech')
    await userEvent.click(button(dialog, 'Remove comment'))
    await settle()
    expect(await bodies(`POST ${A}/comments/${a.id}/reject`)).toEqual([
      { reason: 'hate', statement: 'Hate speech' },
    ])
    expect(root(el).querySelector('dialog')).toBeNull()
    // The recent view keeps it, now removed.
    expect(article(el, 'Author a').textContent).toContain('Removed (Hate speech): Hate speech')
  })

  it('edits a comment, showing the original', async () => {
    const a = adminComment('a', { status: 'published', text: 'Edited once', revisionCount: 1 })
    const { bodies } = mockApi({
      ...THREADS,
      [QUEUE]: () => ({ comments: [a], nextCursor: null }),
      [`GET ${A}/comments/${a.id}`]: () => ({
        ...a,
        revisions: [{ text: 'The very first text', replacedAt: a.createdAt, editor: 'author' }],
        reports: [],
        audit: [],
      }),
      [`PATCH ${A}/comments/${a.id}`]: () => ({ ...a, text: 'Cleaned up', revisionCount: 2 }),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    await userEvent.click(button(article(el, 'Author a'), 'Edit…'))
    await settle()
    const dialog = root(el).querySelector('dialog')!
    expect(dialog.querySelector('[data-testid=original]')!.textContent).toBe('The very first text')
    await userEvent.fill(dialog.querySelector<HTMLTextAreaElement>('#act-text')!, 'Cleaned up')
    await userEvent.fill(
      dialog.querySelector<HTMLInputElement>('#act-edit-reason')!,
      'Personal data'
    )
    await userEvent.click(button(dialog, 'Save edit'))
    await settle()
    expect(await bodies(`PATCH ${A}/comments/${a.id}`)).toEqual([
      { text: 'Cleaned up', reason: 'Personal data' },
    ])
  })

  it('pins, sets the author badge and marks spam', async () => {
    let a: AdminComment = adminComment('a', { status: 'published' })
    const { bodies } = mockApi({
      ...THREADS,
      [QUEUE]: () => ({ comments: [a], nextCursor: null }),
      [`PUT ${A}/comments/${a.id}/pin`]: () => (a = { ...a, pinned: true }),
      [`PUT ${A}/comments/${a.id}/badges`]: () =>
        (a = { ...a, author: { ...a.author, badges: ['author'] } }),
      [`POST ${A}/comments/${a.id}/spam`]: () => (a = { ...a, status: 'spam' }),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    await userEvent.click(button(root(el), 'Recent'))
    await settle()
    await userEvent.click(button(article(el, 'Author a'), 'Pin'))
    await settle()
    expect(await bodies(`PUT ${A}/comments/${a.id}/pin`)).toEqual([{ pinned: true }])
    expect(button(article(el, 'Author a'), 'Pin').getAttribute('aria-pressed')).toBe('true')
    await userEvent.click(button(article(el, 'Author a'), 'Article author badge'))
    await settle()
    expect(await bodies(`PUT ${A}/comments/${a.id}/badges`)).toEqual([{ author: true }])
    expect(article(el, 'Author a').textContent).toContain('Article author')
    await userEvent.click(button(article(el, 'Author a'), 'Spam'))
    await settle()
    expect(article(el, 'Author a').textContent).toContain('Spam')
    expect(button(article(el, 'Author a'), 'Restore')).toBeDefined()
  })

  it('sets and removes the expert badge, the audited badges request', async () => {
    let a: AdminComment = adminComment('a', { status: 'published' })
    const { bodies } = mockApi({
      ...THREADS,
      [QUEUE]: () => ({ comments: [a], nextCursor: null }),
      [`PUT ${A}/comments/${a.id}/badges`]: async (req) => {
        const { expert } = (await req.json()) as { expert: boolean }
        a = { ...a, author: { ...a.author, badges: expert ? ['expert'] : [] } }
        return a
      },
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    await userEvent.click(button(root(el), 'Recent'))
    await settle()
    await expectAccessible(el)
    const toggle = () => button(article(el, 'Author a'), 'Expert badge')
    expect(toggle().getAttribute('aria-pressed')).toBe('false')
    await userEvent.click(toggle())
    await settle()
    expect(regions(el).status).toBe('Expert badge set.')
    expect(toggle().getAttribute('aria-pressed')).toBe('true')
    expect(article(el, 'Author a').querySelector('.meta')!.textContent).toContain('Expert')
    // The author badge is left as it was: only `expert` is sent.
    await userEvent.click(toggle())
    await settle()
    expect(await bodies(`PUT ${A}/comments/${a.id}/badges`)).toEqual([
      { expert: true },
      { expert: false },
    ])
    expect(regions(el).status).toBe('Expert badge removed.')
    expect(toggle().getAttribute('aria-pressed')).toBe('false')
  })

  it('bans the author by reader and network, for a time, as a shadow ban', async () => {
    const a = adminComment('a', { status: 'published' })
    const { bodies } = mockApi({
      ...THREADS,
      [QUEUE]: () => ({ comments: [a], nextCursor: null }),
      [`POST ${A}/bans`]: () => json({ bans: [{}, {}] }, 201),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    await userEvent.click(button(article(el, 'Author a'), 'Ban author…'))
    await settle()
    const dialog = root(el).querySelector('dialog')!
    await userEvent.click(dialog.querySelector<HTMLInputElement>('#act-scope-both')!)
    await userEvent.selectOptions(
      dialog.querySelector<HTMLSelectElement>('#act-duration')!,
      '7 days'
    )
    await userEvent.click(dialog.querySelector<HTMLInputElement>('#act-shadow')!)
    await userEvent.fill(dialog.querySelector<HTMLTextAreaElement>('#act-reason')!, 'Insults')
    await userEvent.click(button(dialog, 'Ban'))
    await settle()
    expect(await bodies(`POST ${A}/bans`)).toEqual([
      { commentId: a.id, scope: 'both', durationSeconds: 604800, shadow: true, reason: 'Insults' },
    ])
    expect(regions(el).status).toBe('Author a banned by reader and by network.')
  })

  it('asks an expert: creates an invitation and offers its link to copy', async () => {
    const a = adminComment('a', { status: 'published' })
    const x = expert('a')
    const { bodies } = mockApi({
      ...THREADS,
      [QUEUE]: () => ({ comments: [a], nextCursor: null }),
      [`GET ${A}/experts`]: () => ({ experts: [x] }),
      [`POST ${A}/comments/${a.id}/invitations`]: () => json(invitation('a'), 201),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    await userEvent.click(button(article(el, 'Author a'), 'Ask an expert…'))
    await settle()
    const dialog = root(el).querySelector('dialog')!
    await userEvent.click(button(dialog, 'Create invitation link'))
    await settle()
    expect(await bodies(`POST ${A}/comments/${a.id}/invitations`)).toEqual([
      { expertId: x.id, expiresInHours: 168 },
    ])
    const link = dialog.querySelector<HTMLInputElement>('#invitation-link')!
    expect(link.value).toBe('http://127.0.0.1/admin/answer#tok-a')
    expect(focused()).toBe(link)
    await expectAccessible(el)
  })

  it('attaches an expert response', async () => {
    const a = adminComment('a', { status: 'published' })
    const x = expert('a')
    const { bodies } = mockApi({
      ...THREADS,
      [QUEUE]: () => ({ comments: [a], nextCursor: null }),
      [`GET ${A}/experts`]: () => ({ experts: [x] }),
      [`POST ${A}/comments/${a.id}/expert-responses`]: () => json({}, 201),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    await userEvent.click(button(article(el, 'Author a'), 'Attach expert response…'))
    await settle()
    const dialog = root(el).querySelector('dialog')!
    await userEvent.fill(
      dialog.querySelector<HTMLTextAreaElement>('#act-response')!,
      'Women and children.'
    )
    await userEvent.click(button(dialog, 'Publish response'))
    await settle()
    expect(await bodies(`POST ${A}/comments/${a.id}/expert-responses`)).toEqual([
      { expertId: x.id, text: 'Women and children.' },
    ])
    expect(regions(el).status).toBe('Expert response published under the comment.')
  })

  it('shows a conflict in the alert region and keeps the comment', async () => {
    const a = adminComment('a')
    mockApi({
      ...THREADS,
      [QUEUE]: () => ({ comments: [a], nextCursor: null }),
      [`POST ${A}/comments/${a.id}/approve`]: () =>
        json(
          { error: { code: 'conflict', message: 'The comment changed while you acted on it' } },
          409
        ),
    })
    const el = await mountView<QueueView>('parley-queue-view', 'moderator')
    await userEvent.click(button(article(el, 'Author a'), 'Approve'))
    await settle()
    expect(regions(el).alert).toBe('The comment changed while you acted on it')
    expect(root(el).querySelectorAll('article')).toHaveLength(1)
  })
})
