import type { AdminPoll } from '@parley/core'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { poll } from '../test/fixtures.ts'
import {
  A,
  button,
  expectAccessible,
  json,
  KEY,
  mockApi,
  mountView,
  regions,
  root,
  settle,
} from '../test/helpers.ts'
import type { PollsView } from './polls-view.ts'

const input = (el: PollsView, selector: string) =>
  root(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!

/** A multiple-choice poll created with the default maximum (every option), with votes. */
const multiple = (overrides: Partial<AdminPoll> = {}) =>
  poll('features', { thread: null, kind: 'multiple', maxChoices: 3, ...overrides })

describe('<parley-polls-view>', () => {
  it('is accessible, lists the polls page by page and says where each shows', async () => {
    const { requests } = mockApi({
      [`GET ${A}/polls`]: (_req, url) =>
        url.searchParams.get('cursor')
          ? { polls: [poll('older', { thread: null })], nextCursor: null }
          : { polls: [poll('origin-countries'), multiple()], nextCursor: '42' },
    })
    const el = await mountView<PollsView>('parley-polls-view', 'admin')
    await expectAccessible(el)
    const items = () => [...root(el).querySelectorAll('.items > li')]
    expect(items()).toHaveLength(2)
    expect(items()[0]!.querySelector<HTMLAnchorElement>('a')!.getAttribute('href')).toBe(
      '#/threads/europe-trafficking'
    )
    expect(items()[1]!.textContent).toContain('On its own')
    expect(items()[1]!.textContent).toContain('at most 3')
    await userEvent.click(button(root(el), 'Load more'))
    await settle()
    expect(new URL(requests.at(-1)!.url).searchParams.get('cursor')).toBe('42')
    expect(items()).toHaveLength(3)
    expect(button(root(el), 'Load more')).toBeUndefined()
  })

  it('shows the polls without a thread, or those of one thread', async () => {
    const { requests } = mockApi({
      [`GET ${A}/polls`]: (_req, url) => {
        const thread = url.searchParams.get('thread')
        const all = [poll('origin-countries'), multiple()]
        return {
          polls: all.filter((p) => !thread || p.thread === (thread === 'none' ? null : thread)),
          nextCursor: null,
        }
      },
    })
    const el = await mountView<PollsView>('parley-polls-view', 'admin')
    await userEvent.click(input(el, '#scope-none'))
    await userEvent.click(button(root(el), 'Show polls'))
    await settle()
    expect(new URL(requests.at(-1)!.url).searchParams.get('thread')).toBe('none')
    expect(regions(el).status).toBe('1 polls found.')
    expect(root(el).querySelector('.items h3')!.textContent).toBe(multiple().question)

    await userEvent.click(input(el, '#scope-thread'))
    await settle()
    await userEvent.fill(input(el, '#scope-thread-key'), 'europe-trafficking')
    await userEvent.click(button(root(el), 'Show polls'))
    await settle()
    expect(new URL(requests.at(-1)!.url).searchParams.get('thread')).toBe('europe-trafficking')
    expect(root(el).querySelector('.items code')!.textContent).toBe('origin-countries')
    await expectAccessible(el)

    await userEvent.click(input(el, '#scope-all'))
    await userEvent.click(button(root(el), 'Show polls'))
    await settle()
    expect(new URL(requests.at(-1)!.url).searchParams.has('thread')).toBe(false)
    expect(root(el).querySelectorAll('.items > li')).toHaveLength(2)
  })

  it('creates a poll on its own, and one with a thread', async () => {
    let polls: AdminPoll[] = []
    const { bodies } = mockApi({
      [`GET ${A}/polls`]: () => ({ polls, nextCursor: null }),
      [`POST ${A}/polls`]: async (req) => {
        const body = (await req.json()) as { key: string; thread: string | null }
        polls = [poll(body.key, { thread: body.thread }), ...polls]
        return json(polls[0], 201)
      },
    })
    const el = await mountView<PollsView>('parley-polls-view', 'admin')
    const create = async (key: string, thread: string) => {
      await userEvent.fill(input(el, '#new-poll-key'), key)
      await userEvent.fill(input(el, '#new-poll-question'), 'Which matter most?')
      await userEvent.click(input(el, '#new-poll-multiple'))
      await userEvent.fill(input(el, '#new-poll-options'), 'Jobs\nHousing\nSafety')
      if (thread) await userEvent.fill(input(el, '#new-poll-thread'), thread)
      await userEvent.click(button(root(el), 'Create poll'))
      await settle()
    }
    await create('lone-poll', '')
    expect(regions(el).status).toBe('Poll lone-poll created.')
    await create('thread-poll', 'europe-trafficking')
    const sent = (await bodies(`POST ${A}/polls`)) as Record<string, unknown>[]
    // No maximum typed: the API's default (every option) applies.
    expect(sent[0]).toEqual({
      key: 'lone-poll',
      question: 'Which matter most?',
      kind: 'multiple',
      opensAt: null,
      closesAt: null,
      resultsVisibility: 'always',
      allowVoteChange: true,
      options: ['Jobs', 'Housing', 'Safety'],
      thread: null,
    })
    expect(sent[1]).toMatchObject({ key: 'thread-poll', thread: 'europe-trafficking' })
    expect(root(el).querySelectorAll('.items > li')).toHaveLength(2)
    // The form is empty again for the next poll.
    expect(input(el, '#new-poll-key').value).toBe('')
  })

  it('hides an option of a multiple-choice poll with votes without sending the maximum', async () => {
    let current = multiple()
    const { bodies } = mockApi({
      [`GET ${A}/polls`]: () => ({ polls: [current], nextCursor: null }),
      [`PATCH ${A}/polls/features`]: async (req) => {
        const body = (await req.json()) as { maxChoices?: number; options?: { hidden: boolean }[] }
        // As the API: the maximum must fit the visible options, and only rise once voted on.
        const visible = body.options?.filter((o) => !o.hidden).length ?? 3
        if (body.maxChoices !== undefined && body.maxChoices < current.maxChoices) {
          return json(
            { error: { code: 'conflict', message: 'maxChoices can only be raised' } },
            409
          )
        }
        current = {
          ...current,
          maxChoices: Math.min(body.maxChoices ?? current.maxChoices, visible),
          options: current.options.map((o, i) => ({ ...o, hidden: body.options![i]!.hidden })),
        }
        return current
      },
    })
    const el = await mountView<PollsView>('parley-polls-view', 'admin')
    await userEvent.click(button(root(el), 'Edit'))
    await settle()
    let dialog = root(el).querySelector('dialog')!
    await expectAccessible(el)
    expect(dialog.querySelector<HTMLInputElement>('#edit-poll-max')!.value).toBe('3')
    await userEvent.click(dialog.querySelector<HTMLInputElement>('#hide-o_3')!)
    await userEvent.click(button(dialog, 'Save poll'))
    await settle()
    const [edit] = (await bodies(`PATCH ${A}/polls/features`)) as Record<string, unknown>[]
    expect(edit).not.toHaveProperty('maxChoices')
    expect(edit).not.toHaveProperty('thread')
    expect(edit).toMatchObject({
      kind: 'multiple',
      options: [
        { id: 'o_1', label: 'Yes', hidden: false },
        { id: 'o_2', label: 'No', hidden: false },
        { id: 'o_3', label: 'Not sure', hidden: true },
      ],
    })
    expect(regions(el).status).toBe('Poll features saved.')
    expect(root(el).querySelector('dialog[open]')).toBeNull()
    expect(root(el).querySelector('.items')!.textContent).toContain('Not sure: 0 (0%) — hidden')
    expect(root(el).querySelector('.items')!.textContent).toContain('at most 2')

    // A maximum the publisher changes is sent, and a thread typed moves the poll there.
    await userEvent.click(button(root(el), 'Edit'))
    await settle()
    dialog = root(el).querySelector('dialog')!
    await userEvent.fill(dialog.querySelector<HTMLInputElement>('#edit-poll-max')!, '1')
    await userEvent.fill(dialog.querySelector<HTMLInputElement>('#edit-poll-thread')!, 'a/b')
    await userEvent.click(button(dialog, 'Save poll'))
    await settle()
    const second = (await bodies(`PATCH ${A}/polls/features`))[1]
    expect(second).toMatchObject({ maxChoices: 1, thread: 'a/b' })
    // The API's refusal shows in the dialog, which stays open.
    expect(regions(el).alert).toBe('maxChoices can only be raised')
    expect(root(el).querySelector('dialog[open]')).not.toBeNull()
  })

  it('exports the results as CSV with the key, saved as a file', async () => {
    const csv = 'option,votes,percent\r\nYes,2,67\r\n'
    const { requests } = mockApi({
      [`GET ${A}/polls`]: () => ({ polls: [poll('origin-countries')], nextCursor: null }),
      [`GET ${A}/polls/origin-countries/export`]: () =>
        new Response(csv, {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="parley-demo-origin-countries.csv"',
          },
        }),
    })
    const blobs: Blob[] = []
    const create = URL.createObjectURL.bind(URL)
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return create(blob)
    })
    const clicks: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicks.push(`${this.download} ${this.href.slice(0, 5)}`)
    })
    const el = await mountView<PollsView>('parley-polls-view', 'admin')
    await userEvent.click(
      root(el).querySelector<HTMLButtonElement>(
        'button[aria-label="Export CSV: poll origin-countries"]'
      )!
    )
    await settle()
    const sent = requests.at(-1)!
    expect(new URL(sent.url).searchParams.get('format')).toBe('csv')
    expect(sent.headers.get('authorization')).toBe(`Bearer ${KEY}`)
    expect(clicks).toEqual(['parley-demo-origin-countries.csv blob:'])
    expect(await blobs[0]!.text()).toBe(csv)
    expect(regions(el).status).toBe('Results of poll origin-countries exported.')
  })
})
