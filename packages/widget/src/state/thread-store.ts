import type { Comment, CommentSort, Poll, Thread } from '@parley/core'
import {
  type ApiError,
  type Endpoint,
  type NewCommentBody,
  getThread,
  listComments,
  listReplies,
  postComment,
  react,
  toApiError,
  unreact,
} from '../api/client.ts'
import { setUiLanguages } from '../i18n/localize.ts'
import { loadExtras } from '../internal/lazy.ts'
import { read, write } from '../internal/storage.ts'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** Where the reader's sort order is remembered, for every thread and site. */
export const SORT_KEY = 'parley:sort'
const SORTS: readonly string[] = ['newest', 'oldest', 'top', 'balanced'] satisfies CommentSort[]
const savedSort = (saved = read(SORT_KEY) ?? ''): CommentSort =>
  SORTS.includes(saved) ? (saved as CommentSort) : 'newest'

/**
 * The comments of one thread, shared by every Parley element on the page that shows or posts to
 * it (a standalone form and list stay in sync without a framework). Dispatches `change` after
 * every update; comments and arrays are replaced, never mutated, so Lit sees new values.
 */
export class ThreadStore extends EventTarget {
  /** Top-level comments in `sort` order, each with its replies. */
  comments: Comment[] = []
  nextCursor: string | null = null
  /** Published comments including replies, or null while unknown. */
  count: number | null = null
  /** The thread (reactions on offer, languages, polls, stances), or null while unknown. */
  info: Thread | null = null
  sort = savedSort()
  /** Only top-level comments in this language; '' = all. */
  lang = ''
  /** Only top-level comments with this stance: an option id of the stance poll, 'none'; '' = all. */
  stance = ''
  status: LoadStatus = 'idle'
  error: ApiError | null = null
  loadingMore = false
  /** The last thing worth announcing that has no other place (e.g. "Comment deleted"). */
  notice = ''
  /** Comments this reader reported during this visit. */
  readonly reported = new Set<string>()
  readonly #replyCursors = new Map<string, string | null>()
  #pending: Promise<void> | null = null
  #infoPending: Promise<Thread | null> | null = null
  /** Bumped by every first-page load, so an answer to an outdated one is dropped. */
  #generation = 0

  readonly #endpoint: Endpoint
  readonly #thread: string

  constructor(endpoint: Endpoint, thread: string) {
    super()
    this.#endpoint = endpoint
    this.#thread = thread
    // A vote in any <parley-poll> of the site on this page replaces the thread's copy of that
    // poll, so the comment form knows the reader's stance without asking the server again.
    document.addEventListener('parley-vote', (e) => {
      const { info } = this
      const { poll } = e.detail
      if (!info || (e.composedPath()[0] as Partial<Endpoint>).site !== endpoint.site) return
      this.info = { ...info, polls: info.polls.map((p) => (p.id === poll.id ? poll : p)) }
      this.#changed()
    })
  }

  /** The thread's stance poll, with the reader's choices in it, when it has one. */
  get stancePoll(): Poll | undefined {
    const id = this.info?.stances?.poll
    return this.info?.polls.find((p) => p.id === id)
  }

  /**
   * Fetches the thread once (reactions, languages, polls, stances); resolves to null when that
   * failed, and tries again on the next call.
   */
  loadInfo(): Promise<Thread | null> {
    return (this.#infoPending ??= getThread(this.#endpoint, this.#thread).then(
      (t) => {
        this.count = (this.info = t).commentCount
        setUiLanguages(this.#endpoint.site, t.uiLanguages)
        this.#changed()
        return t
      },
      () => (this.#infoPending = null)
    ))
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'))
  }

  /** Loads the first page (once; `force` reloads). Rejects with an ApiError. */
  load(force = false): Promise<void> {
    if (!force && this.status === 'ready') return Promise.resolve()
    if (!force && this.#pending) return this.#pending
    const generation = ++this.#generation
    this.status = 'loading'
    this.error = null
    this.#replyCursors.clear()
    this.#changed()
    const endpoint = this.#endpoint
    const thread = this.#thread
    const { lang, stance } = this
    let { sort } = this
    // The thread is fetched once; after that, the count is kept up to date here.
    const meta = this.loadInfo()
    // "Balanced" needs the thread's stance poll: without one, the list falls back to newest
    // (the saved preference stays for threads that have one).
    const page = (sort === 'balanced' ? meta : Promise.resolve())
      .then(() => {
        if (sort === 'balanced' && !this.info?.stances) sort = 'newest'
        return listComments(endpoint, thread, { sort, lang, stance })
      })
      .catch((e: unknown) => {
        // A thread nobody has commented on yet may not exist on the server.
        if (toApiError(e).code === 'thread_not_found') return { comments: [], nextCursor: null }
        throw e
      })
    const current = () => generation === this.#generation
    const done = Promise.all([page, meta])
      .then(
        ([p, info]) => {
          if (!current()) return
          // Unless a filter is set, pinned comments come first, each once: the copy on the page,
          // with its replies, if it is there.
          const pinned = (!lang && !stance && info?.pinned) || []
          const ids = new Set(pinned.map((c) => c.id))
          this.comments = [
            ...pinned.map((c) => p.comments.find((x) => x.id === c.id) ?? c),
            ...p.comments.filter((c) => !ids.has(c.id)),
          ]
          this.nextCursor = p.nextCursor
          this.sort = sort
          this.count ??= countAll(p.comments)
          this.status = 'ready'
        },
        (e: unknown) => {
          if (!current()) return
          this.error = toApiError(e)
          this.status = 'error'
          throw this.error
        }
      )
      .finally(() => {
        if (!current()) return
        this.#pending = null
        this.#changed()
      })
    return (this.#pending = done)
  }

  /** Reloads the first page in another order, language or stance; a new sort is remembered. */
  view(sort: CommentSort, lang: string, stance: string): Promise<void> {
    if (sort !== this.sort) write(SORT_KEY, sort)
    Object.assign(this, { sort, lang, stance })
    return this.load(true)
  }

  /** Appends the next page, skipping comments already shown. Rejects with an ApiError. */
  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return
    const generation = this.#generation
    const { sort, lang, stance } = this
    this.loadingMore = true
    this.#changed()
    try {
      const page = await listComments(this.#endpoint, this.#thread, {
        cursor: this.nextCursor,
        sort,
        lang,
        stance,
      })
      if (generation !== this.#generation) return
      const seen = new Set(this.comments.map((c) => c.id))
      this.comments = [...this.comments, ...page.comments.filter((c) => !seen.has(c.id))]
      this.nextCursor = page.nextCursor
    } catch (e) {
      throw toApiError(e)
    } finally {
      this.loadingMore = false
      this.#changed()
    }
  }

  /**
   * Loads the next page of a top-level comment's subtree (the part that did not come with the
   * list) and nests it under the replies already shown.
   */
  async loadReplies(id: string): Promise<void> {
    const cursor = this.#replyCursors.get(id)
    if (cursor === null) return
    const [page, { withReplies }] = await Promise.all([
      listReplies(this.#endpoint, id, { cursor }),
      loadExtras(),
    ])
    this.#replyCursors.set(id, page.nextCursor)
    this.patch(id, (c) => withReplies(c, page.replies))
  }

  /** Replies of a top-level comment that did not come with the list and can still be loaded. */
  moreReplies(c: Comment): number {
    return this.#replyCursors.get(c.id) === null ? 0 : c.descendantCount - countShown(c.replies)
  }

  /** Posts through the API and shows the accepted comment at once; `onRetry` hears of retries. */
  async post(
    body: NewCommentBody,
    idempotencyKey: string,
    onRetry?: (seconds: number) => void
  ): Promise<Comment> {
    const opts = { idempotencyKey, onRetry }
    const comment = await postComment(this.#endpoint, this.#thread, body, opts)
    this.add(comment)
    return comment
  }

  /**
   * Inserts a comment: top-level ones first, replies last under their parent. Ignores repeats. A
   * comment held for review is shown (to its author) but not counted, like the server's counters.
   */
  add(comment: Comment): void {
    const { parentId, id } = comment
    const up = +(comment.status === 'published')
    if (this.find(id)) return
    if (!parentId) this.comments = [comment, ...this.comments]
    else if (
      !this.patch(
        parentId,
        (p) => ({
          ...p,
          replies: [...p.replies, comment],
          replyCount: p.replyCount + up,
          descendantCount: p.descendantCount + up,
        }),
        up
      )
    )
      return
    if (this.count != null && up) this.count++
    this.#changed()
  }

  /**
   * Sets (or with null removes) the reader's reaction at once, then confirms it with the server;
   * on failure the comment's reactions are put back and the ApiError is thrown.
   */
  async react(id: string, emoji: string | null): Promise<void> {
    const before = this.find(id)
    if (!before) return
    const { reactions, myReaction } = before
    const counts = reactions && { ...reactions }
    if (counts && myReaction) counts[myReaction] = Math.max(0, (counts[myReaction] ?? 1) - 1)
    if (counts && emoji) counts[emoji] = (counts[emoji] ?? 0) + 1
    const set = (state: Pick<Comment, 'reactions' | 'myReaction'>) =>
      this.patch(id, (c) => ({ ...c, ...state }))
    set({ reactions: counts, myReaction: emoji })
    try {
      set(await (emoji ? react(this.#endpoint, id, emoji) : unreact(this.#endpoint, id)))
    } catch (e) {
      set({ reactions, myReaction })
      throw e
    }
  }

  /** Sets `notice` for the list's status region. */
  announce(message: string): void {
    // A repeated message must still change the live region to be read again.
    this.notice = this.notice === message ? `${message}\u00a0` : message
    this.#changed()
  }

  /** The comment with this id anywhere in the loaded tree. */
  find(id: string, list = this.comments): Comment | undefined {
    for (const c of list) {
      const found = c.id === id ? c : this.find(id, c.replies)
      if (found) return found
    }
  }

  /**
   * Replaces the comment `id` with `fn(comment)` (null removes it), copying its ancestors. `grow`
   * is how many comments the subtree gained, for the ancestors' descendantCount. Returns false if
   * the comment is not loaded. The writes in src/extras (edit, delete, report…) change the store
   * through it.
   */
  patch(id: string, fn: (c: Comment) => Comment | null, grow = 0): boolean {
    const next = patched(this.comments, id, fn, grow)
    if (next) {
      this.comments = next
      this.#changed()
    }
    return !!next
  }
}

function patched(
  list: Comment[],
  id: string,
  fn: (c: Comment) => Comment | null,
  grow: number
): Comment[] | null {
  for (const [i, c] of list.entries()) {
    const replies = c.id === id ? null : patched(c.replies, id, fn, grow)
    if (c.id !== id && !replies) continue
    const next = replies
      ? {
          ...c,
          replies,
          // Its published direct replies (placeholders of deleted ones included), as the server's.
          replyCount: c.replyCount - published(c.replies) + published(replies),
          descendantCount: c.descendantCount + grow,
        }
      : fn(c)
    return next ? list.map((x, j) => (j === i ? next : x)) : list.filter((_, j) => j !== i)
  }
  return null
}

const published = (list: Comment[]) => list.filter((c) => c.status === 'published').length

/** Comments in a list, replies included. */
export function countAll(list: Comment[]): number {
  return list.reduce((sum, c) => sum + 1 + countAll(c.replies), 0)
}

/**
 * How many of these replies (every depth) the server's descendantCount counts: the published
 * ones. Not placeholders (a comment its author deleted, or one hidden from this reader, look the
 * same, and neither is counted), nor the reader's own replies held for review or removed.
 */
export function countShown(list: Comment[]): number {
  return list.reduce(
    (sum, c) => sum + +(c.status === 'published' && !c.deleted) + countShown(c.replies),
    0
  )
}

const stores = new Map<string, ThreadStore>()

/** The one store of a thread on this page. */
export function threadStore(api: string, site: string, thread: string): ThreadStore {
  const key = `${api}|${site}|${thread}`
  let store = stores.get(key)
  if (!store) stores.set(key, (store = new ThreadStore({ api, site }, thread)))
  return store
}
