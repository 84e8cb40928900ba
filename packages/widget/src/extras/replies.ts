import type { Comment } from '@parley/core'
import { nestReplies } from '@parley/core/tree'

/**
 * `top` with `replies` (a page of its subtree, flat, oldest first) nested under the replies it
 * already shows; replies it already has are skipped. Copies, never mutates. For "Show N more
 * replies" (ThreadStore.loadReplies), which few threads ever need.
 */
export function withReplies(top: Comment, replies: Comment[]): Comment {
  const known = new Set<string>()
  const copy = (x: Comment): Comment => {
    known.add(x.id)
    return { ...x, replies: x.replies.map(copy) }
  }
  return nestReplies(
    [copy(top)],
    replies.filter((r) => !known.has(r.id)).map((r) => ({ ...r, replies: [] }))
  )[0]!
}
