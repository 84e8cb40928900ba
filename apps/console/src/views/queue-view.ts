import type {
  AdminComment,
  AdminCommentDetail,
  AdminExpert,
  AdminThread,
  Invitation,
  ModerationView,
} from '@parley/core'
import type { RemovalReason } from '@parley/core/limits'
import { html, type PropertyDeclarations } from 'lit'
import { ConsoleView, formValues, when } from '../elements/console-view.ts'
import {
  banFields,
  banOf,
  copyText,
  loadMore,
  REMOVAL_REASON_LABELS,
  removalFields,
  tabs,
} from './parts.ts'

const TABS: [ModerationView, string][] = [
  ['pending', 'Pending'],
  ['reported', 'Reported'],
  ['recent', 'Recent'],
  ['removed', 'Removed'],
  ['spam', 'Spam'],
  ['shadow', 'Shadow-banned'],
]

const STATUS_LABELS: Record<AdminComment['status'], string> = {
  published: 'Published',
  pending: 'Awaiting review',
  removed: 'Removed',
  spam: 'Spam',
  shadow: 'Shadow (only its author sees it)',
}

/** The verdict's signals in words. */
const SIGNAL_LABELS: Record<string, string> = {
  pre_moderation: 'Pre-moderation',
  banned_term: 'Banned term',
  lexicon: 'Abusive language',
  links: 'Links',
  shouting: 'Shouting',
  repeated: 'Repeated characters',
  first_time_reader: 'First comment of this reader',
  speed: 'Posting fast',
  classifier: 'Classifier',
  reports: 'Reader reports',
  shadow_ban: 'Shadow ban',
}

type DialogKind = 'reject' | 'edit' | 'ban' | 'ask' | 'respond' | 'details'

/** Whether a comment still belongs in a view after an action changed it. */
function belongs(comment: AdminComment, view: ModerationView): boolean {
  if (view === 'recent' || view === 'reported') return true
  return comment.status === view
}

/**
 * The moderation queue: the views pending, reported, recent, removed, spam and shadow, filtered by
 * thread, search text or reader, paged with "Load more". Each comment shows why it was held, its
 * reports and its removal, and every action a moderator may take on it.
 */
export class QueueView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _view: { state: true },
    _comments: { state: true },
    _next: { state: true },
    _threads: { state: true },
    _experts: { state: true },
    _dialog: { state: true },
    _target: { state: true },
    _detail: { state: true },
    _invitation: { state: true },
  }

  declare private _view: ModerationView
  declare private _comments: AdminComment[]
  declare private _next: string | null
  declare private _threads: AdminThread[]
  /** The experts to pick from; null while they load. */
  declare private _experts: AdminExpert[] | null
  declare private _dialog: DialogKind | null
  declare private _target: AdminComment | null
  declare private _detail: AdminCommentDetail | null
  declare private _invitation: Invitation | null
  #filters: { thread?: string; q?: string; reader?: string } = {}
  #threadsAsked = false

  constructor() {
    super()
    this._view = 'pending'
    this._comments = []
    this._next = null
    this._threads = []
    this._experts = []
    this._dialog = null
    this._target = null
    this._detail = null
    this._invitation = null
  }

  protected override async load(): Promise<void> {
    const [page, threads] = await Promise.all([
      this.api!.queue({ view: this._view, ...this.#filters }),
      // The thread filter's suggestions, once; the queue works without them.
      this.#threadsAsked ? null : this.api!.threads({ limit: 100 }).catch(() => null),
    ])
    this._comments = page.comments
    this._next = page.nextCursor
    this.#threadsAsked = true
    if (threads) this._threads = threads.threads
  }

  async #pick(view: ModerationView): Promise<void> {
    this._view = view
    if (await this.reload()) this.#announceCount()
  }

  #announceCount(): void {
    const n = this._comments.length
    const more = this._next ? ' (more to load)' : ''
    this._status = `${n === 0 ? 'No' : n} ${n === 1 ? 'comment' : 'comments'}${more}.`
  }

  async #filter(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const { thread, q, reader } = formValues(e.target as HTMLFormElement)
    this.#filters = {
      ...(thread && { thread }),
      ...(q && { q }),
      ...(reader && { reader }),
    }
    if (await this.reload()) this.#announceCount()
  }

  async #more(): Promise<void> {
    const before = this._comments.length
    const ok = await this.run(
      async () => {
        const page = await this.api!.queue({
          view: this._view,
          ...this.#filters,
          cursor: this._next!,
        })
        this._comments = [...this._comments, ...page.comments]
        this._next = page.nextCursor
      },
      '',
      true
    )
    if (ok) {
      const added = this._comments.length - before
      this._status = `${added} more ${added === 1 ? 'comment' : 'comments'} loaded.`
    }
  }

  /**
   * Puts the comment as the API now has it in the list, or takes it out when it left the view;
   * then the focus goes to the next comment (or the heading), never to the page's start.
   */
  async #replace(updated: AdminComment): Promise<void> {
    const index = this._comments.findIndex((c) => c.id === updated.id)
    if (belongs(updated, this._view)) {
      this._comments = this._comments.map((c) => (c.id === updated.id ? updated : c))
      return
    }
    this._comments = this._comments.filter((c) => c.id !== updated.id)
    await this.updateComplete
    const next = this._comments[Math.min(index, this._comments.length - 1)]
    const target = next ? this.$(`#h-${next.id}`) : this.$('h1')
    target?.focus()
  }

  async #act(
    comment: AdminComment,
    action: (id: string) => Promise<AdminComment>,
    done: string
  ): Promise<boolean> {
    let updated: AdminComment | null = null
    const ok = await this.run(async () => {
      updated = await action(comment.id)
    }, done)
    if (updated) await this.#replace(updated)
    return ok
  }

  async #open(kind: DialogKind, comment: AdminComment): Promise<void> {
    this._target = comment
    this._dialog = kind
    this._invitation = null
    this._detail = null
    await this.showDialog('act')
    // The dialog opens at once; what it needs loads inside it, errors shown there.
    if (kind === 'ask' || kind === 'respond') {
      this._experts = null
      await this.run(
        async () => {
          this._experts = (await this.api!.experts()).experts
        },
        '',
        true
      )
    } else if (kind === 'details' || kind === 'edit') {
      await this.run(
        async () => {
          this._detail = await this.api!.comment(comment.id)
        },
        '',
        true
      )
    }
  }

  #close(): void {
    this.closeDialog('act')
  }

  async #submitDialog(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const comment = this._target
    const kind = this._dialog
    if (!comment || !kind) return
    const v = formValues(e.target as HTMLFormElement)
    const api = this.api!
    const author = comment.author.name || 'the author'
    let ok = false
    switch (kind) {
      case 'reject':
        ok = await this.#act(
          comment,
          (id) =>
            api.reject(id, { reason: v.reason as RemovalReason, statement: v.statement ?? '' }),
          `Comment by ${author} removed.`
        )
        break
      case 'edit':
        ok = await this.#act(
          comment,
          (id) => api.editComment(id, { text: v.text ?? '', reason: v.editReason ?? '' }),
          `Comment by ${author} edited; the original is kept.`
        )
        break
      case 'ban': {
        let count = 0
        ok = await this.run(async () => {
          count = (await api.ban({ commentId: comment.id, ...banOf(v) })).bans.length
        })
        if (ok) this._status = `${author} banned${count > 1 ? ' by reader and by network' : ''}.`
        break
      }
      case 'respond':
        ok = await this.run(async () => {
          await api.respond(comment.id, { expertId: v.expert ?? '', text: v.text ?? '' })
        }, 'Expert response published under the comment.')
        break
      case 'ask':
        await this.run(async () => {
          this._invitation = await api.invite(comment.id, {
            expertId: v.expert ?? '',
            expiresInHours: Number(v.hours) || undefined,
          })
        }, 'Invitation created: copy the link and send it to the expert.')
        await this.updateComplete
        this.$('#invitation-link')?.focus()
        return
      case 'details':
        break
    }
    if (ok) this.#close()
  }

  async #copyInvitation(): Promise<void> {
    if (!this._invitation) return
    this._error = null
    this._status = (await copyText(this._invitation.url))
      ? 'Link copied.'
      : 'Copying is not allowed here: select the link and copy it.'
  }

  override render() {
    return html`<h1 tabindex="-1">Moderation queue</h1>
      ${tabs('Show', TABS, this._view, (view) => this.#pick(view))}
      <form role="search" aria-label="Filter the queue" @submit=${this.#filter}>
        <div class="inline">
          <div class="field">
            <label for="q-thread">Thread</label>
            <input
              id="q-thread"
              name="thread"
              type="text"
              list="q-threads"
              .value=${this.#filters.thread ?? ''}
            />
            <datalist id="q-threads">
              ${this._threads.map((t) => html`<option value=${t.key}>${t.title ?? ''}</option>`)}
            </datalist>
          </div>
          <div class="field">
            <label for="q-text">Text or author</label>
            <input id="q-text" name="q" type="search" .value=${this.#filters.q ?? ''} />
          </div>
          <div class="field">
            <label for="q-reader">Reader id</label>
            <input id="q-reader" name="reader" type="text" .value=${this.#filters.reader ?? ''} />
          </div>
          <button>Apply filters</button>
        </div>
      </form>
      ${this.messages()}
      <ul class="items" aria-label="Comments">
        ${
          this._comments.length === 0
            ? html`<li class="empty">
                ${this._next ? 'None among the comments searched so far: load more.' : 'Nothing here.'}
              </li>`
            : ''
        }
        ${this._comments.map((c) => html`<li>${this.#renderComment(c)}</li>`)}
      </ul>
      ${loadMore(this._next, () => this.#more())} ${this.#renderDialog()}`
  }

  #renderComment(c: AdminComment) {
    const author = c.author.name || 'Deleted author'
    const isAuthorBadge = c.author.badges.includes('author')
    const isExpertBadge = c.author.badges.includes('expert')
    const published = c.status === 'published'
    const reports = Object.entries(c.reportReasons)
    return html`<article aria-labelledby=${`h-${c.id}`}>
      <h2 id=${`h-${c.id}`} tabindex="-1">Comment by ${author}</h2>
      <p class="meta">
        <span class="badge">${STATUS_LABELS[c.status]}</span>
        ${c.pinned ? html`<span class="badge">Pinned</span>` : ''}
        ${isAuthorBadge ? html`<span class="badge">Article author</span>` : ''}
        ${isExpertBadge ? html`<span class="badge">Expert</span>` : ''}
        <span>${when(c.createdAt)}</span>
        <span>Thread: ${c.thread.title ?? c.thread.key}</span>
        ${c.editedAt ? html`<span>Edited ${when(c.editedAt)}</span>` : ''}
        ${c.parentId ? html`<span>A reply</span>` : ''}
      </p>
      <p class="text">${c.text}</p>
      ${
        c.verdict && c.verdict.reasons.length > 0
          ? html`<p>
                Pipeline: <strong>${c.verdict.decision}</strong>, score ${c.verdict.score}, because:
              </p>
              <ul class="reasons" aria-label=${`Why, for the comment by ${author}`}>
                ${c.verdict.reasons.map(
                  (r) =>
                    html`<li>
                      ${SIGNAL_LABELS[r.signal] ?? r.signal}: ${r.detail} (+${r.weight})
                    </li>`
                )}
              </ul>`
          : ''
      }
      ${
        c.reportCount > 0
          ? html`<p>
              ${c.reportCount} ${c.reportCount === 1 ? 'report' : 'reports'}:
              ${reports.map(([reason, n]) => `${reason} ${n}`).join(', ')}
            </p>`
          : ''
      }
      ${
        c.removal
          ? html`<p>
              Removed (${REMOVAL_REASON_LABELS[c.removal.reason]}): ${c.removal.statement}
              ${c.removal.appeal && c.removal.appeal !== 'none' ? html`— appeal ${c.removal.appeal}` : ''}
            </p>`
          : ''
      }
      <p class="meta">
        <span>Reader <code>${c.author.readerId}</code></span>
        ${c.revisionCount > 0 ? html`<span>${c.revisionCount} earlier versions</span>` : ''}
      </p>
      <div class="actions" role="group" aria-label=${`Actions on the comment by ${author}`}>
        ${
          c.status === 'pending' ||
          c.status === 'shadow' ||
          (published && this._view === 'reported')
            ? html`<button
                type="button"
                class="primary"
                @click=${() => this.#act(c, (id) => this.api!.approve(id), `Comment by ${author} approved.`)}
              >
                Approve
              </button>`
            : ''
        }
        ${
          c.status === 'removed' || c.status === 'spam'
            ? html`<button
                type="button"
                @click=${() => this.#act(c, (id) => this.api!.restore(id), `Comment by ${author} restored.`)}
              >
                Restore
              </button>`
            : ''
        }
        ${
          c.status !== 'removed'
            ? html`<button type="button" @click=${() => this.#open('reject', c)}>Reject…</button>`
            : ''
        }
        ${
          c.status !== 'spam'
            ? html`<button
                type="button"
                @click=${() => this.#act(c, (id) => this.api!.spam(id), `Comment by ${author} marked as spam.`)}
              >
                Spam
              </button>`
            : ''
        }
        <button type="button" @click=${() => this.#open('edit', c)}>Edit…</button>
        ${
          published
            ? html`<button
                type="button"
                aria-pressed=${c.pinned ? 'true' : 'false'}
                @click=${() =>
                  this.#act(
                    c,
                    (id) => this.api!.pin(id, { pinned: !c.pinned }),
                    c.pinned ? 'Comment unpinned.' : 'Comment pinned to the top of the thread.'
                  )}
              >
                Pin
              </button>`
            : ''
        }
        <button
          type="button"
          aria-pressed=${isAuthorBadge ? 'true' : 'false'}
          @click=${() =>
            this.#act(
              c,
              (id) => this.api!.badges(id, { author: !isAuthorBadge }),
              isAuthorBadge ? 'Author badge removed.' : 'Author badge set.'
            )}
        >
          Article author badge
        </button>
        <button
          type="button"
          aria-pressed=${isExpertBadge ? 'true' : 'false'}
          @click=${() =>
            this.#act(
              c,
              (id) => this.api!.badges(id, { expert: !isExpertBadge }),
              isExpertBadge ? 'Expert badge removed.' : 'Expert badge set.'
            )}
        >
          Expert badge
        </button>
        <button type="button" @click=${() => this.#open('ban', c)}>Ban author…</button>
        ${
          published
            ? html`<button type="button" @click=${() => this.#open('ask', c)}>
                  Ask an expert…
                </button>
                <button type="button" @click=${() => this.#open('respond', c)}>
                  Attach expert response…
                </button>`
            : ''
        }
        <button type="button" @click=${() => this.#open('details', c)}>History…</button>
      </div>
    </article>`
  }

  #renderDialog() {
    const c = this._target
    const kind = this._dialog
    if (!c || !kind) return ''
    const author = c.author.name || 'the author'
    const titles: Record<DialogKind, string> = {
      reject: `Reject the comment by ${author}`,
      edit: `Edit the comment by ${author}`,
      ban: `Ban ${author}`,
      ask: `Ask an expert about the comment by ${author}`,
      respond: `Attach an expert response to the comment by ${author}`,
      details: `History of the comment by ${author}`,
    }
    return html`<dialog
      id="act"
      aria-labelledby="act-title"
      @close=${() => {
        this._dialog = null
        this._target = null
      }}
    >
      <h2 id="act-title">${titles[kind]}</h2>
      <blockquote class="text">${c.text}</blockquote>
      <form @submit=${this.#submitDialog}>
        ${this.#dialogBody(kind, c)} ${this.messages(true)}
        <div class="actions">
          ${
            kind === 'details' || (kind === 'ask' && this._invitation)
              ? html`<button type="button" class="primary" @click=${this.#close}>Close</button>`
              : html`<button class="primary">${SUBMIT_LABELS[kind]}</button>
                  <button type="button" @click=${this.#close}>Cancel</button>`
          }
        </div>
      </form>
    </dialog>`
  }

  #expertSelect() {
    if (this._experts === null) return html`<p>Loading the experts…</p>`
    return this._experts.length === 0
      ? html`<p>No experts yet: an admin adds them under Experts.</p>`
      : html`<div class="field">
          <label for="act-expert">Expert</label>
          <select id="act-expert" name="expert" required>
            ${this._experts.map(
              (x) => html`<option value=${x.id}>${x.name}, ${x.title} (${x.organisation})</option>`
            )}
          </select>
        </div>`
  }

  #dialogBody(kind: DialogKind, c: AdminComment) {
    switch (kind) {
      case 'reject':
        return removalFields(
          'act',
          'The author sees this statement of reasons (what was removed and why), with a way to appeal.'
        )
      case 'edit': {
        const original = this._detail?.revisions.at(-1)?.text ?? c.text
        return html`<p><strong>Original text</strong> (kept after the edit):</p>
          <blockquote class="text" data-testid="original">${original}</blockquote>
          <div class="field">
            <label for="act-text">New text</label>
            <textarea id="act-text" name="text" required rows="6" .value=${c.text}></textarea>
          </div>
          <div class="field">
            <label for="act-edit-reason">Why (for the audit log)</label>
            <input id="act-edit-reason" name="editReason" type="text" required maxlength="500" />
          </div>`
      }
      case 'ban':
        return banFields('act', true)
      case 'ask':
        return this._invitation
          ? html`<div class="field">
                <label for="invitation-link">Link for ${this._invitation.expert.name}</label>
                <span class="hint" id="invitation-hint"
                  >Valid until ${when(this._invitation.expiresAt)}. Whoever holds it can answer
                  once.</span
                >
                <input
                  id="invitation-link"
                  type="text"
                  readonly
                  aria-describedby="invitation-hint"
                  .value=${this._invitation.url}
                />
              </div>
              <button type="button" @click=${this.#copyInvitation}>Copy link</button>`
          : html`${this.#expertSelect()}
              <div class="field">
                <label for="act-hours">Link valid for (hours)</label>
                <input id="act-hours" name="hours" type="number" min="1" max="720" value="168" />
              </div>`
      case 'respond':
        return html`${this.#expertSelect()}
          <div class="field">
            <label for="act-response">The expert's answer</label>
            <textarea id="act-response" name="text" required rows="8" maxlength="10000"></textarea>
          </div>`
      case 'details':
        return this.#renderDetail()
    }
  }

  #renderDetail() {
    const d = this._detail
    if (!d) return html`<p>Loading…</p>`
    return html`<h3>Earlier versions</h3>
      ${
        d.revisions.length === 0
          ? html`<p class="empty">None.</p>`
          : html`<ol class="items">
              ${d.revisions.map(
                (r) =>
                  html`<li>
                    <p class="meta">Replaced ${when(r.replacedAt)} by the ${r.editor}</p>
                    <p class="text">${r.text}</p>
                  </li>`
              )}
            </ol>`
      }
      <h3>Reports</h3>
      ${
        d.reports.length === 0
          ? html`<p class="empty">None.</p>`
          : html`<ul class="reasons">
              ${d.reports.map((r) => html`<li>${r.reason}${r.note ? `: ${r.note}` : ''} (${when(r.createdAt)})</li>`)}
            </ul>`
      }
      <h3>Actions</h3>
      ${
        d.audit.length === 0
          ? html`<p class="empty">None.</p>`
          : html`<ul class="reasons">
              ${d.audit.map(
                (a) =>
                  html`<li>
                    <code>${a.action}</code> by ${a.actorName ?? a.actor},
                    ${when(a.createdAt)}${a.reason ? `: ${a.reason}` : ''}
                  </li>`
              )}
            </ul>`
      }`
  }
}

const SUBMIT_LABELS: Record<DialogKind, string> = {
  reject: 'Remove comment',
  edit: 'Save edit',
  ban: 'Ban',
  ask: 'Create invitation link',
  respond: 'Publish response',
  details: 'Close',
}
