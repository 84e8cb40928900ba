import type { Comment } from '@parley/core'
import { REPLY_INDENT_MAX } from '@parley/core/limits'
import { html, type LitElement, nothing, type PropertyValues } from 'lit'
import { call } from '../../api/client.ts'
import type { ParleyCommentEvent } from '../../events.ts'
import type { FormHost, FormPanel } from '../../extras/forms.ts'
import { ParleyElement } from '../../internal/parley-element.ts'
import { exactTime, relativeTime } from '../../internal/format.ts'
import { type Extras, loadExtras } from '../../internal/lazy.ts'
import { safeHtml } from '../../internal/safe-html.ts'
import { commentNeedsViews, getViews, viewsFor } from '../../internal/views.ts'
import { threadStore } from '../../state/thread-store.ts'
import { fields } from '../../styles/fields.styles.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { avatarStyle, initials } from './avatar.ts'
import { commentStyles } from './comment.styles.ts'

/** Parts of a comment and its reply form, forwarded through each nesting level. */
export const COMMENT_PARTS =
  'comment,avatar,author,badge,pinned,pending,stance,edited,reply-to,deleted,tombstone,comment-body,expert-response,expert-photo,expert-body,reactions,reaction,actions,reply-button,edit-button,delete-button,report-button,appeal-button,reported,replies-toggle,replies,more-replies,edit-form,confirm,report-form,appeal-form,form,input,textarea,submit,error,status'

/** The inline panel under a comment; one at a time. */
type Panel = '' | 'reply' | FormPanel

/** The extras module (forms), once a comment has loaded it. */
let forms: Extras | undefined

/**
 * @summary One comment as an <article>: initials avatar, author, badges, time, text, reactions,
 * the Reply / Edit / Delete / Report actions with their inline forms, experts' responses, and the
 * replies below. Rendered by `<parley-comments>`, whose thread store it changes. Its author sees
 * a comment held for review as "Awaiting review", and a removed one with the statement of reasons
 * and an "Appeal" button; everybody else sees a removed comment as a tombstone over its replies.
 * The edit, delete, report and appeal forms are loaded on first use.
 *
 * @event parley-comment - From the inline reply form. `detail: { comment }`
 * @event parley-error - An action failed. `detail: { code, message }`
 *
 * @csspart comment - The article.
 * @csspart avatar - The initials avatar (decorative).
 * @csspart author - The author name (a level-3 heading).
 * @csspart badge - Each badge: "Article author", "Expert", "Verified".
 * @csspart pinned - The "Pinned" label of a comment pinned by a moderator.
 * @csspart pending - The "Awaiting review" label of the reader's comment held for review.
 * @csspart stance - The author's vote in the thread's stance poll: "Voted: Yes".
 * @csspart edited - The "(edited)" mark.
 * @csspart reply-to - The "in reply to NAME" link of replies deeper than the indentation.
 * @csspart deleted - The "This comment was deleted." placeholder.
 * @csspart tombstone - "Removed by a moderator. Reason: …": the placeholder of a removed comment,
 *   or, for its author, the box with the statement of reasons and the appeal.
 * @csspart comment-body - The text, in the comment's own language.
 * @csspart expert-response - An expert's response to the comment (a nested article).
 * @csspart expert-photo - The expert's portrait, when there is one.
 * @csspart expert-body - The text of the response.
 * @csspart reactions - The group of reaction buttons.
 * @csspart reaction - One reaction toggle button (aria-pressed).
 * @csspart actions - The row of action buttons.
 * @csspart reply-button - The "Reply" button (also edit-button, delete-button, report-button,
 *   appeal-button).
 * @csspart reported - The "Reported" text that replaces the Report button.
 * @csspart replies-toggle - The "Hide N replies" / "Show N replies" button.
 * @csspart replies - The list of replies.
 * @csspart more-replies - The "Show N more replies" button.
 * @csspart edit-form - The inline edit form.
 * @csspart confirm - The inline "Delete this comment?" confirmation.
 * @csspart report-form - The inline report form, also the EU notice form.
 * @csspart appeal-form - The author's appeal form.
 * @csspart form - Parts of the inline reply form (also input, textarea, submit, status).
 * @csspart error - The error message region.
 *
 * @cssproperty --parley-color-border - The reply indentation line, badges and reaction buttons.
 * @cssproperty --parley-color-accent - The reader's own reaction, links and buttons.
 * @cssproperty --parley-color-muted - The time and the placeholder of a deleted comment.
 * @cssproperty --parley-color-expert - The edge and tint of expert responses.
 */
export class ParleyComment extends ParleyElement {
  static override styles = [tokens, fields, commentStyles]
  static override properties = {
    /** The comment to show (a property, not an attribute). */
    comment: { attribute: false },
    /** Nesting level, 0 for top-level comments. */
    depth: { type: Number },
    /** The thread key, for the reply form and the store. */
    thread: {},
    /** Set on replies shown flatter than their real depth: the comment they answer. */
    replyTo: { attribute: false },
    /** Shown in the Featured section: the text and the experts' responses, without actions. */
    featured: { type: Boolean },
    _panel: { state: true },
    _collapsed: { state: true },
  }

  declare comment: Comment | null
  declare depth: number
  declare thread: string
  declare replyTo: Comment | null
  declare featured: boolean
  declare private _panel: Panel
  declare private _collapsed: boolean
  /** Nodes rebuilt from server html (the text, each response), kept while that html is unchanged. */
  readonly #nodes = new Map<string, [string, Node[]]>()
  #timer?: ReturnType<typeof setTimeout>

  constructor() {
    super()
    this.comment = null
    this.depth = 0
    this.thread = ''
    this.replyTo = null
    this.featured = false
    this.#reset()
  }

  #reset(): void {
    this._panel = ''
    this._status = ''
    this._error = null
    this._busy = false
    this._collapsed = false
  }

  get #store() {
    return threadStore(this.api, this.site, this.thread)
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Lists render by position (no keyed repeat, to save bytes): when this element is handed a
    // different comment, drop the state that belonged to the previous one.
    if (changed.has('comment') && changed.get('comment')?.id !== this.comment?.id) this.#reset()
    // Labels, moderation states, reactions and expert responses come with the views
    // (internal/views.ts): the list waits for them before it shows; this is for comments that
    // arrive later.
    const c = this.comment
    viewsFor(
      this,
      c &&
        (commentNeedsViews(c, this.depth) ||
          this.replyTo ||
          this.#store.info?.reactions?.available?.length)
    )
  }

  override updated(): void {
    // Re-render when the edit window closes, so the Edit button goes away.
    clearTimeout(this.#timer)
    const left = Date.parse(this.comment?.editableUntil ?? '') - Date.now()
    if (left > 0 && left < 864e5) this.#timer = setTimeout(() => this.requestUpdate(), left)
  }

  /** Focuses the article, e.g. after it was loaded by "Load more comments". */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('article')?.focus(options)
  }

  /**
   * Opens an inline panel and focuses its first field, or closes it and focuses its button. The
   * forms are loaded first if need be; if that fails, the alert says so and nothing opens.
   */
  async #toggle(panel: Panel, focusArticle = false): Promise<void> {
    const open = this._panel !== panel
    if (open && panel !== 'reply' && !forms)
      if (!(await this.run(async () => (forms = await loadExtras())))) return
    this._panel = open ? panel : ''
    this._error = null
    if (open) this._status = ''
    await this.updateComplete
    const root = this.renderRoot
    const target = focusArticle
      ? this
      : open
        ? root.querySelector<HTMLElement>(
            'parley-comment-form, .panel :is(textarea, input, button)'
          )
        : root.querySelector<HTMLElement>(`[data-panel=${panel}]`)
    target?.focus()
  }

  /** What the forms module may use of this comment. */
  #host(): FormHost {
    return {
      el: this,
      t: this.t,
      c: this.comment!,
      store: this.#store,
      call: (route, method, body, auth) =>
        call(this, route, { comment: this.comment!.id }, method, body, auth),
      panel: this._panel,
      busy: this._busy,
      issues: this._error?.issues,
      run: (action, done) => this.run(action, done),
      toggle: (p, focusArticle) => this.#toggle(p, focusArticle),
    }
  }

  /** An inline form from the forms module (loaded by `#toggle` before the panel opens). */
  #form(panel: FormPanel) {
    return forms!.form(this.#host(), panel)
  }

  /** Nodes of sanitized server html, built once per `key` and html (see safe-html.ts). */
  #safe(key: string, html: string): Node[] {
    let entry = this.#nodes.get(key)
    if (entry?.[0] !== html) this.#nodes.set(key, (entry = [html, [...safeHtml(html).childNodes]]))
    return entry[1]
  }

  async #more(): Promise<void> {
    await this.run(() => this.#store.loadReplies(this.comment!.id), this.t.moreRepliesShown)
    await this.updateComplete
    // Once everything is loaded the button goes away; focus the replies toggle instead.
    if (!this.renderRoot.querySelector('[part~=more-replies]'))
      this.renderRoot.querySelector<HTMLElement>('[part~=replies-toggle]')?.focus()
  }

  #toParent(event: Event): void {
    event.preventDefault()
    ;((this.getRootNode() as ShadowRoot).host as LitElement | undefined)?.focus()
  }

  override render() {
    const { t, comment: c, depth, _collapsed: collapsed } = this
    if (!c) return nothing
    // At the deepest indentation, replies are shown beside the comment rather than inside it,
    // each with "in reply to NAME".
    const flat = depth >= REPLY_INDENT_MAX
    const replies = this.featured ? nothing : this.#replies(c, flat)
    // The count shows either way; replies that did not come with the page (beyond the first ones
    // of a large subtree, or under a pinned comment from the thread) load on the first "Show".
    const count = (depth ? c.replyCount : c.descendantCount) || c.replies.length
    const shown = !collapsed && !!c.replies.length
    const toggle = count
      ? html`<button
          class="link"
          part="replies-toggle"
          aria-expanded=${shown}
          aria-controls="replies"
          aria-describedby="author"
          @click=${() =>
            c.replies.length
              ? (this._collapsed = shown)
              : this.run(() => this.#store.loadReplies(c.id))}
        >
          ${(shown ? t.hideReplies : t.showReplies)(count)}
        </button>`
      : nothing
    // Everybody but its author sees a removed comment as a tombstone (the author alone gets
    // removal.appeal), like a deleted one: no author, text or actions, and the replies stay.
    // Its text comes with the views; without them (offline) the placeholder has none.
    const { removal } = c
    const placeholder =
      (c.deleted || (removal && !removal.appeal)) && (getViews()?.placeholder(this, t, c) ?? ' ')
    return html`<article part="comment" aria-labelledby="author" tabindex="-1">
        ${
          placeholder
            ? html`<p id="author" part=${c.deleted ? 'deleted' : 'tombstone'} class="muted">
                  ${placeholder}
                </p>
                ${toggle}`
            : this.#content(c, toggle)
        }
        <div role="alert" part="error">${this._error ? this.errorText(this._error) : ''}</div>
        <p role="status" class="sr">${this._status}</p>
        ${flat ? nothing : replies}
      </article>
      ${flat ? replies : nothing}`
  }

  /** The replies, and "Show N more replies" under a top-level comment with more to load. */
  #replies(c: Comment, flat: boolean) {
    const { t, depth, _collapsed: collapsed } = this
    const more = depth ? 0 : this.#store.moreReplies(c)
    return html`<ol
        id="replies"
        part="replies"
        class=${flat ? '' : 'nested'}
        ?hidden=${collapsed || !c.replies.length}
      >
        ${c.replies.map(
          (r) =>
            html`<li>
              <parley-comment
                exportparts=${COMMENT_PARTS}
                api=${this.api}
                site=${this.site}
                thread=${this.thread}
                depth=${Math.min(depth + 1, REPLY_INDENT_MAX)}
                .replyTo=${flat ? c : null}
                .comment=${r}
              ></parley-comment>
            </li>`
        )}
      </ol>
      ${
        more > 0 && !collapsed && c.replies.length
          ? html`<button
              class="link"
              part="more-replies"
              aria-describedby="author"
              aria-disabled=${this._busy}
              @click=${this.#more}
            >
              ${t.moreReplies(more)}
            </button>`
          : nothing
      }`
  }

  /**
   * Everything but the replies, for a comment that is not a placeholder: published, held for
   * review (its author alone gets it) or removed (seen by its author).
   */
  #content(c: Comment, toggle: unknown) {
    const { t, replyTo, featured, _panel: panel } = this
    const { removal, status } = c
    const name = c.author.name
    const date = new Date(c.createdAt)
    const published = status === 'published'
    const action = (p: 'edit' | 'delete' | 'report' | 'reply', label: string) =>
      html`<button
        class="link"
        part="${p}-button"
        data-panel=${p}
        aria-expanded=${panel === p}
        aria-describedby="author"
        @click=${() => this.#toggle(p)}
      >
        ${label}
      </button>`
    return html`<header>
        <span part="avatar" aria-hidden="true" .style=${avatarStyle(name)}>${initials(name)}</span>
        <h3 id="author" part="author">${name}</h3>
        ${getViews()?.labels(this, t, c)}
        <time datetime=${c.createdAt} title=${exactTime(date, t.$code)}
          >${relativeTime(date, t.$code)}</time
        >
        ${getViews()?.after(this, t, c, replyTo, this.#toParent)}
      </header>
      ${
        panel === 'edit'
          ? this.#form(panel)
          : html`<div part="comment-body" lang=${c.lang ?? nothing}>${this.#safe('', c.html)}</div>`
      }
      ${getViews()?.below(this.#host(), (key, html) => this.#safe(key, html))}
      ${
        featured
          ? nothing
          : html`<footer part="actions">
              ${published ? html`${getViews()?.reactions(this.#host())} ${action('reply', t.reply)}` : nothing}
              ${
                c.mine
                  ? removal
                    ? nothing
                    : html`${Date.parse(c.editableUntil ?? '') > Date.now() ? action('edit', t.edit) : nothing}
                      ${action('delete', t.delete)}`
                  : !published
                    ? nothing
                    : this.#store.reported.has(c.id)
                      ? html`<span part="reported" class="muted">${t.reported}</span>`
                      : action('report', t.report)
              }
              ${toggle}
            </footer>`
      }
      ${
        panel === 'reply'
          ? html`<parley-comment-form
              exportparts="form,input,textarea,submit,error,status"
              api=${this.api}
              site=${this.site}
              thread=${this.thread}
              parent-id=${c.id}
              @parley-comment=${this.#onReplied}
              @parley-cancel=${() => this.#toggle('reply')}
            ></parley-comment-form>`
          : panel === 'delete' || panel === 'report'
            ? this.#form(panel)
            : nothing
      }`
  }

  #onReplied(e: ParleyCommentEvent): void {
    const { t } = this
    const held = e.detail.comment.status === 'pending'
    void this.#toggle('reply').then(() => (this._status = held ? t.commentHeld : t.commentPosted))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-comment': ParleyComment
  }
}
