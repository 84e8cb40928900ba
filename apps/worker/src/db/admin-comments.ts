import {
  BADGES,
  MODERATION_SCAN_MAX,
  REPORT_REASONS,
  type AdminComment,
  type AdminCommentDetail,
  type Badge,
  type ModerationVerdict,
  type ModerationView,
  type ReportReason,
} from '@parley/core'
import { renderMarkdownLite } from '../lib/render.ts'
import { parseRemoval } from './comment-rows.ts'
import type { StoredStatus } from './moderation-writes.ts'
import { containsSql } from './sql.ts'

// The moderation queue and one comment as moderators see it: everything stored, whatever its
// status. Reader-facing reads are in comment-pages.ts.

export interface AdminCommentRow {
  /** The row's rowid: the queue's tie-break, since every queue index ends with it. */
  rid: number
  id: string
  thread_id: number
  parent_id: string | null
  root_id: string
  reader_id: string
  author_name: string
  text: string
  html: string | null
  lang: string | null
  badges: string
  status: StoredStatus
  moderation: string
  report_count: number
  pinned_at: number | null
  deleted_at: number | null
  created_at: number
  edited_at: number | null
  reviewed_at: number | null
  removal: string | null
  reply_count: number
  thread_key: string
  thread_title: string | null
  report_reasons: string | null
  appeal: 'open' | 'upheld' | 'reversed' | null
  revision_count: number
}

/** The AdminCommentRow columns of `comments c JOIN threads t`. */
const ADMIN_COLUMNS = `c.rowid AS rid, c.id, c.thread_id, c.parent_id, c.root_id, c.reader_id,
  c.author_name, c.text, c.html, c.lang, c.badges, c.status, c.moderation, c.report_count,
  c.pinned_at, c.deleted_at, c.created_at, c.edited_at, c.reviewed_at, c.removal, c.reply_count,
  t.key AS thread_key, t.title AS thread_title,
  CASE WHEN c.report_count > 0 THEN (SELECT json_group_object(reason, n) FROM
    (SELECT r.reason, COUNT(*) AS n FROM reports r WHERE r.comment_id = c.id GROUP BY r.reason))
  END AS report_reasons,
  (SELECT a.status FROM appeals a WHERE a.comment_id = c.id) AS appeal,
  (SELECT COUNT(*) FROM comment_revisions v WHERE v.comment_id = c.id) AS revision_count`

function parseJson(json: string | null): unknown {
  if (json === null) return null
  try {
    return JSON.parse(json)
  } catch {
    return null
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

function verdictOf(json: string): ModerationVerdict | null {
  const value = parseJson(json) as Partial<ModerationVerdict> | null
  if (!value || typeof value.score !== 'number' || !Array.isArray(value.reasons)) return null
  const decision = ['publish', 'hold', 'reject'].includes(value.decision as string)
    ? (value.decision as ModerationVerdict['decision'])
    : 'publish'
  const reasons = value.reasons
    .filter((r): r is ModerationVerdict['reasons'][number] => typeof r?.signal === 'string')
    .map((r) => ({
      signal: r.signal,
      detail: typeof r.detail === 'string' ? r.detail : '',
      weight: typeof r.weight === 'number' ? r.weight : 0,
    }))
  return { decision, score: value.score, reasons }
}

function reportReasonsOf(json: string | null): AdminComment['reportReasons'] {
  const value = parseJson(json)
  const summary: AdminComment['reportReasons'] = {}
  if (value === null || typeof value !== 'object') return summary
  for (const reason of REPORT_REASONS) {
    const n = (value as Record<string, unknown>)[reason]
    if (typeof n === 'number' && n > 0) summary[reason as ReportReason] = n
  }
  return summary
}

function badgesOf(json: string): Badge[] {
  const value = parseJson(json)
  return Array.isArray(value)
    ? value.filter((b): b is Badge => (BADGES as readonly unknown[]).includes(b))
    : []
}

export function toAdminComment(row: AdminCommentRow): AdminComment {
  const removal = parseRemoval(row)
  return {
    id: row.id,
    parentId: row.parent_id,
    thread: { key: row.thread_key, title: row.thread_title },
    author: { name: row.author_name, readerId: row.reader_id, badges: badgesOf(row.badges) },
    text: row.text,
    html: row.html ?? renderMarkdownLite(row.text),
    lang: row.lang,
    status: row.status,
    verdict: verdictOf(row.moderation),
    reportCount: row.report_count,
    reportReasons: reportReasonsOf(row.report_reasons),
    pinned: row.pinned_at !== null,
    deleted: row.deleted_at !== null,
    createdAt: iso(row.created_at)!,
    editedAt: iso(row.edited_at),
    reviewedAt: iso(row.reviewed_at),
    removal:
      removal && (row.status === 'removed' || row.status === 'spam')
        ? {
            reason: removal.reason,
            statement: removal.statement,
            removedAt: iso(removal.at)!,
            appeal: row.appeal ?? 'none',
          }
        : null,
    revisionCount: row.revision_count,
    replyCount: row.reply_count,
  }
}

/** One comment of the site as moderators see it, or null. */
export async function getAdminComment(
  db: D1Database,
  siteId: string,
  id: string
): Promise<AdminCommentRow | null> {
  return db
    .prepare(
      `SELECT ${ADMIN_COLUMNS} FROM comments c JOIN threads t ON t.id = c.thread_id
       WHERE c.id = ?1 AND c.site_id = ?2`
    )
    .bind(id, siteId)
    .first<AdminCommentRow>()
}

/** Its earlier texts and its reports, newest first (at most 100 reports). */
export async function commentHistory(
  db: D1Database,
  id: string
): Promise<Pick<AdminCommentDetail, 'revisions' | 'reports'>> {
  const [revisions, reports] = await db.batch([
    db
      .prepare(
        `SELECT text, replaced_at, editor FROM comment_revisions WHERE comment_id = ?1
         ORDER BY replaced_at DESC`
      )
      .bind(id),
    db
      .prepare(
        `SELECT reason, note, created_at FROM reports WHERE comment_id = ?1
         ORDER BY created_at DESC LIMIT 100`
      )
      .bind(id),
  ])
  type RevisionRow = { text: string; replaced_at: number; editor: 'author' | 'moderator' }
  type ReportRow = { reason: ReportReason; note: string | null; created_at: number }
  return {
    revisions: (revisions!.results as RevisionRow[]).map((r) => ({
      text: r.text,
      replacedAt: iso(r.replaced_at)!,
      editor: r.editor,
    })),
    reports: (reports!.results as ReportRow[]).map((r) => ({
      reason: r.reason,
      note: r.note,
      createdAt: iso(r.created_at)!,
    })),
  }
}

export interface QueueRequest {
  view: ModerationView
  /** A thread key of the site. */
  thread: string | null
  /** Text or author name containing this. */
  q: string | null
  readerId: string | null
  limit: number
  /** After this (created_at, rowid), newest first. */
  after: { createdAt: number; rid: number } | null
}

// Where each view's rows are, as a condition an index serves (each index is (site_id, …,
// created_at) with the rowid at its end, so the scan reads in queue order): the partial indexes
// of 0008 need their WHERE term spelled out for SQLite to use them.
// INDEXED BY keeps the planner from trading a partial index for the bigger comments_by_site (it
// has no statistics to tell them apart) and fails loudly should the index ever not fit.
const VIEW_SOURCE: Record<ModerationView, { index: string; where: string }> = {
  pending: {
    index: 'comments_by_status',
    where: "c.status <> 'published' AND c.status = 'pending'",
  },
  removed: {
    index: 'comments_by_status',
    where: "c.status <> 'published' AND c.status = 'removed'",
  },
  spam: { index: 'comments_by_status', where: "c.status <> 'published' AND c.status = 'spam'" },
  shadow: { index: 'comments_by_status', where: "c.status <> 'published' AND c.status = 'shadow'" },
  reported: { index: 'comments_reported', where: 'c.report_count > 0' },
  recent: { index: 'comments_by_site', where: '1' },
}
const READER_SOURCE = { index: 'comments_by_reader', where: 'c.reader_id = ?7' }

// Reported: reported since a moderator last decided on it, and not already removed.
const REPORTED = `c.report_count > 0 AND c.status IN ('published', 'pending')
  AND (c.reviewed_at IS NULL
    OR EXISTS (SELECT 1 FROM reports r WHERE r.comment_id = c.id AND r.created_at > c.reviewed_at))`

const VIEW_FILTER: Record<ModerationView, string | null> = {
  pending: "c.status = 'pending'",
  removed: "c.status = 'removed'",
  spam: "c.status = 'spam'",
  shadow: "c.status = 'shadow'",
  reported: REPORTED,
  recent: null,
}

/**
 * The statements of one queue page. ?1 site, ?2 cursor created_at, ?3 cursor rowid, ?4 how many
 * index entries to scan, ?5 page size + 1, ?6 thread key, ?7 reader id, ?8 LIKE pattern.
 *
 * The scan is a keyset range of one index, newest first: the view's (comments_by_status,
 * comments_reported, comments_by_site) or, for one reader, comments_by_reader. Every other
 * condition (a search, a thread, the view's finer rule) filters what the scan found, and the scan
 * stops after MODERATION_SCAN_MAX entries, so a request's work is bounded however large the queue
 * and however rare the matches: a search is a LIKE over at most that many comments. The second
 * statement says where the scan stopped, for the next cursor when the page is not full.
 */
export function queueSql(request: QueueRequest): { page: string; scanEnd: string } {
  const source = request.readerId !== null ? READER_SOURCE : VIEW_SOURCE[request.view]
  const scanned = `scanned AS (
    SELECT c.rowid AS rid, c.created_at FROM comments c INDEXED BY ${source.index}
    WHERE c.site_id = ?1 AND ${source.where}
      AND c.created_at <= ?2 AND (c.created_at < ?2 OR c.rowid < ?3)
    ORDER BY c.created_at DESC, c.rowid DESC LIMIT ?4
  )`
  const filters = [
    request.readerId !== null || request.view === 'reported' ? VIEW_FILTER[request.view] : null,
    request.thread !== null
      ? 'c.thread_id = (SELECT id FROM threads WHERE site_id = ?1 AND key = ?6)'
      : null,
    request.q !== null
      ? `(${containsSql('c.text', '?8')} OR ${containsSql('c.author_name', '?8')})`
      : null,
  ].filter((f): f is string => f !== null)
  return {
    page: `WITH ${scanned}
      SELECT ${ADMIN_COLUMNS} FROM scanned
      JOIN comments c ON c.rowid = scanned.rid JOIN threads t ON t.id = c.thread_id
      ${filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : ''}
      ORDER BY scanned.created_at DESC, scanned.rid DESC LIMIT ?5`,
    scanEnd: `WITH ${scanned}
      SELECT created_at, rid, (SELECT COUNT(*) FROM scanned) AS n FROM scanned
      ORDER BY created_at, rid LIMIT 1`,
  }
}

/** Whether the page needs conditions beyond its index range (then the scan may read ahead). */
const filtered = (request: QueueRequest) =>
  request.thread !== null ||
  request.q !== null ||
  request.view === 'reported' ||
  (request.readerId !== null && request.view !== 'recent')

/** A page of the queue, and the position after it when more may follow. */
export async function loadQueue(
  db: D1Database,
  siteId: string,
  request: QueueRequest
): Promise<{ rows: AdminCommentRow[]; next: { createdAt: number; rid: number } | null }> {
  const scan = filtered(request) ? MODERATION_SCAN_MAX : request.limit + 1
  const sql = queueSql(request)
  const params = [
    siteId,
    request.after?.createdAt ?? Number.MAX_SAFE_INTEGER,
    request.after?.rid ?? Number.MAX_SAFE_INTEGER,
    scan,
    request.limit + 1,
    request.thread,
    request.readerId,
    request.q,
  ]
  // D1 wants exactly as many values as the statement's highest parameter number.
  const bound = (text: string) => {
    const highest = Math.max(...[...text.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])))
    return db.prepare(text).bind(...params.slice(0, highest))
  }
  const [page, end] = await db.batch([bound(sql.page), bound(sql.scanEnd)])
  const matched = page!.results as AdminCommentRow[]
  const rows = matched.slice(0, request.limit)
  if (matched.length > request.limit) {
    const last = rows.at(-1)!
    return { rows, next: { createdAt: last.created_at, rid: last.rid } }
  }
  // Fewer matches than asked: more may follow only if the scan stopped at its bound.
  const stop = end!.results[0] as { created_at: number; rid: number; n: number } | undefined
  return {
    rows,
    next: stop && stop.n >= scan ? { createdAt: stop.created_at, rid: stop.rid } : null,
  }
}
