import type { Comment, ExpertResponse } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { ParleyComments } from '../comments/comments.ts'
import type { ParleyComment } from './comment.ts'
import type { ParleyDiscussion } from '../discussion/discussion.ts'
import {
  API,
  expectAccessible,
  fixture,
  makeComment,
  makeThread,
  mockApi,
  readerRoute,
  uid,
} from '../../test/helpers.ts'

// Expert responses under a comment, and the Featured section of <parley-discussion>.

const PHOTO = 'https://images.example.org/experts/ines.jpg'

function response(id: string, overrides: Partial<ExpertResponse['expert']> = {}): ExpertResponse {
  return {
    id: `r_${id.padEnd(10, '0')}`,
    expert: {
      id: `x_${id.padEnd(10, '0')}`,
      name: `Dr. ${id}`,
      title: 'Member of the European Parliament',
      organisation: 'Committee on Civil Liberties',
      photoUrl: PHOTO,
      ...overrides,
    },
    html: `<p>The answer of <strong>${id}</strong>.</p>`,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  }
}

function serve(comments: Comment[], featured: Comment[] = []) {
  const key = uid()
  const base = `/v1/sites/demo/threads/${key}`
  mockApi({
    ...readerRoute,
    [`GET ${base}`]: () => makeThread(key, { featured }),
    [`GET ${base}/comments`]: () => ({ comments, nextCursor: null }),
  })
  return key
}

const card = (name: string) => page.getByRole('article', { name: `Expert response ${name}` })

describe('expert responses', () => {
  it('is accessible with two responses under a comment', async () => {
    const key = serve([
      makeComment('asked', {
        expertResponses: [response('Ines'), response('Olaf', { photoUrl: null })],
      }),
    ])
    const el = await fixture<ParleyComments>(
      `<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`
    )
    await expect.element(card('Dr. Ines')).toBeVisible()
    await expectAccessible(el)
  })

  it('shows each as a card under the comment: heading, name, title, organisation and text', async () => {
    const key = serve([makeComment('asked', { expertResponses: [response('Ines')] })])
    await fixture(`<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`)
    const comment = page.getByRole('article', { name: 'Author asked', exact: true })
    const answer = comment.getByRole('article', { name: 'Expert response Dr. Ines' })
    await expect.element(answer).toBeVisible()
    await expect
      .element(answer.getByRole('heading', { name: 'Expert response', level: 4 }))
      .toBeVisible()
    await expect.element(answer.getByText('Dr. Ines', { exact: true })).toBeVisible()
    await expect
      .element(answer.getByText('Member of the European Parliament, Committee on Civil Liberties'))
      .toBeVisible()
    const body = answer.element().querySelector('[part~=expert-body]')!
    expect(body.innerHTML.replace(/<!--[^>]*-->/g, '')).toBe(
      '<p>The answer of <strong>Ines</strong>.</p>'
    )
    // Under the comment's own text and actions.
    const text = comment.element().querySelector('[part~=comment-body]')!
    expect(text.compareDocumentPosition(answer.element()) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING
    )
  })

  it('shows an https photo lazily and without a referrer, and no other photo', async () => {
    const key = serve([
      makeComment('asked', {
        expertResponses: [
          response('Ines'),
          response('Olaf', { photoUrl: 'http://images.example.org/olaf.jpg' }),
          response('Pia', { photoUrl: 'javascript:alert(1)' }),
          response('Quin', { photoUrl: null }),
        ],
      }),
    ])
    await fixture(`<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`)
    await expect.element(card('Dr. Ines')).toBeVisible()
    const img = card('Dr. Ines').element().querySelector('img')!
    expect(img.getAttribute('src')).toBe(PHOTO)
    expect(img.getAttribute('alt')).toBe('')
    expect(img.getAttribute('loading')).toBe('lazy')
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer')
    for (const name of ['Dr. Olaf', 'Dr. Pia', 'Dr. Quin'])
      expect(card(name).element().querySelector('img')).toBeNull()
  })

  it('renders the response html through the allowlist, never as raw markup', async () => {
    const evil = {
      ...response('Ines'),
      html: '<p>Fine<img src=x onerror="window.__expertPwned=1"><script>window.__expertPwned=2</script></p><a href="javascript:alert(1)">link</a>',
    }
    const key = serve([makeComment('asked', { expertResponses: [evil] })])
    await fixture(`<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`)
    await expect.element(card('Dr. Ines')).toBeVisible()
    const body = card('Dr. Ines').element().querySelector('[part~=expert-body]')!
    // Elements off the allowlist leave their text behind, as inert text.
    expect(body.innerHTML.replace(/<!--[^>]*-->/g, '')).toBe(
      '<p>Finewindow.__expertPwned=2</p>link'
    )
    expect(body.querySelector('script, img, a')).toBeNull()
    expect((window as { __expertPwned?: number }).__expertPwned).toBeUndefined()
  })
})

describe('<parley-discussion> Featured section', () => {
  const asked = (id: string, experts: string[]) =>
    makeComment(id, { expertResponses: experts.map((e) => response(e)) })

  it('is accessible', async () => {
    const key = serve(
      [makeComment('plain')],
      [asked('vinko', ['Ines', 'Olaf']), asked('bodis', ['Ines'])]
    )
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" thread="${key}"></parley-discussion>`
    )
    await expect.element(page.getByRole('heading', { name: 'Featured' })).toBeVisible()
    await expectAccessible(el)
  })

  it('lists the featured comments with their responses at the top, without actions', async () => {
    const key = serve(
      [makeComment('plain')],
      [asked('vinko', ['Ines', 'Olaf']), asked('bodis', ['Ines'])]
    )
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" thread="${key}"></parley-discussion>`
    )
    const section = page.getByRole('region', { name: 'Featured' })
    await expect.element(section).toBeVisible()
    await expect.element(section.getByRole('heading', { name: 'Featured', level: 2 })).toBeVisible()
    // First in the discussion, before the form and the list.
    expect(el.shadowRoot!.querySelector('[part~=base]')!.firstElementChild).toBe(section.element())
    const vinko = section.getByRole('article', { name: 'Author vinko', exact: true })
    await expect
      .element(vinko.getByRole('article', { name: 'Expert response Dr. Ines' }))
      .toBeVisible()
    await expect
      .element(vinko.getByRole('article', { name: 'Expert response Dr. Olaf' }))
      .toBeVisible()
    await expect
      .element(
        section
          .getByRole('article', { name: 'Author bodis', exact: true })
          .getByRole('article', { name: 'Expert response Dr. Ines' })
      )
      .toBeVisible()
    expect(section.getByRole('button').elements()).toHaveLength(0)
    // The list below is unchanged.
    await expect.element(page.getByRole('article', { name: 'Author plain' })).toBeVisible()
  })

  // Both come with the lazily loaded views, which the discussion waits for: nothing moves after.
  it('shows the Featured section and the responses as soon as the discussion reveals', async () => {
    const key = serve([makeComment('plain')], [asked('vinko', ['Ines'])])
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" thread="${key}"></parley-discussion>`
    )
    await el.loaded
    await el.updateComplete
    const featured = el.shadowRoot!.querySelector<ParleyComment>('[part~=featured] parley-comment')!
    await featured.updateComplete
    expect(el.hasAttribute('aria-busy')).toBe(false)
    expect(featured.shadowRoot!.querySelector('[part~=expert-response]')).not.toBeNull()
  })

  it('has no Featured section when no comment was answered', async () => {
    const key = serve([makeComment('plain')])
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" thread="${key}"></parley-discussion>`
    )
    await expect.element(page.getByRole('article', { name: 'Author plain' })).toBeVisible()
    expect(el.shadowRoot!.querySelector('[part~=featured]')).toBeNull()
  })

  it('lets the page style the new parts', async () => {
    const key = serve([asked('plain', ['Olaf'])], [asked('vinko', ['Ines'])])
    await fixture(
      `<div><style>
        parley-discussion::part(featured) { outline: 3px solid rgb(255, 0, 0) }
        parley-discussion::part(expert-response) { outline: 3px solid rgb(0, 0, 255) }
      </style>
      <parley-discussion api="${API}" site="demo" thread="${key}"></parley-discussion></div>`
    )
    await expect.element(page.getByRole('heading', { name: 'Featured' })).toBeVisible()
    await expect.element(card('Dr. Olaf')).toBeVisible()
    const featured = page.getByRole('region', { name: 'Featured' }).element()
    expect(getComputedStyle(featured).outlineColor).toBe('rgb(255, 0, 0)')
    for (const name of ['Dr. Ines', 'Dr. Olaf'])
      expect(getComputedStyle(card(name).element()).outlineColor).toBe('rgb(0, 0, 255)')
  })
})
