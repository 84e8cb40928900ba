import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { auditEntry } from '../test/fixtures.ts'
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
import type { AuditView } from './audit-view.ts'

describe('<parley-audit-view>', () => {
  it('is accessible', async () => {
    mockApi({
      [`GET ${A}/audit`]: () => ({
        entries: [
          auditEntry('2'),
          auditEntry('1', {
            actor: 'k1',
            actorName: 'Night desk',
            actorRole: 'moderator',
            reason: 'Spam',
          }),
        ],
        nextCursor: null,
      }),
    })
    const el = await mountView<AuditView>('parley-audit-view', 'moderator')
    expect(root(el).querySelectorAll('tbody tr')).toHaveLength(2)
    await expectAccessible(el)
  })

  it('filters and pages', async () => {
    const { requests } = mockApi({
      [`GET ${A}/audit`]: (_req, url) =>
        url.searchParams.get('cursor')
          ? { entries: [auditEntry('1')], nextCursor: null }
          : { entries: [auditEntry('3')], nextCursor: '2' },
    })
    const el = await mountView<AuditView>('parley-audit-view', 'moderator')
    await userEvent.fill(
      root(el).querySelector<HTMLInputElement>('#audit-action')!,
      'comment.approve'
    )
    await userEvent.click(button(root(el), 'Apply filters'))
    await settle()
    expect(Object.fromEntries(new URL(requests.at(-1)!.url).searchParams)).toEqual({
      action: 'comment.approve',
    })
    expect(regions(el).status).toBe('1 or more entries found.')
    await userEvent.click(button(root(el), 'Load more'))
    await settle()
    expect(Object.fromEntries(new URL(requests.at(-1)!.url).searchParams)).toEqual({
      action: 'comment.approve',
      cursor: '2',
    })
    expect(root(el).querySelectorAll('tbody tr')).toHaveLength(2)
  })
})
