import type { CommentTarget } from './comment-targets.ts'
import { ancestorsSql } from './counters.ts'
import { RERANK_COMMENT } from './rank.ts'
import { prepare, type SqlStatement } from './sql.ts'

// Every write below is guarded by the state of the comment it is about (?1), evaluated inside the
// batch's transaction. The route decides nothing from what it read earlier, so a reply posted or
// a second delete arriving meanwhile cannot leave a counter off by one.
// Replies of any status count here: reply_count counts published ones only (see
// src/db/moderation-writes.ts), and a held reply still needs its parent. comments_by_parent.
const HAS_REPLIES = 'EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id)'
const VISIBLE_WITHOUT_REPLIES = `deleted_at IS NULL AND NOT ${HAS_REPLIES}`
const VISIBLE_WITH_REPLIES = `deleted_at IS NULL AND ${HAS_REPLIES}`
const EMPTY_PLACEHOLDER = `deleted_at IS NOT NULL AND NOT ${HAS_REPLIES}`

const holds = (state: string) => `EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND ${state})`
// The counters count published comments only: a held, removed or hidden one leaves them alone.
const counted = (state: string) => holds(`${state} AND status = 'published'`)

interface TreePosition {
  id: string
  parentId: string | null
  threadId: number
}

/**
 * Takes the comment out of the descendant_count of every ancestor (when `countedGuard` holds): it
 * counts the comments that are published and not deleted placeholders, at every depth.
 */
const uncountAncestors = (countedGuard: string, id: string): SqlStatement => ({
  sql: `UPDATE comments SET descendant_count = descendant_count - 1
    WHERE id IN (${ancestorsSql('?1')}) AND ${countedGuard}`,
  params: [id],
})

/**
 * Removes the row (when `state` holds) with its reactions, reports and revisions. `visible`: the
 * row may still be counted (not a placeholder already).
 */
function removal(comment: TreePosition, state: string, visible: boolean, weight: number) {
  const guard = holds(state)
  const countedGuard = counted(state)
  const writes: SqlStatement[] = []
  const own = [comment.id]
  if (visible) {
    writes.push({
      sql: `UPDATE threads SET comment_count = comment_count - 1 WHERE id = ?2 AND ${countedGuard}`,
      params: [comment.id, comment.threadId],
    })
  }
  if (comment.parentId !== null) {
    writes.push({
      sql: `UPDATE comments SET reply_count = reply_count - 1 WHERE id = ?2 AND ${countedGuard}`,
      params: [comment.id, comment.parentId],
    })
  }
  if (visible) writes.push(uncountAncestors(countedGuard, comment.id))
  if (comment.parentId !== null) {
    writes.push({ sql: RERANK_COMMENT, params: [comment.parentId, weight] })
  }
  for (const table of ['reactions', 'reports', 'comment_revisions']) {
    writes.push({ sql: `DELETE FROM ${table} WHERE comment_id = ?1 AND ${guard}`, params: own })
  }
  // Last, so the batch result at this position tells whether the comment was removed.
  writes.push({ sql: `DELETE FROM comments WHERE id = ?1 AND ${state}`, params: own })
  return writes
}

/**
 * Turns the comment into a placeholder (when it has replies): everything its author wrote is
 * cleared, revisions and the stance (their vote) included; its place in the tree and its
 * reactions stay. It leaves the thread's count and its ancestors' descendant counts; the reply
 * count of its parent keeps it. The UPDATE of the comment comes last, so the batch result at its
 * position tells whether it happened.
 */
function placeholder(comment: TreePosition, now: number): SqlStatement[] {
  const guard = holds(VISIBLE_WITH_REPLIES)
  return [
    {
      sql: `UPDATE threads SET comment_count = comment_count - 1
        WHERE id = ?2 AND ${counted(VISIBLE_WITH_REPLIES)}`,
      params: [comment.id, comment.threadId],
    },
    uncountAncestors(counted(VISIBLE_WITH_REPLIES), comment.id),
    {
      sql: `DELETE FROM comment_revisions WHERE comment_id = ?1 AND ${guard}`,
      params: [comment.id],
    },
    {
      sql: `UPDATE comments SET deleted_at = ?2, text = '', html = '', author_name = '',
          badges = '[]', lang = NULL, edited_at = NULL, stance_option_id = NULL
        WHERE id = ?1 AND ${VISIBLE_WITH_REPLIES}`,
      params: [comment.id, now],
    },
  ]
}

// The placeholders directly above a comment, nearest first: they go when their last reply goes.
const PLACEHOLDER_ANCESTORS = `WITH RECURSIVE chain(id, parent_id, depth) AS (
    SELECT id, parent_id, depth FROM comments WHERE id = ?1 AND deleted_at IS NOT NULL
    UNION ALL
    SELECT c.id, c.parent_id, c.depth FROM comments c JOIN chain ON c.id = chain.parent_id
    WHERE c.deleted_at IS NOT NULL
  )
  SELECT id, parent_id FROM chain ORDER BY depth DESC`

export type DeleteOutcome = 'removed' | 'placeholder'

/**
 * Deletes a comment in one batch. Without replies its row goes, and so does every placeholder
 * above it that is left without replies; with replies it becomes a placeholder. Counters of the
 * parent, of every ancestor and of the thread follow; the thread counts visible comments, so it
 * loses one either way. Null when a concurrent delete got there first.
 */
export async function deleteComment(
  db: D1Database,
  target: CommentTarget,
  options: { now: number; reactionWeight: number }
): Promise<DeleteOutcome | null> {
  const position = (id: string, parentId: string | null): TreePosition => ({
    id,
    parentId,
    threadId: target.thread_id,
  })
  const { results: ancestors } = target.parent_id
    ? await db
        .prepare(PLACEHOLDER_ANCESTORS)
        .bind(target.parent_id)
        .all<{ id: string; parent_id: string | null }>()
    : { results: [] }
  const own = position(target.id, target.parent_id)
  const toPlaceholder = placeholder(own, options.now)
  const toRemove = removal(own, VISIBLE_WITHOUT_REPLIES, true, options.reactionWeight)
  const emptyAncestors = ancestors.flatMap((a) =>
    removal(position(a.id, a.parent_id), EMPTY_PLACEHOLDER, false, options.reactionWeight)
  )
  const writes = [...toPlaceholder, ...toRemove, ...emptyAncestors]
  const results = await db.batch(writes.map((write) => prepare(db, write)))
  if (results[toPlaceholder.length + toRemove.length - 1]?.meta.changes === 1) return 'removed'
  if (results[toPlaceholder.length - 1]?.meta.changes === 1) return 'placeholder'
  return null
}
