import type { Poll } from '@parley/core'
import { html, nothing, type PropertyValues } from 'lit'
import { type ApiError, getPoll, vote, withdrawVote } from '../../api/client.ts'
import { RefreshController } from '../../controllers/refresh-controller.ts'
import { emit } from '../../events.ts'
import type { TurnstileHandle } from '../../extras/turnstile.ts'
import { loadExtras } from '../../internal/lazy.ts'
import { ParleyElement } from '../../internal/parley-element.ts'
import { getViews, needViews, pollNeedsViews, viewsFor } from '../../internal/views.ts'
import { fields } from '../../styles/fields.styles.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { pollStyles } from './poll.styles.ts'

/**
 * @summary A poll: a native fieldset of radio buttons (single choice) or checkboxes (multiple
 * choice, at most `maxChoices`), then an accessible bar chart of the results. Shows when voting
 * opens or closes, withheld results, and lets the reader change or withdraw a vote where the poll
 * allows it. While the page is visible it revalidates the poll every 30 s (ETag, 304).
 *
 * @event parley-vote - The server accepted a vote, a change or a withdrawal.
 * `detail: { poll, choices }` (`choices` is empty after a withdrawal)
 * @event parley-error - Loading or voting failed. `detail: { code, message }`
 *
 * @csspart base - The wrapper.
 * @csspart form - The voting form.
 * @csspart poll-option - One option: its radio or checkbox label, or its row in the results.
 * @csspart note - A line about the poll: when it opens or closes, withheld results, the choice
 * limit, a final vote.
 * @csspart submit - The "Vote" button.
 * @csspart results - The results section.
 * @csspart poll-bar - A decorative result bar (the text carries the numbers).
 * @csspart total - The total number of votes (and voters).
 * @csspart change-vote - The "Change vote" button.
 * @csspart withdraw-vote - The "Withdraw vote" button.
 * @csspart error - The error message region.
 *
 * @cssproperty --parley-color-accent - Buttons, radios, bars and the reader's choice.
 * @cssproperty --parley-color-border - The fieldset and results border.
 * @cssproperty --parley-color-surface - The fieldset and results background.
 */
export class ParleyPoll extends ParleyElement {
  static override fetches = true
  static override styles = [tokens, fields, pollStyles]
  static override properties = {
    /** The poll key. */
    poll: {},
    _data: { state: true },
    _changing: { state: true },
    _picked: { state: true },
  }

  declare poll: string
  declare private _data: Poll | null
  declare private _changing: boolean
  /** The options checked in the form, kept so the choice limit can disable the other boxes. */
  declare private _picked: string[]
  #abort?: AbortController
  #etag: string | null = null
  /** Turnstile, while votes need it (Poll.turnstile): rendered by the lazy extras into #box. */
  #turnstile?: Promise<TurnstileHandle | null> | null
  #box: HTMLElement | null = null

  constructor() {
    super()
    this.poll = ''
    this._data = null
    this._changing = false
    this._picked = []
    new RefreshController(this, () => {
      const data = this._data
      // A closed poll is final, and a refresh must not race a vote being sent.
      // Nor may it load a poll that is waiting to come near the viewport.
      if (this._busy || data?.status === 'closed' || !this.hasUpdated || !this.site || !this.poll)
        return
      return this.#fetch(data && this.#etag).then(() => {
        if (!data) this._error = null
      })
    })
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('site') || changed.has('poll')) void this.#load()
    // A poll's notes and choice hint come with the views (internal/views.ts): the first load
    // waits for them, this is for a poll that changed later (e.g. it closed).
    else if (this._data) viewsFor(this, pollNeedsViews(this._data))
  }

  override updated(): void {
    // The box comes with the voting form, anew each time it shows (e.g. to change a vote).
    const box = this.renderRoot.querySelector<HTMLElement>('.ts')
    if (box !== this.#box)
      this.#turnstile =
        (this.#box = box) &&
        loadExtras().then(
          (m) => m.turnstile(box!, this._data!.turnstile!.siteKey),
          () => null
        )
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.#abort?.abort()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.hasUpdated && !this._data) void this.#load()
  }

  protected override errorText(error: ApiError): string {
    const wait = error.retryAfter
    return (wait && getViews()?.retryIn(this, this.t, wait)) || super.errorText(error)
  }

  async #load(): Promise<void> {
    this._error = null
    this._changing = false
    this._picked = []
    if (!this.missing('site', 'poll'))
      try {
        await this.#fetch(null)
        // Shown with its notes, or without them if they cannot be loaded: nothing moves after.
        if (this._data && pollNeedsViews(this._data)) await needViews()
        this.requestUpdate()
      } catch (e) {
        this._error = this.fail(e)
      }
    this.done()
  }

  /** Reads the poll, conditionally when `etag` is given; a superseded read is dropped. */
  async #fetch(etag: string | null): Promise<void> {
    this.#abort?.abort()
    const abort = (this.#abort = new AbortController())
    try {
      const got = await getPoll(this, this.poll, { signal: abort.signal, etag })
      if (got) {
        this._data = got.poll
        this.#etag = got.etag
      } else this.requestUpdate() // unchanged (304): only "Closes in …" moves on
    } catch (e) {
      if (!abort.signal.aborted) throw e
    }
  }

  /** Sends a vote or a withdrawal, announces `done` and moves focus to `focus`. */
  async #send(request: () => Promise<Poll>, done: string, focus: string): Promise<void> {
    if (this._busy) return
    this.#abort?.abort() // a refresh under way would answer with the poll before this vote
    const sent = await this.run(async () => {
      const poll = (this._data = await request())
      this._changing = false
      this._picked = []
      emit(this, 'parley-vote', { poll, choices: poll.myChoices })
    }, done)
    if (sent) await this.#focusOn(focus)
    // The poll changed under the reader (closed, locked, options edited): show it as it is now.
    else if ([409, 422].includes(this._error!.status)) this.#fetch(this.#etag).catch(() => {})
  }

  async #focusOn(selector: string): Promise<void> {
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus()
  }

  #pick(event: Event): void {
    const form = event.currentTarget as HTMLFormElement
    this._picked = new FormData(form).getAll('o') as string[]
    form.querySelector('input')?.setCustomValidity('')
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault()
    const first = this.renderRoot.querySelector('input')!
    first.setCustomValidity(this._picked.length ? '' : this.t.chooseOne)
    if (first.reportValidity())
      void this.#send(
        async () => {
          const turnstile = await this.#turnstile
          const token = turnstile?.token() || undefined
          // Turnstile tokens are single-use: the next attempt needs a new one.
          turnstile?.reset()
          return vote(this, this.poll, this._picked, token)
        },
        this.t.voteRecorded,
        '#q'
      )
  }

  #withdraw(): void {
    void this.#send(() => withdrawVote(this, this.poll), this.t.voteWithdrawn, 'input')
  }

  #change(): void {
    this._changing = true
    this._picked = this._data!.myChoices
    this._status = ''
    void this.#focusOn('input:checked')
  }

  #cancel(): void {
    this._changing = false
    void this.#focusOn('[part~=change-vote]')
  }

  override render() {
    const { t, _data: poll, _error: error } = this
    let view: unknown = error ? nothing : html`<p class="muted">${t.loadingPoll}</p>`
    if (poll) {
      const { voted } = poll
      const open = poll.status === 'open'
      const editing = open && (!voted || this._changing)
      view =
        editing || poll.status === 'scheduled' || (!voted && !poll.results)
          ? this.#form(poll, editing)
          : this.#results(poll, voted && open && poll.allowVoteChange)
    }
    return html`<div part="base">
      ${view}
      <div role="alert" part="error">${this.#alert()}</div>
      <p role="status" class="sr">${this._status}</p>
    </div>`
  }

  // Kept on one line in the template so the region is :empty (and takes no space) when idle.
  #alert() {
    const { t, _error: error } = this
    if (!error) return nothing
    return html`${this.errorText(error)}
    ${this._data ? nothing : html`<button @click=${this.#load}>${t.tryAgain}</button>`}`
  }

  #form(poll: Poll, editing: boolean) {
    const { t } = this
    const max = poll.maxChoices
    const multiple = poll.kind === 'multiple'
    const chosen = editing ? this._picked : poll.myChoices
    // The other boxes are disabled once the limit is reached, and the hint says why.
    const full = multiple && max < poll.options.length && chosen.length >= max
    return html`<form part="form" @submit=${this.#submit} @change=${this.#pick}>
      <fieldset ?disabled=${!editing} aria-describedby="d">
        <legend>${poll.question}</legend>
        <div id="d">
          ${getViews()?.pollNotes(this, t, poll)}
          ${multiple && editing ? getViews()?.choiceHint(this, t, max, full) : nothing}
        </div>
        ${poll.options.map((o) => {
          const on = chosen.includes(o.id)
          return html`<label part="poll-option"
            ><input
              type=${multiple ? 'checkbox' : 'radio'}
              name="o"
              .value=${o.id}
              .checked=${on}
              ?disabled=${full && !on}
            />${o.label}</label
          >`
        })}
      </fieldset>
      ${
        editing
          ? html`${poll.turnstile ? html`<div class="ts"></div>` : nothing}
              <div class="actions">
                <button class="primary" part="submit" aria-disabled=${this._busy}>${t.vote}</button>
                ${
                  this._changing
                    ? html`<button type="button" @click=${this.#cancel}>${t.cancel}</button>`
                    : nothing
                }
              </div>`
          : nothing
      }
    </form>`
  }

  #results(poll: Poll, changeable: boolean) {
    const { t } = this
    const all = poll.results
    return html`<section part="results" aria-labelledby="q">
      <h2 id="q" tabindex="-1">${poll.question}</h2>
      ${getViews()?.pollNotes(this, t, poll)}
      <ul>
        ${poll.options.map((o) => {
          const r = all?.options.find((x) => x.id === o.id)
          return html`<li part="poll-option">
            <span class="row"
              >${o.label}
              ${poll.myChoices.includes(o.id) ? html`<strong>${t.yourVote}</strong>` : nothing}
              ${r ? html`<b>${(r.percent / 100).toLocaleString(t.$code, { style: 'percent' })}</b>` : nothing}</span
            >
            ${
              r
                ? html`<span part="poll-bar" aria-hidden="true"
                      ><span .style=${`--p:${r.percent}%`}></span></span
                    ><span class="muted">${t.votes(r.votes)}</span>`
                : nothing
            }
          </li>`
        })}
      </ul>
      ${all ? html`<p part="total">${t.total(all.totalVotes, all.voters)}</p>` : nothing}
      ${
        changeable
          ? html`<div class="actions">
              <button part="change-vote" @click=${this.#change}>${t.changeVote}</button>
              <button part="withdraw-vote" @click=${this.#withdraw}>${t.withdrawVote}</button>
            </div>`
          : nothing
      }
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-poll': ParleyPoll
  }
}
