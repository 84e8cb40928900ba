import type { AdminRole } from '@parley/core'
import { html, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit'
import { toAdminApiError, type AdminApiError, type SiteApi } from '../api/admin.ts'
import { consoleStyles } from '../styles/console.styles.ts'
import { confirmDialog, formDialog, type ModalDialog } from './dialogs.ts'
import { fields, tokens } from '../styles/shared.ts'

/** Sent (bubbling, composed) when the API refuses the key: the console signs out. */
export const UNAUTHORIZED_EVENT = 'console-unauthorized'

/**
 * The base of every view: the site's API, the role (to hide what the key may not do), the view's
 * arguments from the hash, a status region and an alert region, and `run` for actions.
 */
export class ConsoleView extends LitElement {
  static override styles = [tokens, fields, consoleStyles]
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    role: {},
    args: { attribute: false },
    _busy: { state: true },
    _error: { state: true },
    _status: { state: true },
    _modal: { state: true },
  }

  declare api: SiteApi | null
  declare role: AdminRole
  /** The rest of the route: ['my/thread'] for #/threads/my%2Fthread. */
  declare args: string[]
  declare protected _busy: boolean
  declare protected _error: AdminApiError | null
  declare protected _status: string
  /** The id of the open modal <dialog>: the messages show inside it, the page is inert. */
  declare protected _modal: string | null

  constructor() {
    super()
    this.api = null
    this.role = 'moderator'
    this.args = []
    this._busy = false
    this._error = null
    this._status = ''
    this._modal = null
  }

  override connectedCallback(): void {
    super.connectedCallback()
    // `close` does not bubble, but the shadow root sees it in the capture phase.
    this.renderRoot.addEventListener('close', this.#onDialogClose, { capture: true })
  }

  override disconnectedCallback(): void {
    this.renderRoot.removeEventListener('close', this.#onDialogClose, { capture: true })
    super.disconnectedCallback()
  }

  #onDialogClose = () => {
    this._modal = this.$('dialog[open]')?.id ?? null
  }

  /** Whether the key may do what needs `role` (owner ⊃ admin ⊃ moderator). */
  protected can(role: AdminRole): boolean {
    const rank = { moderator: 1, admin: 2, owner: 3 } as const
    return rank[this.role] >= rank[role]
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) {
      this._error = null
      this._status = ''
      void this.reload()
    }
  }

  /** Loads the view's data; called whenever the site (the api) changes. */
  protected async load(): Promise<void> {}

  /** Settles when the running action or load is over: the next one waits for it. */
  #turn: Promise<void> = Promise.resolve()

  /**
   * Runs an action: clears the messages, then shows `done` in the status region when it succeeds
   * or the error in the alert region when it fails. Returns whether it succeeded. While one runs,
   * a second action is refused (a double click sends nothing twice), but with `queue` it waits its
   * turn instead: loads (a tab, a filter, a page) always happen, the last one shown last.
   */
  protected async run(action: () => Promise<unknown>, done = '', queue = false): Promise<boolean> {
    if (this._busy && !queue) return false
    const before = this.#turn
    let release!: () => void
    this.#turn = new Promise<void>((resolve) => (release = resolve))
    await before
    this._busy = true
    this._error = null
    this._status = ''
    try {
      await action()
      this._status = done
      return true
    } catch (e) {
      const error = toAdminApiError(e)
      if (error.status === 401) {
        this.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT, { bubbles: true, composed: true }))
      }
      this._error = error
      return false
    } finally {
      this._busy = false
      release()
    }
  }

  /** Loads the view's data again (see `load`), after whatever runs now. */
  protected reload(done = ''): Promise<boolean> {
    return this.run(() => this.load(), done, true)
  }

  /**
   * The live regions: what the last action did, or why it failed. The page's pair shows them while
   * no dialog is open; an open dialog renders its own pair (`messages(true)`), as the page behind
   * a modal dialog is inert.
   */
  protected messages(inDialog = false) {
    const here = inDialog === (this._modal !== null)
    return html`<p class="status" role="status">${here ? this._status : ''}</p>
      <p role="alert">${here && this._error ? this._error.describe() : ''}</p>`
  }

  /** Moves the focus to the view's heading, after navigation. */
  async focusHeading(): Promise<void> {
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus()
  }

  protected $<T extends Element = HTMLElement>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector)
  }

  /** Opens a <dialog> of the view once it is rendered. */
  protected async showDialog(id: string): Promise<void> {
    this._error = null
    this._status = ''
    this._modal = id
    await this.updateComplete
    const dialog = this.$<HTMLDialogElement>(`dialog#${id}`)
    if (dialog && !dialog.open) dialog.showModal()
  }

  protected closeDialog(id: string): void {
    this.$<HTMLDialogElement>(`dialog#${id}`)?.close()
  }

  /** A dialog of this view holding a form of `fields` (see `formDialog`). */
  protected formDialog(dialog: ModalDialog, fields: unknown) {
    return formDialog({ ...dialog, ...this.#dialogMessages(dialog.id) }, fields)
  }

  /** A dialog of this view asking to confirm an action (see `confirmDialog`). */
  protected confirmDialog(dialog: ModalDialog, explanation: unknown) {
    return confirmDialog({ ...dialog, ...this.#dialogMessages(dialog.id) }, explanation)
  }

  #dialogMessages(id: string) {
    return { messages: this.messages(true), cancel: () => this.closeDialog(id) }
  }

  /** Runs a change (see `run`), then loads the view's data again inside the same action. */
  protected runAndReload(change: () => Promise<unknown>, done = ''): Promise<boolean> {
    return this.run(async () => {
      await change()
      await this.load()
    }, done)
  }
}

/** The named values of a form, text trimmed. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') out[name] = value.trim()
  }
  return out
}

/** Lines of a textarea, trimmed, empty ones dropped. */
export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** A <time> for an ISO timestamp. */
export const when = (iso: string | null | undefined) =>
  iso ? html`<time datetime=${iso}>${dateTime.format(new Date(iso))}</time>` : ''
