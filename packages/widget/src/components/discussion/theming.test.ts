import { afterEach, describe, expect, it } from 'vitest'
import { cdp } from 'vitest/browser'
import type { ParleyDiscussion } from './discussion.ts'
import {
  API,
  expectAccessible,
  fixture,
  makeComment,
  makePoll,
  makeThread,
  mockApi,
  uid,
} from '../../test/helpers.ts'

// The `theme` attribute: none keeps the page's text colour, font and colour scheme; "light" and
// "dark" paint their own palette; "auto" follows prefers-color-scheme. Nested elements follow.

const LIGHT = {
  text: 'rgb(31, 31, 31)',
  background: 'rgb(255, 255, 255)',
  accent: 'rgb(11, 87, 208)',
}
const DARK = {
  text: 'rgb(227, 227, 227)',
  background: 'rgb(31, 31, 31)',
  accent: 'rgb(168, 199, 250)',
}

async function discussion(attributes: string, wrapperStyle = ''): Promise<ParleyDiscussion> {
  const thread = uid()
  mockApi({
    'GET /v1/sites/demo/polls/p': () => makePoll(),
    [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread, { commentCount: 1 }),
    [`GET /v1/sites/demo/threads/${thread}/comments`]: () => ({
      comments: [makeComment('a')],
      nextCursor: null,
    }),
  })
  const wrapper = await fixture(
    `<div style="${wrapperStyle}"><parley-discussion ${attributes} api="${API}" site="demo"
      thread="${thread}" poll="p"></parley-discussion></div>`
  )
  const el = wrapper.firstElementChild as ParleyDiscussion
  await el.loaded
  return el
}

/** The colours as a reader sees them: the host's text and background, the nested Vote button. */
function colours(el: ParleyDiscussion) {
  const style = getComputedStyle(el)
  const poll = el.shadowRoot!.querySelector('parley-poll')!
  const vote = poll.shadowRoot!.querySelector('[part~=submit]')!
  return {
    text: style.color,
    background: style.backgroundColor,
    accent: getComputedStyle(vote).backgroundColor,
  }
}

const emulate = (value: 'light' | 'dark') =>
  cdp().send('Emulation.setEmulatedMedia', {
    features: [{ name: 'prefers-color-scheme', value }],
  })

afterEach(() => emulate('light'))

describe('theme', () => {
  it('without a theme, keeps the page text colour and background, and the fixed accent', async () => {
    const el = await discussion('', 'color: rgb(1, 2, 3)')
    expect(colours(el)).toEqual({
      text: 'rgb(1, 2, 3)',
      background: 'rgba(0, 0, 0, 0)',
      accent: LIGHT.accent,
    })
  })

  it('themes the nested elements too, whatever the reader prefers', async () => {
    await emulate('light')
    const el = await discussion('theme="dark"')
    const poll = el.shadowRoot!.querySelector('parley-poll')!
    expect(getComputedStyle(poll).colorScheme).toBe('dark')
  })

  it('"dark" paints the dark palette on a light page, and passes axe', async () => {
    const el = await discussion('theme="dark"', 'color: rgb(1, 2, 3)')
    expect(colours(el)).toEqual(DARK)
    expect(getComputedStyle(el).colorScheme).toBe('dark')
    await expectAccessible(el)
  })

  it('"light" paints the light palette on a dark page, and passes axe', async () => {
    const el = await discussion('theme="light"', 'color: rgb(250, 250, 250); color-scheme: dark')
    expect(colours(el)).toEqual(LIGHT)
    await expectAccessible(el)
  })

  it('"auto" follows prefers-color-scheme', async () => {
    await emulate('dark')
    const el = await discussion('theme="auto"')
    expect(colours(el)).toEqual(DARK)
    await expectAccessible(el)
    await emulate('light')
    expect(colours(el)).toEqual(LIGHT)
  })

  it('lets the page override the palette through --parley-* properties', async () => {
    const el = await discussion(
      'theme="dark"',
      '--parley-color-accent: rgb(255, 200, 0); --parley-color-background: rgb(0, 0, 40)'
    )
    expect(colours(el)).toEqual({
      ...DARK,
      background: 'rgb(0, 0, 40)',
      accent: 'rgb(255, 200, 0)',
    })
  })
})
