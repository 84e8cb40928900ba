import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { expert, invitation } from '../test/fixtures.ts'
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
import type { QuestionsView } from './questions-view.ts'

const x = expert('a')
const pending = {
  id: 'xr_a000000000',
  expert: { id: x.id, name: x.name, title: x.title, organisation: x.organisation, photoUrl: null },
  html: '<p>Women and children.</p>',
  text: 'Women and children.',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  status: 'pending',
  commentId: 'c_a000000000',
  threadKey: 'europe-trafficking',
  invitationId: 'xi_a000000000',
}

describe('<parley-questions-view>', () => {
  it('is accessible', async () => {
    mockApi({
      [`GET ${A}/invitations`]: () => ({ invitations: [invitation('a')], nextCursor: null }),
      [`GET ${A}/expert-responses`]: () => ({ responses: [pending], nextCursor: null }),
    })
    const el = await mountView<QuestionsView>('parley-questions-view', 'moderator')
    expect(root(el).textContent).toContain('Who is most at risk?')
    await expectAccessible(el)
  })

  it('lists unanswered invitations with their link, copies and revokes one', async () => {
    let invitations = [invitation('a')]
    const { requests } = mockApi({
      [`GET ${A}/invitations`]: () => ({ invitations, nextCursor: null }),
      [`GET ${A}/expert-responses`]: () => ({ responses: [], nextCursor: null }),
      [`DELETE ${A}/invitations/${invitations[0]!.id}`]: () => {
        invitations = []
        return json(null, 204)
      },
    })
    const writeText = vi.fn(async () => {})
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard)
    const el = await mountView<QuestionsView>('parley-questions-view', 'moderator')
    expect(new URL(requests[0]!.url).searchParams.get('status')).toBe('open')
    expect(root(el).querySelector<HTMLInputElement>('input[readonly]')!.value).toBe(
      'http://127.0.0.1/admin/answer#tok-a'
    )
    await userEvent.click(button(root(el), 'Copy link'))
    await settle()
    expect(writeText).toHaveBeenCalledWith('http://127.0.0.1/admin/answer#tok-a')
    expect(regions(el).status).toBe('Invitation link copied.')
    await userEvent.click(button(root(el), 'Revoke invitation'))
    await settle()
    expect(regions(el).status).toBe('Invitation to Expert a revoked.')
    expect(root(el).textContent).toContain('No invitations.')
  })

  it('publishes an answer that waits for review', async () => {
    let responses = [pending]
    const { requests } = mockApi({
      [`GET ${A}/invitations`]: () => ({ invitations: [], nextCursor: null }),
      [`GET ${A}/expert-responses`]: () => ({ responses, nextCursor: null }),
      [`POST ${A}/expert-responses/${pending.id}/approve`]: () => {
        responses = []
        return { ...pending, status: 'published' }
      },
    })
    const el = await mountView<QuestionsView>('parley-questions-view', 'moderator')
    await userEvent.click(button(root(el), 'Publish answer'))
    await settle()
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/approve'))).toBe(true)
    expect(regions(el).status).toBe('Response of Expert a published.')
  })
})
