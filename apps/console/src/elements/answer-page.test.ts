import type { Comment, InvitationView } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import {
  errorBody,
  expectAccessible,
  focused,
  json,
  mockApi,
  root,
  settle,
} from '../test/helpers.ts'
import { ParleyAnswer } from './answer-page.ts'

if (!customElements.get('parley-answer')) customElements.define('parley-answer', ParleyAnswer)

const TOKEN = 'abc.def'

function comment(id: string, overrides: Partial<Comment> = {}): Comment {
  return {
    id,
    parentId: null,
    author: { name: `Author ${id}`, badges: [] },
    text: `Text of ${id}`,
    html: `<p>Text of ${id}</p>`,
    lang: 'en',
    createdAt: '2026-11-20T10:00:00.000Z',
    editedAt: null,
    deleted: false,
    reactions: {},
    myReaction: null,
    mine: false,
    editableUntil: null,
    stance: null,
    replyCount: 0,
    descendantCount: 0,
    status: 'published',
    removal: null,
    pinned: false,
    expertResponses: [],
    replies: [],
    ...overrides,
  }
}

const VIEW: InvitationView = {
  site: { id: 'demo', name: 'Open Chamber' },
  thread: { key: 'europe-trafficking', title: 'Trafficking in Europe' },
  parents: [comment('p')],
  comment: comment('q', {
    parentId: 'p',
    text: 'Who is most at risk?',
    html: '<p>Who is most at <em>risk</em>?</p>',
    replies: [comment('r')],
  }),
  expert: {
    id: 'x_a000000000',
    name: 'Ana Ferreira',
    title: 'MEP',
    organisation: 'European Parliament',
    photoUrl: null,
  },
  expiresAt: '2026-11-27T10:00:00.000Z',
  answered: false,
  response: null,
}

async function mount(hash = TOKEN): Promise<ParleyAnswer> {
  location.hash = hash
  const el = document.createElement('parley-answer') as ParleyAnswer
  document.body.append(el)
  await settle()
  return el
}

describe('<parley-answer>', () => {
  it('is accessible', async () => {
    mockApi({ [`GET /v1/invitations/${TOKEN}`]: () => VIEW })
    const el = await mount()
    expect(root(el).querySelector('article.question')!.textContent).toContain(
      'Who is most at risk?'
    )
    await expectAccessible(el)
  })

  it('sends the answer with the token from the fragment, and no key', async () => {
    const { requests, bodies } = mockApi({
      [`GET /v1/invitations/${TOKEN}`]: () => VIEW,
      [`POST /v1/invitations/${TOKEN}/response`]: () =>
        json(
          {
            id: 'xr_a000000000',
            status: 'pending',
            text: 'Children.',
            html: '<p>Children.</p>',
            createdAt: VIEW.expiresAt,
          },
          201
        ),
    })
    const el = await mount()
    expect(requests[0]!.headers.get('authorization')).toBeNull()
    await userEvent.fill(root(el).querySelector<HTMLTextAreaElement>('#text')!, 'Children.')
    await userEvent.click(root(el).querySelector<HTMLButtonElement>('button.primary')!)
    await settle()
    expect(await bodies(`POST /v1/invitations/${TOKEN}/response`)).toEqual([{ text: 'Children.' }])
    expect(focused()?.textContent).toBe('Thank you: your answer was received')
    expect(root(el).textContent).toContain('The editors will review it before it is published.')
    await expectAccessible(el)
  })

  it('says when the link has expired or is not valid', async () => {
    mockApi({ [`GET /v1/invitations/${TOKEN}`]: () => errorBody('invitation_expired', 410) })
    const expired = await mount()
    expect(root(expired).querySelector('[role=alert]')!.textContent).toContain('has expired')
    expired.remove()
    const missing = await mount('')
    expect(root(missing).querySelector('[role=alert]')!.textContent).toContain('incomplete')
  })
})
