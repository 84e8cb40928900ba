import type { StoredStatus } from './moderation-writes.ts'

/** What the comment routes check before they act: where it lives, who wrote it, its state. */
export interface CommentTarget {
  id: string
  thread_id: number
  thread_key: string
  thread_settings: string
  parent_id: string | null
  root_id: string
  depth: number
  reader_id: string
  author_name: string
  text: string
  created_at: number
  deleted_at: number | null
  reply_count: number
  status: StoredStatus
}

/** The read of a comment of this site, for a batch: no route reveals another site's comments. */
export const commentRead = (db: D1Database, siteId: string, id: string): D1PreparedStatement =>
  db
    .prepare(
      `SELECT c.id, c.thread_id, t.key AS thread_key, t.settings AS thread_settings, c.parent_id,
         c.root_id, c.depth, c.reader_id, c.author_name, c.text, c.created_at, c.deleted_at, c.reply_count,
         c.status
       FROM comments c JOIN threads t ON t.id = c.thread_id
       WHERE c.id = ?1 AND c.site_id = ?2`
    )
    .bind(id, siteId)

/** The comment if it belongs to this site, else null. */
export async function findComment(
  db: D1Database,
  siteId: string,
  id: string
): Promise<CommentTarget | null> {
  return commentRead(db, siteId, id).first<CommentTarget>()
}
