import { afterEach, describe, expect, it, vi } from 'vitest'
import { page } from 'vitest/browser'
import type { ParleyComments } from '../components/comments/comments.ts'
import {
  API,
  expectAccessible,
  fixture,
  makeComment,
  makeThread,
  mockApi,
  settle,
  uid,
} from '../test/helpers.ts'

// "Your data" at the foot of <parley-comments> (src/extras/your-data.ts): download as a file made
// in the browser, erase after a confirmation, and forget the reader token afterwards.

const TOKEN_KEY = `parley:reader|${API}|demo`

afterEach(() => localStorage.removeItem(TOKEN_KEY))

function serve(thread: string, mine: boolean) {
  let erased = false
  const api = mockApi({
    [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread),
    [`GET /v1/sites/demo/threads/${thread}/comments`]: () => ({
      comments: [makeComment('a', { mine: mine && !erased })],
      nextCursor: null,
    }),
    'GET /v1/sites/demo/readers/me/data': (req) =>
      req.headers.get('authorization') === 'Bearer tok-1'
        ? { format: 'parley.reader-data', version: 1, readerId: 'r_1', comments: [] }
        : new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'no token' } }), {
            status: 401,
            headers: { 'content-type': 'application/json' },
          }),
    'DELETE /v1/sites/demo/readers/me': () => {
      erased = true
      return {
        readerId: 'r_1',
        mode: 'delete',
        comments: { removed: 1, placeholders: 0, anonymised: 0 },
        votes: 0,
        reactions: 0,
        reports: 0,
        appeals: 0,
      }
    },
  })
  return api
}

const mount = (thread: string) =>
  fixture<ParleyComments>(
    `<parley-comments api="${API}" site="demo" thread="${thread}"></parley-comments>`
  )

describe('Your data', () => {
  it('opens an accessible panel from the foot of the comments', async () => {
    const thread = uid()
    serve(thread, false)
    const el = await mount(thread)
    const entry = page.getByRole('button', { name: 'Your data' })
    await expect.element(entry).toHaveAttribute('aria-expanded', 'false')
    await entry.click()
    await expect.element(page.getByRole('group', { name: 'Your data' })).toBeVisible()
    await expect.element(entry).toHaveAttribute('aria-expanded', 'true')
    await expectAccessible(el)
    await page.getByRole('button', { name: 'Close' }).click()
    await expect.element(page.getByRole('group', { name: 'Your data' })).not.toBeInTheDocument()
  })

  it('downloads the JSON as a file, with nothing but the API contacted', async () => {
    localStorage.setItem(TOKEN_KEY, 'tok-1')
    const thread = uid()
    const { requests } = serve(thread, true)
    await mount(thread)
    const saved: { name: string; href: string }[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      saved.push({ name: this.download, href: this.href })
    })
    try {
      await page.getByRole('button', { name: 'Your data' }).click()
      await page.getByRole('button', { name: 'Download my data' }).click()
      await expect.element(page.getByText('Your data was downloaded.')).toBeVisible()
      expect(saved).toHaveLength(1)
      expect(saved[0]!.name).toBe('parley-demo-data.json')
      expect(saved[0]!.href).toMatch(/^blob:/)
      for (const r of requests) expect(new URL(r.url).origin).toBe(API)
      const data = requests.find((r) => r.url.endsWith('/readers/me/data'))!
      expect(data.headers.get('authorization')).toBe('Bearer tok-1')
    } finally {
      click.mockRestore()
    }
  })

  it('says nothing is stored for a reader without a token, and creates none', async () => {
    const thread = uid()
    const { requests } = serve(thread, false)
    await mount(thread)
    await page.getByRole('button', { name: 'Your data' }).click()
    await page.getByRole('button', { name: 'Download my data' }).click()
    await expect.element(page.getByText('Nothing is stored about you on this site.')).toBeVisible()
    expect(requests.some((r) => r.url.endsWith('/readers'))).toBe(false)
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
  })

  it('erases only after a confirmation, then forgets the token and reloads the list', async () => {
    localStorage.setItem(TOKEN_KEY, 'tok-1')
    const thread = uid()
    const { requests } = serve(thread, true)
    await mount(thread)
    await page.getByRole('button', { name: 'Your data' }).click()
    await page.getByRole('button', { name: 'Delete my data' }).click()
    await expect.element(page.getByText(/This cannot be undone/)).toBeVisible()
    // Cancel sends nothing.
    await page.getByRole('button', { name: 'Cancel' }).click()
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0)

    const listsBefore = requests.filter((r) => r.url.includes('/comments')).length
    await page.getByRole('button', { name: 'Delete my data' }).click()
    await page.getByRole('button', { name: 'Delete everything' }).click()
    await expect.element(page.getByText('Your data was deleted.')).toBeVisible()
    await settle()
    const erase = requests.filter((r) => r.method === 'DELETE')
    expect(erase).toHaveLength(1)
    expect(erase[0]!.headers.get('authorization')).toBe('Bearer tok-1')
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(requests.filter((r) => r.url.includes('/comments')).length).toBe(listsBefore + 1)
  })
})
