import type { Poll } from '@parley/core'
import { html, nothing, type PropertyValues } from 'lit'
import { type ApiError, getPoll, vote } from '../../api/client.ts'
import { emit } from '../../events.ts'
import { ParleyElement } from '../../internal/parley-element.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { pollStyles } from './poll.styles.ts'

/**
 * @summary A poll: a native fieldset of radio buttons, then results once the reader has voted.
 *
 * @event parley-vote - The server accepted a vote. `detail: { pollId, optionId }`
 * @event parley-error - Loading or voting failed. `detail: { code, message }`
 *
 * @csspart base - The wrapper.
 * @csspart form - The voting form.
 * @csspart poll-option - One option: its radio label, or its row in the results.
 * @csspart submit - The "Vote" button.
 * @csspart results - The results section.
 * @csspart poll-bar - A decorative result bar (the text carries the numbers).
 * @csspart total - The total number of votes.
 * @csspart change-vote - The "Change vote" button.
 * @csspart error - The error message region.
 *
 * @cssproperty --parley-color-accent - Buttons, radios, bars and the reader's choice.
 * @cssproperty --parley-color-border - The fieldset and results border.
 * @cssproperty --parley-color-surface - The fieldset and results background.
 */
export class ParleyPoll extends ParleyElement {
  static override styles = [tokens, pollStyles]
  static override properties = {
    /** The poll key. */
    poll: {},
    _data: { state: true },
    _error: { state: true },
    _changing: { state: true },
    _busy: { state: true },
    _status: { state: true },
  }

  declare poll: string
  declare private _data: Poll | null
  declare private _error: ApiError | null
  declare private _changing: boolean
  declare private _busy: boolean
  declare private _status: string
  private abort?: AbortController

  constructor() {
    super()
    this.poll = ''
    this._data = null
    this._error = null
    this._changing = false
    this._busy = false
    this._status = ''
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('site') || changed.has('poll')) void this.load()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.abort?.abort()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.hasUpdated && !this._data) void this.load()
  }

  private async load(): Promise<void> {
    this.abort?.abort()
    this._error = null
    if (this.missing('site', 'poll')) return
    const abort = (this.abort = new AbortController())
    try {
      this._data = await getPoll(this, this.poll, { signal: abort.signal })
    } catch (e) {
      if (!abort.signal.aborted) this._error = this.fail(e)
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const optionId = new FormData(event.target as HTMLFormElement).get('option')
    if (this._busy || typeof optionId != 'string') return
    this._busy = true
    this._error = null
    this._status = ''
    try {
      this._data = await vote(this, this.poll, optionId)
      this._changing = false
      this._status = this.t.voteRecorded
      emit(this, 'parley-vote', { pollId: this._data.id, optionId })
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('section')?.focus()
    } catch (e) {
      this._error = this.fail(e)
    } finally {
      this._busy = false
    }
  }

  private async change(): Promise<void> {
    this._changing = true
    this._status = ''
    await this.updateComplete
    const root = this.renderRoot
    const radio =
      root.querySelector<HTMLInputElement>('input:checked') ?? root.querySelector('input')
    radio?.focus()
  }

  override render() {
    const { t, _data: poll, _error: error } = this
    const view = !poll
      ? error
        ? nothing
        : html`<p class="muted">${t.loadingPoll}</p>`
      : poll.myVote && !this._changing
        ? this.results(poll)
        : this.form(poll)
    return html`<div part="base">
      ${view}
      <div role="alert" part="error">${this.alert()}</div>
      <p role="status" class="sr">${this._status}</p>
    </div>`
  }

  // Kept on one line in the template so the region is :empty (and takes no space) when idle.
  private alert() {
    const { t, _error: error } = this
    if (!error) return nothing
    return html`${t.errors[error.code]}
    ${this._data ? nothing : html`<button @click=${this.load}>${t.tryAgain}</button>`}`
  }

  private form(poll: Poll) {
    return html`<form part="form" @submit=${this.submit}>
      <fieldset>
        <legend>${poll.question}</legend>
        ${poll.options.map(
          (o) =>
            html`<label part="poll-option"
              ><input
                type="radio"
                name="option"
                required
                .value=${o.id}
                ?checked=${o.id === poll.myVote}
              />${o.label}</label
            >`
        )}
      </fieldset>
      <button class="primary" part="submit" aria-disabled=${this._busy}>${this.t.vote}</button>
    </form>`
  }

  private results(poll: Poll) {
    const { t } = this
    const percent = new Intl.NumberFormat(t.$code, { style: 'percent' })
    return html`<section part="results" tabindex="-1" aria-labelledby="q">
      <p class="question" id="q">${poll.question}</p>
      <ul>
        ${poll.options.map(
          (o) =>
            html`<li part="poll-option">
              <span class="row"
                >${o.label} ${o.id === poll.myVote ? html`<strong>${t.yourVote}</strong>` : nothing}
                <b>${percent.format(o.percent / 100)}</b></span
              >
              <span part="poll-bar" aria-hidden="true"
                ><span .style=${`--p:${o.percent}%`}></span
              ></span>
              <span class="muted">${t.votes(o.votes)}</span>
            </li>`
        )}
      </ul>
      <p part="total">${t.votes(poll.totalVotes)}</p>
      <button part="change-vote" @click=${this.change}>${t.changeVote}</button>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-poll': ParleyPoll
  }
}
