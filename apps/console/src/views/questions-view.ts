import type { AdminExpertResponse, Invitation, InvitationStatus } from '@parley/core'
import { safeHtml } from '@parley/widget'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, when } from '../elements/console-view.ts'
import { PagedList } from './paged-list.ts'
import { copyText, loadMore, tabs } from './parts.ts'

const TABS: [InvitationStatus | 'all', string][] = [
  ['open', 'Unanswered'],
  ['answered', 'Answered'],
  ['expired', 'Expired'],
  ['revoked', 'Revoked'],
  ['all', 'All'],
]

const RESPONSE_TABS = [
  ['pending', 'Awaiting review'],
  ['published', 'Published'],
] as const

/**
 * Questions put to experts: the invitation links (unanswered ones first, with their link to copy
 * or revoke), and the responses written through a link that wait for review when the site asks
 * for that.
 */
export class QuestionsView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _tab: { state: true },
    _responses: { state: true },
    _responseTab: { state: true },
  }

  declare private _tab: InvitationStatus | 'all'
  declare private _responses: AdminExpertResponse[]
  declare private _responseTab: 'pending' | 'published'
  #invitations = new PagedList(this, async (cursor) => {
    const status = this._tab === 'all' ? undefined : this._tab
    const page = await this.api!.invitations({ status, cursor })
    return { items: page.invitations, nextCursor: page.nextCursor }
  })

  constructor() {
    super()
    this._tab = 'open'
    this._responses = []
    this._responseTab = 'pending'
  }

  protected override async load(): Promise<void> {
    const [, responses] = await Promise.all([
      this.#invitations.first(),
      this.api!.responses({ status: this._responseTab }),
    ])
    this._responses = responses.responses
  }

  async #copy(invitation: Invitation): Promise<void> {
    this._error = null
    this._status = (await copyText(invitation.url))
      ? 'Invitation link copied.'
      : 'Copying is not allowed here: select the link and copy it.'
  }

  async #revoke(invitation: Invitation): Promise<void> {
    await this.runAndReload(
      () => this.api!.revokeInvitation(invitation.id),
      `Invitation to ${invitation.expert.name} revoked.`
    )
  }

  async #approve(response: AdminExpertResponse): Promise<void> {
    await this.runAndReload(
      () => this.api!.approveResponse(response.id),
      `Response of ${response.expert.name} published.`
    )
  }

  async #reject(response: AdminExpertResponse): Promise<void> {
    await this.runAndReload(
      () => this.api!.deleteResponse(response.id),
      `Response of ${response.expert.name} deleted.`
    )
  }

  override render() {
    return html`<h1 tabindex="-1">Expert questions</h1>
      <p>
        Ask an expert from a comment in the moderation queue: you get a link to send them. Here are
        the questions sent, and the answers waiting for review.
      </p>
      ${this.messages()}
      <h2>Expert answers</h2>
      ${tabs('Show answers', RESPONSE_TABS, this._responseTab, (tab) => {
        this._responseTab = tab
        void this.reload()
      })}
      <ul class="items" aria-label="Expert answers">
        ${this._responses.length === 0 ? html`<li class="empty">None.</li>` : ''}
        ${this._responses.map(
          (r) =>
            html`<li>
              <p class="meta">
                <strong>${r.expert.name}</strong><span>${r.expert.title}</span>
                <span>Thread <code>${r.threadKey}</code></span
                ><span>${when(r.createdAt)}</span>
                <span
                  >${r.invitationId ? 'Through an invitation link' : 'Entered by a moderator'}</span
                >
              </p>
              <div>${safeHtml(r.html)}</div>
              <div class="actions">
                ${
                  r.status === 'pending'
                    ? html`<button type="button" class="primary" @click=${() => this.#approve(r)}>
                        Publish answer
                      </button>`
                    : ''
                }
                <button type="button" class="danger" @click=${() => this.#reject(r)}>
                  Delete answer
                </button>
              </div>
            </li>`
        )}
      </ul>
      <h2>Invitations</h2>
      ${tabs('Show invitations', TABS, this._tab, (tab) => {
        this._tab = tab
        void this.reload()
      })}
      <ul class="items" aria-label="Invitations">
        ${this.#invitations.items.length === 0 ? html`<li class="empty">No invitations.</li>` : ''}
        ${this.#invitations.items.map((i) => this.#renderInvitation(i))}
      </ul>
      ${loadMore(this.#invitations.next, () =>
        this.run(() => this.#invitations.more(), 'More invitations loaded.', true)
      )}`
  }

  #renderInvitation(i: Invitation) {
    return html`<li>
      <p class="meta">
        <span class="badge">${i.status}</span>
        <span>To <strong>${i.expert.name}</strong>, ${i.expert.title}</span>
        <span>Sent ${when(i.createdAt)}</span>
        <span>${i.status === 'open' ? html`Expires ${when(i.expiresAt)}` : ''}</span>
      </p>
      <blockquote class="text">${i.question.text}</blockquote>
      <p class="meta">
        <span>By ${i.question.authorName}</span><span>Thread <code>${i.threadKey}</code></span>
      </p>
      ${
        i.status === 'open'
          ? html`<div class="field">
                <label for=${`link-${i.id}`}>Link for ${i.expert.name}</label>
                <input id=${`link-${i.id}`} type="text" readonly .value=${i.url} />
              </div>
              <div class="actions">
                <button type="button" @click=${() => this.#copy(i)}>Copy link</button>
                <button type="button" class="danger" @click=${() => this.#revoke(i)}>
                  Revoke invitation
                </button>
              </div>`
          : ''
      }
    </li>`
  }
}
