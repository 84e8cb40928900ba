import { html, LitElement, type PropertyDeclarations } from 'lit'
import { consoleStyles } from '../styles/console.styles.ts'
import { fields, tokens } from '../styles/shared.ts'

/** Sent (bubbling, composed) with { key } when the form is submitted with a key. */
export const SIGN_IN_EVENT = 'console-sign-in'

/** The sign-in form: one key, checked by the console (GET /v1/admin/me). */
export class SignIn extends LitElement {
  static override styles = [tokens, fields, consoleStyles]
  static override properties: PropertyDeclarations = {
    busy: { type: Boolean },
    /** Why the last attempt failed. */
    error: {},
    /** Why the console is signed out, shown above the form. */
    note: {},
  }

  declare busy: boolean
  declare error: string
  declare note: string

  constructor() {
    super()
    this.busy = false
    this.error = ''
    this.note = ''
  }

  focusKey(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#key')?.focus()
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus()
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault()
    if (this.busy) return
    const input = this.renderRoot.querySelector<HTMLInputElement>('#key')!
    const key = input.value.trim()
    if (!key) {
      this.error = 'Enter an API key.'
      input.focus()
      return
    }
    this.dispatchEvent(
      new CustomEvent(SIGN_IN_EVENT, { detail: { key }, bubbles: true, composed: true })
    )
  }

  override render() {
    return html`<h1 tabindex="-1">Sign in to the Parley console</h1>
      ${this.note ? html`<p>${this.note}</p>` : ''}
      <form @submit=${this.#submit} novalidate>
        <div class="field">
          <label for="key">API key</label>
          <span class="hint" id="key-hint"
            >A moderator or admin key from the site's owner, or the owner's admin token. It is kept
            in this tab only, until you sign out or close it.</span
          >
          <input
            id="key"
            name="key"
            type="password"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="key-hint"
            aria-invalid=${this.error ? 'true' : 'false'}
            required
          />
        </div>
        <p role="alert">${this.error}</p>
        <div class="actions">
          <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>Sign in</button>
        </div>
      </form>`
  }
}
