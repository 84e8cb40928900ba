import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { notice } from '../test/fixtures.ts'
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
import type { NoticesView } from './notices-view.ts'

describe('<parley-notices-view>', () => {
  it('is accessible', async () => {
    mockApi({ [`GET ${A}/notices`]: () => ({ notices: [notice('a')], nextCursor: null }) })
    const el = await mountView<NoticesView>('parley-notices-view', 'moderator')
    expect(root(el).textContent).toContain('German Criminal Code § 130')
    await expectAccessible(el)
  })

  it('removes the comment with a statement of reasons, or dismisses the notice', async () => {
    const n = notice('a')
    const { bodies, requests } = mockApi({
      [`GET ${A}/notices`]: () => ({ notices: [n], nextCursor: null }),
      [`POST ${A}/notices/${n.id}/decision`]: () => ({ ...n, status: 'actioned' }),
    })
    const el = await mountView<NoticesView>('parley-notices-view', 'moderator')
    expect(new URL(requests[0]!.url).searchParams.get('status')).toBe('open')
    await userEvent.click(button(root(el), 'Decide'))
    await settle()
    const dialog = root(el).querySelector('dialog')!
    expect(dialog.open).toBe(true)
    await expectAccessible(el)
    await userEvent.selectOptions(
      dialog.querySelector<HTMLSelectElement>('#decide-reason')!,
      'illegal'
    )
    await userEvent.fill(
      dialog.querySelector<HTMLTextAreaElement>('#decide-statement')!,
      'Illegal hate speech under § 130'
    )
    await userEvent.click(button(dialog, 'Remove comment'))
    await settle()
    expect(await bodies(`POST ${A}/notices/${n.id}/decision`)).toEqual([
      { action: 'remove', statement: 'Illegal hate speech under § 130', reason: 'illegal' },
    ])
    expect(regions(el).status).toBe('Comment removed; notice actioned.')

    await userEvent.click(button(root(el), 'Decide'))
    await settle()
    const again = root(el).querySelector('dialog')!
    await userEvent.click(again.querySelector<HTMLInputElement>('#decide-dismiss')!)
    await settle()
    expect(again.querySelector('#decide-reason')).toBeNull()
    await userEvent.fill(
      again.querySelector<HTMLTextAreaElement>('#decide-statement')!,
      'Lawful opinion'
    )
    await userEvent.click(button(again, 'Dismiss notice'))
    await settle()
    expect((await bodies(`POST ${A}/notices/${n.id}/decision`))[1]).toEqual({
      action: 'dismiss',
      statement: 'Lawful opinion',
    })
  })
})
