import type { ReportReason } from '@parley/core'
import { transitionStatements } from './moderation-writes.ts'

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

/** Where reports hide a comment: the site and its holdRules.reportThreshold. */
export interface ReportPolicy {
  siteId: string
  reportThreshold: number
}

/**
 * Files the reader's report and recounts the comment's reports in one batch. In the same batch, a
 * published comment that no moderator has reviewed goes to review (pending, with the reason
 * 'reports') once its reports reach the site's threshold; a comment a moderator has approved
 * stays up, however many reports follow. Returns the reader's report and whether this call
 * created it (false: they had reported it before), or null when the comment is gone.
 */
export async function fileReport(
  db: D1Database,
  report: { commentId: string; readerId: string; reason: ReportReason; note: string | null },
  now: number,
  policy: ReportPolicy
): Promise<{ created: boolean; report: ReportRow } | null> {
  const { commentId, readerId } = report
  const hold = transitionStatements(
    db,
    { siteId: policy.siteId, commentId, from: 'published', to: 'pending', now },
    {
      reviewed: false,
      guard: {
        sql: 'report_count >= ?1 AND reviewed_at IS NULL',
        params: [policy.reportThreshold],
      },
      reason: {
        signal: 'reports',
        detail: `${policy.reportThreshold} or more reader reports`,
        weight: 0,
      },
    }
  )
  const results = await db.batch<ReportRow>([
    db.prepare(INSERT_REPORT).bind(commentId, readerId, report.reason, report.note, now),
    db.prepare(RECOUNT_REPORTS).bind(commentId),
    ...hold,
    db.prepare(READER_REPORT).bind(commentId, readerId),
  ])
  const row = results.at(-1)?.results[0]
  return row ? { created: results[0]?.meta.changes === 1, report: row } : null
}
