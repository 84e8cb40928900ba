import type { AdminExpert } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'

/** Name, title, organisation and photo URL, filled from `expert` when editing. */
function expertFields(prefix: string, expert: AdminExpert | null) {
  return html`<div class="field">
      <label for=${`${prefix}-name`}>Name</label>
      <input
        id=${`${prefix}-name`}
        name="name"
        type="text"
        required
        maxlength="100"
        .value=${expert?.name ?? ''}
      />
    </div>
    <div class="field">
      <label for=${`${prefix}-title`}>Title</label>
      <span class="hint" id=${`${prefix}-title-hint`}
        >What they are, e.g. “Member of the European Parliament”</span
      >
      <input
        id=${`${prefix}-title`}
        name="title"
        type="text"
        required
        maxlength="200"
        aria-describedby=${`${prefix}-title-hint`}
        .value=${expert?.title ?? ''}
      />
    </div>
    <div class="field">
      <label for=${`${prefix}-organisation`}>Organisation</label>
      <input
        id=${`${prefix}-organisation`}
        name="organisation"
        type="text"
        required
        maxlength="200"
        .value=${expert?.organisation ?? ''}
      />
    </div>
    <div class="field">
      <label for=${`${prefix}-photo`}>Photo URL (optional)</label>
      <span class="hint" id=${`${prefix}-photo-hint`}>An https address of a portrait</span>
      <input
        id=${`${prefix}-photo`}
        name="photoUrl"
        type="url"
        pattern="https://.*"
        aria-describedby=${`${prefix}-photo-hint`}
        .value=${expert?.photoUrl ?? ''}
      />
    </div>`
}

const expertOf = (values: Record<string, string>) => ({
  name: values.name ?? '',
  title: values.title ?? '',
  organisation: values.organisation ?? '',
  photoUrl: values.photoUrl || null,
})

/** Experts of the site (admin): create, edit, archive. Moderators pick them in the queue. */
export class ExpertsView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _experts: { state: true },
    _archived: { state: true },
    _editing: { state: true },
    _archiving: { state: true },
  }

  declare private _experts: AdminExpert[]
  declare private _archived: boolean
  declare private _editing: AdminExpert | null
  declare private _archiving: AdminExpert | null

  constructor() {
    super()
    this._experts = []
    this._archived = false
    this._editing = null
    this._archiving = null
  }

  protected override async load(): Promise<void> {
    this._experts = (await this.api!.experts(this._archived ? 'include' : 'exclude')).experts
  }

  async #create(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const expert = expertOf(formValues(form))
    const ok = await this.runAndReload(
      () => this.api!.createExpert(expert),
      `Expert ${expert.name} added.`
    )
    if (ok) form.reset()
  }

  async #edit(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const expert = this._editing
    if (!expert) return
    const values = expertOf(formValues(e.target as HTMLFormElement))
    const ok = await this.runAndReload(
      () => this.api!.editExpert(expert.id, values),
      `Expert ${values.name} saved.`
    )
    if (ok) this.closeDialog('edit')
  }

  async #archive(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const expert = this._archiving
    if (!expert) return
    const ok = await this.runAndReload(
      () => this.api!.archiveExpert(expert.id),
      `Expert ${expert.name} archived.`
    )
    if (ok) this.closeDialog('archive')
  }

  override render() {
    return html`<h1 tabindex="-1">Experts</h1>
      <p>
        The people a moderator can put readers' questions to. Their responses show as “Expert
        response” cards under the comment and in the Featured section.
      </p>
      ${this.messages()}
      <div class="check">
        <input
          type="checkbox"
          id="show-archived"
          .checked=${this._archived}
          @change=${(e: Event) => {
            this._archived = (e.target as HTMLInputElement).checked
            void this.reload()
          }}
        />
        <label for="show-archived">Show archived experts</label>
      </div>
      <ul class="items" aria-label="Experts">
        ${this._experts.length === 0 ? html`<li class="empty">No experts yet.</li>` : ''}
        ${this._experts.map(
          (x) =>
            html`<li>
              <h2>${x.name}</h2>
              <p>${x.title}, ${x.organisation}</p>
              <p class="meta">
                <span>${x.responseCount} responses</span>
                <span>Added ${when(x.createdAt)}</span>
                ${x.archivedAt ? html`<span class="badge">Archived ${when(x.archivedAt)}</span>` : ''}
                ${x.photoUrl ? html`<span>Photo: <code>${x.photoUrl}</code></span>` : ''}
              </p>
              ${
                x.archivedAt
                  ? ''
                  : html`<div class="actions">
                      <button
                        type="button"
                        aria-label=${`Edit ${x.name}`}
                        @click=${() => this.#open('edit', x)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        class="danger"
                        aria-label=${`Archive ${x.name}`}
                        @click=${() => this.#open('archive', x)}
                      >
                        Archive
                      </button>
                    </div>`
              }
            </li>`
        )}
      </ul>
      <form @submit=${this.#create}>
        <fieldset>
          <legend>Add an expert</legend>
          ${expertFields('new', null)}
          <button class="primary">Add expert</button>
        </fieldset>
      </form>
      ${
        this._editing
          ? this.formDialog(
              {
                id: 'edit',
                title: `Edit ${this._editing.name}`,
                submit: 'Save',
                onSubmit: this.#edit,
                onClose: () => (this._editing = null),
              },
              expertFields('edit', this._editing)
            )
          : ''
      }
      ${
        this._archiving
          ? this.confirmDialog(
              {
                id: 'archive',
                title: `Archive ${this._archiving.name}?`,
                submit: 'Archive expert',
                danger: true,
                onSubmit: this.#archive,
                onClose: () => (this._archiving = null),
              },
              html`<p>No new responses or invitations; their published responses stay.</p>`
            )
          : ''
      }`
  }

  async #open(kind: 'edit' | 'archive', expert: AdminExpert): Promise<void> {
    if (kind === 'edit') this._editing = expert
    else this._archiving = expert
    await this.showDialog(kind)
  }
}
