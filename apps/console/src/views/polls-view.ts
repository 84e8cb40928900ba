import type { AdminPoll } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues } from '../elements/console-view.ts'
import { PagedList } from './paged-list.ts'
import { loadMore, radioChecks } from './parts.ts'
import { pollItems, saveFile, type ExportFormat } from './poll-items.ts'
import {
  editOptionsFields,
  editPollOf,
  newPollFields,
  newPollOf,
  pollSettingsFields,
  threadField,
} from './polls-part.ts'

/** Which polls the list shows: every one, those on their own, or one thread's. */
type Scope = 'all' | 'none' | 'thread'

const SCOPES: [Scope, string][] = [
  ['all', 'Every poll'],
  ['none', 'Polls on their own (no thread)'],
  ['thread', 'The polls of one thread'],
]

/**
 * Polls (admin): page through the site's polls, narrowed to those without a thread or to one
 * thread's; create one with or without a thread; edit, close and export one.
 */
export class PollsView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _scope: { state: true },
    _editing: { state: true },
  }

  declare private _scope: Scope
  declare private _editing: AdminPoll | null
  /** The thread key typed for the 'thread' scope. */
  #thread = ''
  /**
   * The `thread` query parameter of the list shown (the scope last submitted): a key, 'none'
   * (POLL_THREAD_NONE of @parley/core, which the console does not import: it would bring zod) or
   * undefined for every poll.
   */
  #shown: string | undefined = undefined
  #polls = new PagedList(this, async (cursor) => {
    const page = await this.api!.polls({ cursor, thread: this.#shown })
    return { items: page.polls, nextCursor: page.nextCursor }
  })

  constructor() {
    super()
    this._scope = 'all'
    this._editing = null
  }

  protected override async load(): Promise<void> {
    await this.#polls.first()
  }

  async #narrow(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    this.#thread = formValues(e.target as HTMLFormElement).thread ?? ''
    this.#shown =
      this._scope === 'none' ? 'none' : this._scope === 'thread' ? this.#thread : undefined
    if (await this.reload()) {
      const { items, next } = this.#polls
      this._status = `${items.length}${next ? ' or more' : ''} polls found.`
    }
  }

  async #create(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const values = formValues(form)
    const poll = newPollOf(values, values.thread || null)
    const ok = await this.runAndReload(
      () => this.api!.createPoll(poll),
      `Poll ${poll.key} created.`
    )
    if (ok) form.reset()
  }

  async #edit(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const poll = this._editing
    if (!poll) return
    const edit = editPollOf(formValues(e.target as HTMLFormElement), poll)
    const ok = await this.runAndReload(
      () => this.api!.editPoll(poll.id, edit),
      `Poll ${poll.id} saved.`
    )
    if (ok) this.closeDialog('edit-poll')
  }

  async #deleteOption(option: string): Promise<void> {
    const poll = this._editing
    if (!poll) return
    await this.runAndReload(async () => {
      this._editing = await this.api!.deleteOption(poll.id, option)
    }, 'Option deleted.')
  }

  async #close(poll: AdminPoll): Promise<void> {
    await this.runAndReload(
      () => this.api!.editPoll(poll.id, { closeNow: true }),
      `Poll ${poll.id} closed.`
    )
  }

  async #download(poll: AdminPoll, format: ExportFormat): Promise<void> {
    await this.run(async () => {
      const { blob, name } = await this.api!.exportPoll(poll.id, format)
      saveFile(blob, name)
    }, `Results of poll ${poll.id} exported.`)
  }

  async #openEdit(poll: AdminPoll): Promise<void> {
    this._editing = poll
    await this.showDialog('edit-poll')
  }

  override render() {
    return html`<h1 tabindex="-1">Polls</h1>
      <form @submit=${this.#narrow}>
        <fieldset>
          <legend>Show</legend>
          ${radioChecks('scope', SCOPES, this._scope, (value) => (this._scope = value))}
          ${
            this._scope === 'thread'
              ? html`<div class="field">
                  <label for="scope-thread-key">Thread key</label>
                  <input
                    id="scope-thread-key"
                    name="thread"
                    type="text"
                    required
                    maxlength="200"
                    .value=${this.#thread}
                  />
                </div>`
              : ''
          }
          <button>Show polls</button>
        </fieldset>
      </form>
      ${this.messages()}
      <h2>Polls, newest first</h2>
      ${pollItems(
        this.#polls.items,
        {
          edit: (p) => void this.#openEdit(p),
          close: (p) => void this.#close(p),
          download: (p, format) => void this.#download(p, format),
        },
        true
      )}
      ${loadMore(this.#polls.next, () =>
        this.run(() => this.#polls.more(), 'More polls loaded.', true)
      )}
      <form @submit=${this.#create}>
        <fieldset>
          <legend>Create a poll</legend>
          ${newPollFields(true)}
          <button class="primary">Create poll</button>
        </fieldset>
      </form>
      ${
        this._editing
          ? this.formDialog(
              {
                id: 'edit-poll',
                title: `Edit poll ${this._editing.id}`,
                submit: 'Save poll',
                onSubmit: this.#edit,
                onClose: () => (this._editing = null),
              },
              html`${pollSettingsFields('edit-poll', this._editing)}
              ${editOptionsFields(this._editing, (option) => this.#deleteOption(option))}
              ${threadField('edit-poll', this._editing.thread)}`
            )
          : ''
      }`
  }
}
