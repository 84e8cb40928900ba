// Shared by the colocated *.test.ts files (vitest browser mode, Chromium); never in the build.
import axe from 'axe-core'
import { afterEach, expect, vi } from 'vitest'
import { AdminApi, type SiteApi } from '../api/admin.ts'
import type { ConsoleView } from '../elements/console-view.ts'
import '../define.ts'

export const SITE = 'demo'
export const KEY = 'pk_test'

afterEach(() => {
  document.body.replaceChildren()
  sessionStorage.clear()
  localStorage.clear()
  history.replaceState(null, '', location.pathname + location.search)
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/**
 * Lets pending fetches, Lit updates and nested element updates finish, and a frame pass (a
 * dialog's `close` event comes with the next rendering update).
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) await new Promise((resolve) => setTimeout(resolve))
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve))
}

/** Runs axe-core on the element, shadow roots included, and expects no violations. */
export async function expectAccessible(el: Element): Promise<void> {
  const { violations } = await axe.run(el, { resultTypes: ['violations'] })
  const summary = violations.map(
    (v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`
  )
  expect(summary).toEqual([])
}

export const json = (body: unknown, status = 200) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })

export const errorBody = (code: string, status: number, message = code, issues?: unknown[]) =>
  json({ error: { code, message, ...(issues && { issues }) } }, status)

type Handler = (req: Request, url: URL) => unknown

/**
 * Stubs fetch with a router keyed by "METHOD /path" (path decoded). A handler returns a Response,
 * a JSON-able value (200) or throws (a network failure). Unknown routes answer 404. `requests`
 * keeps a clone of each request, `bodies` its parsed JSON body.
 */
export function mockApi(routes: Record<string, Handler>) {
  const requests: Request[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init)
    requests.push(req.clone())
    const url = new URL(req.url)
    const handler = routes[`${req.method} ${decodeURIComponent(url.pathname)}`]
    if (!handler) return errorBody('not_found', 404, `no mock for ${req.method} ${url.pathname}`)
    const out = await handler(req, url)
    return out instanceof Response ? out : json(out)
  })
  vi.stubGlobal('fetch', fetch)
  /** The JSON bodies sent to "METHOD /path". */
  const bodies = async (route: string) => {
    const matching = requests.filter(
      (r) => `${r.method} ${decodeURIComponent(new URL(r.url).pathname)}` === route
    )
    return Promise.all(matching.map((r) => r.clone().json() as Promise<unknown>))
  }
  return { fetch, requests, bodies }
}

export const siteApi = (): SiteApi => new AdminApi(KEY).site(SITE)

/** Mounts a view element for the demo site with a role, and waits for its first load. */
export async function mountView<T extends ConsoleView>(
  tag: string,
  role: 'moderator' | 'admin' | 'owner' = 'admin',
  args: string[] = []
): Promise<T> {
  const el = document.createElement(tag) as T
  el.role = role
  el.args = args
  el.api = siteApi()
  document.body.append(el)
  await settle()
  return el
}

/** The element's shadow root, for queries. */
export const root = (el: Element): ShadowRoot => el.shadowRoot!

/** The text of the element's status and alert regions. */
export function regions(el: Element): { status: string; alert: string } {
  const text = (sel: string) =>
    [...root(el).querySelectorAll(sel)]
      .map((n) => n.textContent!.trim())
      .join(' ')
      .trim()
  return { status: text('[role=status]'), alert: text('[role=alert]') }
}

/**
 * Every element matching `selector` in `el` (its shadow root if it has one) and in the shadow
 * roots nested in it.
 */
export function deepAll(el: Element | ShadowRoot, selector: string): Element[] {
  const scope = el instanceof Element ? (el.shadowRoot ?? el) : el
  const out = [...scope.querySelectorAll(selector)]
  for (const child of scope.querySelectorAll('*')) {
    if (child.shadowRoot) out.push(...deepAll(child, selector))
  }
  return out
}

/** The text of the page's h1, wherever it is rendered. */
export const h1 = (el: Element): string | undefined => deepAll(el, 'h1')[0]?.textContent?.trim()

/** The focused element, looking through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active
}

/** Every path of the admin API of the demo site starts with this. */
export const A = `/v1/admin/sites/${SITE}`

/** The button whose text is `name` in `scope`. */
export const button = (scope: ParentNode, name: string): HTMLButtonElement =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent!.trim() === name
  )!
