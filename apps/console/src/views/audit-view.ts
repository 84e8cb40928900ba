import type { AuditEntry } from '@parley/core'
import { html } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'
import { PagedList } from './paged-list.ts'
import { loadMore } from './parts.ts'

const FILTERS = [
  ['action', 'Action', 'e.g. comment.approve'],
  ['targetType', 'Target type', 'e.g. comment'],
  ['targetId', 'Target id', ''],
  ['actor', 'Actor', '"owner" or a key id'],
] as const

type Filters = Partial<Record<(typeof FILTERS)[number][0], string>>

/** The audit log: every admin action, newest first, with filters and "Load more". */
export class AuditView extends ConsoleView {
  #filters: Filters = {}
  #entries = new PagedList<AuditEntry>(this, async (cursor) => {
    const page = await this.api!.audit({ ...this.#filters, cursor })
    return { items: page.entries, nextCursor: page.nextCursor }
  })

  protected override load(): Promise<void> {
    return this.#entries.first()
  }

  async #filter(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    this.#filters = formValues(e.target as HTMLFormElement)
    if (await this.reload()) {
      const { items, next } = this.#entries
      this._status = `${items.length}${next ? ' or more' : ''} entries found.`
    }
  }

  async #more(): Promise<void> {
    const before = this.#entries.items.length
    if (await this.run(() => this.#entries.more(), '', true)) {
      this._status = `${this.#entries.items.length - before} more entries loaded.`
    }
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
            this.#entries.items.length === 0
              ? html`<tr>
                  <td colspan="5" class="empty">No actions recorded.</td>
                </tr>`
              : this.#entries.items.map(
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
      ${loadMore(this.#entries.next, () => this.#more())}`
  }
}
