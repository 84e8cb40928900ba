// The poll forms of the threads and polls views: create a poll, edit one.
import type { AdminPoll, EditPoll, NewPoll } from '@parley/core'
import { POLL_OPTION_LABEL_MAX, POLL_QUESTION_MAX } from '@parley/core/limits'
import { html } from 'lit'
import { lines } from '../elements/console-view.ts'

const VISIBILITY: [string, string][] = [
  ['always', 'Always'],
  ['after_vote', 'After voting'],
  ['after_close', 'After the poll closes'],
]

/** An ISO time as a datetime-local value (local time, minutes), or ''. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A datetime-local value as an ISO time, or null when empty. */
export const fromLocalInput = (value: string | undefined): string | null =>
  value ? new Date(value).toISOString() : null

/** The settings both forms share; ids start with `prefix`. */
export function pollSettingsFields(prefix: string, poll: AdminPoll | null) {
  const id = (name: string) => `${prefix}-${name}`
  return html`<div class="field">
      <label for=${id('question')}>Question</label>
      <textarea
        id=${id('question')}
        name="question"
        required
        maxlength=${POLL_QUESTION_MAX}
        rows="2"
        .value=${poll?.question ?? ''}
      ></textarea>
    </div>
    <fieldset>
      <legend>Kind</legend>
      <div class="check">
        <input
          type="radio"
          id=${id('single')}
          name="kind"
          value="single"
          ?checked=${(poll?.kind ?? 'single') === 'single'}
        />
        <label for=${id('single')}>Single choice</label>
      </div>
      <div class="check">
        <input
          type="radio"
          id=${id('multiple')}
          name="kind"
          value="multiple"
          ?checked=${poll?.kind === 'multiple'}
        />
        <label for=${id('multiple')}>Multiple choice</label>
      </div>
      <div class="field">
        <label for=${id('max')}>Most choices per ballot (multiple choice)</label>
        <input
          id=${id('max')}
          name="maxChoices"
          type="number"
          min="1"
          max="10"
          .value=${poll && poll.kind === 'multiple' ? String(poll.maxChoices) : ''}
        />
      </div>
    </fieldset>
    <div class="inline">
      <div class="field">
        <label for=${id('opens')}>Opens</label>
        <input
          id=${id('opens')}
          name="opensAt"
          type="datetime-local"
          .value=${toLocalInput(poll?.opensAt ?? null)}
        />
      </div>
      <div class="field">
        <label for=${id('closes')}>Closes</label>
        <input
          id=${id('closes')}
          name="closesAt"
          type="datetime-local"
          .value=${toLocalInput(poll?.closesAt ?? null)}
        />
      </div>
      <div class="field">
        <label for=${id('visibility')}>Results visible</label>
        <select id=${id('visibility')} name="resultsVisibility">
          ${VISIBILITY.map(
            ([value, label]) =>
              html`<option
                value=${value}
                ?selected=${(poll?.resultsVisibility ?? 'always') === value}
              >
                ${label}
              </option>`
          )}
        </select>
      </div>
    </div>
    <div class="check">
      <input
        type="checkbox"
        id=${id('change')}
        name="allowVoteChange"
        value="on"
        ?checked=${poll?.allowVoteChange ?? true}
      />
      <label for=${id('change')}>Readers may change or withdraw their vote</label>
    </div>`
}

/** The shared settings of a submitted poll form. */
function settingsOf(values: Record<string, string>) {
  const kind = values.kind === 'multiple' ? 'multiple' : 'single'
  return {
    question: values.question ?? '',
    kind,
    ...(kind === 'multiple' && values.maxChoices && { maxChoices: Number(values.maxChoices) }),
    ...(kind === 'single' && { maxChoices: 1 }),
    opensAt: fromLocalInput(values.opensAt),
    closesAt: fromLocalInput(values.closesAt),
    resultsVisibility: (values.resultsVisibility ?? 'always') as NewPoll['resultsVisibility'],
    allowVoteChange: values.allowVoteChange === 'on',
  } as const
}

/** The create form's fields; with `withThread`, a field for the poll's thread (optional). */
export function newPollFields(withThread = false) {
  return html`<div class="field">
      <label for="new-poll-key">Key</label>
      <span class="hint" id="new-poll-key-hint"
        >Lowercase letters, digits and hyphens; used in embeds (data-poll)</span
      >
      <input
        id="new-poll-key"
        name="key"
        type="text"
        required
        pattern="[a-z0-9](?:[a-z0-9\\-]*[a-z0-9])?"
        maxlength="64"
        aria-describedby="new-poll-key-hint"
      />
    </div>
    ${pollSettingsFields('new-poll', null)}
    <div class="field">
      <label for="new-poll-options">Options, one per line</label>
      <textarea id="new-poll-options" name="options" required rows="4"></textarea>
    </div>
    ${withThread ? threadField('new-poll', null) : ''}`
}

/** The poll's thread, by key; empty for a poll on its own. */
export function threadField(prefix: string, thread: string | null) {
  return html`<div class="field">
    <label for=${`${prefix}-thread`}>Thread (optional)</label>
    <span class="hint" id=${`${prefix}-thread-hint`}
      >The thread key to show the poll with; empty for a poll on its own</span
    >
    <input
      id=${`${prefix}-thread`}
      name="thread"
      type="text"
      maxlength="200"
      aria-describedby=${`${prefix}-thread-hint`}
      .value=${thread ?? ''}
    />
  </div>`
}

export function newPollOf(values: Record<string, string>, thread: string | null): NewPoll {
  return {
    key: values.key ?? '',
    ...settingsOf(values),
    options: lines(values.options ?? ''),
    thread,
  }
}

/** The options of the edit form: each existing one relabelled or hidden, plus new ones. */
export function editOptionsFields(poll: AdminPoll, onDelete: (option: string) => void) {
  return html`<fieldset>
    <legend>Options</legend>
    ${poll.options.map(
      (o, i) =>
        html`<div class="inline">
          <div class="field">
            <label for=${`opt-${o.id}`}>Option ${i + 1} (${o.votes} votes)</label>
            <input
              id=${`opt-${o.id}`}
              name=${`label:${o.id}`}
              type="text"
              required
              maxlength=${POLL_OPTION_LABEL_MAX}
              .value=${o.label}
            />
          </div>
          <div class="check">
            <input
              type="checkbox"
              id=${`hide-${o.id}`}
              name=${`hidden:${o.id}`}
              value="on"
              ?checked=${o.hidden}
            />
            <label for=${`hide-${o.id}`}>Hidden</label>
          </div>
          ${
            o.votes === 0
              ? html`<button
                  type="button"
                  class="danger"
                  aria-label=${`Delete option ${o.label}`}
                  @click=${() => onDelete(o.id)}
                >
                  Delete
                </button>`
              : ''
          }
        </div>`
    )}
    <div class="field">
      <label for="edit-poll-new-options">New options, one per line</label>
      <textarea id="edit-poll-new-options" name="newOptions" rows="2"></textarea>
    </div>
  </fieldset>`
}

/**
 * The edit of a submitted edit form. The maximum is sent only when the publisher changed it: the
 * API lowers it itself when hidden options leave fewer visible, whereas sending the old one
 * back would be refused (above the visible options: 400; lowering it once there are votes: 409).
 * With a `thread` field (the polls view), a changed thread moves the poll.
 */
export function editPollOf(values: Record<string, string>, poll: AdminPoll): EditPoll {
  const { maxChoices, ...settings } = settingsOf(values)
  const thread = 'thread' in values ? values.thread || null : poll.thread
  const options: NonNullable<EditPoll['options']> = poll.options.map((o) => ({
    id: o.id,
    label: values[`label:${o.id}`] ?? o.label,
    hidden: values[`hidden:${o.id}`] === 'on',
  }))
  for (const label of lines(values.newOptions ?? '')) options.push({ label, hidden: false })
  return {
    ...settings,
    ...(maxChoices !== undefined && maxChoices !== poll.maxChoices && { maxChoices }),
    ...(thread !== poll.thread && { thread }),
    options,
  }
}
