// Parts several views share: ban fields, removal reasons and statements of reasons, list tabs,
// the pager, copying, radio choices.
import { REMOVAL_REASONS, STATEMENT_MAX, type RemovalReason } from '@parley/core/limits'
import { html } from 'lit'

export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  spam: 'Spam',
  hate: 'Hate speech',
  harassment: 'Harassment',
  illegal: 'Illegal content',
  off_topic: 'Off topic',
  other: 'Other',
}

export const BAN_DURATIONS: [label: string, seconds: number | null][] = [
  ['1 day', 86_400],
  ['7 days', 7 * 86_400],
  ['30 days', 30 * 86_400],
  ['1 year', 365 * 86_400],
  ['For good', null],
]

/**
 * Duration, shadow and reason of a ban; with `network`, also whether to ban the reader, their
 * network, or both. Field ids start with `prefix`, so two forms can live in one view.
 */
export function banFields(prefix: string, network: boolean) {
  return html`${
      network
        ? html`<fieldset>
            <legend>Ban</legend>
            <div class="check">
              <input
                type="radio"
                id=${`${prefix}-scope-reader`}
                name="scope"
                value="reader"
                checked
              />
              <label for=${`${prefix}-scope-reader`}>The reader (their browser token)</label>
            </div>
            <div class="check">
              <input type="radio" id=${`${prefix}-scope-network`} name="scope" value="network" />
              <label for=${`${prefix}-scope-network`}
                >The network the comment came from (everyone posting from it)</label
              >
            </div>
            <div class="check">
              <input type="radio" id=${`${prefix}-scope-both`} name="scope" value="both" />
              <label for=${`${prefix}-scope-both`}>Both</label>
            </div>
          </fieldset>`
        : ''
    }
    <div class="field">
      <label for=${`${prefix}-duration`}>Duration</label>
      <select id=${`${prefix}-duration`} name="duration">
        ${BAN_DURATIONS.map(
          ([label, seconds]) => html`<option value=${seconds ?? 'forever'}>${label}</option>`
        )}
      </select>
    </div>
    <div class="check">
      <input type="checkbox" id=${`${prefix}-shadow`} name="shadow" value="on" />
      <label for=${`${prefix}-shadow`}
        >Shadow ban: they may still post, but nobody else sees their new comments</label
      >
    </div>
    <div class="field">
      <label for=${`${prefix}-reason`}>Reason (kept in the log, never shown to the reader)</label>
      <textarea id=${`${prefix}-reason`} name="reason" required maxlength="500" rows="2"></textarea>
    </div>`
}

/** The ban fields of a submitted form, as NewBan fields. */
export function banOf(values: Record<string, string>) {
  const scope = values.scope === 'network' || values.scope === 'both' ? values.scope : 'reader'
  return {
    scope,
    durationSeconds: values.duration === 'forever' ? null : Number(values.duration),
    shadow: values.shadow === 'on',
    reason: values.reason ?? '',
  } as const
}

/** A removal reason and the statement of reasons its author sees (DSA art. 17). */
export function removalFields(prefix: string, statementHint: string) {
  return html`<div class="field">
      <label for=${`${prefix}-reason`}>Reason</label>
      <select id=${`${prefix}-reason`} name="reason" required>
        ${REMOVAL_REASONS.map((r) => html`<option value=${r}>${REMOVAL_REASON_LABELS[r]}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for=${`${prefix}-statement`}>Statement of reasons</label>
      <span class="hint" id=${`${prefix}-statement-hint`}>${statementHint}</span>
      <textarea
        id=${`${prefix}-statement`}
        name="statement"
        required
        maxlength=${STATEMENT_MAX}
        rows="4"
        aria-describedby=${`${prefix}-statement-hint`}
      ></textarea>
    </div>`
}

/** Pager of a cursor listing. */
export const loadMore = (next: string | null, onClick: () => void) =>
  next ? html`<button type="button" class="more" @click=${onClick}>Load more</button>` : ''

/** Toggle buttons that pick what a list shows (`label` names the group); `current` is pressed. */
export function tabs<T extends string>(
  label: string,
  options: readonly (readonly [value: T, label: string])[],
  current: T,
  pick: (value: T) => void
) {
  return html`<div class="tabs" role="group" aria-label=${label}>
    ${options.map(
      ([value, text]) =>
        html`<button
          type="button"
          aria-pressed=${current === value ? 'true' : 'false'}
          @click=${() => pick(value)}
        >
          ${text}
        </button>`
    )}
  </div>`
}

/** Copies text to the clipboard; false when the page may not. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/**
 * Native radio buttons named `name`, one per [value, label], the one equal to `current` checked;
 * `choose` hears a change at once, for forms that show or hide fields by the choice.
 */
export function radioChecks<V extends string>(
  name: string,
  choices: readonly (readonly [V, string])[],
  current: V,
  choose: (value: V) => void
) {
  return choices.map(
    ([value, label]) =>
      html`<div class="check">
        <input
          type="radio"
          id=${`${name}-${value}`}
          name=${name}
          value=${value}
          .checked=${current === value}
          @change=${() => choose(value)}
        />
        <label for=${`${name}-${value}`}>${label}</label>
      </div>`
  )
}
