import type { AdminAppeal, AppealStatus } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'
import { moderatedComment } from './notices-view.ts'
import { loadMore } from './parts.ts'

const TABS: [AppealStatus | 'all', string][] = [
  ['open', 'Open'],
  ['upheld', 'Upheld'],
  ['reversed', 'Reversed'],
  ['all', 'All'],
]

/** Authors' appeals against removals (DSA art. 20): uphold the removal or reverse it. */
export class AppealsView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _appeals: { state: true },
    _next: { state: true },
    _tab: { state: true },
    _deciding: { state: true },
  }

  declare private _appeals: AdminAppeal[]
  declare private _next: string | null
  declare private _tab: AppealStatus | 'all'
  declare private _deciding: AdminAppeal | null

  constructor() {
    super()
    this._appeals = []
    this._next = null
    this._tab = 'open'
    this._deciding = null
  }

  get #status() {
    return this._tab === 'all' ? undefined : this._tab
  }

  protected override async load(): Promise<void> {
    const page = await this.api!.appeals({ status: this.#status })
    this._appeals = page.appeals
    this._next = page.nextCursor
  }

  async #more(): Promise<void> {
    await this.run(
      async () => {
        const page = await this.api!.appeals({ status: this.#status, cursor: this._next })
        this._appeals = [...this._appeals, ...page.appeals]
        this._next = page.nextCursor
      },
      'More appeals loaded.',
      true
    )
  }

  async #decide(appeal: AdminAppeal): Promise<void> {
    this._deciding = appeal
    await this.showDialog('decide')
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const appeal = this._deciding
    if (!appeal) return
    const values = formValues(e.target as HTMLFormElement)
    const outcome = values.outcome === 'reversed' ? 'reversed' : 'upheld'
    const ok = await this.run(
      async () => {
        await this.api!.decideAppeal(appeal.comment.id, {
          outcome,
          decision: values.decision ?? '',
        })
        await this.load()
      },
      outcome === 'reversed' ? 'Appeal granted; the comment is published again.' : 'Removal upheld.'
    )
    if (ok) this.closeDialog('decide')
  }

  override render() {
    return html`<h1 tabindex="-1">Appeals</h1>
      <p>Authors who disagree with a removal may appeal once. Their answer is shown to them.</p>
      <div class="tabs" role="group" aria-label="Show">
        ${TABS.map(
          ([value, label]) =>
            html`<button
              type="button"
              aria-pressed=${this._tab === value ? 'true' : 'false'}
              @click=${() => {
                this._tab = value
                void this.reload()
              }}
            >
              ${label}
            </button>`
        )}
      </div>
      ${this.messages()}
      <ul class="items" aria-label="Appeals">
        ${this._appeals.length === 0 ? html`<li class="empty">No appeals.</li>` : ''}
        ${this._appeals.map(
          (a) =>
            html`<li>
              <p class="meta">
                <span class="badge">${a.status}</span>
                <span>Filed ${when(a.createdAt)}</span>
              </p>
              ${moderatedComment(a.comment)}
              ${
                a.comment.removal
                  ? html`<p>
                      <strong>Statement of reasons:</strong> ${a.comment.removal.statement}
                    </p>`
                  : ''
              }
              <p class="text"><strong>Appeal:</strong> ${a.text}</p>
              ${
                a.decision
                  ? html`<p><strong>Answer</strong> (${when(a.decidedAt)}): ${a.decision}</p>`
                  : ''
              }
              ${
                a.status === 'open'
                  ? html`<button type="button" @click=${() => this.#decide(a)}>Decide</button>`
                  : ''
              }
            </li>`
        )}
      </ul>
      ${loadMore(this._next, () => this.#more())}
      ${
        this._deciding
          ? html`<dialog
              id="decide"
              aria-labelledby="decide-title"
              @close=${() => (this._deciding = null)}
            >
              <h2 id="decide-title">
                Decide on the appeal of ${this._deciding.comment.authorName || 'the author'}
              </h2>
              <form @submit=${this.#submit}>
                <fieldset>
                  <legend>Outcome</legend>
                  <div class="check">
                    <input type="radio" id="outcome-upheld" name="outcome" value="upheld" checked />
                    <label for="outcome-upheld">Uphold: the removal stands</label>
                  </div>
                  <div class="check">
                    <input type="radio" id="outcome-reversed" name="outcome" value="reversed" />
                    <label for="outcome-reversed">Reverse: publish the comment again</label>
                  </div>
                </fieldset>
                <div class="field">
                  <label for="decision">Answer to the author</label>
                  <textarea
                    id="decision"
                    name="decision"
                    required
                    rows="4"
                    maxlength="2000"
                  ></textarea>
                </div>
                ${this.messages(true)}
                <div class="actions">
                  <button class="primary">Send decision</button>
                  <button type="button" @click=${() => this.closeDialog('decide')}>Cancel</button>
                </div>
              </form>
            </dialog>`
          : ''
      }`
  }
}
