import type { SsoSession } from '@parley/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { ParleyCommentForm } from '../components/comment-form/comment-form.ts'
import { mount as mountEmbed } from '../embed/mount.ts'
import {
  API,
  errorBody,
  fixture,
  json,
  makeComment,
  makeThread,
  mockApi,
  readerRoute,
  settle,
  uid,
} from '../test/helpers.ts'
import { setAuthSource } from './auth.ts'

// Publisher sign-in in the browser: the page hands the widget its token (attribute or callback),
// the widget trades it for a session and writes as the publisher's user.

const EXCHANGE = 'POST /v1/sites/demo/sso/session'
const postsTo = (thread: string) => `POST /v1/sites/demo/threads/${thread}/comments`

const session = (n: number, name = 'Ada Lovelace'): SsoSession => ({
  readerId: 'r_signedin000',
  token: `session-${n}`,
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-1', name, avatarUrl: null },
})

/** Answers each exchange with the next session, and records the publisher tokens sent. */
function exchanges() {
  const sent: string[] = []
  const route = async (req: Request) => {
    sent.push(((await req.json()) as { token: string }).token)
    return json(session(sent.length), 201)
  }
  return { sent, route }
}

const bearerOf = (req: Request) => req.headers.get('authorization')

afterEach(() => setAuthSource({ api: API, site: 'demo' }, null))

describe('publisher sign-in', () => {
  it('with auth-token: exchanges it, locks the name to the user’s and posts as them', async () => {
    const thread = uid()
    const { sent, route } = exchanges()
    const { requests } = mockApi({
      [EXCHANGE]: route,
      [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread),
      [postsTo(thread)]: () => json(makeComment('new'), 201),
    })
    await fixture<ParleyCommentForm>(
      `<parley-comment-form api="${API}" site="demo" thread="${thread}" auth-token="jwt-1"></parley-comment-form>`
    )
    const name = page.getByRole('textbox', { name: 'Name' })
    await expect.element(name).toHaveValue('Ada Lovelace')
    await expect.element(name).toHaveAttribute('readonly')
    await userEvent.fill(page.getByLabelText('Comment', { exact: true }), 'Signed in')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
    expect(sent).toEqual(['jwt-1'])
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/comments'))!
    expect(bearerOf(post)).toBe('Bearer session-1')
    expect(await post.json()).toMatchObject({ authorName: 'Ada Lovelace', text: 'Signed in' })
    // No anonymous reader was made.
    expect(requests.some((r) => r.url.endsWith('/readers'))).toBe(false)
  })

  it('with getAuthToken: asks the page again once when the session is refused (401)', async () => {
    const thread = uid()
    const { sent, route } = exchanges()
    const { requests } = mockApi({
      [EXCHANGE]: route,
      [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread),
      // The first session has expired on the server; the second is fine.
      [postsTo(thread)]: (req) =>
        bearerOf(req) === 'Bearer session-1'
          ? errorBody('unauthorized', 401)
          : json(makeComment('new'), 201),
    })
    const tokens = ['jwt-a', 'jwt-b']
    const getAuthToken = vi.fn(async () => tokens.shift() ?? null)
    const el = document.createElement('parley-comment-form')
    Object.assign(el, { api: API, site: 'demo', thread, getAuthToken })
    document.body.append(el)
    await settle()
    await userEvent.fill(page.getByLabelText('Comment', { exact: true }), 'Refreshed')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
    expect(getAuthToken).toHaveBeenCalledTimes(2)
    expect(sent).toEqual(['jwt-a', 'jwt-b'])
    const posts = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/comments'))
    expect(posts.map(bearerOf)).toEqual(['Bearer session-1', 'Bearer session-2'])
  })

  it('goes on anonymously when the page signs nobody in or the exchange fails', async () => {
    const thread = uid()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { requests } = mockApi({
      ...readerRoute,
      [EXCHANGE]: () => errorBody('sso_token_invalid', 401, 'The sign-in token has expired'),
      [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread),
      [postsTo(thread)]: () => json(makeComment('new'), 201),
    })
    await fixture(
      `<parley-comment-form api="${API}" site="demo" thread="${thread}" auth-token="jwt-old"></parley-comment-form>`
    )
    const name = page.getByRole('textbox', { name: 'Name' })
    await expect.element(name).not.toHaveAttribute('readonly')
    await userEvent.fill(name, 'Anon')
    await userEvent.fill(page.getByLabelText('Comment', { exact: true }), 'Anonymous')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await expect.element(page.getByRole('status')).toHaveTextContent('Comment posted')
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/comments'))!
    expect(bearerOf(post)).toBe('Bearer tok-1')
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/sign-in failed/),
      'The sign-in token has expired'
    )
  })

  it('shows "Please sign in" when the site requires it for an anonymous reader', async () => {
    const thread = uid()
    mockApi({
      ...readerRoute,
      [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread),
      [postsTo(thread)]: () => errorBody('sign_in_required', 403),
    })
    await fixture(
      `<parley-comment-form api="${API}" site="demo" thread="${thread}"></parley-comment-form>`
    )
    await userEvent.fill(page.getByRole('textbox', { name: 'Name' }), 'Anon')
    await userEvent.fill(page.getByLabelText('Comment', { exact: true }), 'Hello')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await expect.element(page.getByRole('alert')).toHaveTextContent('Please sign in to do that.')
    // The anonymous reader is kept: a 403 is no reason to start over.
    expect(localStorage.getItem(`parley:reader|${API}|demo`)).toBe('tok-1')
  })

  it('tells an anonymous reader up front where commenting needs sign-in, with the login link', async () => {
    const thread = uid()
    const signIn = {
      comment: 'required',
      vote: 'optional',
      react: 'optional',
      loginUrl: 'https://news.example/login',
    } as const
    mockApi({ [`GET /v1/sites/demo/threads/${thread}`]: () => makeThread(thread, { signIn }) })
    await fixture(
      `<parley-comment-form api="${API}" site="demo" thread="${thread}"></parley-comment-form>`
    )
    await expect.element(page.getByText('Sign in to comment.')).toBeVisible()
    await expect
      .element(page.getByRole('link', { name: 'Sign in' }))
      .toHaveAttribute('href', signIn.loginUrl)
  })

  it('says nothing of sign-in to a signed-in reader, nor where the site does not need it', async () => {
    const signIn = { comment: 'required', vote: 'optional', react: 'optional', loginUrl: null }
    const { route } = exchanges()
    const [required, optional] = [uid(), uid()]
    mockApi({
      [EXCHANGE]: route,
      [`GET /v1/sites/demo/threads/${required}`]: () => makeThread(required, { signIn } as never),
      [`GET /v1/sites/other/threads/${optional}`]: () => makeThread(optional),
    })
    const signedIn = await fixture<ParleyCommentForm>(
      `<parley-comment-form api="${API}" site="demo" thread="${required}" auth-token="jwt-1"></parley-comment-form>`
    )
    const anonymous = await fixture<ParleyCommentForm>(
      `<parley-comment-form api="${API}" site="other" thread="${optional}"></parley-comment-form>`
    )
    await expect
      .element(page.getByRole('textbox', { name: 'Name' }).first())
      .toHaveValue('Ada Lovelace')
    await settle()
    for (const form of [signedIn, anonymous])
      expect(form.shadowRoot!.querySelector('[part~=sign-in]')).toBeNull()
  })

  it('embed script: data-auth-token and data-auth-callback reach the element, no eval', async () => {
    const script = document.createElement('script')
    script.src = `${API}/embed.js`
    Object.assign(script.dataset, {
      site: 'demo',
      thread: uid(),
      authToken: 'jwt-embed',
      authCallback: 'publisherToken',
    })
    document.body.append(script)
    const calls: string[] = []
    vi.stubGlobal('publisherToken', () => (calls.push('called'), 'jwt-fresh'))
    const el = mountEmbed(script) as HTMLElement & { getAuthToken?: () => Promise<string> }
    expect(el.getAttribute('auth-token')).toBe('jwt-embed')
    expect(await el.getAuthToken!()).toBe('jwt-fresh')
    expect(calls).toEqual(['called'])
  })
})
