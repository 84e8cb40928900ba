import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import {
  errorBody,
  expectAccessible,
  deepAll,
  focused,
  h1,
  KEY,
  mockApi,
  settle,
} from '../test/helpers.ts'
import type { ParleyConsole } from './console-app.ts'

const MODERATOR = { role: 'moderator', site: 'demo', actor: 'k1' }
const OWNER = { role: 'owner', site: null, actor: 'owner' }
const DEMO = { sites: [{ id: 'demo', name: 'Demo' }] }

/** The API for a key: who it is, its sites, and empty lists for whatever view opens. */
function api(me: unknown, sites: unknown = DEMO) {
  const empty = { comments: [], bans: [], entries: [], nextCursor: null }
  return mockApi({
    'GET /v1/admin/me': (req) =>
      req.headers.get('authorization') === `Bearer ${KEY}` ? me : errorBody('unauthorized', 401),
    'GET /v1/admin/sites': () => sites,
    'GET /v1/admin/sites/demo/comments': () => empty,
    'GET /v1/admin/sites/demo/threads': () => ({ threads: [], nextCursor: null }),
    'GET /v1/admin/sites/demo/bans': () => empty,
    'GET /v1/admin/sites/demo/audit': () => empty,
    'GET /v1/admin/sites/news/audit': () => empty,
  })
}

async function mount(): Promise<ParleyConsole> {
  const el = document.createElement('parley-console') as ParleyConsole
  document.body.append(el)
  await settle()
  return el
}

const nav = (el: Element) => [...el.querySelectorAll('nav a')].map((a) => a.textContent!.trim())

/** The console's live status region (in the page) and the sign-in form's alert. */
const status = (el: Element) => el.querySelector('[role=status]')!.textContent!.trim()
const alert = (el: Element) => deepAll(el, '[role=alert]')[0]?.textContent?.trim()

async function signIn(el: ParleyConsole, key = KEY) {
  const input = deepAll(el, '#key')[0] as HTMLInputElement
  await userEvent.click(input)
  await userEvent.keyboard(key)
  await userEvent.keyboard('{Enter}')
  await settle()
}

describe('<parley-console>', () => {
  it('is accessible, signed out and signed in', async () => {
    api(MODERATOR)
    const el = await mount()
    await expectAccessible(el)
    await signIn(el)
    expect(h1(el)).toBe('Moderation queue')
    await expectAccessible(el)
  })

  it('signs in with a key by keyboard, keeps it in sessionStorage only, and signs out', async () => {
    const { requests } = api(MODERATOR)
    const el = await mount()
    expect(h1(el)).toBe('Sign in to the Parley console')
    await signIn(el)
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${KEY}`)
    expect(sessionStorage.getItem('parley:console:key')).toBe(KEY)
    expect(Object.keys(localStorage)).toEqual([])
    // The view's heading takes the focus after signing in.
    expect(focused()?.textContent).toBe('Moderation queue')
    expect(el.querySelector('header')!.textContent).toContain('Role: moderator')

    await userEvent.click(el.querySelector<HTMLButtonElement>('header button')!)
    await settle()
    expect(sessionStorage.getItem('parley:console:key')).toBeNull()
    expect(h1(el)).toBe('Sign in to the Parley console')
    expect(status(el)).toBe('Signed out.')
    expect(focused()?.textContent).toBe('Sign in to the Parley console')
  })

  it('says so when the key is wrong, and keeps nothing', async () => {
    api(MODERATOR)
    const el = await mount()
    await signIn(el, 'pk_wrong')
    expect(alert(el)).toBe('This key is not valid: check it and try again.')
    expect(sessionStorage.length).toBe(0)
    expect(focused()?.id).toBe('key')
    expect(deepAll(el, '#key')[0]!.getAttribute('aria-invalid')).toBe('true')
  })

  it('resumes a session from sessionStorage', async () => {
    api(MODERATOR)
    sessionStorage.setItem('parley:console:key', KEY)
    const el = await mount()
    expect(h1(el)).toBe('Moderation queue')
  })

  it('shows moderators the moderation views only, admins everything', async () => {
    api(MODERATOR)
    sessionStorage.setItem('parley:console:key', KEY)
    location.hash = '#/settings'
    const el = await mount()
    expect(nav(el)).toEqual([
      'Moderation queue',
      'Bans',
      'DSA notices',
      'Appeals',
      'Expert questions',
      'Audit log',
    ])
    // An admin-only view in the hash falls back to the queue.
    expect(h1(el)).toBe('Moderation queue')
    el.remove()

    api({ role: 'admin', site: 'demo', actor: 'k2' })
    const admin = await mount()
    expect(nav(admin)).toContain('API keys')
    expect(nav(admin)).toContain('Site settings')
    expect(nav(admin)).toContain('Privacy')
    expect(nav(admin)).toContain('Polls')
    expect(nav(admin)).toHaveLength(12)
  })

  it('routes by the hash, marks the current link and moves the focus to the heading', async () => {
    api(MODERATOR)
    sessionStorage.setItem('parley:console:key', KEY)
    const el = await mount()
    const link = [...el.querySelectorAll<HTMLAnchorElement>('nav a')].find(
      (a) => a.textContent!.trim() === 'Bans'
    )!
    link.focus()
    await userEvent.keyboard('{Enter}')
    await settle()
    expect(location.hash).toBe('#/bans')
    expect(link.getAttribute('aria-current')).toBe('page')
    expect(focused()?.textContent).toBe('Bans')
    expect(document.title).toBe('Bans · Parley console')
  })

  it('has a skip link that moves the focus to the main content', async () => {
    api(MODERATOR)
    sessionStorage.setItem('parley:console:key', KEY)
    await mount()
    await userEvent.tab()
    expect(focused()?.textContent).toBe('Skip to main content')
    await userEvent.keyboard('{Enter}')
    expect(focused()?.localName).toBe('main')
    expect(location.hash).toBe('')
  })

  it('lets the owner pick a site', async () => {
    const { requests } = api(OWNER, {
      sites: [
        { id: 'demo', name: 'Demo' },
        { id: 'news', name: 'News' },
      ],
    })
    sessionStorage.setItem('parley:console:key', KEY)
    location.hash = '#/audit'
    const el = await mount()
    const select = el.querySelector<HTMLSelectElement>('select#pc-site')!
    expect(select.value).toBe('demo')
    select.value = 'news'
    select.dispatchEvent(new Event('change'))
    await settle()
    expect(sessionStorage.getItem('parley:console:site')).toBe('news')
    expect(requests.at(-1)!.url).toContain('/v1/admin/sites/news/audit')
  })

  it('signs out when the API stops accepting the key', async () => {
    const { fetch } = api(MODERATOR)
    sessionStorage.setItem('parley:console:key', KEY)
    location.hash = '#/bans'
    const el = await mount()
    fetch.mockImplementation(async () => errorBody('unauthorized', 401))
    location.hash = '#/audit'
    await settle()
    expect(h1(el)).toBe('Sign in to the Parley console')
    expect(status(el)).toContain('no longer accepts this key')
  })
})
