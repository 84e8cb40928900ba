import type { AuditEntry } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'

const FILTERS = [
  ['action', 'Action', 'e.g. comment.approve'],
  ['targetType', 'Target type', 'e.g. comment'],
  ['targetId', 'Target id', ''],
  ['actor', 'Actor', '"owner" or a key id'],
] as const

type Filters = Partial<Record<(typeof FILTERS)[number][0], string>>

/** The audit log: every admin action, newest first, with filters and "Load more". */
export class AuditView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _entries: { state: true },
    _next: { state: true },
  }

  declare private _entries: AuditEntry[]
  declare private _next: string | null
  #filters: Filters = {}

  constructor() {
    super()
    this._entries = []
    this._next = null
  }

  protected override async load(): Promise<void> {
    const page = await this.api!.audit({ ...this.#filters })
    this._entries = page.entries
    this._next = page.nextCursor
  }

  async #filter(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    this.#filters = formValues(e.target as HTMLFormElement)
    if (await this.reload()) {
      this._status = `${this._entries.length}${this._next ? ' or more' : ''} entries found.`
    }
  }

  async #more(): Promise<void> {
    const before = this._entries.length
    const ok = await this.run(
      async () => {
        const page = await this.api!.audit({ ...this.#filters, cursor: this._next })
        this._entries = [...this._entries, ...page.entries]
        this._next = page.nextCursor
      },
      '',
      true
    )
    if (ok) this._status = `${this._entries.length - before} more entries loaded.`
  }

  override render() {
    return html`<h1 tabindex="-1">Audit log</h1>
      <p>Every action taken with an admin key: who, what, on what, when and why.</p>
      <form @submit=${this.#filter}>
        <fieldset>
          <legend>Filter</legend>
          <div class="inline">
            ${FILTERS.map(
              ([name, label, hint]) =>
                html`<div class="field">
                  <label for=${`audit-${name}`}>${label}</label>
                  <input
                    id=${`audit-${name}`}
                    name=${name}
                    type="text"
                    placeholder=${hint}
                    .value=${this.#filters[name] ?? ''}
                  />
                </div>`
            )}
            <button>Apply filters</button>
          </div>
        </fieldset>
      </form>
      ${this.messages()}
      <table>
        <caption>
          Actions, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          ${
            this._entries.length === 0
              ? html`<tr>
                  <td colspan="5" class="empty">No actions recorded.</td>
                </tr>`
              : this._entries.map(
                  (entry) =>
                    html`<tr>
                      <td>${when(entry.createdAt)}</td>
                      <td>
                        ${entry.actorName ?? entry.actor}
                        <span class="muted">(${entry.actorRole})</span>
                      </td>
                      <td><code>${entry.action}</code></td>
                      <td>${entry.targetType} <code>${entry.targetId}</code></td>
                      <td>${entry.reason ?? ''}</td>
                    </tr>`
                )
          }
        </tbody>
      </table>
      ${this._next ? html`<button type="button" @click=${this.#more}>Load more</button>` : ''}`
  }
}
