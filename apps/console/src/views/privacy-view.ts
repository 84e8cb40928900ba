import {
  ADMIN_ROUTES,
  type AdminReaderData,
  type ErasureMode,
  type ErasureResult,
  type ReaderSearch,
  type ReaderSummary,
} from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'

// Data-subject requests (admin): find a reader by reader id, by one of their comments or by the
// site's user id; download what is stored about them; erase it. See docs/privacy.md.

const CRITERIA = [
  ['comment', 'A comment of theirs', 'c_…'],
  ['reader', 'Reader id', 'r_…'],
  ['user', 'Signed-in user id', "the site's own user id"],
] as const

type Criterion = (typeof CRITERIA)[number][0]

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Saves JSON as a file in the browser: a Blob and a download link, nothing leaves the page. */
function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })
  )
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export class PrivacyView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _found: { state: true },
    _erasing: { state: true },
  }

  /** The readers the last search found; null before any search. */
  declare private _found: ReaderSummary[] | null
  declare private _erasing: ReaderSummary | null
  #criterion: Criterion = 'comment'
  #value = ''

  constructor() {
    super()
    this._found = null
    this._erasing = null
  }

  #search(): Promise<ReaderSearch> {
    return this.api!.transport.call(
      'GET',
      ADMIN_ROUTES.readers,
      { site: this.api!.site },
      {
        query: { [this.#criterion]: this.#value },
      }
    )
  }

  protected override async load(): Promise<void> {
    this._found = this.#value ? (await this.#search()).readers : null
  }

  async #find(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const values = formValues(e.target as HTMLFormElement)
    this.#criterion = values.criterion as Criterion
    this.#value = values.value ?? ''
    if (await this.reload()) {
      const n = this._found?.length ?? 0
      this._status = n === 0 ? 'No reader found.' : `${plural(n, 'reader', 'readers')} found.`
    }
  }

  async #export(reader: ReaderSummary): Promise<void> {
    await this.run(async () => {
      const data = await this.api!.transport.call<AdminReaderData>('GET', ADMIN_ROUTES.readerData, {
        site: this.api!.site,
        reader: reader.readerId,
      })
      download(`parley-${this.api!.site}-${reader.readerId}.json`, data)
    }, `The data of ${reader.readerId} was downloaded.`)
  }

  #erase = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault()
    const reader = this._erasing
    if (!reader) return
    // The choice sits in the dialog's explanation, outside its form.
    const mode = (this.$<HTMLInputElement>('input[name=mode]:checked')?.value || undefined) as
      ErasureMode | undefined
    let result: ErasureResult | null = null
    const ok = await this.runAndReload(async () => {
      result = await this.api!.transport.call<ErasureResult>(
        'DELETE',
        ADMIN_ROUTES.reader,
        { site: this.api!.site, reader: reader.readerId },
        { query: { mode } }
      )
    })
    if (ok && result) {
      const r: ErasureResult = result
      this.closeDialog('erase')
      this._status = `Erased ${reader.readerId}: ${plural(
        r.comments.removed + r.comments.placeholders + r.comments.anonymised,
        'comment',
        'comments'
      )}, ${plural(r.votes, 'vote', 'votes')}, ${plural(r.reactions, 'reaction', 'reactions')}, ${plural(r.reports, 'report', 'reports')}.`
    }
  }

  override render() {
    return html`<h1 tabindex="-1">Privacy</h1>
      <p>
        Answer a reader's request for their data: find them, download everything stored about them
        (with the bans on them and the moderation verdicts on their comments), or erase it. Readers
        can do both themselves under "Your data" in the discussion. Downloads and erasures are
        recorded in the audit log. What is stored, and for how long, is in docs/privacy.md.
      </p>
      <form @submit=${this.#find}>
        <fieldset>
          <legend>Find a reader</legend>
          <div class="inline">
            <div class="field">
              <label for="privacy-criterion">By</label>
              <select id="privacy-criterion" name="criterion">
                ${CRITERIA.map(
                  ([value, label]) =>
                    html`<option value=${value} ?selected=${value === this.#criterion}>
                      ${label}
                    </option>`
                )}
              </select>
            </div>
            <div class="field">
              <label for="privacy-value">Id</label>
              <input id="privacy-value" name="value" type="text" required .value=${this.#value} />
            </div>
            <button class="primary">Find</button>
          </div>
        </fieldset>
      </form>
      ${this.messages()}
      ${
        this._found === null
          ? ''
          : html`<table>
              <caption>
                Readers found
              </caption>
              <thead>
                <tr>
                  <th scope="col">Reader</th>
                  <th scope="col">Stored</th>
                  <th scope="col">First and last seen</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                ${
                  this._found.length === 0
                    ? html`<tr>
                        <td colspan="4" class="empty">No reader found.</td>
                      </tr>`
                    : this._found.map(
                        (r) =>
                          html`<tr>
                            <td><code>${r.readerId}</code></td>
                            <td>
                              ${plural(r.comments, 'comment', 'comments')},
                              ${plural(r.votes, 'vote', 'votes')},
                              ${plural(r.reactions, 'reaction', 'reactions')},
                              ${plural(r.reports, 'report', 'reports')},
                              ${plural(r.appeals, 'appeal', 'appeals')}
                            </td>
                            <td>${when(r.firstSeen)} – ${when(r.lastSeen)}</td>
                            <td>
                              <button
                                type="button"
                                aria-label=${`Download the data of ${r.readerId}`}
                                @click=${() => this.#export(r)}
                              >
                                Download
                              </button>
                              <button
                                type="button"
                                class="danger"
                                aria-label=${`Erase the data of ${r.readerId}`}
                                @click=${() => {
                                  this._erasing = r
                                  void this.showDialog('erase')
                                }}
                              >
                                Erase
                              </button>
                            </td>
                          </tr>`
                      )
                }
              </tbody>
            </table>`
      }
      ${
        this._erasing
          ? this.confirmDialog(
              {
                id: 'erase',
                title: `Erase the data of ${this._erasing.readerId}?`,
                submit: 'Erase everything',
                danger: true,
                onSubmit: this.#erase,
                onClose: () => (this._erasing = null),
              },
              html`<p>
                  Their votes and reactions leave the counts, their reports and appeals go. Bans on
                  them stay. This cannot be undone.
                </p>
                <fieldset>
                  <legend>Their comments</legend>
                  <label
                    ><input type="radio" name="mode" value="" checked /> As the site's privacy
                    setting says</label
                  >
                  <label
                    ><input type="radio" name="mode" value="delete" /> Delete them (a comment others
                    replied to stays as a "deleted" placeholder)</label
                  >
                  <label
                    ><input type="radio" name="mode" value="anonymise" /> Keep the texts, without
                    their name</label
                  >
                </fieldset>`
            )
          : ''
      }`
  }
}
