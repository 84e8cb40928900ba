import type { ReaderSummary } from '@parley/core'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import {
  A,
  button,
  expectAccessible,
  mockApi,
  mountView,
  regions,
  root,
  settle,
} from '../test/helpers.ts'
import type { PrivacyView } from './privacy-view.ts'

const READER = 'r_abcdefghij12'

const summary = (more: Partial<ReaderSummary> = {}): ReaderSummary => ({
  readerId: READER,
  comments: 3,
  votes: 1,
  reactions: 2,
  reports: 0,
  appeals: 0,
  firstSeen: '2026-11-01T10:00:00.000Z',
  lastSeen: '2026-11-28T10:00:00.000Z',
  ...more,
})

/** The table's text, whitespace collapsed. */
const text = (el: PrivacyView) => root(el).querySelector('tbody')!.textContent!.replace(/\s+/g, ' ')

/** A button by its aria-label (each row's buttons name their reader). */
const labelled = (el: PrivacyView, label: string) =>
  root(el).querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!

async function find(el: PrivacyView, by: string, value: string) {
  await userEvent.selectOptions(
    root(el).querySelector<HTMLSelectElement>('#privacy-criterion')!,
    by
  )
  await userEvent.fill(root(el).querySelector<HTMLInputElement>('#privacy-value')!, value)
  await userEvent.click(button(root(el), 'Find'))
  await settle()
}

describe('<parley-privacy-view>', () => {
  it('is accessible, before and after a search', async () => {
    mockApi({ [`GET ${A}/readers`]: () => ({ readers: [summary()] }) })
    const el = await mountView<PrivacyView>('parley-privacy-view', 'admin')
    await expectAccessible(el)
    await find(el, 'comment', 'c_abcdefghij')
    expect(root(el).querySelectorAll('tbody tr')).toHaveLength(1)
    await expectAccessible(el)
  })

  it('finds a reader by comment, reader id or user id', async () => {
    const { requests } = mockApi({
      [`GET ${A}/readers`]: (_req, url) =>
        url.searchParams.get('user') === 'nobody' ? { readers: [] } : { readers: [summary()] },
    })
    const el = await mountView<PrivacyView>('parley-privacy-view', 'admin')
    expect(requests).toHaveLength(0)
    await find(el, 'comment', 'c_abcdefghij')
    expect(Object.fromEntries(new URL(requests.at(-1)!.url).searchParams)).toEqual({
      comment: 'c_abcdefghij',
    })
    expect(regions(el).status).toBe('1 reader found.')
    expect(text(el)).toContain('3 comments, 1 vote, 2 reactions')
    await find(el, 'user', 'nobody')
    expect(regions(el).status).toBe('No reader found.')
    await find(el, 'reader', READER)
    expect(new URL(requests.at(-1)!.url).searchParams.get('reader')).toBe(READER)
  })

  it('downloads the export as a file, without leaving the page', async () => {
    mockApi({
      [`GET ${A}/readers`]: () => ({ readers: [summary()] }),
      [`GET ${A}/readers/${READER}/data`]: () => ({ readerId: READER, comments: [] }),
    })
    const clicks: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicks.push(`${this.download} ${this.href.slice(0, 5)}`)
    })
    try {
      const el = await mountView<PrivacyView>('parley-privacy-view', 'admin')
      await find(el, 'reader', READER)
      await userEvent.click(labelled(el, `Download the data of ${READER}`))
      await settle()
      expect(clicks).toEqual([`parley-demo-${READER}.json blob:`])
      expect(regions(el).status).toBe(`The data of ${READER} was downloaded.`)
    } finally {
      click.mockRestore()
    }
  })

  it('erases after a confirmation, in the mode chosen', async () => {
    let found = [summary()]
    const { requests } = mockApi({
      [`GET ${A}/readers`]: () => ({ readers: found }),
      [`DELETE ${A}/readers/${READER}`]: () => {
        found = [summary({ comments: 0, votes: 0, reactions: 0 })]
        return {
          readerId: READER,
          mode: 'anonymise',
          comments: { removed: 0, placeholders: 0, anonymised: 3 },
          votes: 1,
          reactions: 2,
          reports: 0,
          appeals: 0,
        }
      },
    })
    const el = await mountView<PrivacyView>('parley-privacy-view', 'admin')
    await find(el, 'reader', READER)
    await userEvent.click(labelled(el, `Erase the data of ${READER}`))
    await settle()
    const dialog = root(el).querySelector<HTMLDialogElement>('dialog#erase')!
    expect(dialog.open).toBe(true)
    await expectAccessible(el)
    // Cancel sends nothing.
    await userEvent.click(button(dialog, 'Cancel'))
    await settle()
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0)

    await userEvent.click(labelled(el, `Erase the data of ${READER}`))
    await settle()
    const again = root(el).querySelector<HTMLDialogElement>('dialog#erase')!
    await userEvent.click(again.querySelector<HTMLInputElement>('input[value=anonymise]')!)
    await userEvent.click(button(again, 'Erase everything'))
    await settle()
    const erase = requests.filter((r) => r.method === 'DELETE')
    expect(erase).toHaveLength(1)
    expect(new URL(erase[0]!.url).searchParams.get('mode')).toBe('anonymise')
    expect(regions(el).status).toBe(`Erased ${READER}: 3 comments, 1 vote, 2 reactions, 0 reports.`)
    expect(text(el)).toContain('0 comments, 0 votes')
  })
})
