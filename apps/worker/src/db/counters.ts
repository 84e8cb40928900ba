import { rankSql } from './rank.ts'
import type { SqlStatement } from './sql.ts'

/**
 * SET assignments that recount a comment's reactions from the reactions table: the total (for the
 * rank) and the count per emoji (for display). `commentId` is an SQL expression. Recounting inside
 * the writing batch, instead of adding one, keeps them exact under concurrent clicks.
 */
export const recountReactionsSql = (commentId: string): string =>
  `reaction_count = (SELECT COUNT(*) FROM reactions x WHERE x.comment_id = ${commentId}),
  reaction_counts = (SELECT json_group_object(emoji, n) FROM
    (SELECT x.emoji, COUNT(*) AS n FROM reactions x WHERE x.comment_id = ${commentId}
     GROUP BY x.emoji))`

/**
 * SET assignments that recount the reply counters of each comment of an UPDATE on `comments`
 * from its published replies: direct ones, and every depth below a top-level comment.
 */
export const RECOUNT_REPLIES_SQL = `reply_count = (SELECT COUNT(*) FROM comments r
    WHERE r.parent_id = comments.id AND r.status = 'published'),
  descendant_count = CASE WHEN parent_id IS NULL
    THEN (SELECT COUNT(*) FROM comments d WHERE d.root_id = comments.id
      AND d.parent_id IS NOT NULL AND d.status = 'published')
    ELSE 0 END`

const THREAD_ID = '(SELECT id FROM threads WHERE site_id = ?1 AND key = ?2)'

/**
 * Recomputes every counter and rank of one thread from its rows, for the seed and for tests that
 * insert rows directly. The API never needs it: it keeps the counters exact as it writes. They
 * count published comments only (src/db/moderation-writes.ts); the thread's count leaves out
 * deleted placeholders, the reply counts keep them (they hold their replies' place).
 */
export function recountThreadWrites(
  siteId: string,
  threadKey: string,
  reactionWeight: number
): SqlStatement[] {
  const params = [siteId, threadKey]
  return [
    {
      sql: `UPDATE comments SET
        ${RECOUNT_REPLIES_SQL},
        ${recountReactionsSql('comments.id')}
        WHERE thread_id = ${THREAD_ID}`,
      params,
    },
    {
      sql: `UPDATE comments SET rank = ${rankSql('?3')} WHERE thread_id = ${THREAD_ID}`,
      params: [...params, reactionWeight],
    },
    {
      sql: `UPDATE threads SET comment_count = (SELECT COUNT(*) FROM comments c
          WHERE c.thread_id = threads.id AND c.deleted_at IS NULL AND c.status = 'published')
        WHERE site_id = ?1 AND key = ?2`,
      params,
    },
  ]
}
