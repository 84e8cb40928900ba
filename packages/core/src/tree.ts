/** The part of a comment that nesting needs (zod-free, so the widget can import it). */
export interface TreeNode<T> {
  id: string
  parentId: string | null
  replies: T[]
}

/**
 * Nests replies under their parents. `replies` are flat replies, oldest first; each parent's
 * `replies` keep that order, after any it already had. A reply whose parent is not present (cut
 * off by a cap) is left out rather than shown out of context. Mutates the given objects.
 */
export function nestReplies<T extends TreeNode<T>>(topLevel: T[], replies: T[]): T[] {
  const byId = new Map<string, T>()
  for (const comment of topLevel) indexTree(comment, byId)
  for (const reply of replies) byId.set(reply.id, reply)
  for (const reply of replies) {
    const parent = reply.parentId === null ? undefined : byId.get(reply.parentId)
    if (parent && parent !== reply && !parent.replies.some((r) => r.id === reply.id)) {
      parent.replies.push(reply)
    }
  }
  return topLevel
}

function indexTree<T extends TreeNode<T>>(node: T, byId: Map<string, T>): void {
  byId.set(node.id, node)
  for (const child of node.replies) indexTree(child, byId)
}
