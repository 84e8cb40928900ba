import type { ReaderSummary } from '@parley/core'
import { readerIdsOfPublisherUser } from './sso.ts'
import { ERASED_READER } from './erasure.ts'

// Finding a reader for a data-subject request: by reader id, by one of their comments, or by the
// site's own user id when the site signs its readers in (migration 0014).

/** The reader who wrote a comment of the site, or none (no such comment, or already erased). */
export async function readerOfComment(
  db: D1Database,
  siteId: string,
  commentId: string
): Promise<string[]> {
  const row = await db
    .prepare('SELECT reader_id FROM comments WHERE id = ?1 AND site_id = ?2')
    .bind(commentId, siteId)
    .first<{ reader_id: string }>()
  return row && row.reader_id !== ERASED_READER ? [row.reader_id] : []
}

/** The readers of one of the site's signed-in users. */
export const readersOfUser = readerIdsOfPublisherUser

// ?1 site, ?2 reader. Each count reads an index by reader (migration 0015, comments_by_reader).
const SUMMARY = `WITH seen(at) AS (
    SELECT created_at FROM comments WHERE site_id = ?1 AND reader_id = ?2
    UNION ALL SELECT b.updated_at FROM ballots b JOIN polls p ON p.id = b.poll_id
      WHERE b.reader_id = ?2 AND p.site_id = ?1
    UNION ALL SELECT x.created_at FROM reactions x JOIN comments c ON c.id = x.comment_id
      WHERE x.reader_id = ?2 AND c.site_id = ?1
    UNION ALL SELECT r.created_at FROM reports r JOIN comments c ON c.id = r.comment_id
      WHERE r.reader_id = ?2 AND c.site_id = ?1
  )
  SELECT
    (SELECT COUNT(*) FROM comments WHERE site_id = ?1 AND reader_id = ?2) AS comments,
    (SELECT COUNT(*) FROM ballots b JOIN polls p ON p.id = b.poll_id
      WHERE b.reader_id = ?2 AND p.site_id = ?1) AS votes,
    (SELECT COUNT(*) FROM reactions x JOIN comments c ON c.id = x.comment_id
      WHERE x.reader_id = ?2 AND c.site_id = ?1) AS reactions,
    (SELECT COUNT(*) FROM reports r JOIN comments c ON c.id = r.comment_id
      WHERE r.reader_id = ?2 AND c.site_id = ?1) AS reports,
    (SELECT COUNT(*) FROM appeals WHERE site_id = ?1 AND reader_id = ?2) AS appeals,
    (SELECT MIN(at) FROM seen) AS first_seen,
    (SELECT MAX(at) FROM seen) AS last_seen`

interface SummaryRow {
  comments: number
  votes: number
  reactions: number
  reports: number
  appeals: number
  first_seen: number | null
  last_seen: number | null
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** What is stored under each reader id, in one batch. */
export async function summariseReaders(
  db: D1Database,
  siteId: string,
  readerIds: string[]
): Promise<ReaderSummary[]> {
  if (readerIds.length === 0) return []
  const results = await db.batch<SummaryRow>(
    readerIds.map((id) => db.prepare(SUMMARY).bind(siteId, id))
  )
  return readerIds.map((readerId, i) => {
    const row = results[i]!.results[0]!
    return {
      readerId,
      comments: row.comments,
      votes: row.votes,
      reactions: row.reactions,
      reports: row.reports,
      appeals: row.appeals,
      firstSeen: isoOrNull(row.first_seen),
      lastSeen: isoOrNull(row.last_seen),
    }
  })
}
