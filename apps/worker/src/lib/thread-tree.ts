import type { Comment } from '@parley/core'

/**
 * Nests replies under their parents. `replies` are the flat replies of the page's top-level
 * comments, oldest first; each parent's `replies` keep that order. A reply whose parent is not in
 * the page (cut off by the replies cap) is left out rather than shown out of context.
 */
export function nestReplies(topLevel: Comment[], replies: Comment[]): Comment[] {
  const byId = new Map<string, Comment>()
  for (const comment of [...topLevel, ...replies]) byId.set(comment.id, comment)
  for (const reply of replies) {
    const parent = reply.parentId === null ? undefined : byId.get(reply.parentId)
    if (parent && parent !== reply) parent.replies.push(reply)
  }
  return topLevel
}
