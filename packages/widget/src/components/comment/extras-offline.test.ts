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

// The forms come from src/extras, loaded on first use: when that fails (offline), the comment
// says why and nothing opens.
vi.mock('../../internal/lazy.ts', async () => {
  const { ApiError } = await import('../../api/client.ts')
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

  it('still shows the author of a removed comment why it was removed', async () => {
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
    await fixture(`<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`)
    const mine = page.getByRole('article', { name: 'Author mine' })
    await expect.element(mine.getByText('Removed by a moderator. Reason: spam.')).toBeVisible()
    expect(mine.getByText('Statement of reasons').elements()).toHaveLength(0)
  })
})
