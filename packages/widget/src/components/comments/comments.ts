import { html, nothing, type PropertyValues } from 'lit'

import { ParleyElement } from '../../internal/parley-element.ts'
import { type ThreadStore, threadStore } from '../../state/thread-store.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { COMMENT_PARTS } from '../comment/comment.ts'
import { commentsStyles } from './comments.styles.ts'

/**
 * @summary The comments of a thread, newest first, with nested replies and "Load more comments".
 * Comments posted by any Parley form for the same thread on the page appear at once.
 *
 * @event parley-error - Loading failed. `detail: { code, message }`
 * @event parley-comment - Bubbles up from reply forms. `detail: { comment }`
 *
 * @csspart base - The section.
 * @csspart heading - The "N comments" heading.
 * @csspart list - The list of top-level comments.
 * @csspart empty - The "No comments yet" message.
 * @csspart load-more - The "Load more comments" button.
 * @csspart error - The error message region, with its "Try again" button.
 * @csspart comment - Each comment, and the other parts of `<parley-comment>` (author,
 *   comment-body, reactions, reply-button, replies) and of its reply form.
 *
 * @cssproperty --parley-color-border - Separators between comments.
 */
export class ParleyComments extends ParleyElement {
  static override styles = [tokens, commentsStyles]
  static override properties = {
    /** The thread key. */
    thread: {},
    _moreError: { state: true },
  }

  declare thread: string
  declare private _moreError: string
  private store: ThreadStore | null = null
  private readonly onChange = () => this.requestUpdate()

  constructor() {
    super()
    this.thread = ''
    this._moreError = ''
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.store?.addEventListener('change', this.onChange)
    if (this.store) this.requestUpdate() // it may have changed while detached
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.store?.removeEventListener('change', this.onChange)
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('api') && !changed.has('site') && !changed.has('thread')) return
    this.store?.removeEventListener('change', this.onChange)
    this.store = this.missing('site', 'thread')
      ? null
      : threadStore(this.api, this.site, this.thread)
    this.store?.addEventListener('change', this.onChange)
    this.load()
  }

  private load(force = false): void {
    this.store?.load(force).catch((e: unknown) => this.fail(e))
  }

  private async more(): Promise<void> {
    const store = this.store!
    const before = store.comments.length
    this._moreError = ''
    try {
      await store.loadMore()
    } catch (e) {
      this._moreError = this.t.errors[this.fail(e).code]
      return
    }
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
  private alert({ status, error }: ThreadStore) {
    const { t } = this
    if (status === 'error' && error)
      return html`${t.errors[error.code]}
        <button @click=${() => this.load(true)}>${t.tryAgain}</button>`
    if (this._moreError)
      return html`${this._moreError} <button @click=${this.more}>${t.tryAgain}</button>`
    return nothing
  }

  override render() {
    const { t, store } = this
    if (!store) return nothing
    const { status, comments, count } = store
    return html`<section part="base" aria-labelledby="heading" aria-busy=${status === 'loading'}>
      <h2 id="heading" part="heading">${count == null ? t.commentsHeading : t.comments(count)}</h2>
      ${
        status === 'loading'
          ? html`<p class="sr">${t.loadingComments}</p>
              <div class="skeleton" aria-hidden="true">
                <div></div>
                <div></div>
                <div></div>
              </div>`
          : nothing
      }
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
      <div role="alert" part="error">${this.alert(store)}</div>
      ${
        store.nextCursor
          ? html`<button part="load-more" aria-disabled=${store.loadingMore} @click=${this.more}>
              ${t.loadMore}
            </button>`
          : nothing
      }
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-comments': ParleyComments
  }
}
