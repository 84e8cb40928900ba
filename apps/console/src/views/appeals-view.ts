import type { AdminAppeal, AppealStatus } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'
import { moderatedComment } from './notices-view.ts'
import { PagedList } from './paged-list.ts'
import { loadMore, tabs } from './parts.ts'

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
    _tab: { state: true },
    _deciding: { state: true },
  }

  declare private _tab: AppealStatus | 'all'
  declare private _deciding: AdminAppeal | null
  #appeals = new PagedList(this, async (cursor) => {
    const page = await this.api!.appeals({
      status: this._tab === 'all' ? undefined : this._tab,
      cursor,
    })
    return { items: page.appeals, nextCursor: page.nextCursor }
  })

  constructor() {
    super()
    this._tab = 'open'
    this._deciding = null
  }

  protected override load(): Promise<void> {
    return this.#appeals.first()
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
    const ok = await this.runAndReload(
      () => this.api!.decideAppeal(appeal.comment.id, { outcome, decision: values.decision ?? '' }),
      outcome === 'reversed' ? 'Appeal granted; the comment is published again.' : 'Removal upheld.'
    )
    if (ok) this.closeDialog('decide')
  }

  override render() {
    return html`<h1 tabindex="-1">Appeals</h1>
      <p>Authors who disagree with a removal may appeal once. Their answer is shown to them.</p>
      ${tabs('Show', TABS, this._tab, (tab) => {
        this._tab = tab
        void this.reload()
      })}
      ${this.messages()}
      <ul class="items" aria-label="Appeals">
        ${this.#appeals.items.length === 0 ? html`<li class="empty">No appeals.</li>` : ''}
        ${this.#appeals.items.map(
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
      ${loadMore(this.#appeals.next, () =>
        this.run(() => this.#appeals.more(), 'More appeals loaded.', true)
      )}
      ${this._deciding ? this.#renderDialog(this._deciding) : ''}`
  }

  #renderDialog(appeal: AdminAppeal) {
    return this.formDialog(
      {
        id: 'decide',
        title: `Decide on the appeal of ${appeal.comment.authorName || 'the author'}`,
        submit: 'Send decision',
        onSubmit: this.#submit,
        onClose: () => (this._deciding = null),
      },
      html`<fieldset>
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
          <textarea id="decision" name="decision" required rows="4" maxlength="2000"></textarea>
        </div>`
    )
  }
}
