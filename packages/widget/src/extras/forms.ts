import type { Comment, ErrorIssue, NewReport } from '@parley/core'
import {
  APPEAL_TEXT_MAX,
  COMMENT_TEXT_MAX,
  DISPLAY_NAME_MAX,
  NOTICE_EXPLANATION_MAX,
  NOTICE_LAW_MAX,
  REPORT_NOTE_MAX,
  REPORT_REASONS,
} from '@parley/core/limits'
import { html, nothing } from 'lit'
import type { ParleyComment } from '../components/comment/comment.ts'
import { enForms } from '../i18n/en-forms.ts'
import {
  appeal as sendAppeal,
  edit,
  notice,
  remove as deleteComment,
  report as sendReport,
} from './actions.ts'
import { read, write } from '../internal/storage.ts'
import { formStyles } from './forms.styles.ts'
import type { Translation } from '../i18n/translation.ts'
import type { ThreadStore } from '../state/thread-store.ts'

// The inline forms a reader rarely opens, loaded on first use (see src/internal/lazy.ts): edit,
// delete, report (with the EU Digital Services Act notice) and the author's appeal. In the
// script-tag build this module is bundled on its own, so it must not touch the comment's private
// members: everything it needs comes in a FormHost.

/** A comment's inline panel rendered here. */
export type FormPanel = 'edit' | 'delete' | 'report' | 'appeal'

/** What a form gets from the comment that shows it. */
export interface FormHost {
  el: ParleyComment
  t: Translation
  c: Comment
  store: ThreadStore
  /** The open panel, '' if none. */
  panel: FormPanel | 'reply' | ''
  /** An action is under way (the submit button says so with aria-disabled). */
  busy: boolean
  /** The field errors of the last failed action, e.g. `{ path: 'body.law', message }`. */
  issues: ErrorIssue[] | undefined
  /** Sends a request about this comment to `route` (as this reader, unless `auth` is 'none'). */
  call: <T>(route: string, method: string, body?: unknown, auth?: 'none') => Promise<T>
  /** Runs an action, then announces `done` or shows the error (ParleyElement.run). */
  run: (action: () => Promise<unknown>, done?: string) => Promise<boolean>
  /** Opens or closes a panel; closing focuses its button, or the comment with `focusArticle`. */
  toggle: (panel: FormPanel, focusArticle?: boolean) => Promise<void>
}

/** Comments whose report form is set to "Illegal content (EU law)": a notice, not a report. */
const notices = new WeakSet<Element>()

/**
 * Adds the forms' styles to the comment's shadow root (once), and their strings to the
 * comment's: in embed.js those lack the forms' strings, which come with this module.
 */
function prepare(x: FormHost): FormHost {
  const root = x.el.renderRoot as ShadowRoot
  const sheet = formStyles.styleSheet!
  if (!root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  return { ...x, t: { ...enForms, ...x.t } }
}

export function form(host: FormHost, panel: FormPanel) {
  const x = prepare(host)
  const { t, c } = x
  const notice = notices.has(x.el)
  return panel === 'edit'
    ? html`<form class="panel" part="edit-form" @submit=${(e: SubmitEvent) => save(x, e)}>
        <label for="edit">${t.editComment}</label>
        <textarea
          id="edit"
          name="text"
          required
          maxlength=${COMMENT_TEXT_MAX}
          rows="4"
          .value=${read(editDraft(c)) ?? c.text}
          @input=${(e: InputEvent) => {
            const area = e.target as HTMLTextAreaElement
            area.setCustomValidity('')
            write(editDraft(c), area.value)
          }}
        ></textarea>
        ${buttons(x, t.save, panel)}
      </form>`
    : panel === 'delete'
      ? html`<div class="panel" part="confirm" role="group" aria-labelledby="confirm">
          <p id="confirm">${t.deleteConfirm}</p>
          <div class="actions">
            <button class="primary" aria-disabled=${x.busy} @click=${() => remove(x)}>
              ${t.deleteComment}
            </button>
            <button @click=${() => x.toggle(panel)}>${t.cancel}</button>
          </div>
        </div>`
      : panel === 'appeal'
        ? html`<form class="panel" part="appeal-form" @submit=${(e: SubmitEvent) => appeal(x, e)}>
            ${field(x, 'text', t.appealLabel, APPEAL_TEXT_MAX, 'textarea')}
            ${buttons(x, t.sendAppeal, panel)}
          </form>`
        : html`<form class="panel" part="report-form" @submit=${(e: SubmitEvent) => report(x, e)}>
            <fieldset>
              <legend>${t.reportReason}</legend>
              ${[...REPORT_REASONS, 'illegal' as const].map(
                (r) =>
                  html`<label
                    ><input
                      type="radio"
                      name="reason"
                      value=${r}
                      required
                      .checked=${notice && r === 'illegal'}
                      @change=${() => {
                        if (r === 'illegal') notices.add(x.el)
                        else notices.delete(x.el)
                        x.el.requestUpdate()
                      }}
                    />
                    ${r === 'illegal' ? t.illegal : t.reasons[r]}</label
                  >`
              )}
            </fieldset>
            ${
              notice
                ? html`<p class="muted">${t.noticeHelp}</p>
                    ${field(x, 'law', t.noticeLaw, NOTICE_LAW_MAX)}
                    ${field(x, 'explanation', t.noticeExplanation, NOTICE_EXPLANATION_MAX, 'textarea')}
                    ${field(x, 'name', t.noticeName, DISPLAY_NAME_MAX, 'name')}
                    ${field(x, 'email', t.noticeEmail, 254, 'email')}
                    <label
                      ><input
                        type="checkbox"
                        name="goodFaith"
                        required
                        aria-invalid=${invalid(x, 'goodFaith')}
                        aria-describedby="goodFaith-error"
                      />
                      ${t.noticeGoodFaith}</label
                    >
                    ${fieldError(x, 'goodFaith')}`
                : html`<label for="note">${t.reportNote}</label>
                    <textarea
                      id="note"
                      name="note"
                      maxlength=${REPORT_NOTE_MAX}
                      rows="2"
                    ></textarea>`
            }
            ${buttons(x, notice ? t.sendNotice : t.sendReport, panel)}
          </form>`
}

/**
 * What the author of a removed comment sees under the reason: the moderator's statement of
 * reasons, and the "Appeal" button with its form, or where the appeal stands.
 */
export function removal(host: FormHost) {
  const x = prepare(host)
  const { t, panel } = x
  const { statement, appeal } = x.c.removal!
  return html`<dl>
      <dt>${t.statement}</dt>
      <dd>${statement}</dd>
    </dl>
    ${
      appeal === 'none'
        ? html`<button
            class="link"
            part="appeal-button"
            data-panel="appeal"
            aria-expanded=${panel === 'appeal'}
            aria-describedby="author"
            @click=${() => x.toggle('appeal')}
          >
            ${t.appeal}
          </button>`
        : html`<p>${t.appeals[appeal!]}</p>`
    }
    ${panel === 'appeal' ? form(x, panel) : nothing}`
}

/** The API's message about a field ("body.law"), if the last action failed because of it. */
const issue = (x: FormHost, name: string) =>
  x.issues?.find((i) => i.path === `body.${name}`)?.message

const invalid = (x: FormHost, name: string) => (issue(x, name) ? 'true' : nothing)

const fieldError = (x: FormHost, name: string) =>
  html`<small id="${name}-error" class="error">${issue(x, name)}</small>`

/**
 * A labelled text field, with the API's message about it next to it. `kind` is 'textarea', or
 * the autocomplete token of an input ('email' also sets its type).
 */
function field(x: FormHost, name: string, label: string, max: number, kind = '') {
  const bad = invalid(x, name)
  const input =
    kind === 'textarea'
      ? html`<textarea
          id=${name}
          name=${name}
          required
          maxlength=${max}
          rows="4"
          aria-invalid=${bad}
          aria-describedby="${name}-error"
        ></textarea>`
      : html`<input
          id=${name}
          name=${name}
          required
          maxlength=${max}
          type=${kind === 'email' ? kind : nothing}
          autocomplete=${kind || 'off'}
          aria-invalid=${bad}
          aria-describedby="${name}-error"
        />`
  return html`<label for=${name}>${label}</label>${input}${fieldError(x, name)}`
}

/**
 * Where an edit in progress is kept until it is saved or cancelled, so a reload or a failed
 * request loses nothing of it, as with a new comment's draft.
 */
const editDraft = (c: { id: string }) => `parley:edit|${c.id}`

/** Submit and Cancel of a form; Cancel drops an edit in progress. */
const buttons = (x: FormHost, submit: string, panel: FormPanel) =>
  html`<div class="actions">
    <button class="primary" aria-disabled=${x.busy}>${submit}</button>
    <button
      type="button"
      @click=${() => {
        if (panel === 'edit') write(editDraft(x.c), null)
        return x.toggle(panel)
      }}
    >
      ${x.t.cancel}
    </button>
  </div>`

async function save(x: FormHost, event: SubmitEvent): Promise<void> {
  event.preventDefault()
  const form = event.target as HTMLFormElement
  const text = form.elements.namedItem('text') as HTMLTextAreaElement
  text.setCustomValidity(text.value.trim() ? '' : x.t.commentEmpty)
  if (!form.reportValidity()) return
  if (await x.run(() => edit(x, text.value), x.t.commentUpdated)) {
    write(editDraft(x.c), null)
    await x.toggle('edit', true)
  }
}

async function remove(x: FormHost): Promise<void> {
  const { el } = x
  const host = (el.getRootNode() as ShadowRoot).host as HTMLElement | undefined
  if (!(await x.run(() => deleteComment(x)))) return
  // The list may already have re-rendered, by position: if the element now shows the next
  // comment, its panels are closed (see willUpdate) and toggling would open that one's confirm.
  if (el.comment?.id === x.c.id) void x.toggle('delete')
  x.store.announce(x.t.commentDeleted)
  // Let the list re-render: the element now shows the placeholder or the next comment, or is
  // gone, and then focus goes to its parent.
  await new Promise((resolve) => setTimeout(resolve))
  ;(el.isConnected ? el : host)?.focus()
}

async function report(x: FormHost, event: SubmitEvent): Promise<void> {
  event.preventDefault()
  const form = event.target as HTMLFormElement
  const data = Object.fromEntries(new FormData(form)) as Record<string, string>
  const { t } = x
  if (notices.has(x.el)) {
    const { law = '', explanation = '', name = '', email = '' } = data
    const body = { law, explanation, name, email, goodFaith: true as const }
    if (await x.run(() => notice(x, body), t.noticeSent)) {
      notices.delete(x.el)
      return x.toggle('report', true)
    }
    // Focus the first field the API refused; its message describes it.
    await x.el.updateComplete
    form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus()
    return
  }
  const note = data.note!.trim()
  const reason = data.reason as NewReport['reason']
  if (await x.run(() => sendReport(x, note ? { reason, note } : { reason }), t.reportSent))
    await x.toggle('report', true)
}

async function appeal(x: FormHost, event: SubmitEvent): Promise<void> {
  event.preventDefault()
  const text = new FormData(event.target as HTMLFormElement).get('text') as string
  if (await x.run(() => sendAppeal(x, text), x.t.appealSent)) await x.toggle('appeal', true)
}
