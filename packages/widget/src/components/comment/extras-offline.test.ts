import { describe, expect, it, vi } from 'vitest'
import { page } from 'vitest/browser'
import {
  API,
  fixture,
  makeComment,
  makeThread,
  mockApi,
  readerRoute,
  uid,
} from '../../test/helpers.ts'
import type { ParleyComments } from '../comments/comments.ts'
import type { ParleyDiscussion } from '../discussion/discussion.ts'

// The forms come from src/extras, loaded on first use: when that fails (offline), the comment
// says why and nothing opens. The views only some threads show come from there too: offline,
// the elements show the rest without them.
vi.mock('../../internal/lazy.ts', async () => {
  const { ApiError } = await import('../../api/api-error.ts')
  return { loadExtras: () => Promise.reject(new ApiError('unavailable', 'offline', 0)) }
})

describe('<parley-comment> without its forms', () => {
  it('shows "cannot be reached" and keeps the panel closed when the forms cannot load', async () => {
    const key = uid()
    const base = `/v1/sites/demo/threads/${key}`
    mockApi({
      ...readerRoute,
      [`GET ${base}`]: () => makeThread(key),
      [`GET ${base}/comments`]: () => ({ comments: [makeComment('other')], nextCursor: null }),
    })
    await fixture(`<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`)
    const other = page.getByRole('article', { name: 'Author other' })
    const report = other.getByRole('button', { name: 'Report', exact: true })
    await report.click()
    await expect
      .element(other.getByRole('alert').first())
      .toHaveTextContent('Parley cannot be reached right now. Check your connection and try again.')
    await expect.element(report).toHaveAttribute('aria-expanded', 'false')
    expect(other.getByRole('radio').elements()).toHaveLength(0)
  })

  it('still shows the author of a removed comment its text, without what comes with the views', async () => {
    const key = uid()
    const base = `/v1/sites/demo/threads/${key}`
    const removed = makeComment('mine', {
      status: 'removed',
      mine: true,
      removal: {
        reason: 'spam',
        statement: 'Advertising.',
        removedAt: new Date().toISOString(),
        appeal: 'none',
      },
    })
    mockApi({
      ...readerRoute,
      [`GET ${base}`]: () => makeThread(key),
      [`GET ${base}/comments`]: () => ({ comments: [removed], nextCursor: null }),
    })
    const el = await fixture<ParleyComments>(
      `<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`
    )
    await el.loaded
    expect(el.hasAttribute('aria-busy')).toBe(false)
    const mine = page.getByRole('article', { name: 'Author mine' })
    await expect.element(mine.getByText('Text of mine')).toBeVisible()
    expect(mine.getByText('Statement of reasons').elements()).toHaveLength(0)
    expect(mine.getByRole('button', { name: 'Appeal' }).elements()).toHaveLength(0)
  })

  // The Featured section, expert responses and the filters come with the same module, which
  // the discussion waits for before it reveals: offline, it reveals the rest without them.
  it('reveals a discussion without its Featured section and filters when they cannot load', async () => {
    const key = uid()
    const base = `/v1/sites/demo/threads/${key}`
    const star = makeComment('star')
    mockApi({
      ...readerRoute,
      [`GET ${base}`]: () => makeThread(key, { featured: [star], languages: { en: 2, de: 1 } }),
      [`GET ${base}/comments`]: () => ({ comments: [makeComment('plain')], nextCursor: null }),
    })
    const el = await fixture<ParleyDiscussion>(
      `<parley-discussion api="${API}" site="demo" thread="${key}"></parley-discussion>`
    )
    await el.loaded
    expect(el.hasAttribute('aria-busy')).toBe(false)
    await expect.element(page.getByRole('article', { name: 'Author plain' })).toBeVisible()
    await expect.element(page.getByRole('combobox', { name: 'Sort by' })).toBeVisible()
    expect(page.getByRole('region', { name: 'Featured' }).elements()).toHaveLength(0)
    expect(page.getByRole('combobox', { name: 'Language' }).elements()).toHaveLength(0)
    expect(page.getByRole('group', { name: 'Reactions' }).elements()).toHaveLength(0)
  })
})
