import type { Ban } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'
import { PagedList } from './paged-list.ts'
import { banFields, banOf, loadMore, tabs } from './parts.ts'

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
    _show: { state: true },
    _lifting: { state: true },
  }

  declare private _show: Show
  declare private _lifting: Ban | null
  #bans = new PagedList(this, async (cursor) => {
    const active = this._show === 'all' ? undefined : this._show === 'active'
    const page = await this.api!.bans({ active, cursor })
    return { items: page.bans, nextCursor: page.nextCursor }
  })

  constructor() {
    super()
    this._show = 'active'
    this._lifting = null
  }

  protected override load(): Promise<void> {
    return this.#bans.first()
  }

  async #showOnly(show: Show): Promise<void> {
    this._show = show
    await this.reload()
  }

  async #banReader(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const values = formValues(form)
    const ok = await this.runAndReload(
      () => this.api!.ban({ readerId: values.readerId ?? '', ...banOf(values), scope: 'reader' }),
      'Reader banned.'
    )
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
    const ok = await this.runAndReload(() => this.api!.liftBan(ban.id), 'Ban lifted.')
    if (ok) this.closeDialog('lift')
  }

  override render() {
    return html`<h1 tabindex="-1">Bans</h1>
      <p>
        Ban a reader from a comment in the moderation queue (by their token, their network, or
        both), or here by reader id.
      </p>
      ${tabs('Show', SHOW, this._show, (show) => this.#showOnly(show))} ${this.messages()}
      <ul class="items" aria-label="Bans">
        ${this.#bans.items.length === 0 ? html`<li class="empty">No bans.</li>` : ''}
        ${this.#bans.items.map((ban) => this.#renderBan(ban))}
      </ul>
      ${loadMore(this.#bans.next, () => this.run(() => this.#bans.more(), 'More bans loaded.', true))}
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
          ? this.confirmDialog(
              {
                id: 'lift',
                title: 'Lift this ban?',
                submit: 'Lift ban',
                onSubmit: this.#lift,
                onClose: () => (this._lifting = null),
              },
              html`<p>
                ${this._lifting.kind === 'network' ? 'Network' : 'Reader'} ban:
                ${this._lifting.reason}
              </p>`
            )
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
