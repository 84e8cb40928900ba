import type { CommentSort } from '@parley/core'
import { html, nothing, type PropertyValues } from 'lit'

import { call } from '../../api/client.ts'
import { ThreadStoreController } from '../../controllers/thread-store-controller.ts'
import { type Extras, loadExtras } from '../../internal/lazy.ts'
import { ParleyElement } from '../../internal/parley-element.ts'
import { getViews, threadNeedsViews, viewsFor } from '../../internal/views.ts'
import type { ThreadStore } from '../../state/thread-store.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { COMMENT_PARTS } from '../comment/comment.ts'
import { commentsStyles } from './comments.styles.ts'

/**
 * @summary The comments of a thread with nested replies, "Sort by", "Language" and "Stance"
 * selects and "Load more comments". Comments posted by any Parley form for the same thread on the
 * page appear at once. The sort order is remembered on the device (localStorage `parley:sort`).
 * With a stance poll on the thread, "Sort by" offers "Balanced" and the "Stance" filter shows.
 *
 * @event parley-error - Loading failed. `detail: { code, message }`
 * @event parley-comment - Bubbles up from reply forms. `detail: { comment }`
 *
 * @csspart base - The section.
 * @csspart heading - The "N comments" heading.
 * @csspart controls - The row with the "Sort by", "Language" and "Stance" selects.
 * @csspart select - Each of those selects.
 * @csspart list - The list of top-level comments.
 * @csspart empty - The "No comments yet" message.
 * @csspart load-more - The "Load more comments" button.
 * @csspart your-data - The "Your data" button: download or erase what is stored about the reader.
 * @csspart your-data-panel - The panel it opens (loaded on first use).
 * @csspart error - The error message region, with its "Try again" button.
 * @csspart comment - Each comment, and the other parts of `<parley-comment>` (avatar, author,
 *   badge, stance, comment-body, reactions, reaction, reply-button, replies, …) and of its forms.
 *
 * @cssproperty --parley-color-border - Separators between comments.
 */
export class ParleyComments extends ParleyElement {
  static override fetches = true
  static override styles = [tokens, commentsStyles]
  static override properties = {
    /** The thread key. */
    thread: {},
    _data: { state: true },
  }

  declare thread: string
  /** The "Your data" panel's module, while the panel is open (docs/privacy.md). */
  declare private _data: Extras | null
  readonly #stores = new ThreadStoreController(this)

  constructor() {
    super()
    this.thread = ''
    this._data = null
  }

  async #toggleData(): Promise<void> {
    let m = this._data
    if (!m && !(await this.run(async () => (m = await loadExtras())))) return
    this._data = this._data ? null : m
    await this.updateComplete
    this.renderRoot
      .querySelector<HTMLElement>(this._data ? '#your-data button' : '[part=your-data]')
      ?.focus()
  }

  get #store(): ThreadStore | null {
    return this.#stores.store
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('api') && !changed.has('site') && !changed.has('thread')) return
    this.missing('site', 'thread')
    this.#stores.attach()
    this.#load()
  }

  override updated(): void {
    const store = this.#store
    if (store?.status === 'loading') return
    // What only some threads show comes with the views: shown once they are there (or cannot
    // be), so that nothing moves after the skeleton goes.
    if (!store || !threadNeedsViews(store) || viewsFor(this, true) !== undefined) this.done()
  }

  /** Focuses the heading, e.g. after the last comment on the list was deleted. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('h2')?.focus(options)
  }

  #load(force = false): void {
    this.#store?.load(force).catch((e: unknown) => this.fail(e))
  }

  async #more(): Promise<void> {
    const store = this.#store!
    const before = store.comments.length
    if (!(await this.run(() => store.loadMore()))) return
    await this.updateComplete
    // Focus stays on the button while there are more pages; once it is gone, move to the first
    // new comment rather than losing focus to the page.
    if (!store.nextCursor) {
      const item = this.renderRoot.querySelectorAll('parley-comment')[before]
      await item?.updateComplete
      item?.focus()
    }
  }

  // Kept on one line in the template so the region is :empty (and takes no space) when idle.
  #alert({ status, error }: ThreadStore) {
    const { t } = this
    if (status === 'error' && error)
      return html`${this.errorText(error)}
        <button @click=${() => this.#load(true)}>${t.tryAgain}</button>`
    // The "Load more comments" failure, from `run`.
    if (this._error)
      return html`${this.errorText(this._error)}
        <button @click=${this.#more}>${t.tryAgain}</button>`
    return nothing
  }

  /** Reloads the first page with the selects' values. */
  #view(): void {
    const value = (id: string) =>
      this.renderRoot.querySelector<HTMLSelectElement>('#' + id)?.value ?? ''
    this.#store
      ?.view(value('sort') as CommentSort, value('lang'), value('stance'))
      .catch((e: unknown) => this.fail(e))
  }

  #controls(store: ThreadStore) {
    const { t } = this
    const { sort, info } = store
    const stances = info?.stances
    const select = (id: string, label: string, options: [string, string][], value: string) =>
      html`<span
        ><label for=${id}>${label}</label>
        <select id=${id} part="select" @change=${this.#view}>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
        </select></span
      >`
    return html`<div part="controls">
      ${select(
        'sort',
        t.sortBy,
        (['newest', 'oldest', 'top', ...(stances ? (['balanced'] as const) : [])] as const).map(
          (s) => [s, t.sorts[s]]
        ),
        sort
      )}
      ${getViews()?.filters(this, t, store, select)}
    </div>`
  }

  override render() {
    const { t } = this
    const store = this.#store
    if (!store) return nothing
    const { status, comments, count } = store
    const heading = count == null ? t.commentsHeading : t.comments(count)
    return html`<section part="base" aria-labelledby="heading" aria-busy=${status === 'loading'}>
      <h2 id="heading" part="heading" tabindex="-1">${heading}</h2>
      ${comments.length || store.lang || store.stance ? this.#controls(store) : nothing}
      ${status === 'loading' ? html`<p class="sr">${t.loadingComments}</p>` : nothing}
      ${status === 'ready' && !comments.length ? html`<p part="empty">${t.noComments}</p>` : nothing}
      ${
        comments.length
          ? html`<ol part="list">
              ${comments.map(
                (c) =>
                  html`<li>
                    <parley-comment
                      exportparts=${COMMENT_PARTS}
                      api=${this.api}
                      site=${this.site}
                      thread=${this.thread}
                      .comment=${c}
                    ></parley-comment>
                  </li>`
              )}
            </ol>`
          : nothing
      }
      <div role="alert" part="error">${this.#alert(store)}</div>
      <p role="status" class="sr">${store.notice}</p>
      ${
        store.nextCursor
          ? html`<button part="load-more" aria-disabled=${store.loadingMore} @click=${this.#more}>
              ${t.loadMore}
            </button>`
          : nothing
      }
      <button part="your-data" aria-expanded=${!!this._data} @click=${this.#toggleData}>
        ${t.yourData}
      </button>
      ${
        this._data?.yourData({
          el: this,
          t,
          call: (route, method, auth) => call(this, route, {}, method, undefined, auth),
          erased: () => this.#load(true),
          close: () => this.#toggleData(),
          errorText: (e) => this.errorText(e),
        }) ?? nothing
      }
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-comments': ParleyComments
  }
}
