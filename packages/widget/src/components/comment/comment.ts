import type { Comment } from '@parley/core'
import {
  COMMENT_TEXT_MAX,
  REPLY_INDENT_MAX,
  REPORT_NOTE_MAX,
  REPORT_REASONS,
} from '@parley/core/limits'
import { html, type LitElement, nothing, type PropertyValues } from 'lit'
import { ParleyElement } from '../../internal/parley-element.ts'
import { exactTime, relativeTime } from '../../internal/format.ts'
import { safeHtml } from '../../internal/safe-html.ts'
import { threadStore } from '../../state/thread-store.ts'
import { fields } from '../../styles/fields.styles.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { avatarStyle, initials } from './avatar.ts'
import { commentStyles } from './comment.styles.ts'

/** Parts of a comment and its reply form, forwarded through each nesting level. */
export const COMMENT_PARTS =
  'comment,avatar,author,badge,stance,edited,reply-to,deleted,comment-body,reactions,reaction,actions,reply-button,edit-button,delete-button,report-button,reported,replies-toggle,replies,more-replies,edit-form,confirm,report-form,form,input,textarea,submit,error,status'

/** The inline panel under a comment; one at a time. */
type Panel = '' | 'reply' | 'edit' | 'delete' | 'report'

/**
 * @summary One comment as an <article>: initials avatar, author, badges, time, text, reactions,
 * the Reply / Edit / Delete / Report actions with their inline forms, and the replies below.
 * Rendered by `<parley-comments>`, whose thread store it changes.
 *
 * @event parley-comment - From the inline reply form. `detail: { comment }`
 * @event parley-error - An action failed. `detail: { code, message }`
 *
 * @csspart comment - The article.
 * @csspart avatar - The initials avatar (decorative).
 * @csspart author - The author name (a level-3 heading).
 * @csspart badge - Each badge: "Article author", "Expert", "Verified".
 * @csspart stance - The author's vote in the thread's stance poll: "Voted: Yes".
 * @csspart edited - The "(edited)" mark.
 * @csspart reply-to - The "in reply to NAME" link of replies deeper than the indentation.
 * @csspart deleted - The "This comment was deleted." placeholder.
 * @csspart comment-body - The text, in the comment's own language.
 * @csspart reactions - The group of reaction buttons.
 * @csspart reaction - One reaction toggle button (aria-pressed).
 * @csspart actions - The row of action buttons.
 * @csspart reply-button - The "Reply" button (also edit-button, delete-button, report-button).
 * @csspart reported - The "Reported" text that replaces the Report button.
 * @csspart replies-toggle - The "Hide replies" / "Show N replies" button.
 * @csspart replies - The list of replies.
 * @csspart more-replies - The "Show N more replies" button.
 * @csspart edit-form - The inline edit form.
 * @csspart confirm - The inline "Delete this comment?" confirmation.
 * @csspart report-form - The inline report form.
 * @csspart form - Parts of the inline reply form (also input, textarea, submit, status).
 * @csspart error - The error message region.
 *
 * @cssproperty --parley-color-border - The reply indentation line, badges and reaction buttons.
 * @cssproperty --parley-color-accent - The reader's own reaction, links and buttons.
 * @cssproperty --parley-color-muted - The time and the placeholder of a deleted comment.
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
    _panel: { state: true },
    _collapsed: { state: true },
  }

  declare comment: Comment | null
  declare depth: number
  declare thread: string
  declare replyTo: Comment | null
  declare private _panel: Panel
  declare private _collapsed: boolean
  /** The text rebuilt from `comment.html`, kept while the html is unchanged. */
  #body: { html: string; nodes: Node[] } | null = null
  #timer?: ReturnType<typeof setTimeout>

  constructor() {
    super()
    this.comment = null
    this.depth = 0
    this.thread = ''
    this.replyTo = null
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

  /** Opens an inline panel and focuses its first field, or closes it and focuses its button. */
  async #toggle(panel: Panel, focusArticle = false): Promise<void> {
    const open = this._panel !== panel
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

  #react(emoji: string): void {
    const { t, comment: c } = this
    const next = c!.myReaction === emoji ? null : emoji
    void this.run(
      () => this.#store.react(c!.id, next),
      next ? t.reacted(t.reactionNames[next] ?? next) : t.reactionRemoved
    )
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const text = form.elements.namedItem('text') as HTMLTextAreaElement
    text.setCustomValidity(text.value.trim() ? '' : this.t.commentEmpty)
    if (!form.reportValidity()) return
    const { id } = this.comment!
    if (await this.run(() => this.#store.edit(id, text.value), this.t.commentUpdated))
      await this.#toggle('edit', true)
  }

  async #delete(): Promise<void> {
    const host = (this.getRootNode() as ShadowRoot).host as HTMLElement | undefined
    const { t } = this
    const store = this.#store
    if (!(await this.run(() => store.remove(this.comment!.id)))) return
    this._panel = ''
    store.announce(t.commentDeleted)
    // Let the list re-render: this element now shows the placeholder or the next comment, or is
    // gone, and then focus goes to its parent.
    await new Promise((resolve) => setTimeout(resolve))
    ;(this.isConnected ? this : host)?.focus()
  }

  async #report(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    const note = String(data.get('note')).trim()
    const body = { reason: data.get('reason') as (typeof REPORT_REASONS)[number] }
    const { id } = this.comment!
    if (
      await this.run(
        () => this.#store.report(id, note ? { ...body, note } : body),
        this.t.reportSent
      )
    )
      await this.#toggle('report', true)
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
    const { t, comment: c, depth, _panel: panel, _collapsed: collapsed } = this
    if (!c) return nothing
    // At the deepest indentation, replies are shown beside the comment rather than inside it,
    // each with "in reply to NAME".
    const flat = depth >= REPLY_INDENT_MAX
    const replies = this.#replies(c, flat)
    const toggle = c.replies.length
      ? html`<button
          class="link"
          part="replies-toggle"
          aria-expanded=${!collapsed}
          aria-controls="replies"
          aria-describedby="author"
          @click=${() => (this._collapsed = !collapsed)}
        >
          ${collapsed ? t.showReplies(depth ? c.replyCount : c.descendantCount) : t.hideReplies}
        </button>`
      : nothing
    return html`<article part="comment" aria-labelledby="author" tabindex="-1">
        ${
          c.deleted
            ? html`<p id="author" part="deleted" class="muted">${t.deleted}</p>
                ${toggle}`
            : this.#content(c, panel, toggle)
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
        more > 0 && !collapsed
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

  /** Everything but the replies, for a comment that is not deleted. */
  #content(c: Comment, panel: Panel, toggle: unknown) {
    const { t, replyTo } = this
    const name = c.author.name
    const date = new Date(c.createdAt)
    if (this.#body?.html !== c.html)
      this.#body = { html: c.html, nodes: [...safeHtml(c.html).childNodes] }
    const reported = this.#store.reported.has(c.id)
    const action = (p: Exclude<Panel, ''>, label: string) =>
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
        ${c.author.badges.map((b) => html`<span part="badge">${t.badges[b]}</span>`)}
        ${c.stance ? html`<span part="stance">${t.voted(c.stance.label)}</span>` : nothing}
        <time datetime=${c.createdAt} title=${exactTime(date, t.$code)}
          >${relativeTime(date, t.$code)}</time
        >
        ${
          c.editedAt
            ? html`<span
                part="edited"
                class="muted"
                title=${exactTime(new Date(c.editedAt), t.$code)}
                >${t.edited}</span
              >`
            : nothing
        }
        ${
          replyTo
            ? html`<a part="reply-to" href="#" @click=${this.#toParent}
                >${t.inReplyTo(replyTo.author.name)}</a
              >`
            : nothing
        }
      </header>
      ${
        panel === 'edit'
          ? html`<form class="panel" part="edit-form" @submit=${this.#save}>
              <label for="edit">${t.editComment}</label>
              <textarea
                id="edit"
                name="text"
                required
                maxlength=${COMMENT_TEXT_MAX}
                rows="4"
                .value=${c.text}
                @input=${(e: InputEvent) => (e.target as HTMLTextAreaElement).setCustomValidity('')}
              ></textarea>
              ${this.#buttons(t.save, 'edit')}
            </form>`
          : html`<div part="comment-body" lang=${c.lang ?? nothing}>${this.#body.nodes}</div>`
      }
      <footer part="actions">
        ${this.#reactions(c)} ${action('reply', t.reply)}
        ${
          c.mine
            ? html`${Date.parse(c.editableUntil ?? '') > Date.now() ? action('edit', t.edit) : nothing}
              ${action('delete', t.delete)}`
            : reported
              ? html`<span part="reported" class="muted">${t.reported}</span>`
              : action('report', t.report)
        }
        ${toggle}
      </footer>
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
          : panel === 'delete'
            ? html`<div class="panel" part="confirm" role="group" aria-labelledby="confirm">
                <p id="confirm">${t.deleteConfirm}</p>
                <div class="actions">
                  <button class="primary" aria-disabled=${this._busy} @click=${this.#delete}>
                    ${t.deleteComment}
                  </button>
                  <button @click=${() => this.#toggle('delete')}>${t.cancel}</button>
                </div>
              </div>`
            : panel === 'report'
              ? html`<form class="panel" part="report-form" @submit=${this.#report}>
                  <fieldset>
                    <legend>${t.reportReason}</legend>
                    ${REPORT_REASONS.map(
                      (r) =>
                        html`<label
                          ><input type="radio" name="reason" value=${r} required />
                          ${t.reasons[r]}</label
                        >`
                    )}
                  </fieldset>
                  <label for="note">${t.reportNote}</label>
                  <textarea id="note" name="note" maxlength=${REPORT_NOTE_MAX} rows="2"></textarea>
                  ${this.#buttons(t.sendReport, 'report')}
                </form>`
              : nothing
      }`
  }

  /** Submit and Cancel of an inline form. */
  #buttons(submit: string, panel: Panel) {
    return html`<div class="actions">
      <button class="primary" aria-disabled=${this._busy}>${submit}</button>
      <button type="button" @click=${() => this.#toggle(panel)}>${this.t.cancel}</button>
    </div>`
  }

  #reactions(c: Comment) {
    const { t } = this
    const available = this.#store.info?.reactions?.available ?? []
    if (!available.length) return nothing
    return html`<div role="group" part="reactions" aria-label=${t.reactions}>
      ${available.map((emoji) => {
        const name = t.reactionNames[emoji] ?? emoji
        const n = c.reactions?.[emoji] ?? 0
        return html`<button
          part="reaction"
          aria-pressed=${emoji === c.myReaction}
          aria-label=${c.reactions ? t.reactionCount(name, n) : name}
          aria-describedby="author"
          @click=${() => this.#react(emoji)}
        >
          ${emoji}${n ? html` <span>${n.toLocaleString(t.$code)}</span>` : nothing}
        </button>`
      })}
    </div>`
  }

  #onReplied(): void {
    void this.#toggle('reply').then(() => (this._status = this.t.commentPosted))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-comment': ParleyComment
  }
}
