import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ban } from '../test/fixtures.ts'
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
import type { BansView } from './bans-view.ts'

describe('<parley-bans-view>', () => {
  it('is accessible', async () => {
    mockApi({
      [`GET ${A}/bans`]: () => ({
        bans: [
          ban('a'),
          ban('b', { kind: 'network', shadow: true, expiresAt: '2026-12-01T00:00:00.000Z' }),
        ],
        nextCursor: null,
      }),
    })
    const el = await mountView<BansView>('parley-bans-view', 'moderator')
    expect(root(el).querySelectorAll('.items > li')).toHaveLength(2)
    await expectAccessible(el)
  })

  it('lists bans in force, ended or all, and pages', async () => {
    const { requests } = mockApi({
      [`GET ${A}/bans`]: (_req, url) =>
        url.searchParams.get('cursor')
          ? { bans: [ban('z')], nextCursor: null }
          : { bans: [ban('a')], nextCursor: '1700000000000.b_a000000000' },
    })
    const el = await mountView<BansView>('parley-bans-view', 'moderator')
    expect(new URL(requests[0]!.url).searchParams.get('active')).toBe('true')
    await userEvent.click(button(root(el), 'All'))
    await settle()
    expect(new URL(requests.at(-1)!.url).searchParams.has('active')).toBe(false)
    await userEvent.click(button(root(el), 'Load more'))
    await settle()
    expect(root(el).querySelectorAll('.items > li')).toHaveLength(2)
  })

  it('lifts a ban after confirmation', async () => {
    let bans = [ban('a')]
    mockApi({
      [`GET ${A}/bans`]: () => ({ bans, nextCursor: null }),
      [`DELETE ${A}/bans/${bans[0]!.id}`]: () => {
        bans = []
        return json(null, 204)
      },
    })
    const el = await mountView<BansView>('parley-bans-view', 'moderator')
    await userEvent.click(button(root(el), 'Lift ban'))
    await settle()
    await userEvent.click(button(root(el).querySelector('dialog')!, 'Lift ban'))
    await settle()
    expect(regions(el).status).toBe('Ban lifted.')
    expect(root(el).querySelector('.items')!.textContent).toContain('No bans.')
  })

  it('bans a reader by id', async () => {
    const { bodies } = mockApi({
      [`GET ${A}/bans`]: () => ({ bans: [], nextCursor: null }),
      [`POST ${A}/bans`]: () => json({ bans: [ban('a')] }, 201),
    })
    const el = await mountView<BansView>('parley-bans-view', 'moderator')
    await userEvent.fill(root(el).querySelector<HTMLInputElement>('#ban-reader')!, 'r_abcdefghijkl')
    await userEvent.fill(root(el).querySelector<HTMLTextAreaElement>('#ban-reason')!, 'Spam bot')
    await userEvent.click(button(root(el), 'Ban reader'))
    await settle()
    expect(await bodies(`POST ${A}/bans`)).toEqual([
      {
        readerId: 'r_abcdefghijkl',
        scope: 'reader',
        durationSeconds: 86400,
        shadow: false,
        reason: 'Spam bot',
      },
    ])
    expect(regions(el).status).toBe('Reader banned.')
  })
})
