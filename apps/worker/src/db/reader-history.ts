import type { ModerationInput } from '../moderation/pipeline.ts'

/** priorComments counts up to this many: the pipeline only asks "none, or some?". */
export const PRIOR_COMMENTS_MAX = 100

// ?1 site, ?2 reader, ?3 now (ms). Both halves are range scans of comments_by_reader
// (site_id, reader_id, created_at), migration 0008: MAX(created_at) reads one index entry; the
// count looks at no more than PRIOR_COMMENTS_MAX rows whatever the reader's history.
// - priorComments: the reader's published comments on the site (a held, rejected or removed one
//   does not make a reader known; a published one they later deleted does).
// - lastCommentAt: their latest comment of any status, for the posting-speed signal (a burst of
//   rejected spam is still a burst).
export const READER_HISTORY_SQL = `SELECT
  (SELECT COUNT(*) FROM (SELECT 1 FROM comments
    WHERE site_id = ?1 AND reader_id = ?2 AND created_at <= ?3 AND status = 'published'
    LIMIT ${PRIOR_COMMENTS_MAX})) AS prior_comments,
  (SELECT MAX(created_at) FROM comments
    WHERE site_id = ?1 AND reader_id = ?2 AND created_at <= ?3) AS last_comment_at`

export interface ReaderHistory {
  /** Published comments by the reader on the site, capped at PRIOR_COMMENTS_MAX. */
  priorComments: number
  /** When (ms) the reader last commented on the site, whatever became of it; null if never. */
  lastCommentAt: number | null
}

type HistoryRow = { prior_comments: number; last_comment_at: number | null }

/** The read of a reader's past on one site as of `now`, for a batch (see readerHistoryOf). */
export const readerHistoryRead = (
  db: D1Database,
  siteId: string,
  readerId: string,
  now: number
): D1PreparedStatement => db.prepare(READER_HISTORY_SQL).bind(siteId, readerId, now)

/** The history from readerHistoryRead's result. */
export function readerHistoryOf(result: D1Result | undefined): ReaderHistory {
  const row = result?.results[0] as HistoryRow | undefined
  return {
    priorComments: row?.prior_comments ?? 0,
    lastCommentAt: row?.last_comment_at ?? null,
  }
}

/** What the moderation pipeline needs to know about a reader's past on one site, as of `now`. */
export async function readerHistory(
  db: D1Database,
  siteId: string,
  readerId: string,
  now: number
): Promise<ReaderHistory> {
  return readerHistoryOf(await readerHistoryRead(db, siteId, readerId, now).all())
}

/** The pipeline's view of the reader: the history, with seconds since the last comment. */
export function moderationReader(history: ReaderHistory, now: number): ModerationInput['reader'] {
  return {
    priorComments: history.priorComments,
    secondsSinceLastComment:
      history.lastCommentAt === null ? null : Math.max(0, (now - history.lastCommentAt) / 1000),
  }
}
