import type { Ban } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'
import { banFields, banOf, loadMore } from './parts.ts'

const SHOW = [
  ['active', 'In force'],
  ['ended', 'Lifted or expired'],
  ['all', 'All'],
] as const

type Show = (typeof SHOW)[number][0]

/** Bans: list them (in force, ended, all), lift one, or ban a reader by id. */
export class BansView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _bans: { state: true },
    _next: { state: true },
    _show: { state: true },
    _lifting: { state: true },
  }

  declare private _bans: Ban[]
  declare private _next: string | null
  declare private _show: Show
  declare private _lifting: Ban | null

  constructor() {
    super()
    this._bans = []
    this._next = null
    this._show = 'active'
    this._lifting = null
  }

  get #active(): boolean | undefined {
    return this._show === 'all' ? undefined : this._show === 'active'
  }

  protected override async load(): Promise<void> {
    const page = await this.api!.bans({ active: this.#active })
    this._bans = page.bans
    this._next = page.nextCursor
  }

  async #showOnly(show: Show): Promise<void> {
    this._show = show
    await this.reload()
  }

  async #more(): Promise<void> {
    await this.run(
      async () => {
        const page = await this.api!.bans({ active: this.#active, cursor: this._next })
        this._bans = [...this._bans, ...page.bans]
        this._next = page.nextCursor
      },
      'More bans loaded.',
      true
    )
  }

  async #banReader(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const values = formValues(form)
    const ok = await this.run(async () => {
      await this.api!.ban({ readerId: values.readerId ?? '', ...banOf(values), scope: 'reader' })
      await this.load()
    }, 'Reader banned.')
    if (ok) form.reset()
  }

  async #askLift(ban: Ban): Promise<void> {
    this._lifting = ban
    await this.showDialog('lift')
  }

  async #lift(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const ban = this._lifting
    if (!ban) return
    const ok = await this.run(async () => {
      await this.api!.liftBan(ban.id)
      await this.load()
    }, 'Ban lifted.')
    if (ok) this.closeDialog('lift')
  }

  override render() {
    return html`<h1 tabindex="-1">Bans</h1>
      <p>
        Ban a reader from a comment in the moderation queue (by their token, their network, or
        both), or here by reader id.
      </p>
      <div class="tabs" role="group" aria-label="Show">
        ${SHOW.map(
          ([value, label]) =>
            html`<button
              type="button"
              aria-pressed=${this._show === value ? 'true' : 'false'}
              @click=${() => this.#showOnly(value)}
            >
              ${label}
            </button>`
        )}
      </div>
      ${this.messages()}
      <ul class="items" aria-label="Bans">
        ${this._bans.length === 0 ? html`<li class="empty">No bans.</li>` : ''}
        ${this._bans.map((ban) => this.#renderBan(ban))}
      </ul>
      ${loadMore(this._next, () => this.#more())}
      <form @submit=${this.#banReader}>
        <h2>Ban a reader by id</h2>
        <div class="field">
          <label for="ban-reader">Reader id</label>
          <input id="ban-reader" name="readerId" type="text" required pattern="r_[0-9a-z]{10,40}" />
        </div>
        ${banFields('ban', false)}
        <button class="primary">Ban reader</button>
      </form>
      ${
        this._lifting
          ? html`<dialog
              id="lift"
              aria-labelledby="lift-title"
              @close=${() => (this._lifting = null)}
            >
              <h2 id="lift-title">Lift this ban?</h2>
              <p>
                ${this._lifting.kind === 'network' ? 'Network' : 'Reader'} ban:
                ${this._lifting.reason}
              </p>
              ${this.messages(true)}
              <form @submit=${this.#lift} class="actions">
                <button class="primary">Lift ban</button>
                <button type="button" @click=${() => this.closeDialog('lift')}>Cancel</button>
              </form>
            </dialog>`
          : ''
      }`
  }

  #renderBan(ban: Ban) {
    return html`<li>
      <p class="meta">
        <span class="badge">${ban.kind === 'network' ? 'Network' : 'Reader'}</span>
        ${ban.shadow ? html`<span class="badge">Shadow</span>` : ''}
        <span>From ${when(ban.createdAt)}</span>
        <span>${ban.expiresAt ? html`until ${when(ban.expiresAt)}` : 'for good'}</span>
        ${ban.liftedAt ? html`<span>lifted ${when(ban.liftedAt)}</span>` : ''}
        <span>by ${ban.createdBy}</span>
      </p>
      <p>${ban.reason}</p>
      <p class="meta">
        <span
          >${ban.kind === 'reader' ? html`Reader <code>${ban.subject}</code>` : 'Network (hashed)'}</span
        >
        ${ban.commentId ? html`<span>Comment <code>${ban.commentId}</code></span>` : ''}
      </p>
      ${
        ban.active
          ? html`<button type="button" @click=${() => this.#askLift(ban)}>Lift ban</button>`
          : ''
      }
    </li>`
  }
}
