export interface ThreadRow {
  id: number
  site_id: string
  key: string
  title: string | null
  comment_count: number
  created_at: number
}

export async function getThread(
  db: D1Database,
  siteId: string,
  key: string
): Promise<ThreadRow | null> {
  return db
    .prepare(
      `SELECT id, site_id, key, title, comment_count, created_at
       FROM threads WHERE site_id = ?1 AND key = ?2`
    )
    .bind(siteId, key)
    .first<ThreadRow>()
}

/** Creates the thread on first use; a no-op when it exists. Meant for a write batch. */
export function ensureThread(
  db: D1Database,
  siteId: string,
  key: string,
  now: number
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO threads (site_id, key, title, comment_count, created_at)
       VALUES (?1, ?2, NULL, 0, ?3)
       ON CONFLICT (site_id, key) DO NOTHING`
    )
    .bind(siteId, key, now)
}
