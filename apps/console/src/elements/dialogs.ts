// The modal dialogs of the views: a form to fill in, or a question to confirm.
import { html } from 'lit'

export interface ModalDialog {
  /** The dialog's id; its heading's id is `${id}-title`. */
  id: string
  title: unknown
  /** The label of the button that submits. */
  submit: unknown
  /** A destructive action: the submit button is red instead of primary. */
  danger?: boolean
  onSubmit: (e: SubmitEvent) => void
  onClose: () => void
}

/** What the view adds to each dialog: its messages (status and alert) and Cancel. */
export interface DialogMessages {
  messages: unknown
  cancel: () => void
}

const buttons = (d: ModalDialog & DialogMessages) =>
  html`<button class=${d.danger ? 'danger' : 'primary'}>${d.submit}</button>
    <button type="button" @click=${d.cancel}>Cancel</button>`

/** A dialog holding a form: its fields, the messages, then submit and Cancel. */
export function formDialog(d: ModalDialog & DialogMessages, fields: unknown) {
  return html`<dialog id=${d.id} aria-labelledby=${`${d.id}-title`} @close=${d.onClose}>
    <h2 id=${`${d.id}-title`}>${d.title}</h2>
    <form @submit=${d.onSubmit}>
      ${fields} ${d.messages}
      <div class="actions">${buttons(d)}</div>
    </form>
  </dialog>`
}

/** A dialog asking to confirm an action: what it does, the messages, then the action and Cancel. */
export function confirmDialog(d: ModalDialog & DialogMessages, explanation: unknown) {
  return html`<dialog id=${d.id} aria-labelledby=${`${d.id}-title`} @close=${d.onClose}>
    <h2 id=${`${d.id}-title`}>${d.title}</h2>
    ${explanation} ${d.messages}
    <form @submit=${d.onSubmit} class="actions">${buttons(d)}</form>
  </dialog>`
}
