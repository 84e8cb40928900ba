import { LitElement, type PropertyDeclarations } from 'lit'
import { type ApiError, toApiError } from '../api/client.ts'
import { emit } from '../events.ts'
import { translationFor } from '../i18n/localize.ts'
import type { Translation } from '../i18n/translation.ts'
import { tokens } from '../styles/tokens.styles.ts'
import { VERSION } from './safe-define.ts'

/**
 * Shared base: the `api` and `site` attributes, localization, error reporting, and the state of
 * the element's one-at-a-time actions (see `run`).
 */
export class ParleyElement extends LitElement {
  static version = VERSION
  static override styles = [tokens]
  static override properties: PropertyDeclarations = {
    /** Origin of the Parley API, e.g. "https://comments.example.org"; empty = this page's origin. */
    api: {},
    /** The site id registered with the API. */
    site: {},
    _busy: { state: true },
    _error: { state: true },
    _status: { state: true },
  }

  declare api: string
  declare site: string
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
    this._busy = false
    this._error = null
    this._status = ''
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
      this._error = this.fail(e)
      return false
    } finally {
      this._busy = false
    }
  }
}
