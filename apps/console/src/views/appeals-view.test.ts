import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { appeal } from '../test/fixtures.ts'
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
import type { AppealsView } from './appeals-view.ts'

describe('<parley-appeals-view>', () => {
  it('is accessible', async () => {
    mockApi({ [`GET ${A}/appeals`]: () => ({ appeals: [appeal()], nextCursor: null }) })
    const el = await mountView<AppealsView>('parley-appeals-view', 'moderator')
    expect(root(el).textContent).toContain('I only quoted a politician')
    await expectAccessible(el)
  })

  it('reverses a removal with an answer to the author', async () => {
    const a = appeal()
    const { bodies } = mockApi({
      [`GET ${A}/appeals`]: () => ({ appeals: [a], nextCursor: null }),
      [`POST ${A}/appeals/${a.comment.id}/decision`]: () => ({ ...a, status: 'reversed' }),
    })
    const el = await mountView<AppealsView>('parley-appeals-view', 'moderator')
    await userEvent.click(button(root(el), 'Decide'))
    await settle()
    const dialog = root(el).querySelector('dialog')!
    await userEvent.click(dialog.querySelector<HTMLInputElement>('#outcome-reversed')!)
    await userEvent.fill(
      dialog.querySelector<HTMLTextAreaElement>('#decision')!,
      'You were quoting.'
    )
    await userEvent.click(button(dialog, 'Send decision'))
    await settle()
    expect(await bodies(`POST ${A}/appeals/${a.comment.id}/decision`)).toEqual([
      { outcome: 'reversed', decision: 'You were quoting.' },
    ])
    expect(regions(el).status).toBe('Appeal granted; the comment is published again.')
  })
})
