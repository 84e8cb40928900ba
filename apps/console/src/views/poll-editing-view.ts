import type { AdminPoll } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues } from '../elements/console-view.ts'
import { pollItems, saveFile, type ExportFormat } from './poll-items.ts'
import {
  editOptionsFields,
  editPollOf,
  newPollFields,
  newPollOf,
  pollSettingsFields,
  threadField,
} from './polls-part.ts'

/**
 * What the Polls view and a thread's page share: the list of polls with their actions, the form
 * creating one and the dialog editing one. Every change loads the view again (`load`), so both
 * show the polls as the API has them.
 */
export abstract class PollEditingView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _editing: { state: true },
  }

  declare protected _editing: AdminPoll | null

  constructor() {
    super()
    this._editing = null
  }

  /** The polls with edit, close and export buttons; with `withThread`, each says where it shows. */
  protected pollList(polls: AdminPoll[], withThread: boolean) {
    return pollItems(
      polls,
      {
        edit: (poll) => void this.#openEdit(poll),
        close: (poll) => void this.#close(poll),
        download: (poll, format) => void this.#download(poll, format),
      },
      withThread
    )
  }

  /** The form creating a poll: for `thread`, or, when it is undefined, with a thread field. */
  protected createPollForm(legend: string, thread?: string) {
    const create = async (e: SubmitEvent) => {
      e.preventDefault()
      const form = e.target as HTMLFormElement
      const values = formValues(form)
      const poll = newPollOf(values, thread ?? (values.thread || null))
      const ok = await this.runAndReload(
        () => this.api!.createPoll(poll),
        `Poll ${poll.key} created.`
      )
      if (ok) form.reset()
    }
    return html`<form @submit=${create}>
      <fieldset>
        <legend>${legend}</legend>
        ${newPollFields(thread === undefined)}
        <button class="primary">Create poll</button>
      </fieldset>
    </form>`
  }

  /** The dialog editing the poll chosen, with a field moving it to another thread (`withThread`). */
  protected editPollDialog(withThread: boolean) {
    const poll = this._editing
    if (!poll) return ''
    return this.formDialog(
      {
        id: 'edit-poll',
        title: `Edit poll ${poll.id}`,
        submit: 'Save poll',
        onSubmit: this.#edit,
        onClose: () => (this._editing = null),
      },
      html`${pollSettingsFields('edit-poll', poll)}
      ${editOptionsFields(poll, (option) => this.#deleteOption(option))}
      ${withThread ? threadField('edit-poll', poll.thread) : ''}`
    )
  }

  #edit = async (e: SubmitEvent): Promise<void> => {
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
}
