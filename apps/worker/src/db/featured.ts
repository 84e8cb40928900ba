import { FEATURED_MAX, PINNED_MAX, type Comment } from '@parley/core'
import { commentColumns, rowToComment, type CommentRow, type CommentView } from './comment-rows.ts'
import { withExpertResponses } from './expert-responses.ts'

// The top of a thread: its Featured section (comments experts answered) and its pinned comments.
// Only published comments, as everyone sees them, without their replies (they come with the
// listing); each with its published expert responses.

/** ?1 thread id, ?2 reader id, ?3 cap. Most recently answered first. */
const FEATURED_SQL = `SELECT ${commentColumns('?2')}
  FROM (SELECT r.comment_id, MAX(r.created_at) AS answered_at FROM expert_responses r
        WHERE r.thread_id = ?1 AND r.status = 'published' GROUP BY r.comment_id) f
  JOIN comments c ON c.id = f.comment_id
  WHERE c.status = 'published' AND c.deleted_at IS NULL
  ORDER BY f.answered_at DESC, c.id DESC LIMIT ?3`

/** ?1 thread id, ?2 reader id, ?3 cap. Most recently pinned first (comments_pinned). */
const PINNED_SQL = `SELECT ${commentColumns('?2')} FROM comments c
  WHERE c.thread_id = ?1 AND c.pinned_at IS NOT NULL
    AND c.status = 'published' AND c.deleted_at IS NULL
  ORDER BY c.pinned_at DESC, c.id DESC LIMIT ?3`

/** Thread.featured and Thread.pinned, in one round trip and one query for their responses. */
export async function loadThreadTop(
  db: D1Database,
  threadId: number,
  view: CommentView
): Promise<{ featured: Comment[]; pinned: Comment[] }> {
  const [featuredRows, pinnedRows] = await db.batch<CommentRow>([
    db.prepare(FEATURED_SQL).bind(threadId, view.readerId, FEATURED_MAX),
    db.prepare(PINNED_SQL).bind(threadId, view.readerId, PINNED_MAX),
  ])
  const toComment = (row: CommentRow) => rowToComment(row, view)
  const featured = featuredRows!.results.map(toComment)
  const pinned = pinnedRows!.results.map(toComment)
  await withExpertResponses(db, [...featured, ...pinned])
  return { featured, pinned }
}
