import type { AdminPoll, AdminThread } from '@parley/core'
import { html, type PropertyDeclarations, type PropertyValues } from 'lit'
import { formValues, when } from '../elements/console-view.ts'
import { href } from '../router.ts'
import { PagedList } from './paged-list.ts'
import { loadMore, radioChecks } from './parts.ts'
import { PollEditingView } from './poll-editing-view.ts'

/** Emoji typed with spaces or commas between them. */
const emojiList = (text: string) => text.split(/[\s,]+/).filter(Boolean)

/**
 * Threads (admin): search and page through them, create one, and for one thread (#/threads/KEY)
 * edit its title and reactions and manage its polls.
 */
export class ThreadsView extends PollEditingView {
  static override properties: PropertyDeclarations = {
    ...PollEditingView.properties,
    _thread: { state: true },
    _polls: { state: true },
    _reactions: { state: true },
  }

  /** The thread of #/threads/KEY; null on the list. */
  declare private _thread: AdminThread | null
  declare private _polls: AdminPoll[]
  declare private _reactions: 'site' | 'custom' | 'off'
  #q = ''
  #threads = new PagedList(this, async (cursor) => {
    const page = await this.api!.threads({ q: this.#q, cursor })
    return { items: page.threads, nextCursor: page.nextCursor }
  })

  constructor() {
    super()
    this._thread = null
    this._polls = []
    this._reactions = 'site'
  }

  get #key(): string | null {
    return this.args[0] ?? null
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Navigating between the list and a thread loads again, as a new site does.
    if (
      changed.has('args') &&
      !changed.has('api') &&
      this.api &&
      changed.get('args') !== undefined
    ) {
      void this.reload()
    }
    super.willUpdate(changed)
  }

  protected override async load(): Promise<void> {
    const key = this.#key
    if (key === null) {
      this._thread = null
      await this.#threads.first()
      return
    }
    const [found, polls] = await Promise.all([this.#findThread(key), this.#pollsOf(key)])
    this._thread = found ?? {
      key,
      title: null,
      commentCount: 0,
      pendingCount: 0,
      settings: { reactions: null },
      createdAt: new Date().toISOString(),
    }
    const reactions = this._thread.settings.reactions
    this._reactions = reactions === null ? 'site' : reactions.length === 0 ? 'off' : 'custom'
    this._polls = polls
  }

  async #findThread(key: string): Promise<AdminThread | null> {
    let cursor: string | null = null
    do {
      const page = await this.api!.threads({ q: key, cursor, limit: 100 })
      const hit = page.threads.find((t) => t.key === key)
      if (hit) return hit
      cursor = page.nextCursor
    } while (cursor)
    return null
  }

  /** The polls shown with the thread: every page of them, as a thread holds few. */
  async #pollsOf(key: string): Promise<AdminPoll[]> {
    const out: AdminPoll[] = []
    let cursor: string | null = null
    do {
      const page = await this.api!.polls({ thread: key, cursor, limit: 100 })
      out.push(...page.polls)
      cursor = page.nextCursor
    } while (cursor)
    return out
  }

  async #search(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    this.#q = formValues(e.target as HTMLFormElement).q ?? ''
    if (await this.reload()) {
      const { items, next } = this.#threads
      this._status = `${items.length}${next ? ' or more' : ''} threads found.`
    }
  }

  async #create(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const { key = '', title = '' } = formValues(form)
    const ok = await this.runAndReload(
      () => this.api!.putThread(key, { title: title || null }),
      `Thread ${key} saved.`
    )
    if (ok) form.reset()
  }

  async #save(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const thread = this._thread
    if (!thread) return
    const values = formValues(e.target as HTMLFormElement)
    const reactions =
      this._reactions === 'site'
        ? null
        : this._reactions === 'off'
          ? []
          : emojiList(values.emoji ?? '')
    await this.run(async () => {
      this._thread = await this.api!.putThread(thread.key, {
        title: values.title || null,
        settings: { reactions },
      })
    }, 'Thread saved.')
  }

  override render() {
    return this.#key === null ? this.#renderList() : this.#renderThread()
  }

  #renderList() {
    return html`<h1 tabindex="-1">Threads and polls</h1>
      <form role="search" @submit=${this.#search} class="inline">
        <div class="field">
          <label for="thread-q">Search threads by key or title</label>
          <input id="thread-q" name="q" type="search" .value=${this.#q} />
        </div>
        <button>Search</button>
      </form>
      ${this.messages()}
      <table>
        <caption>
          Threads, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Thread</th>
            <th scope="col">Comments</th>
            <th scope="col">Awaiting review</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          ${
            this.#threads.items.length === 0
              ? html`<tr>
                  <td colspan="4" class="empty">No threads.</td>
                </tr>`
              : this.#threads.items.map(
                  (t) =>
                    html`<tr>
                      <th scope="row">
                        <a href=${href('threads', t.key)}>${t.title ?? t.key}</a>
                        ${t.title ? html`<code class="muted">${t.key}</code>` : ''}
                      </th>
                      <td>${t.commentCount}</td>
                      <td>${t.pendingCount}</td>
                      <td>${when(t.createdAt)}</td>
                    </tr>`
                )
          }
        </tbody>
      </table>
      ${loadMore(this.#threads.next, () =>
        this.run(() => this.#threads.more(), 'More threads loaded.', true)
      )}
      <form @submit=${this.#create}>
        <fieldset>
          <legend>Create a thread</legend>
          <div class="field">
            <label for="new-thread-key">Key</label>
            <span class="hint" id="new-thread-key-hint"
              >The page key used in the embed (data-thread)</span
            >
            <input
              id="new-thread-key"
              name="key"
              type="text"
              required
              maxlength="200"
              aria-describedby="new-thread-key-hint"
            />
          </div>
          <div class="field">
            <label for="new-thread-title">Title (optional)</label>
            <input id="new-thread-title" name="title" type="text" maxlength="300" />
          </div>
          <button class="primary">Create thread</button>
        </fieldset>
      </form>`
  }

  #renderThread() {
    const thread = this._thread
    return html`<p><a href=${href('threads')}>All threads</a></p>
      <h1 tabindex="-1">Thread ${this.#key}</h1>
      ${this.messages()}
      ${
        thread
          ? html`<p class="meta">
                <span>${thread.commentCount} comments</span>
                <span>${thread.pendingCount} awaiting review</span>
              </p>
              <form @submit=${this.#save}>
                <div class="field">
                  <label for="thread-title">Title</label>
                  <input
                    id="thread-title"
                    name="title"
                    type="text"
                    maxlength="300"
                    .value=${thread.title ?? ''}
                  />
                </div>
                <fieldset>
                  <legend>Reactions</legend>
                  ${radioChecks(
                    'reactions',
                    [
                      ['site', "The site's reactions"],
                      ['custom', 'A narrower set for this thread'],
                      ['off', 'No reactions'],
                    ] as const,
                    this._reactions,
                    (value) => (this._reactions = value)
                  )}
                  ${
                    this._reactions === 'custom'
                      ? html`<div class="field">
                          <label for="thread-emoji">Emoji, separated by spaces</label>
                          <input
                            id="thread-emoji"
                            name="emoji"
                            type="text"
                            .value=${(thread.settings.reactions ?? []).join(' ')}
                          />
                        </div>`
                      : ''
                  }
                </fieldset>
                <button class="primary">Save thread</button>
              </form>
              ${this.#renderPolls()}`
          : ''
      }`
  }

  #renderPolls() {
    return html`<h2>Polls of this thread</h2>
      <p><a href=${href('polls')}>All polls of the site</a></p>
      ${this.pollList(this._polls, false)}
      ${this.createPollForm('Create a poll for this thread', this._thread!.key)}
      ${this.editPollDialog(false)}`
  }
}
