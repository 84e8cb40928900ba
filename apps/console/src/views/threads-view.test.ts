import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { poll, thread } from '../test/fixtures.ts'
import {
  button,
  A,
  expectAccessible,
  json,
  mockApi,
  mountView,
  regions,
  root,
  settle,
} from '../test/helpers.ts'
import type { ThreadsView } from './threads-view.ts'

const KEY = 'europe-trafficking'

describe('<parley-threads-view>', () => {
  it('is accessible, as a list and as one thread with its polls', async () => {
    const { requests } = mockApi({
      [`GET ${A}/threads`]: () => ({
        threads: [thread(KEY), thread('2024/05/other')],
        nextCursor: null,
      }),
      // As the API: `thread` narrows the list to that thread's polls.
      [`GET ${A}/polls`]: (_req, url) => ({
        polls: [poll('origin-countries'), poll('elsewhere', { thread: 'x' })].filter(
          (p) => p.thread === url.searchParams.get('thread')
        ),
        nextCursor: null,
      }),
    })
    const el = await mountView<ThreadsView>('parley-threads-view', 'admin')
    expect(root(el).querySelectorAll('tbody tr')).toHaveLength(2)
    await expectAccessible(el)
    el.args = [KEY]
    await settle()
    expect(root(el).querySelector('h1')!.textContent).toBe(`Thread ${KEY}`)
    // Only this thread's polls, asked for by thread.
    const asked = requests.filter((r) => new URL(r.url).pathname.endsWith('/polls'))
    expect(asked.map((r) => new URL(r.url).searchParams.get('thread'))).toEqual([KEY])
    expect(root(el).querySelectorAll('.items > li')).toHaveLength(1)
    await expectAccessible(el)
  })

  it('searches, and creates a thread', async () => {
    const { requests, bodies } = mockApi({
      [`GET ${A}/threads`]: () => ({ threads: [thread(KEY)], nextCursor: null }),
      [`PUT ${A}/threads/new/page`]: () => json(thread('new/page'), 201),
    })
    const el = await mountView<ThreadsView>('parley-threads-view', 'admin')
    await userEvent.fill(root(el).querySelector<HTMLInputElement>('#thread-q')!, 'europe')
    await userEvent.click(button(root(el), 'Search'))
    await settle()
    expect(new URL(requests.at(-1)!.url).searchParams.get('q')).toBe('europe')
    expect(regions(el).status).toBe('1 threads found.')
    await userEvent.fill(root(el).querySelector<HTMLInputElement>('#new-thread-key')!, 'new/page')
    await userEvent.fill(
      root(el).querySelector<HTMLInputElement>('#new-thread-title')!,
      'A new page'
    )
    await userEvent.click(button(root(el), 'Create thread'))
    await settle()
    // The key's slash travels percent-encoded.
    expect(requests.some((r) => r.url.endsWith('/threads/new%2Fpage'))).toBe(true)
    expect(await bodies(`PUT ${A}/threads/new/page`)).toEqual([{ title: 'A new page' }])
  })

  it("edits a thread's title and reactions", async () => {
    const { bodies } = mockApi({
      [`GET ${A}/threads`]: () => ({ threads: [thread(KEY)], nextCursor: null }),
      [`GET ${A}/polls`]: () => ({ polls: [], nextCursor: null }),
      [`PUT ${A}/threads/${KEY}`]: () => thread(KEY, { settings: { reactions: ['👍'] } }),
    })
    const el = await mountView<ThreadsView>('parley-threads-view', 'admin', [KEY])
    await userEvent.click(root(el).querySelector<HTMLInputElement>('#reactions-custom')!)
    await settle()
    await userEvent.fill(root(el).querySelector<HTMLInputElement>('#thread-emoji')!, '👍 ❤️')
    await userEvent.click(button(root(el), 'Save thread'))
    await settle()
    expect(await bodies(`PUT ${A}/threads/${KEY}`)).toEqual([
      { title: `Title of ${KEY}`, settings: { reactions: ['👍', '❤️'] } },
    ])
    expect(regions(el).status).toBe('Thread saved.')
  })

  it('creates, edits and closes a poll of the thread', async () => {
    let polls = [poll('origin-countries')]
    const { bodies } = mockApi({
      [`GET ${A}/threads`]: () => ({ threads: [thread(KEY)], nextCursor: null }),
      [`GET ${A}/polls`]: () => ({ polls, nextCursor: null }),
      [`POST ${A}/polls`]: () => {
        polls = [...polls, poll('new-poll')]
        return json(polls.at(-1), 201)
      },
      [`PATCH ${A}/polls/origin-countries`]: () => polls[0],
    })
    const el = await mountView<ThreadsView>('parley-threads-view', 'admin', [KEY])
    const r = root(el)
    await userEvent.fill(r.querySelector<HTMLInputElement>('#new-poll-key')!, 'new-poll')
    await userEvent.fill(
      r.querySelector<HTMLTextAreaElement>('#new-poll-question')!,
      'Is it working?'
    )
    await userEvent.fill(r.querySelector<HTMLTextAreaElement>('#new-poll-options')!, 'Yes\nNo\n')
    await userEvent.click(button(r, 'Create poll'))
    await settle()
    expect(await bodies(`POST ${A}/polls`)).toEqual([
      {
        key: 'new-poll',
        question: 'Is it working?',
        kind: 'single',
        maxChoices: 1,
        opensAt: null,
        closesAt: null,
        resultsVisibility: 'always',
        allowVoteChange: true,
        options: ['Yes', 'No'],
        thread: KEY,
      },
    ])
    expect(r.querySelectorAll('.items > li')).toHaveLength(2)

    await userEvent.click(
      r.querySelector<HTMLButtonElement>('button[aria-label="Edit poll origin-countries"]')!
    )
    await settle()
    const dialog = r.querySelector('dialog')!
    await expectAccessible(el)
    await userEvent.fill(dialog.querySelector<HTMLInputElement>('#opt-o_2')!, 'No way')
    await userEvent.click(dialog.querySelector<HTMLInputElement>('#hide-o_3')!)
    await userEvent.fill(
      dialog.querySelector<HTMLTextAreaElement>('#edit-poll-new-options')!,
      'Maybe'
    )
    await userEvent.click(button(dialog, 'Save poll'))
    await settle()
    const [edit] = (await bodies(`PATCH ${A}/polls/origin-countries`)) as { options: unknown }[]
    expect(edit!.options).toEqual([
      { id: 'o_1', label: 'Yes', hidden: false },
      { id: 'o_2', label: 'No way', hidden: false },
      { id: 'o_3', label: 'Not sure', hidden: true },
      { label: 'Maybe', hidden: false },
    ])

    await userEvent.click(
      r.querySelector<HTMLButtonElement>('button[aria-label="Close now: poll origin-countries"]')!
    )
    await settle()
    expect((await bodies(`PATCH ${A}/polls/origin-countries`))[1]).toEqual({ closeNow: true })
  })
})
