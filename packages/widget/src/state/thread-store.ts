import type { Comment } from '@parley/core'
import {
  type ApiError,
  type Endpoint,
  type NewCommentBody,
  getThread,
  listComments,
  postComment,
  toApiError,
} from '../api/client.ts'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/**
 * The comments of one thread, shared by every Parley element on the page that shows or posts to
 * it (a standalone form and list stay in sync without a framework). Dispatches `change` after
 * every update; the arrays are replaced, never mutated, so Lit sees new values.
 */
export class ThreadStore extends EventTarget {
  /** Top-level comments, newest first, each with its replies. */
  comments: Comment[] = []
  nextCursor: string | null = null
  /** Published comments including replies, or null while unknown. */
  count: number | null = null
  status: LoadStatus = 'idle'
  error: ApiError | null = null
  loadingMore = false
  private pending: Promise<void> | null = null

  constructor(
    private readonly endpoint: Endpoint,
    private readonly thread: string
  ) {
    super()
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'))
  }

  /** Loads the first page (once; `force` reloads after an error). Rejects with an ApiError. */
  load(force = false): Promise<void> {
    if (this.pending) return this.pending
    if (this.status === 'ready' && !force) return Promise.resolve()
    this.status = 'loading'
    this.error = null
    this.changed()
    const { endpoint, thread } = this
    const count = getThread(endpoint, thread).then(
      (t) => t.commentCount,
      () => null
    )
    const page = listComments(endpoint, thread).catch((e: unknown) => {
      // A thread nobody has commented on yet may not exist on the server.
      if (toApiError(e).code === 'thread_not_found') return { comments: [], nextCursor: null }
      throw e
    })
    this.pending = Promise.all([page, count])
      .then(
        ([p, n]) => {
          this.comments = p.comments
          this.nextCursor = p.nextCursor
          this.count = n ?? countAll(p.comments)
          this.status = 'ready'
        },
        (e: unknown) => {
          this.error = toApiError(e)
          this.status = 'error'
          throw this.error
        }
      )
      .finally(() => {
        this.pending = null
        this.changed()
      })
    return this.pending
  }

  /** Appends the next page, skipping comments already shown. Rejects with an ApiError. */
  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return
    this.loadingMore = true
    this.changed()
    try {
      const page = await listComments(this.endpoint, this.thread, { cursor: this.nextCursor })
      const seen = new Set(this.comments.map((c) => c.id))
      this.comments = [...this.comments, ...page.comments.filter((c) => !seen.has(c.id))]
      this.nextCursor = page.nextCursor
    } catch (e) {
      throw toApiError(e)
    } finally {
      this.loadingMore = false
      this.changed()
    }
  }

  /** Posts through the API and shows the accepted comment at once. */
  async post(body: NewCommentBody, idempotencyKey: string): Promise<Comment> {
    const comment = await postComment(this.endpoint, this.thread, body, { idempotencyKey })
    this.add(comment)
    return comment
  }

  /** Inserts a comment: top-level ones first, replies last under their parent. Ignores repeats. */
  add(comment: Comment): void {
    const next = comment.parentId
      ? withReply(this.comments, comment)
      : this.comments.some((c) => c.id === comment.id)
        ? null
        : [comment, ...this.comments]
    if (!next) return
    this.comments = next
    if (this.count != null) this.count++
    this.changed()
  }
}

function countAll(list: Comment[]): number {
  return list.reduce((sum, c) => sum + 1 + countAll(c.replies), 0)
}

/** A copy of `list` with `reply` appended under its parent, or null if absent or already there. */
function withReply(list: Comment[], reply: Comment): Comment[] | null {
  for (const [i, c] of list.entries()) {
    let replaced: Comment | null = null
    if (c.id === reply.parentId) {
      if (c.replies.some((r) => r.id === reply.id)) return null
      replaced = { ...c, replies: [...c.replies, reply], replyCount: c.replyCount + 1 }
    } else {
      const replies = withReply(c.replies, reply)
      if (replies) replaced = { ...c, replies }
    }
    if (replaced) return list.map((x, j) => (j === i ? replaced : x))
  }
  return null
}

const stores = new Map<string, ThreadStore>()

/** The one store of a thread on this page. */
export function threadStore(api: string, site: string, thread: string): ThreadStore {
  const key = `${api}|${site}|${thread}`
  let store = stores.get(key)
  if (!store) stores.set(key, (store = new ThreadStore({ api, site }, thread)))
  return store
}
