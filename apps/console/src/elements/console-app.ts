import type { AdminMe, AdminRole, AdminSiteSummary } from '@parley/core'
import { html, LitElement, type PropertyDeclarations } from 'lit'
import { AdminApi, type SiteApi, toAdminApiError } from '../api/admin.ts'
import { href, parseRoute, type Route, type ViewName } from '../router.ts'
import { session } from '../session.ts'
import { UNAUTHORIZED_EVENT, type ConsoleView } from './console-view.ts'
import { SIGN_IN_EVENT, type SignIn } from './sign-in.ts'

interface ViewInfo {
  title: string
  tag: string
  /** The least role that sees the view. */
  role: AdminRole
}

/** Every view: its navigation label (also its h1), its element and who may see it. */
export const VIEW_INFO: Record<ViewName, ViewInfo> = {
  queue: { title: 'Moderation queue', tag: 'parley-queue-view', role: 'moderator' },
  bans: { title: 'Bans', tag: 'parley-bans-view', role: 'moderator' },
  notices: { title: 'DSA notices', tag: 'parley-notices-view', role: 'moderator' },
  appeals: { title: 'Appeals', tag: 'parley-appeals-view', role: 'moderator' },
  questions: { title: 'Expert questions', tag: 'parley-questions-view', role: 'moderator' },
  experts: { title: 'Experts', tag: 'parley-experts-view', role: 'admin' },
  threads: { title: 'Threads and polls', tag: 'parley-threads-view', role: 'admin' },
  polls: { title: 'Polls', tag: 'parley-polls-view', role: 'admin' },
  settings: { title: 'Site settings', tag: 'parley-settings-view', role: 'admin' },
  keys: { title: 'API keys', tag: 'parley-keys-view', role: 'admin' },
  privacy: { title: 'Privacy', tag: 'parley-privacy-view', role: 'admin' },
  audit: { title: 'Audit log', tag: 'parley-audit-view', role: 'moderator' },
}

const RANK: Record<AdminRole, number> = { moderator: 1, admin: 2, owner: 3 }

/**
 * The console's shell: sign-in with a key, then a header (site, role, sign out), the navigation
 * and the view named by the hash. It renders in the page (no shadow root), so the skip link and
 * the landmarks are plain document content; page.css styles it, and each view styles itself.
 */
export class ParleyConsole extends LitElement {
  static override properties: PropertyDeclarations = {
    /** API origin; '' is this page's origin (the Worker that serves the console). */
    api: {},
    _me: { state: true },
    _sites: { state: true },
    _site: { state: true },
    _route: { state: true },
    _error: { state: true },
    _status: { state: true },
    _busy: { state: true },
  }

  declare api: string
  declare private _me: AdminMe | null
  declare private _sites: AdminSiteSummary[]
  declare private _site: string | null
  declare private _route: Route
  /** Why signing in failed. */
  declare private _error: string
  /** What just happened: signed in, signed out. */
  declare private _status: string
  declare private _busy: boolean
  #client: AdminApi | null = null
  #siteApi: SiteApi | null = null
  #view: { id: string; el: ConsoleView } | null = null

  constructor() {
    super()
    this.api = ''
    this._me = null
    this._sites = []
    this._site = null
    this._route = parseRoute(location.hash)
    this._error = ''
    this._status = ''
    this._busy = false
  }

  protected override createRenderRoot() {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('hashchange', this.#onHashChange)
    this.addEventListener(UNAUTHORIZED_EVENT, this.#onUnauthorized)
    this.addEventListener(SIGN_IN_EVENT, this.#onSignIn as EventListener)
    const key = session.key()
    if (key) void this.#signIn(key, false)
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#onHashChange)
    this.removeEventListener(UNAUTHORIZED_EVENT, this.#onUnauthorized)
    this.removeEventListener(SIGN_IN_EVENT, this.#onSignIn as EventListener)
    super.disconnectedCallback()
  }

  #onHashChange = async () => {
    this._route = parseRoute(location.hash)
    if (!this._me) return
    await this.updateComplete
    this.#updateTitle()
    await this.#view?.el.focusHeading()
  }

  #onUnauthorized = () => {
    if (this._me)
      this.#signOut('The API no longer accepts this key (revoked or wrong). Sign in again.')
  }

  #onSignIn = (e: CustomEvent<{ key: string }>) => {
    void this.#signIn(e.detail.key, true)
  }

  #updateTitle(): void {
    const info = this._me ? VIEW_INFO[this.#visibleView()] : null
    document.title = info ? `${info.title} · Parley console` : 'Sign in · Parley console'
  }

  #may(role: AdminRole): boolean {
    return this._me ? RANK[this._me.role] >= RANK[role] : false
  }

  /** The view of the route, or the queue when the key may not see it. */
  #visibleView(): ViewName {
    const view = this._route.view
    return this.#may(VIEW_INFO[view].role) ? view : 'queue'
  }

  async #signIn(key: string, fresh: boolean): Promise<void> {
    if (this._busy) return
    this._busy = true
    this._error = ''
    this._status = fresh ? 'Signing in…' : ''
    const client = new AdminApi(key, this.api)
    try {
      const [me, { sites }] = await Promise.all([client.me(), client.sites()])
      session.signIn(key)
      this.#client = client
      this._sites = sites
      const stored = session.site()
      this.#pick(me.site ?? (sites.some((s) => s.id === stored) ? stored : (sites[0]?.id ?? null)))
      this._me = me
      this._status = fresh ? `Signed in as ${me.role}.` : ''
      await this.updateComplete
      this.#updateTitle()
      if (fresh) await this.#view?.el.focusHeading()
    } catch (e) {
      const error = toAdminApiError(e)
      session.signOut()
      this._status = ''
      this._error =
        error.status === 401
          ? 'This key is not valid: check it and try again.'
          : `Could not sign in: ${error.describe()}`
      if (fresh) {
        await this.updateComplete
        this.querySelector<SignIn>('parley-sign-in')?.focusKey()
      }
    } finally {
      this._busy = false
    }
  }

  #pick(site: string | null): void {
    this._site = site
    this.#siteApi = site && this.#client ? this.#client.site(site) : null
    if (site) session.pickSite(site)
  }

  #signOut(message = 'Signed out.'): void {
    session.signOut()
    this.#client = null
    this.#siteApi = null
    this.#view = null
    this._me = null
    this._sites = []
    this._site = null
    this._status = message
    this._error = ''
    void this.updateComplete.then(() => {
      this.#updateTitle()
      this.querySelector<SignIn>('parley-sign-in')?.focusHeading()
    })
  }

  #skip(e: Event): void {
    // The hash names views, so the skip link moves the focus itself instead of navigating.
    e.preventDefault()
    this.querySelector<HTMLElement>('#main')?.focus()
  }

  override render() {
    return html`<p class="pc-sr" role="status">${this._status}</p>
      ${this._me ? this.#renderConsole(this._me) : this.#renderSignIn()}`
  }

  #renderSignIn() {
    return html`<main class="pc-main pc-sign-in" id="main" tabindex="-1">
      <parley-sign-in
        .busy=${this._busy}
        .error=${this._error}
        .note=${this._status === 'Signing in…' ? '' : this._status}
      ></parley-sign-in>
    </main>`
  }

  #renderConsole(me: AdminMe) {
    const current = this.#visibleView()
    const views = (Object.keys(VIEW_INFO) as ViewName[]).filter((v) => this.#may(VIEW_INFO[v].role))
    return html`<a class="pc-skip" href="#main" @click=${this.#skip}>Skip to main content</a>
      <header class="pc-header">
        <div class="pc-bar">
          <p class="pc-brand">Parley console</p>
          <div class="pc-who">
            ${this.#renderSitePicker(me)}
            <span>Role: <strong>${me.role}</strong></span>
            <button type="button" @click=${() => this.#signOut()}>Sign out</button>
          </div>
        </div>
      </header>
      <div class="pc-layout">
        <nav class="pc-nav" aria-label="Console">
          <ul>
            ${views.map(
              (v) =>
                html`<li>
                  <a href=${href(v)} aria-current=${v === current ? 'page' : 'false'}
                    >${VIEW_INFO[v].title}</a
                  >
                </li>`
            )}
          </ul>
        </nav>
        <main class="pc-main" id="main" tabindex="-1">
          ${
            this._site
              ? this.#renderView(current, me)
              : html`<h1>No site</h1>
                  <p>This key may not administer any site yet.</p>`
          }
        </main>
      </div>`
  }

  #renderSitePicker(me: AdminMe) {
    if (me.site !== null || this._sites.length <= 1) {
      const name = this._sites.find((s) => s.id === this._site)?.name ?? this._site ?? ''
      return html`<span>Site: <strong>${name}</strong></span>`
    }
    return html`<span>
      <label for="pc-site">Site</label>
      <select
        id="pc-site"
        @change=${(e: Event) => this.#pick((e.target as HTMLSelectElement).value)}
      >
        ${this._sites.map(
          (s) =>
            html`<option value=${s.id} ?selected=${s.id === this._site}>
              ${s.name} (${s.id})
            </option>`
        )}
      </select>
    </span>`
  }

  /** One element per view and site: a fresh one when either changes, so no state leaks over. */
  #renderView(view: ViewName, me: AdminMe) {
    const id = `${view}|${this._site}`
    if (this.#view?.id !== id) {
      this.#view = { id, el: document.createElement(VIEW_INFO[view].tag) as ConsoleView }
    }
    const el = this.#view.el
    el.role = me.role
    if (el.args.join('/') !== this._route.args.join('/')) el.args = this._route.args
    el.api = this.#siteApi
    return el
  }
}
