import type { ApiKey, CreatedApiKey } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'
import { copyText } from './parts.ts'

/** API keys of the site (admin): create one (its secret shown once), list them, revoke one. */
export class KeysView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _keys: { state: true },
    _created: { state: true },
    _revoking: { state: true },
  }

  declare private _keys: ApiKey[]
  declare private _created: CreatedApiKey | null
  declare private _revoking: ApiKey | null

  constructor() {
    super()
    this._keys = []
    this._created = null
    this._revoking = null
  }

  protected override async load(): Promise<void> {
    this._keys = (await this.api!.keys()).keys
  }

  async #create(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const { name = '', role = 'moderator' } = formValues(form)
    const ok = await this.run(async () => {
      this._created = await this.api!.createKey({
        name,
        role: role === 'admin' ? 'admin' : 'moderator',
      })
      await this.load()
    })
    if (ok) {
      form.reset()
      await this.showDialog('created')
    }
  }

  async #copy(): Promise<void> {
    if (!this._created) return
    this._status = (await copyText(this._created.key))
      ? 'Key copied to the clipboard.'
      : 'Copying is not allowed here: select the key and copy it.'
  }

  #closeCreated(): void {
    this._created = null
  }

  async #askRevoke(key: ApiKey): Promise<void> {
    this._revoking = key
    await this.showDialog('revoke')
  }

  async #revoke(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const key = this._revoking
    if (!key) return
    const ok = await this.runAndReload(
      () => this.api!.revokeKey(key.id),
      `Key "${key.name}" revoked.`
    )
    if (ok) this.closeDialog('revoke')
  }

  override render() {
    return html`<h1 tabindex="-1">API keys</h1>
      <p>
        Keys let people and programs use the console and the admin API for this site. A
        <strong>moderator</strong> key moderates only; an <strong>admin</strong> key does everything
        on the site. Only a hash is stored: a new key is shown once.
      </p>
      ${this.messages()}
      <form @submit=${this.#create}>
        <fieldset>
          <legend>Create a key</legend>
          <div class="inline">
            <div class="field">
              <label for="key-name">Name</label>
              <input id="key-name" name="name" type="text" required maxlength="80" />
            </div>
            <div class="field">
              <label for="key-role">Role</label>
              <select id="key-role" name="role">
                <option value="moderator">Moderator</option>
                <option value="admin">Admin</option>
              </select>
            </div>
            <button class="primary">Create key</button>
          </div>
        </fieldset>
      </form>
      <table>
        <caption>
          Keys of this site
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          ${
            this._keys.length === 0
              ? html`<tr>
                  <td colspan="5" class="empty">No keys yet.</td>
                </tr>`
              : this._keys.map(
                  (k) =>
                    html`<tr>
                      <th scope="row">${k.name} <code class="muted">${k.id}</code></th>
                      <td>${k.role}</td>
                      <td>${when(k.createdAt)}</td>
                      <td>${k.lastUsedAt ? when(k.lastUsedAt) : 'Never'}</td>
                      <td>
                        ${
                          k.revokedAt
                            ? html`Revoked ${when(k.revokedAt)}`
                            : html`<button
                                type="button"
                                class="danger"
                                aria-label=${`Revoke ${k.name}`}
                                @click=${() => this.#askRevoke(k)}
                              >
                                Revoke
                              </button>`
                        }
                      </td>
                    </tr>`
                )
          }
        </tbody>
      </table>
      ${
        this._created
          ? html`<dialog id="created" aria-labelledby="created-title" @close=${this.#closeCreated}>
              <h2 id="created-title">Key "${this._created.name}" created</h2>
              <p>Copy it now: it will not be shown again.</p>
              <p class="secret" data-testid="new-key">${this._created.key}</p>
              ${this.messages(true)}
              <form method="dialog" class="actions">
                <button type="button" @click=${this.#copy}>Copy key</button>
                <button class="primary">Done</button>
              </form>
            </dialog>`
          : ''
      }
      ${
        this._revoking
          ? this.confirmDialog(
              {
                id: 'revoke',
                title: `Revoke "${this._revoking.name}"?`,
                submit: 'Revoke key',
                danger: true,
                onSubmit: this.#revoke,
                onClose: () => (this._revoking = null),
              },
              html`<p>Whoever uses this key loses access at once. This cannot be undone.</p>`
            )
          : ''
      }`
  }
}
