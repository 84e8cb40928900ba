import { html, type PropertyDeclarations } from 'lit'
import { formValues } from '../elements/console-view.ts'
import { PagedList } from './paged-list.ts'
import { loadMore, radioChecks } from './parts.ts'
import { PollEditingView } from './poll-editing-view.ts'

/** Which polls the list shows: every one, those on their own, or one thread's. */
type Scope = 'all' | 'none' | 'thread'

const SCOPES: [Scope, string][] = [
  ['all', 'Every poll'],
  ['none', 'Polls on their own (no thread)'],
  ['thread', 'The polls of one thread'],
]

/**
 * Polls (admin): page through the site's polls, narrowed to those without a thread or to one
 * thread's; create one with or without a thread; edit, close and export one.
 */
export class PollsView extends PollEditingView {
  static override properties: PropertyDeclarations = {
    ...PollEditingView.properties,
    _scope: { state: true },
  }

  declare private _scope: Scope
  /** The thread key typed for the 'thread' scope. */
  #thread = ''
  /**
   * The `thread` query parameter of the list shown (the scope last submitted): a key, 'none'
   * (POLL_THREAD_NONE of @parley/core, which the console does not import: it would bring zod) or
   * undefined for every poll.
   */
  #shown: string | undefined = undefined
  #polls = new PagedList(this, async (cursor) => {
    const page = await this.api!.polls({ cursor, thread: this.#shown })
    return { items: page.polls, nextCursor: page.nextCursor }
  })

  constructor() {
    super()
    this._scope = 'all'
  }

  protected override async load(): Promise<void> {
    await this.#polls.first()
  }

  async #narrow(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    this.#thread = formValues(e.target as HTMLFormElement).thread ?? ''
    this.#shown =
      this._scope === 'none' ? 'none' : this._scope === 'thread' ? this.#thread : undefined
    if (await this.reload()) {
      const { items, next } = this.#polls
      this._status = `${items.length}${next ? ' or more' : ''} polls found.`
    }
  }

  override render() {
    return html`<h1 tabindex="-1">Polls</h1>
      <form @submit=${this.#narrow}>
        <fieldset>
          <legend>Show</legend>
          ${radioChecks('scope', SCOPES, this._scope, (value) => (this._scope = value))}
          ${
            this._scope === 'thread'
              ? html`<div class="field">
                  <label for="scope-thread-key">Thread key</label>
                  <input
                    id="scope-thread-key"
                    name="thread"
                    type="text"
                    required
                    maxlength="200"
                    .value=${this.#thread}
                  />
                </div>`
              : ''
          }
          <button>Show polls</button>
        </fieldset>
      </form>
      ${this.messages()}
      <h2>Polls, newest first</h2>
      ${this.pollList(this.#polls.items, true)}
      ${loadMore(this.#polls.next, () =>
        this.run(() => this.#polls.more(), 'More polls loaded.', true)
      )}
      ${this.createPollForm('Create a poll')} ${this.editPollDialog(true)}`
  }
}
