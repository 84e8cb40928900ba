import type { AdminNotice, ModeratedComment, NoticeStatus } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'
import { PagedList } from './paged-list.ts'
import { loadMore, REMOVAL_REASON_LABELS, removalFields, tabs } from './parts.ts'
import type { RemovalReason } from '@parley/core/limits'

const TABS: [NoticeStatus | 'all', string][] = [
  ['open', 'Open'],
  ['actioned', 'Actioned'],
  ['dismissed', 'Dismissed'],
  ['all', 'All'],
]

/** The comment a notice or an appeal is about, as the moderator sees it. */
export function moderatedComment(comment: ModeratedComment) {
  return html`<blockquote class="text">${comment.excerpt || '(no text)'}</blockquote>
    <p class="meta">
      <span>By ${comment.authorName || 'a deleted author'}</span>
      <span>Thread <code>${comment.thread}</code></span>
      <span>Comment <code>${comment.id}</code></span>
      <span class="badge">${comment.deleted ? 'deleted by its author' : comment.status}</span>
      ${
        comment.removal
          ? html`<span>Removed: ${REMOVAL_REASON_LABELS[comment.removal.reason]}</span>`
          : ''
      }
    </p>`
}

/**
 * EU Digital Services Act notices (art. 16): anyone may flag a comment as illegal content. The
 * moderator removes the comment with a statement of reasons, or dismisses the notice.
 */
export class NoticesView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _tab: { state: true },
    _deciding: { state: true },
    _action: { state: true },
  }

  declare private _tab: NoticeStatus | 'all'
  declare private _deciding: AdminNotice | null
  declare private _action: 'remove' | 'dismiss'
  #notices = new PagedList(this, async (cursor) => {
    const page = await this.api!.notices({
      status: this._tab === 'all' ? undefined : this._tab,
      cursor,
    })
    return { items: page.notices, nextCursor: page.nextCursor }
  })

  constructor() {
    super()
    this._tab = 'open'
    this._deciding = null
    this._action = 'remove'
  }

  protected override load(): Promise<void> {
    return this.#notices.first()
  }

  async #decide(notice: AdminNotice): Promise<void> {
    this._deciding = notice
    this._action = 'remove'
    await this.showDialog('decide')
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const notice = this._deciding
    if (!notice) return
    const values = formValues(e.target as HTMLFormElement)
    const action = this._action
    const ok = await this.runAndReload(
      () =>
        this.api!.decideNotice(notice.id, {
          action,
          statement: values.statement ?? '',
          ...(action === 'remove' && { reason: values.reason as RemovalReason }),
        }),
      action === 'remove' ? 'Comment removed; notice actioned.' : 'Notice dismissed.'
    )
    if (ok) this.closeDialog('decide')
  }

  override render() {
    return html`<h1 tabindex="-1">DSA notices</h1>
      <p>Notices of illegal content under the EU Digital Services Act, filed by anyone.</p>
      ${tabs('Show', TABS, this._tab, (tab) => {
        this._tab = tab
        void this.reload()
      })}
      ${this.messages()}
      <ul class="items" aria-label="Notices">
        ${this.#notices.items.length === 0 ? html`<li class="empty">No notices.</li>` : ''}
        ${this.#notices.items.map(
          (n) =>
            html`<li>
              <p class="meta">
                <span class="badge">${n.status}</span>
                <span>Received ${when(n.createdAt)}</span>
                <span>From ${n.name} &lt;${n.email}&gt;</span>
              </p>
              <p><strong>Law:</strong> ${n.law}</p>
              <p class="text"><strong>Explanation:</strong> ${n.explanation}</p>
              ${moderatedComment(n.comment)}
              ${
                n.decision
                  ? html`<p><strong>Decision</strong> (${when(n.decidedAt)}): ${n.decision}</p>`
                  : ''
              }
              ${
                n.status === 'open'
                  ? html`<button type="button" @click=${() => this.#decide(n)}>Decide</button>`
                  : ''
              }
            </li>`
        )}
      </ul>
      ${loadMore(this.#notices.next, () =>
        this.run(() => this.#notices.more(), 'More notices loaded.', true)
      )}
      ${this._deciding ? this.#renderDialog(this._deciding) : ''}`
  }

  #renderDialog(notice: AdminNotice) {
    const remove = this._action === 'remove'
    return this.formDialog(
      {
        id: 'decide',
        title: `Decide on the notice about ${notice.comment.authorName || 'a comment'}`,
        submit: remove ? 'Remove comment' : 'Dismiss notice',
        onSubmit: this.#submit,
        onClose: () => (this._deciding = null),
      },
      html`<fieldset>
          <legend>Decision</legend>
          <div class="check">
            <input
              type="radio"
              id="decide-remove"
              name="action"
              value="remove"
              .checked=${this._action === 'remove'}
              @change=${() => (this._action = 'remove')}
            />
            <label for="decide-remove">Remove the comment</label>
          </div>
          <div class="check">
            <input
              type="radio"
              id="decide-dismiss"
              name="action"
              value="dismiss"
              .checked=${this._action === 'dismiss'}
              @change=${() => (this._action = 'dismiss')}
            />
            <label for="decide-dismiss">Dismiss the notice (the comment stays)</label>
          </div>
        </fieldset>
        ${
          remove
            ? removalFields('decide', 'Its author sees this, with a way to appeal.')
            : html`<div class="field">
                <label for="decide-statement">Why the notice is not followed</label>
                <textarea id="decide-statement" name="statement" required rows="4"></textarea>
              </div>`
        }`
    )
  }
}
