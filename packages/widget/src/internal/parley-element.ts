import { LitElement, type PropertyDeclarations } from 'lit'
import { type ApiError, toApiError } from '../api/client.ts'
import { emit } from '../events.ts'
import { setAuthSource, type AuthSource } from './auth.ts'
import { translationFor } from '../i18n/localize.ts'
import type { Translation } from '../i18n/translation.ts'
import { tokens } from '../styles/tokens.styles.ts'
import { VERSION } from './safe-define.ts'
import { needViews } from './views.ts'

const waiting = new WeakMap<Element, () => void>()
let observer: IntersectionObserver | undefined

/**
 * Resolves once `el` is within a screen of the viewport. One observer serves every element on the
 * page, so a list of 50 `<parley-count>`s costs one observer and one batch of counts.
 */
function near(el: Element): Promise<void> {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const { isIntersecting, target } of entries)
        if (isIntersecting) {
          observer!.unobserve(target)
          waiting.get(target)!()
        }
    },
    // A screen ahead: the data is usually there by the time the reader scrolls to it.
    { rootMargin: '100%' }
  )
  return new Promise((resolve) => {
    waiting.set(el, resolve)
    observer!.observe(el)
  })
}

/**
 * Shared base: the `api`, `site` and `loading` attributes, localization, error reporting, the
 * state of the element's one-at-a-time actions (see `run`), and lazy loading: an element on the
 * page (not one rendered by another Parley element) renders, and so fetches, nothing until it is
 * near the viewport, unless `loading="eager"`. Until its first content (or error) shows, it has
 * `aria-busy`, which the shared styles turn into a skeleton that reserves its height.
 */
export class ParleyElement extends LitElement {
  static version = VERSION
  /** The element fetches its first content, and calls `done()` once it is shown. */
  static fetches = false
  static override styles = [tokens]
  static override properties: PropertyDeclarations = {
    /** Origin of the Parley API, e.g. "https://comments.example.org"; empty = this page's origin. */
    api: {},
    /** The site id registered with the API. */
    site: {},
    /** "lazy" (default): wait until the element is near the viewport; "eager": load at once. */
    loading: {},
    /** The publisher's token (a JWT) for its logged-in user: the reader is signed in as that user. */
    authToken: { attribute: 'auth-token' },
    /** Asked for a fresh publisher token (null: nobody signed in) when the session ends. */
    getAuthToken: { attribute: false },
    _busy: { state: true },
    _error: { state: true },
    _status: { state: true },
  }

  declare api: string
  declare site: string
  declare loading: string
  declare authToken: string | null | undefined
  declare getAuthToken: AuthSource | undefined
  #auth: unknown[] = []
  /** Resolves once the element shows its first content, or why it could not. */
  readonly loaded: Promise<void>
  #loaded!: () => void
  /** An action started by `run` is under way. */
  declare protected _busy: boolean
  /** Why the last action failed, for the element's alert region. */
  declare protected _error: ApiError | null
  /** What the last action did, for the element's status region. */
  declare protected _status: string

  constructor() {
    super()
    this.api = ''
    this.site = ''
    this.loading = 'lazy'
    this.loaded = new Promise((resolve) => (this.#loaded = resolve))
    this._busy = false
    this._error = null
    this._status = ''
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const update = () => {
      this.#signIn()
      super.scheduleUpdate()
      if (!(this.constructor as typeof ParleyElement).fetches) this.done()
    }
    // An element rendered by another Parley element loads when that one does.
    if (
      this.hasUpdated ||
      (this.getRootNode() as Partial<ShadowRoot>).host?.localName.startsWith('parley-')
    )
      return update()
    // Before the first paint: the skeleton shows from the start.
    this.setAttribute('aria-busy', 'true')
    return this.loading === 'eager' ? update() : near(this).then(update)
  }

  /** Tells the client where this site's publisher tokens come from, when that changed. */
  #signIn(): void {
    const { authToken, getAuthToken } = this
    if (authToken === this.#auth[0] && getAuthToken === this.#auth[1]) return
    this.#auth = [authToken, getAuthToken]
    setAuthSource(this, getAuthToken ?? (authToken ? () => this.authToken! : null))
  }

  /** The first content (or error) is shown: drops the skeleton and resolves `loaded`. */
  protected done(): void {
    this.removeAttribute('aria-busy')
    this.#loaded()
  }

  /** Strings in the element's language (see `langOf`). */
  protected get t(): Translation {
    return translationFor(this)
  }

  /** Reports missing required attributes loudly and returns true if any is missing. */
  protected missing(...names: ('site' | 'thread' | 'poll')[]): boolean {
    const absent = names.filter((n) => !(this as Record<string, unknown>)[n])
    for (const n of absent)
      console.error(`[parley] <${this.localName}> is missing the "${n}" attribute`)
    return absent.length > 0
  }

  /** The localized message of a failure. */
  protected errorText({ code }: ApiError): string {
    const { errors } = this.t
    return errors[code] ?? errors.internal
  }

  /** Converts a failure to an ApiError and dispatches `parley-error` with the localized message. */
  protected fail(e: unknown): ApiError {
    const error = toApiError(e)
    emit(this, 'parley-error', { code: error.code, message: this.errorText(error) })
    return error
  }

  /**
   * Runs an action unless one is under way: clears `_error` and `_status`, then sets `_status` to
   * `done` when the action succeeds, or `_error` (reported with `fail`) when it fails. Returns
   * whether it succeeded.
   */
  protected async run(action: () => Promise<unknown>, done = ''): Promise<boolean> {
    if (this._busy) return false
    this._busy = true
    this._error = null
    this._status = ''
    try {
      await action()
      this._status = done
      return true
    } catch (e) {
      // In embed.js, the English of errors only a failed action meets comes with the extras,
      // and so does "Too many votes. Please try again in N seconds." (see ParleyPoll).
      const { code, retryAfter } = toApiError(e)
      if (retryAfter || !(code in this.t.errors)) await needViews()
      this._error = this.fail(e)
      return false
    } finally {
      this._busy = false
    }
  }
}
