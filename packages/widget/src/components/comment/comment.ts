import type { Comment } from '@parley/core'
import { html, nothing, type PropertyValues } from 'lit'
import { ParleyElement } from '../../internal/parley-element.ts'
import { exactTime, relativeTime } from '../../internal/format.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { commentStyles } from './comment.styles.ts'

/** Parts of a comment and its reply form, forwarded through each nesting level. */
export const COMMENT_PARTS =
  'comment,author,comment-body,reactions,reply-button,replies,form,input,textarea,submit,error,status'

/** Replies are indented up to this depth; deeper ones stay at this level. */
const MAX_INDENT = 3

/**
 * @summary One comment as an <article>: author, time, text, reaction counts, a "Reply" button that
 * opens an inline form, and the replies nested below.
 *
 * @event parley-comment - From the inline reply form. `detail: { comment }`
 *
 * @csspart comment - The article.
 * @csspart author - The author name (a level-3 heading).
 * @csspart comment-body - The text, in the comment's own language.
 * @csspart reactions - The read-only reaction counts.
 * @csspart reply-button - The "Reply" button.
 * @csspart replies - The list of replies.
 * @csspart form - Parts of the inline reply form (also input, textarea, submit, error, status).
 *
 * @cssproperty --parley-color-border - The reply indentation line and reaction chips.
 * @cssproperty --parley-color-muted - The time.
 */
export class ParleyComment extends ParleyElement {
  static override styles = [tokens, commentStyles]
  static override properties = {
    /** The comment to show (a property, not an attribute). */
    comment: { attribute: false },
    /** Nesting level, 0 for top-level comments. */
    depth: { type: Number },
    /** The thread key, for the reply form. */
    thread: {},
    /** Set on replies shown flatter than their real depth: the author they answer. */
    replyTo: { attribute: false },
    _replying: { state: true },
    _status: { state: true },
  }

  declare comment: Comment | null
  declare depth: number
  declare thread: string
  declare replyTo: string
  declare private _replying: boolean
  declare private _status: string

  constructor() {
    super()
    this.comment = null
    this.depth = 0
    this.thread = ''
    this.replyTo = ''
    this._replying = false
    this._status = ''
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Lists render by position (no keyed repeat, to save bytes): when this element is handed a
    // different comment, drop the state that belonged to the previous one.
    if (changed.has('comment') && changed.get('comment')?.id !== this.comment?.id) {
      this._replying = false
      this._status = ''
    }
  }

  /** Focuses the article, e.g. after it was loaded by "Load more comments". */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('article')?.focus(options)
  }

  private async toggleReply(): Promise<void> {
    this._replying = !this._replying
    this._status = ''
    await this.updateComplete
    if (this._replying) void this.renderRoot.querySelector('parley-comment-form')?.focus()
    else this.renderRoot.querySelector<HTMLElement>('[part~=reply-button]')?.focus()
  }

  private onReplied(): void {
    void this.toggleReply().then(() => (this._status = this.t.commentPosted))
  }

  override render() {
    const { t, comment: c, depth } = this
    if (!c) return nothing
    const date = new Date(c.createdAt)
    const reactions = Object.entries(c.reactions).filter(([, n]) => n > 0)
    return html`<article part="comment" aria-labelledby="author" tabindex="-1">
      <header>
        <h3 id="author" part="author">${c.author.name}</h3>
        <time datetime=${c.createdAt} title=${exactTime(date, t.$code)}
          >${relativeTime(date, t.$code)}</time
        >
        ${this.replyTo ? html`<span class="muted">${t.inReplyTo(this.replyTo)}</span>` : nothing}
      </header>
      <div part="comment-body" lang=${c.lang ?? nothing}>
        ${c.text.split(/\n\s*\n/).map((p) => html`<p>${p}</p>`)}
      </div>
      <footer>
        ${
          reactions.length
            ? html`<ul part="reactions">
                ${reactions.map(
                  ([emoji, n]) =>
                    html`<li>
                      <span role="img" aria-label=${t.reactions(n, emoji)}>${emoji} ${n}</span>
                    </li>`
                )}
              </ul>`
            : nothing
        }
        <button
          class="link"
          part="reply-button"
          aria-expanded=${this._replying}
          aria-describedby="author"
          @click=${this.toggleReply}
        >
          ${t.reply}
        </button>
      </footer>
      ${
        this._replying
          ? html`<parley-comment-form
              exportparts="form,input,textarea,submit,error,status"
              api=${this.api}
              site=${this.site}
              thread=${this.thread}
              parent-id=${c.id}
              @parley-comment=${this.onReplied}
              @parley-cancel=${this.toggleReply}
            ></parley-comment-form>`
          : nothing
      }
      <p role="status" class="sr">${this._status}</p>
      ${
        c.replies.length
          ? html`<ol part="replies" class=${depth < MAX_INDENT ? 'nested' : ''}>
              ${c.replies.map(
                (r) =>
                  html`<li>
                    <parley-comment
                      exportparts=${COMMENT_PARTS}
                      api=${this.api}
                      site=${this.site}
                      thread=${this.thread}
                      depth=${Math.min(depth + 1, MAX_INDENT)}
                      .replyTo=${depth >= MAX_INDENT ? c.author.name : ''}
                      .comment=${r}
                    ></parley-comment>
                  </li>`
              )}
            </ol>`
          : nothing
      }
    </article>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-comment': ParleyComment
  }
}
