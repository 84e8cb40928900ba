import { describe, expect, it } from 'vitest'
import { cdp } from 'vitest/browser'
import type { ParleyDiscussion } from '../components/discussion/discussion.ts'
import type { ParleyPoll } from '../components/poll/poll.ts'
import {
  API,
  deferred,
  expectAccessible,
  makeComment,
  makePoll,
  makeThread,
  mockApi,
  settle,
  uid,
} from '../test/helpers.ts'

// Lazy loading: an element on the page fetches nothing until the shared IntersectionObserver
// reports it within a screen of the viewport; until its first content shows it is a skeleton
// (aria-busy, reserved height, content hidden).

const POLL = 'GET /v1/sites/demo/polls/p'

/** Puts `markup` three screens below the top of the page, out of the observer's reach. */
async function below(markup: string): Promise<HTMLElement> {
  scrollTo(0, 0) // a previous test may have scrolled, and the page may not have shrunk yet
  const wrapper = document.createElement('div')
  wrapper.innerHTML = `<div style="height: 300vh"></div>${markup}`
  document.body.append(wrapper)
  await settle()
  return wrapper.lastElementChild as HTMLElement
}

describe('lazy loading', () => {
  it('fetches nothing for an element far below the viewport until it is scrolled near', async () => {
    const { requests } = mockApi({ [POLL]: () => makePoll() })
    const el = (await below(
      `<parley-poll api="${API}" site="demo" poll="p"></parley-poll>`
    )) as ParleyPoll
    await settle()
    expect(requests).toEqual([])
    expect(el.getAttribute('aria-busy')).toBe('true')
    // The skeleton reserves the poll's default height.
    expect(el.getBoundingClientRect().height).toBe(14 * 16)

    el.scrollIntoView()
    await el.loaded
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/v1/sites/demo/polls/p'])
    expect(el.hasAttribute('aria-busy')).toBe(false)
    expect(el.shadowRoot!.querySelector('legend')!.textContent).toBe('Should Europe do more?')
  })

  it('fetches at once with loading="eager"', async () => {
    const { requests } = mockApi({ [POLL]: () => makePoll() })
    const el = (await below(
      `<parley-poll loading="eager" api="${API}" site="demo" poll="p"></parley-poll>`
    )) as ParleyPoll
    await el.loaded
    expect(requests).toHaveLength(1)
    expect(el.hasAttribute('aria-busy')).toBe(false)
  })

  it('takes the reserved height from --parley-skeleton-height', async () => {
    mockApi({})
    const el = await below(
      `<parley-poll style="--parley-skeleton-height: 123px" api="${API}" site="demo" poll="p"></parley-poll>`
    )
    expect(el.getBoundingClientRect().height).toBe(123)
  })

  it('pulses, except under prefers-reduced-motion', async () => {
    mockApi({})
    const el = await below(`<parley-poll api="${API}" site="demo" poll="p"></parley-poll>`)
    expect(getComputedStyle(el).animationName).toBe('pulse')
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    })
    expect(getComputedStyle(el).animationName).toBe('none')
    await cdp().send('Emulation.setEmulatedMedia', { features: [] })
  })

  it('keeps a discussion a skeleton until its poll and first page are both there', async () => {
    const thread = uid()
    const page = deferred<unknown>()
    const { requests } = mockApi({
      [POLL]: () => makePoll(),
      [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread, { commentCount: 1 }),
      [`GET /v1/sites/demo/threads/${thread}/comments`]: () => page.promise,
    })
    const el = (await below(
      `<parley-discussion api="${API}" site="demo" thread="${thread}" poll="p"></parley-discussion>`
    )) as ParleyDiscussion
    expect(requests).toEqual([])
    // A screen tall while it waits: content that grows below it cannot move what is in view.
    expect(el.getBoundingClientRect().height).toBe(innerHeight)

    el.scrollIntoView()
    await settle()
    // The nested poll and list did not wait for an observer of their own.
    expect(requests.map((r) => new URL(r.url).pathname).sort()).toEqual([
      '/v1/sites/demo/polls/p',
      `/v1/sites/demo/threads/${thread}`,
      `/v1/sites/demo/threads/${thread}/comments`,
    ])
    const base = el.shadowRoot!.querySelector('[part=base]')!
    expect(el.getAttribute('aria-busy')).toBe('true')
    expect(base.checkVisibility()).toBe(false)

    page.resolve({ comments: [makeComment('a')], nextCursor: null })
    await el.loaded
    expect(el.hasAttribute('aria-busy')).toBe(false)
    expect(base.checkVisibility()).toBe(true)
    await expectAccessible(el)
  })

  it('batches the counts that come into view together', async () => {
    const { requests } = mockApi({
      'GET /v1/sites/demo/counts': (_, url) => ({
        counts: Object.fromEntries(
          url.searchParams
            .get('threads')!
            .split(',')
            .map((t) => [t, 2])
        ),
      }),
    })
    const counts = ['a', 'b', 'c']
      .map(
        (t) => `<p>${t}: <parley-count api="${API}" site="demo" thread="${t}"></parley-count></p>`
      )
      .join('')
    const el = await below(`<div>${counts}</div>`)
    expect(requests).toEqual([])
    el.scrollIntoView()
    await settle()
    expect(requests.map((r) => new URL(r.url).searchParams.get('threads'))).toEqual(['a,b,c'])
    expect([...el.querySelectorAll('parley-count')].map((c) => c.shadowRoot!.textContent)).toEqual([
      '2 comments',
      '2 comments',
      '2 comments',
    ])
  })
})
