import { COMMENT_TEXT_MAX, DISPLAY_NAME_MAX } from '@parley/core/limits'
import { html, nothing, type PropertyValues } from 'lit'
import { isRetryable } from '../../api/client.ts'
import type { TurnstileHandle } from '../../extras/turnstile.ts'
import { DraftController } from '../../controllers/draft-controller.ts'
import { ThreadStoreController } from '../../controllers/thread-store-controller.ts'
import { emit } from '../../events.ts'
import { signedInUser } from '../../internal/auth.ts'
import { loadExtras } from '../../internal/lazy.ts'
import { ParleyElement } from '../../internal/parley-element.ts'
import { originOf, read, write } from '../../internal/storage.ts'
import { getViews, viewsFor } from '../../internal/views.ts'
import { fields } from '../../styles/fields.styles.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { commentFormStyles } from './comment-form.styles.ts'

/** 32 random hex characters; works on plain-http pages, unlike crypto.randomUUID. */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0')
  ).join('')

/**
 * @summary A native form to post a comment, or a reply when `parent-id` is set. The draft is kept
 * on the device until the server accepts it. A reader who voted in the thread's stance poll gets
 * a "Show my vote (“Yes”) with my comment" checkbox, checked unless they unchecked it before on
 * the site (localStorage `parley:stance|<api origin>|<site>`).
 *
 * @event parley-comment - The server accepted the comment. `detail: { comment }`
 * @event parley-error - Posting failed. `detail: { code, message }`
 * @event parley-cancel - The reader closed a reply form with "Cancel" (reply forms only).
 *
 * @csspart form - The form.
 * @csspart sign-in - "Sign in to comment." with a link to the site's login page, shown to an
 *   anonymous reader where commenting needs sign-in (Thread.signIn).
 * @csspart input - The name input.
 * @csspart textarea - The comment textarea.
 * @csspart submit - The "Post comment" button.
 * @csspart error - The error message region, with its "Try again" button.
 * @csspart status - The "Comment posted" confirmation.
 *
 * @cssproperty --parley-color-border - Field borders.
 * @cssproperty --parley-color-surface - Field backgrounds.
 * @cssproperty --parley-color-danger - Error text and invalid fields.
 */
export class ParleyCommentForm extends ParleyElement {
  static override styles = [tokens, fields, commentFormStyles]
  static override properties = {
    /** The thread key. */
    thread: {},
    /** The comment this form replies to. */
    parentId: { attribute: 'parent-id' },
  }

  declare thread: string
  declare parentId: string

  #draft = new DraftController(this, () => {
    const scope = `${originOf(this.api)}|${this.site}`
    return [`parley:draft|${scope}|${this.thread}|${this.parentId}`, `parley:name|${scope}`]
  })
  readonly #stores = new ThreadStoreController(this)

  /** Where the "Show my vote" choice is remembered, for every thread of the site. */
  get #stanceKey(): string {
    return `parley:stance|${originOf(this.api)}|${this.site}`
  }

  constructor() {
    super()
    this.thread = ''
    this.parentId = ''
  }

  /** When the form appeared: the server treats a form sent much sooner as a bot's. */
  #openedAt = performance.now()
  /** Turnstile, on sites that ask for it (Thread.turnstile), rendered by the lazy extras. */
  #turnstile?: Promise<TurnstileHandle | null>

  override firstUpdated(): void {
    this.missing('site', 'thread')
  }

  override updated(): void {
    const info = this.#stores.store?.info
    // The sign-in note and the stance box come with the views (internal/views.ts).
    viewsFor(this, info?.stances || info?.signIn?.comment === 'required')
    const siteKey = info?.turnstile?.siteKey
    const box = this.renderRoot.querySelector<HTMLElement>('.ts')
    if (siteKey && box && !this.#turnstile)
      this.#turnstile = loadExtras().then(
        (m) => m.turnstile(box, siteKey),
        () => null
      )
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // The thread says whether it has a stance poll and whether this reader voted in it.
    if (changed.has('api') || changed.has('site') || changed.has('thread'))
      void this.#stores.attach()?.loadInfo()
  }

  /** Focuses the name field if it is empty, else the comment field. */
  override async focus(): Promise<void> {
    await this.updateComplete
    const fields = this.renderRoot.querySelectorAll<HTMLElement>('input, textarea')
    fields[this.#draft.value.name || signedInUser(this) ? 1 : 0]?.focus()
  }

  get #textarea(): HTMLTextAreaElement {
    return this.renderRoot.querySelector('textarea')!
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault()
    void this.#send()
  }

  async #send(): Promise<void> {
    const { value } = this.#draft
    // `required` accepts white space only; the server would refuse it.
    this.#textarea.setCustomValidity(value.text.trim() ? '' : this.t.commentEmpty)
    const form = this.renderRoot.querySelector('form')!
    if (this._busy || !form.reportValidity() || this.missing('site', 'thread')) return
    // What the checkbox shows; without one, the remembered choice, so that a reader who said no is
    // never shown anyway (the server knows of votes the widget may not).
    const box = this.renderRoot.querySelector<HTMLInputElement>('[type=checkbox]')
    const showStance = box ? box.checked : read(this.#stanceKey) !== 'false'
    // A retry of the same draft reuses its key, so the server posts it at most once.
    const sent = `${value.name}\n${value.text}\n${showStance}`
    let key = value.key
    if (!key || value.sent !== sent) this.#draft.update({ key: (key = newKey()), sent })
    let held = false
    const trap = this.renderRoot.querySelector<HTMLInputElement>('[name=website]')!.value
    const turnstile = await this.#turnstile
    const turnstileToken = turnstile?.token()
    // Turnstile tokens are single-use: the next attempt needs a new one.
    turnstile?.reset()
    await this.run(async () => {
      const comment = await this.#stores.store!.post(
        {
          authorName: signedInUser(this)?.name ?? value.name,
          text: value.text,
          ...(this.parentId ? { parentId: this.parentId } : {}),
          showStance,
          elapsedMs: Math.round(performance.now() - this.#openedAt),
          ...(trap ? { honeypot: trap } : {}),
          ...(turnstileToken ? { turnstileToken } : {}),
        },
        key,
        // Told politely while the client tries again by itself: not posted yet, kept here.
        () => (this._status = this.t.draftKept)
      )
      this.#draft.clear()
      held = comment.status === 'pending'
      emit(this, 'parley-comment', { comment })
    })
    // A comment held for review is not posted yet, as far as other readers can tell.
    // After a failure the alert says it all, "Try again" included.
    this._status = this._error ? '' : held ? this.t.commentHeld : this.t.commentPosted
  }

  #cancel(): void {
    this.dispatchEvent(new Event('parley-cancel', { bubbles: true }))
  }

  // Kept on one line in the template so the region is :empty (and takes no space) when idle.
  #alert() {
    const { t, _error: error } = this
    if (!error) return nothing
    const retry = isRetryable(error)
    return html`${retry ? `${t.draftKept} ` : ''}${this.errorText(error)}
    ${retry ? html`<button type="button" @click=${this.#send}>${t.tryAgain}</button>` : nothing}`
  }

  /** "Show my vote (“Yes”) with my comment", once the reader has voted in the stance poll. */
  #stanceCheckbox() {
    const poll = this.#stores.store?.stancePoll
    const choice = poll?.options.find((o) => poll.myChoices.includes(o.id))
    if (!choice) return nothing
    return getViews()?.stanceBox(
      this,
      this.t,
      choice.label,
      read(this.#stanceKey) !== 'false',
      (on) => write(this.#stanceKey, String(on))
    )
  }

  override render() {
    const { t, _error: error } = this
    const { text } = this.#draft.value
    // A reader the publisher signed in writes under the publisher's name for them.
    const user = signedInUser(this)
    const name = user?.name ?? this.#draft.value.name
    const invalid = (field: string) =>
      error?.issues?.some((i) => i.path.endsWith(field)) ? 'true' : nothing
    // On a site where commenting needs sign-in, an anonymous reader learns so before writing.
    const signIn = this.#stores.store?.info?.signIn
    return html`<form part="form" @submit=${this.#onSubmit}>
      ${signIn?.comment === 'required' && !user ? getViews()?.signInNote(this, t, signIn) : nothing}
      <div>
        <label for="name">${t.name}</label>
        <input
          id="name"
          part="input"
          name="authorName"
          required
          maxlength=${DISPLAY_NAME_MAX}
          autocomplete="nickname"
          aria-describedby="name-help"
          aria-invalid=${invalid('authorName')}
          ?readonly=${!!user}
          .value=${name}
          @input=${(e: InputEvent) =>
            this.#draft.update({ name: (e.target as HTMLInputElement).value })}
        />
        <small class="muted" id="name-help">${t.nameHelp}</small>
      </div>
      <div>
        <label for="text">${t.comment}</label>
        <textarea
          id="text"
          part="textarea"
          name="text"
          required
          maxlength=${COMMENT_TEXT_MAX}
          rows="4"
          aria-describedby="text-help error"
          aria-invalid=${invalid('text')}
          .value=${text}
          @input=${(e: InputEvent) => {
            this.#textarea.setCustomValidity('')
            this._status = ''
            this.#draft.update({ text: (e.target as HTMLTextAreaElement).value })
          }}
        ></textarea>
        <small class="muted" id="text-help">${t.commentHelp(COMMENT_TEXT_MAX)}</small>
      </div>
      ${this.#stanceCheckbox()}
      <div class="hp" aria-hidden="true" inert>
        <input name="website" tabindex="-1" autocomplete="off" />
      </div>
      ${this.#stores.store?.info?.turnstile ? html`<div class="ts"></div>` : nothing}
      <div id="error" role="alert" part="error">${this.#alert()}</div>
      <div class="actions">
        <button class="primary" part="submit" aria-disabled=${this._busy}>${t.postComment}</button>
        ${
          this.parentId
            ? html`<button type="button" @click=${this.#cancel}>${t.cancel}</button>`
            : nothing
        }
        <p role="status" part="status">${this._status}</p>
      </div>
    </form>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-comment-form': ParleyCommentForm
  }
}
