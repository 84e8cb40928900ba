import { LitElement, type PropertyDeclarations } from 'lit'
import { type ApiError, toApiError } from '../api/client.ts'
import { emit } from '../events.ts'
import { translationFor } from '../i18n/localize.ts'
import type { Translation } from '../i18n/translation.ts'
import { tokens } from '../styles/tokens.styles.ts'
import { VERSION } from './safe-define.ts'

/** Shared base: the `api` and `site` attributes, localization and error reporting. */
export class ParleyElement extends LitElement {
  static version = VERSION
  static override styles = [tokens]
  static override properties: PropertyDeclarations = {
    /** Origin of the Parley API, e.g. "https://comments.example.org"; empty = this page's origin. */
    api: {},
    /** The site id registered with the API. */
    site: {},
  }

  declare api: string
  declare site: string

  constructor() {
    super()
    this.api = ''
    this.site = ''
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

  /** Converts a failure to an ApiError and dispatches `parley-error` with the localized message. */
  protected fail(e: unknown): ApiError {
    const error = toApiError(e)
    emit(this, 'parley-error', { code: error.code, message: this.t.errors[error.code] })
    return error
  }
}
