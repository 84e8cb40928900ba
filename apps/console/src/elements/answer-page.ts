import type { Comment, InvitationResponse, InvitationView } from '@parley/core'
import { EXPERT_RESPONSE_MAX } from '@parley/core/limits'
import { ROUTES } from '@parley/core/routes'
import { safeHtml } from '@parley/widget'
import { html, LitElement, type PropertyDeclarations } from 'lit'
import { AdminTransport, toAdminApiError, type AdminApiError } from '../api/client.ts'
import { consoleStyles } from '../styles/console.styles.ts'
import { css, fields, tokens } from '../styles/shared.ts'
import { when } from './console-view.ts'

const MESSAGES: Partial<Record<string, string>> = {
  invitation_invalid: 'This invitation link is not valid, or it was withdrawn.',
  invitation_expired: 'This invitation link has expired. Ask the editors for a new one.',
  already_answered: 'This question has already been answered through this link.',
  comment_deleted: 'The reader deleted this comment, so it can no longer be answered.',
  conflict: 'This comment can no longer be answered.',
}

const messageOf = (error: AdminApiError) => MESSAGES[error.code] ?? error.describe()

/**
 * The page an invited expert opens (/admin/answer#<token>): the comment put to them with its
 * thread, and a form for the answer. No account: the signed token in the fragment is the
 * credential, and the fragment never reaches a server log or a Referer.
 */
export class ParleyAnswer extends LitElement {
  static override styles = [
    tokens,
    fields,
    consoleStyles,
    css`
      :host {
        max-width: 44rem;
        margin: 0 auto;
        padding: var(--_space);
      }
      article {
        border-inline-start: 3px solid var(--_border);
        padding-inline-start: var(--_space);
        margin-block: 0 var(--_space);
      }
      article.question {
        border-color: var(--_accent);
      }
      .html p {
        margin: 0 0 0.5em;
      }
      .response {
        border: 1px solid var(--_accent);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin-block: var(--_space);
      }
      textarea {
        min-height: 12rem;
      }
      .intro time {
        color: inherit;
        font-size: inherit;
      }
    `,
  ]

  static override properties: PropertyDeclarations = {
    /** API origin; '' is this page's origin. */
    api: {},
    _view: { state: true },
    _loadError: { state: true },
    _error: { state: true },
    _sent: { state: true },
    _busy: { state: true },
  }

  declare api: string
  declare private _view: InvitationView | null
  declare private _loadError: string
  declare private _error: string
  declare private _sent: InvitationResponse | null
  declare private _busy: boolean

  constructor() {
    super()
    this.api = ''
    this._view = null
    this._loadError = ''
    this._error = ''
    this._sent = null
    this._busy = false
  }

  get #token(): string {
    return location.hash.replace(/^#/, '')
  }

  get #transport() {
    return new AdminTransport('', this.api)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.#load()
  }

  async #load(): Promise<void> {
    const token = this.#token
    if (!token) {
      this._loadError = 'This link is incomplete: open the whole link from the invitation.'
      return
    }
    try {
      this._view = await this.#transport.call<InvitationView>('GET', ROUTES.invitation, { token })
      this._sent = this._view.response
    } catch (e) {
      this._loadError = messageOf(toAdminApiError(e))
    }
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    if (this._busy) return
    const textarea = (e.target as HTMLFormElement).elements.namedItem('text') as HTMLTextAreaElement
    const text = textarea.value.trim()
    if (!text) {
      this._error = 'Write your answer first.'
      textarea.focus()
      return
    }
    this._busy = true
    this._error = ''
    try {
      this._sent = await this.#transport.call<InvitationResponse>(
        'POST',
        ROUTES.invitationResponse,
        { token: this.#token },
        { body: { text } }
      )
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('#thanks')?.focus()
    } catch (err) {
      this._error = messageOf(toAdminApiError(err))
      textarea.focus()
    } finally {
      this._busy = false
    }
  }

  override render() {
    if (this._loadError) {
      return html`<main>
        <h1>Answer a reader's question</h1>
        <p role="alert">${this._loadError}</p>
      </main>`
    }
    const view = this._view
    if (!view) {
      return html`<main aria-busy="true">
        <h1>Answer a reader's question</h1>
        <p role="status">Loading the question…</p>
      </main>`
    }
    const { expert } = view
    return html`<main>
      <h1>Answer a reader's question</h1>
      <p class="intro">
        ${view.site.name} asks <strong>${expert.name}</strong>, ${expert.title},
        ${expert.organisation}, to answer this reader's
        comment${view.thread.title ? html` in the discussion “${view.thread.title}”` : ''}. The link
        works until ${when(view.expiresAt)}.
      </p>
      <section aria-labelledby="thread-title">
        <h2 id="thread-title">The discussion</h2>
        ${view.parents.map((c) => this.#comment(c, 'In reply to'))}
        ${this.#comment(view.comment, 'The question', true)}
        ${
          view.comment.replies.length > 0
            ? html`<h3>Replies so far</h3>
                ${view.comment.replies.map((c) => this.#comment(c, 'Reply'))}`
            : ''
        }
      </section>
      ${this._sent ? this.#renderSent(this._sent) : this.#renderForm()}
    </main>`
  }

  #comment(comment: Comment, label: string, question = false) {
    return html`<article
      class=${question ? 'question' : ''}
      aria-label=${`${label}: ${comment.author.name}`}
    >
      <p class="meta">
        <strong>${comment.author.name || 'Deleted'}</strong>${when(comment.createdAt)}
      </p>
      <div class="html">${safeHtml(comment.html)}</div>
      ${comment.expertResponses.map(
        (r) =>
          html`<div class="response">
            <p class="meta"><strong>Expert response</strong> ${r.expert.name}, ${r.expert.title}</p>
            <div class="html">${safeHtml(r.html)}</div>
          </div>`
      )}
    </article>`
  }

  #renderForm() {
    return html`<form @submit=${this.#submit} novalidate>
      <h2>Your answer</h2>
      <div class="field">
        <label for="text">Answer as ${this._view!.expert.name}</label>
        <span class="hint" id="text-hint"
          >Plain text; a blank line starts a new paragraph. Up to
          ${EXPERT_RESPONSE_MAX.toLocaleString('en')} characters. You can answer once.</span
        >
        <textarea
          id="text"
          name="text"
          required
          maxlength=${EXPERT_RESPONSE_MAX}
          aria-describedby="text-hint"
          aria-invalid=${this._error ? 'true' : 'false'}
        ></textarea>
      </div>
      <p role="alert">${this._error}</p>
      <div class="actions">
        <button class="primary" aria-disabled=${this._busy ? 'true' : 'false'}>
          Publish answer
        </button>
      </div>
    </form>`
  }

  #renderSent(response: InvitationResponse) {
    return html`<section class="response" aria-labelledby="thanks">
      <h2 id="thanks" tabindex="-1">Thank you: your answer was received</h2>
      <p role="status">
        ${
          response.status === 'published'
            ? 'It is published under the comment.'
            : 'The editors will review it before it is published.'
        }
      </p>
      <div class="html">${safeHtml(response.html)}</div>
      <p class="meta">Sent ${when(response.createdAt)}</p>
    </section>`
  }
}
