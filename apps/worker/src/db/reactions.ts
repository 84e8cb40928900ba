import { recountReactionsSql } from './counters.ts'
import { RERANK_COMMENT } from './rank.ts'

// ?1 comment id, ?2 reader id, ?3 emoji, ?4 now. One row per (comment, reader) by primary key:
// a second reaction replaces the first. Never on a deleted placeholder.
const UPSERT_REACTION = `INSERT INTO reactions (comment_id, reader_id, emoji, created_at)
  SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND deleted_at IS NULL)
  ON CONFLICT (comment_id, reader_id) DO UPDATE SET emoji = excluded.emoji, created_at = ?4`
const REMOVE_REACTION = 'DELETE FROM reactions WHERE comment_id = ?1 AND reader_id = ?2'
const RECOUNT_REACTIONS = `UPDATE comments SET ${recountReactionsSql('?1')} WHERE id = ?1`
const REACTION_STATE = `SELECT c.reaction_counts,
    (SELECT x.emoji FROM reactions x WHERE x.comment_id = ?1 AND x.reader_id = ?2) AS my_reaction
  FROM comments c WHERE c.id = ?1`

export interface ReactionStateRow {
  reaction_counts: string
  my_reaction: string | null
}

export interface ReactionChange {
  commentId: string
  readerId: string
  /** The reader's new reaction; null removes theirs. */
  emoji: string | null
  now: number
  reactionWeight: number
}

/**
 * Sets or removes the reader's reaction, recounts the comment's reactions from the table and
 * re-ranks it, all in one batch; returns the counts and the reader's reaction afterwards.
 */
export async function changeReaction(
  db: D1Database,
  change: ReactionChange
): Promise<ReactionStateRow | undefined> {
  const { commentId, readerId } = change
  const write =
    change.emoji === null
      ? db.prepare(REMOVE_REACTION).bind(commentId, readerId)
      : db.prepare(UPSERT_REACTION).bind(commentId, readerId, change.emoji, change.now)
  const results = await db.batch<ReactionStateRow>([
    write,
    db.prepare(RECOUNT_REACTIONS).bind(commentId),
    db.prepare(RERANK_COMMENT).bind(commentId, change.reactionWeight),
    db.prepare(REACTION_STATE).bind(commentId, readerId),
  ])
  return results.at(-1)?.results[0]
}

/** The comment's counts and the reader's stored reaction, without changing anything. */
export async function readReactionState(
  db: D1Database,
  commentId: string,
  readerId: string
): Promise<ReactionStateRow | null> {
  return db.prepare(REACTION_STATE).bind(commentId, readerId).first<ReactionStateRow>()
}
