import type { Poll } from '@parley/core'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { ParleyPoll } from './poll.ts'
import { API, fixture, makePoll, mockApi, readerRoute, settle } from '../../test/helpers.ts'

const GET = 'GET /v1/sites/demo/polls/origin-countries'
const PUT = 'PUT /v1/sites/demo/polls/origin-countries/vote'
const DELETE = 'DELETE /v1/sites/demo/polls/origin-countries/vote'
const SITE_KEY = '1x00000000000000000000AA'

const mount = () =>
  fixture<ParleyPoll>(
    `<parley-poll api="${API}" site="demo" poll="origin-countries"></parley-poll>`
  )

// Cloudflare's script cannot be reached from the tests: this stands in for the `turnstile` global
// it defines, which extras/turnstile.ts uses when the page already has it. Each widget solves its
// challenge at once; a reset solves a new one, so every token is different.
let widgets: { container: HTMLElement; sitekey: string; tokens: string[] }[] = []
const solve = (id: string) => {
  const widget = widgets[Number(id)]!
  const token = `token-${id}-${widget.tokens.length}`
  widget.tokens.push(token)
  return token
}
const callbacks = new Map<string, (token: string) => void>()
window.turnstile = {
  render(container, { sitekey, callback }) {
    const id = String(widgets.push({ container, sitekey, tokens: [] }) - 1)
    callbacks.set(id, callback)
    callback(solve(id))
    return id
  },
  reset(id) {
    callbacks.get(id)!(solve(id))
  },
}
beforeEach(() => {
  widgets = []
})
afterAll(() => {
  delete window.turnstile
})

const bodies = (requests: Request[]) =>
  Promise.all(requests.filter((r) => r.method === 'PUT').map((r) => r.clone().json()))

describe('<parley-poll> with Turnstile', () => {
  const turnstile = { siteKey: SITE_KEY }
  const voted = (myChoices: string[]): Poll => makePoll({ myChoices, turnstile })

  it('renders Turnstile with the form and sends a fresh token with each vote and change', async () => {
    const { requests } = mockApi({
      ...readerRoute,
      [GET]: () => makePoll({ turnstile }),
      // The server's answer keeps saying votes need a token.
      [PUT]: async (req) => voted(((await req.json()) as { optionIds: string[] }).optionIds),
    })
    const el = await mount()
    await expect.poll(() => widgets).toHaveLength(1)
    expect(widgets[0]!.sitekey).toBe(SITE_KEY)
    expect(el.shadowRoot!.querySelector('form')!.contains(widgets[0]!.container)).toBe(true)

    await page.getByRole('radio', { name: 'No', exact: true }).click()
    await page.getByRole('button', { name: 'Vote' }).click()
    await expect.element(page.getByRole('status')).toHaveTextContent('Vote recorded')
    // Single-use: the token sent is spent, so the widget was reset for a new one.
    expect(await bodies(requests)).toEqual([{ optionIds: ['o_2'], turnstileToken: 'token-0-0' }])
    expect(widgets[0]!.tokens).toEqual(['token-0-0', 'token-0-1'])

    // The results show no challenge; changing the vote shows the form, and a new one, again.
    expect(el.shadowRoot!.querySelector('.ts')).toBeNull()
    await page.getByRole('button', { name: 'Change vote' }).click()
    await expect.poll(() => widgets).toHaveLength(2)
    await page.getByRole('radio', { name: 'Yes' }).click()
    await page.getByRole('button', { name: 'Vote' }).click()
    await expect.element(page.getByRole('status')).toHaveTextContent('Vote recorded')
    expect((await bodies(requests))[1]).toEqual({ optionIds: ['o_1'], turnstileToken: 'token-1-0' })
  })

  it('withdraws without a token, as the server asks none', async () => {
    const { requests } = mockApi({
      ...readerRoute,
      [GET]: () => voted(['o_2']),
      [DELETE]: () => voted([]),
    })
    await mount()
    await page.getByRole('button', { name: 'Withdraw vote' }).click()
    await expect.element(page.getByRole('status')).toHaveTextContent('Vote withdrawn')
    const withdrawal = requests.find((r) => r.method === 'DELETE')!
    expect(await withdrawal.text()).toBe('')
    // Back to the empty form, which needs a token for the next vote.
    await expect.poll(() => widgets).toHaveLength(1)
    expect(widgets[0]!.tokens).toEqual(['token-0-0'])
  })

  it('loads nothing of Turnstile where votes need no token', async () => {
    for (const off of [undefined, null]) {
      const { requests } = mockApi({
        ...readerRoute,
        [GET]: () => makePoll({ turnstile: off }),
        [PUT]: () => makePoll({ myChoices: ['o_1'] }),
      })
      const el = await mount()
      expect(el.shadowRoot!.querySelector('.ts')).toBeNull()
      await page.getByRole('radio', { name: 'Yes' }).click()
      await page.getByRole('button', { name: 'Vote' }).click()
      await expect.element(page.getByRole('status')).toHaveTextContent('Vote recorded')
      await settle()
      expect(await bodies(requests)).toEqual([{ optionIds: ['o_1'] }])
      expect(widgets).toEqual([])
      expect(document.querySelector('script[src*="challenges.cloudflare.com"]')).toBeNull()
      el.remove()
    }
  })
})
