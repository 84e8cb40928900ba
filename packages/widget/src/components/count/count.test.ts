import { describe, expect, it } from 'vitest'
import type { ParleyCount } from './count.ts'
import { countDefaults } from '../../state/counts.ts'
import {
  API,
  errorBody,
  expectAccessible,
  makeThread,
  mockApi,
  settle,
} from '../../test/helpers.ts'

const COUNTS = 'GET /v1/sites/demo/counts'

/** Adds <parley-count> elements in one go, as a page of article teasers does. */
async function mount(...threads: string[]): Promise<ParleyCount[]> {
  const els = threads.map((thread) => {
    const el = document.createElement('parley-count')
    el.setAttribute('api', API)
    el.setAttribute('site', 'demo')
    el.setAttribute('thread', thread)
    return el
  })
  document.body.append(...els)
  await settle()
  return els
}

const text = (el: ParleyCount) => el.shadowRoot!.textContent!.trim()

describe('<parley-count>', () => {
  it('is accessible', async () => {
    mockApi({ [COUNTS]: () => ({ counts: { a: 3 } }) })
    const [el] = await mount('a')
    expect(text(el!)).toBe('3 comments')
    await expectAccessible(el!)
  })

  it('shows "N comments", "1 comment" or "No comments yet" as plain text', async () => {
    mockApi({ [COUNTS]: () => ({ counts: { a: 1200, b: 1, c: 0 } }) })
    const els = await mount('a', 'b', 'c', 'unknown')
    expect(els.map(text)).toEqual([
      '1,200 comments',
      '1 comment',
      'No comments yet',
      'No comments yet',
    ])
    const part = els[0]!.shadowRoot!.querySelector('[part=count]')!
    expect(part.localName).toBe('span')
  })

  it('fetches every count of the page in one request per API and site', async () => {
    const { requests } = mockApi({
      [COUNTS]: (_req, url) => ({
        counts: Object.fromEntries(
          url.searchParams
            .get('threads')!
            .split(',')
            .map((t) => [t, t.length])
        ),
      }),
      'GET /v1/sites/other/counts': () => ({ counts: { x: 7 } }),
      'GET /v1/sites/demo/threads/2020/02/a,b': () =>
        makeThread('2020/02/a,b', { commentCount: 9 }),
    })
    const els = await mount('one', 'three', '2020/02/a,b', 'one')
    const elsewhere = document.createElement('parley-count')
    elsewhere.setAttribute('api', API)
    elsewhere.setAttribute('site', 'other')
    elsewhere.setAttribute('thread', 'x')
    document.body.append(elsewhere)
    await settle()
    // A key with a comma cannot travel in ?threads=a,b: its own thread gives its count.
    expect(els.map(text)).toEqual(['3 comments', '5 comments', '9 comments', '3 comments'])
    expect(text(elsewhere)).toBe('7 comments')
    const demo = requests.filter((r) => r.url.includes('/demo/counts'))
    expect(demo).toHaveLength(1)
    expect(new URL(demo[0]!.url).searchParams.get('threads')).toBe('one,three')
    // Counts are public: no reader token, so no preflight.
    expect(demo[0]!.headers.get('authorization')).toBeNull()
    // Changing the thread asks again.
    els[0]!.setAttribute('thread', 'fourteen')
    await settle()
    expect(text(els[0]!)).toBe('8 comments')
    expect(requests.filter((r) => r.url.includes('/demo/counts'))).toHaveLength(2)
  })

  it('splits more than 50 threads into several requests', async () => {
    const { requests } = mockApi({ [COUNTS]: () => ({ counts: {} }) })
    await mount(...Array.from({ length: 60 }, (_, i) => `t${i}`))
    expect(
      requests.map((r) => new URL(r.url).searchParams.get('threads')!.split(',').length)
    ).toEqual([50, 10])
  })

  it('uses the embed script’s API and site when its own are missing', async () => {
    const { requests } = mockApi({ [COUNTS]: () => ({ counts: { a: 2 } }) })
    Object.assign(countDefaults, { api: API, site: 'demo' })
    try {
      const el = document.createElement('parley-count')
      el.setAttribute('thread', 'a')
      document.body.append(el)
      await settle()
      expect(text(el)).toBe('2 comments')
      expect(requests[0]!.url).toBe(`${API}/v1/sites/demo/counts?threads=a`)
    } finally {
      Object.assign(countDefaults, { api: '', site: '' })
    }
  })

  it('shows nothing and reports parley-error when the counts cannot be loaded', async () => {
    mockApi({ [COUNTS]: () => errorBody('site_not_found', 404) })
    const errors: string[] = []
    document.addEventListener('parley-error', (e) => errors.push(e.detail.code), { once: true })
    const [el] = await mount('a')
    expect(text(el!)).toBe('')
    expect(errors).toEqual(['site_not_found'])
  })
})
