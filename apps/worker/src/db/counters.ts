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
 * The ids of every ancestor of the comment `commentId` (an SQL expression), as a SELECT for an
 * `IN (…)`: a walk up parent_id, one primary-key lookup per level, however deep the reply sits.
 * The writers move descendant_count of all of them by one (docs/decisions/0005).
 */
export const ancestorsSql = (commentId: string): string => `WITH RECURSIVE up(id) AS (
    SELECT parent_id FROM comments WHERE id = ${commentId} AND parent_id IS NOT NULL
    UNION ALL
    SELECT a.parent_id FROM comments a JOIN up ON a.id = up.id WHERE a.parent_id IS NOT NULL
  ) SELECT id FROM up`

/**
 * What descendant_count counts, as the condition on a comment `d` below: published and not a
 * deleted placeholder, the comments the thread's comment_count counts. A listing keeps a hidden
 * or deleted comment (as a placeholder) exactly when this count is above zero.
 */
const COUNTED_DESCENDANT = "d.status = 'published' AND d.deleted_at IS NULL"

/**
 * SET assignments that recount the reply counters of each comment of an UPDATE on `comments`
 * from its replies: reply_count its published direct replies (deleted placeholders included: they
 * hold their replies' place), descendant_count its counted comments (COUNTED_DESCENDANT) at every
 * depth below, walked down comments_by_parent.
 */
export const RECOUNT_REPLIES_SQL = `reply_count = (SELECT COUNT(*) FROM comments r
    WHERE r.parent_id = comments.id AND r.status = 'published'),
  descendant_count = (WITH RECURSIVE below(id) AS (
      SELECT b.id FROM comments b WHERE b.parent_id = comments.id
      UNION ALL
      SELECT b.id FROM comments b JOIN below ON b.parent_id = below.id
    ) SELECT COUNT(*) FROM below JOIN comments d ON d.id = below.id WHERE ${COUNTED_DESCENDANT})`

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
