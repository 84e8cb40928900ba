import type { AdminThread, ThreadSettings } from '@parley/core'
import { parseThreadSettings } from './settings.ts'
import { containsSql } from './sql.ts'
import { ENSURE_THREAD, type ThreadRow } from './threads.ts'

type ListedRow = Omit<ThreadRow, 'site_id'>

/** Held comments per thread, from the comments_by_status index (the queue is small). */
async function pendingCounts(
  db: D1Database,
  siteId: string,
  threadIds: number[]
): Promise<Map<number, number>> {
  if (threadIds.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT thread_id, COUNT(*) AS count FROM comments
       WHERE site_id = ?1 AND status = 'pending' AND thread_id IN (SELECT value FROM json_each(?2))
       GROUP BY thread_id`
    )
    .bind(siteId, JSON.stringify(threadIds))
    .all<{ thread_id: number; count: number }>()
  return new Map(results.map((row) => [row.thread_id, row.count]))
}

const toAdminThread = (row: ListedRow, pending: number): AdminThread => ({
  key: row.key,
  title: row.title,
  commentCount: row.comment_count,
  pendingCount: pending,
  settings: parseThreadSettings(row.settings),
  createdAt: new Date(row.created_at).toISOString(),
})

/**
 * A page of the site's threads, newest first (threads_by_site), optionally those whose key or
 * title contains `q`. Keyset paging on the thread id: `before` is the last id of the previous page.
 */
export async function listAdminThreads(
  db: D1Database,
  siteId: string,
  options: { q: string | null; before: number | null; limit: number }
): Promise<{ threads: AdminThread[]; nextBefore: number | null }> {
  const where = ['site_id = ?1']
  const params: (string | number)[] = [siteId, options.limit + 1]
  if (options.before !== null) {
    params.push(options.before)
    where.push(`id < ?${params.length}`)
  }
  if (options.q) {
    params.push(options.q)
    const q = `?${params.length}`
    where.push(`(${containsSql('key', q)} OR ${containsSql('title', q)})`)
  }
  const { results } = await db
    .prepare(
      `SELECT id, key, title, comment_count, settings, created_at FROM threads
       WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?2`
    )
    .bind(...params)
    .all<ListedRow>()
  const rows = results.slice(0, options.limit)
  const pending = await pendingCounts(
    db,
    siteId,
    rows.map((row) => row.id)
  )
  return {
    threads: rows.map((row) => toAdminThread(row, pending.get(row.id) ?? 0)),
    nextBefore: results.length > options.limit ? rows.at(-1)!.id : null,
  }
}

/** One thread as the console shows it, or null. */
export async function readAdminThread(
  db: D1Database,
  siteId: string,
  key: string
): Promise<AdminThread | null> {
  const row = await db
    .prepare(
      `SELECT id, key, title, comment_count, settings, created_at FROM threads
       WHERE site_id = ?1 AND key = ?2`
    )
    .bind(siteId, key)
    .first<ListedRow>()
  if (!row) return null
  const pending = await pendingCounts(db, siteId, [row.id])
  return toAdminThread(row, pending.get(row.id) ?? 0)
}

/**
 * The writes of PUT thread: create it if needed, then set the title and (when given) replace its
 * settings. Run them in one batch with the audit statement.
 */
export function putThreadStatements(
  db: D1Database,
  siteId: string,
  key: string,
  edit: { title: string | null; settings: ThreadSettings | undefined },
  now: number
): D1PreparedStatement[] {
  const statements = [
    db.prepare(ENSURE_THREAD).bind(siteId, key, now),
    db
      .prepare('UPDATE threads SET title = ?3 WHERE site_id = ?1 AND key = ?2')
      .bind(siteId, key, edit.title),
  ]
  if (edit.settings !== undefined) {
    statements.push(
      db
        .prepare('UPDATE threads SET settings = ?3 WHERE site_id = ?1 AND key = ?2')
        .bind(siteId, key, JSON.stringify(edit.settings))
    )
  }
  return statements
}
