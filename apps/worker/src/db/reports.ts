import type { ReportReason } from '@parley/core'

// ?1 comment id, ?2 reader id. One report per (comment, reader) by primary key.
const INSERT_REPORT = `INSERT INTO reports (comment_id, reader_id, reason, note, created_at)
  SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM comments WHERE id = ?1)
  ON CONFLICT (comment_id, reader_id) DO NOTHING`
const RECOUNT_REPORTS = `UPDATE comments
  SET report_count = (SELECT COUNT(*) FROM reports WHERE comment_id = ?1) WHERE id = ?1`
const READER_REPORT = `SELECT reason, created_at FROM reports WHERE comment_id = ?1 AND reader_id = ?2`

export interface ReportRow {
  reason: ReportReason
  created_at: number
}

/**
 * Files the reader's report and recounts the comment's reports in one batch. Returns the reader's
 * report and whether this call created it (false: they had reported it before), or null when the
 * comment is gone.
 */
export async function fileReport(
  db: D1Database,
  report: { commentId: string; readerId: string; reason: ReportReason; note: string | null },
  now: number
): Promise<{ created: boolean; report: ReportRow } | null> {
  const { commentId, readerId } = report
  const [inserted, , existing] = await db.batch<ReportRow>([
    db.prepare(INSERT_REPORT).bind(commentId, readerId, report.reason, report.note, now),
    db.prepare(RECOUNT_REPORTS).bind(commentId),
    db.prepare(READER_REPORT).bind(commentId, readerId),
  ])
  const row = existing?.results[0]
  return row ? { created: inserted?.meta.changes === 1, report: row } : null
}
