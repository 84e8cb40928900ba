import { html, nothing, type PropertyValues } from 'lit'
import { ParleyElement } from '../../internal/parley-element.ts'
import { countDefaults, countOf } from '../../state/counts.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { countStyles } from './count.styles.ts'

/**
 * @summary The comment count of a thread as plain text ("12 comments", "1 comment", "No comments
 * yet"), for article lists. All counts on the page for the same API and site are fetched together
 * in one request.
 *
 * @event parley-error - The count could not be loaded. `detail: { code, message }`
 *
 * @csspart count - The text.
 *
 * @cssproperty --parley-color-text - Text colour (default: inherited from the page).
 * @cssproperty --parley-font-family - Font (default: inherited from the page).
 */
export class ParleyCount extends ParleyElement {
  static override fetches = true
  static override styles = [tokens, countStyles]
  static override properties = {
    /** The thread key. */
    thread: {},
    _count: { state: true },
  }

  declare thread: string
  declare private _count: number | null

  constructor() {
    super()
    this.thread = ''
    this._count = null
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('site') || changed.has('thread')) void this.#load()
  }

  async #load(): Promise<void> {
    const { thread } = this
    const ep = { api: this.api || countDefaults.api, site: this.site || countDefaults.site }
    this._count = null
    if (!ep.site) this.missing('site')
    if (ep.site && !this.missing('thread'))
      try {
        const count = await countOf(ep, thread)
        if (thread === this.thread) this._count = count
      } catch (e) {
        this.fail(e)
      }
    this.done()
  }

  override render() {
    return this._count == null
      ? nothing
      : html`<span part="count">${this.t.count(this._count)}</span>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-count': ParleyCount
  }
}
