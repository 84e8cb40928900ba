export interface ThreadRow {
  id: number
  site_id: string
  key: string
  title: string | null
  comment_count: number
  settings: string
  created_at: number
}

/** The statement reading a thread by site and key, for a batch of reads. */
export const threadRead = (db: D1Database, siteId: string, key: string): D1PreparedStatement =>
  db
    .prepare(
      `SELECT id, site_id, key, title, comment_count, settings, created_at
       FROM threads WHERE site_id = ?1 AND key = ?2`
    )
    .bind(siteId, key)

export async function getThread(
  db: D1Database,
  siteId: string,
  key: string
): Promise<ThreadRow | null> {
  return threadRead(db, siteId, key).first<ThreadRow>()
}

/** ?1 site id, ?2 thread key, ?3 now: creates the thread on first use; a no-op when it exists. */
export const ENSURE_THREAD = `INSERT INTO threads (site_id, key, title, comment_count, created_at)
  VALUES (?1, ?2, NULL, 0, ?3)
  ON CONFLICT (site_id, key) DO NOTHING`

/** ENSURE_THREAD, bound for a write batch. */
export function ensureThread(
  db: D1Database,
  siteId: string,
  key: string,
  now: number
): D1PreparedStatement {
  return db.prepare(ENSURE_THREAD).bind(siteId, key, now)
}

/** Published comments per thread key (threads.comment_count), in one query on UNIQUE (site_id, key); unknown keys are 0. */
export async function countComments(
  db: D1Database,
  siteId: string,
  keys: string[]
): Promise<Record<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT key, comment_count FROM threads
       WHERE site_id = ?1 AND key IN (SELECT value FROM json_each(?2))`
    )
    .bind(siteId, JSON.stringify(keys))
    .all<{ key: string; comment_count: number }>()
  const counts = Object.fromEntries(keys.map((key) => [key, 0]))
  for (const row of results) counts[row.key] = row.comment_count
  return counts
}

/**
 * Published top-level comments per language, for the language filter: one GROUP BY that reads
 * only the comments_top_lang index (status is its last column). Deleted placeholders have no
 * language, so they are not counted.
 */
export async function countLanguages(
  db: D1Database,
  threadId: number
): Promise<Record<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT lang, COUNT(*) AS count FROM comments
       WHERE thread_id = ?1 AND parent_id IS NULL AND lang IS NOT NULL AND status = 'published'
       GROUP BY lang`
    )
    .bind(threadId)
    .all<{ lang: string; count: number }>()
  return Object.fromEntries(results.map((row) => [row.lang, row.count]))
}
