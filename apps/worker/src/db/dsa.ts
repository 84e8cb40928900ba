import {
  EXCERPT_MAX,
  type AdminAppeal,
  type AdminNotice,
  type AppealStatus,
  type ModeratedComment,
  type NewNotice,
  type NoticeStatus,
  type RemovalReason,
} from '@parley/core'
import type { AdminCursor } from '../lib/admin-cursor.ts'
import { newNoticeId } from '../lib/ids.ts'
import type { StoredStatus } from './moderation-writes.ts'

// EU Digital Services Act notices (art. 16) and appeals against removals (art. 20): the rows and
// what moderators see of them. The decisions are written by the admin routes, each in one batch
// with the comment's status transition and the audit entry.

/** The comment columns a moderator sees with a notice or an appeal (alias c, thread t). */
const MODERATED_COLUMNS = `c.id AS c_id, t.key AS c_thread, c.author_name AS c_author_name,
  substr(c.text, 1, ${EXCERPT_MAX}) AS c_excerpt, c.status AS c_status,
  c.deleted_at AS c_deleted_at, c.removal AS c_removal`

interface ModeratedRow {
  c_id: string
  c_thread: string
  c_author_name: string
  c_excerpt: string
  c_status: StoredStatus
  c_deleted_at: number | null
  c_removal: string | null
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

function parseRemoval(json: string | null): ModeratedComment['removal'] {
  if (json === null) return null
  try {
    const removal = JSON.parse(json) as {
      reason: RemovalReason
      statement: string
      at?: number | string
      removedAt?: number | string
    }
    const at = removal.removedAt ?? removal.at
    return {
      reason: removal.reason,
      statement: removal.statement,
      removedAt: new Date(at ?? 0).toISOString(),
    }
  } catch {
    return null
  }
}

function toModeratedComment(row: ModeratedRow): ModeratedComment {
  return {
    id: row.c_id,
    thread: row.c_thread,
    authorName: row.c_author_name,
    excerpt: row.c_excerpt,
    status: row.c_status,
    deleted: row.c_deleted_at !== null,
    removal: row.c_status === 'removed' ? parseRemoval(row.c_removal) : null,
  }
}

/** Notices and appeals are kept alike: a site, a status that is open until decided, a decision. */
interface DecidedTable {
  table: 'notices' | 'appeals'
  alias: 'n' | 'a'
  key: 'id' | 'comment_id'
  select: string
}

function getDecided<Row>(db: D1Database, t: DecidedTable, siteId: string, key: string) {
  return db
    .prepare(`${t.select} WHERE ${t.alias}.site_id = ?1 AND ${t.alias}.${t.key} = ?2`)
    .bind(siteId, key)
    .first<Row>()
}

export interface Listing<S> {
  status?: S
  limit: number
  after: AdminCursor | null
}

/** A page of a site's rows, newest first. */
async function listDecided<Row>(
  db: D1Database,
  t: DecidedTable,
  siteId: string,
  listing: Listing<string>
): Promise<{ rows: Row[]; more: boolean }> {
  const { after } = listing
  const [a, key] = [t.alias, `${t.alias}.${t.key}`]
  const { results } = await db
    .prepare(
      `${t.select}
       WHERE ${a}.site_id = ?1 AND (?3 IS NULL OR ${a}.status = ?3)
         AND (?4 IS NULL OR (${a}.created_at, ${key}) < (?4, ?5))
       ORDER BY ${a}.created_at DESC, ${key} DESC LIMIT ?2`
    )
    .bind(
      siteId,
      listing.limit + 1,
      listing.status ?? null,
      after?.createdAt ?? null,
      after?.id ?? null
    )
    .all<Row>()
  return { rows: results.slice(0, listing.limit), more: results.length > listing.limit }
}

/** Decides an open row; a no-op when another moderator decided it first. */
function decideStatement(
  db: D1Database,
  t: DecidedTable,
  siteId: string,
  key: string,
  decision: { status: string; text: string },
  now: number
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ${t.table} SET status = ?3, decision = ?4, decided_at = ?5
       WHERE site_id = ?1 AND ${t.key} = ?2 AND status = 'open'`
    )
    .bind(siteId, key, decision.status, decision.text, now)
}

// ---- Notices -------------------------------------------------------------------------------

export interface NoticeRow extends ModeratedRow {
  id: string
  comment_id: string
  law: string
  explanation: string
  reporter_name: string
  reporter_email: string
  status: NoticeStatus
  decision: string | null
  created_at: number
  decided_at: number | null
}

const NOTICES: DecidedTable = {
  table: 'notices',
  alias: 'n',
  key: 'id',
  select: `SELECT n.id, n.comment_id, n.law, n.explanation, n.reporter_name,
    n.reporter_email, n.status, n.decision, n.created_at, n.decided_at, ${MODERATED_COLUMNS}
  FROM notices n JOIN comments c ON c.id = n.comment_id JOIN threads t ON t.id = c.thread_id`,
}

export function rowToNotice(row: NoticeRow): AdminNotice {
  return {
    id: row.id,
    comment: toModeratedComment(row),
    law: row.law,
    explanation: row.explanation,
    name: row.reporter_name,
    email: row.reporter_email,
    status: row.status,
    decision: row.decision,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: iso(row.decided_at),
  }
}

/** Stores a notice on a comment of the site; null when the comment is gone meanwhile. */
export async function insertNotice(
  db: D1Database,
  siteId: string,
  commentId: string,
  notice: NewNotice,
  now: number
): Promise<{ id: string; createdAt: number } | null> {
  const id = newNoticeId()
  const result = await db
    .prepare(
      `INSERT INTO notices (id, site_id, comment_id, law, explanation, reporter_name,
         reporter_email, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
       WHERE EXISTS (SELECT 1 FROM comments WHERE id = ?3 AND site_id = ?2)`
    )
    .bind(id, siteId, commentId, notice.law, notice.explanation, notice.name, notice.email, now)
    .run()
  return result.meta.changes === 1 ? { id, createdAt: now } : null
}

export async function getNotice(
  db: D1Database,
  siteId: string,
  id: string
): Promise<NoticeRow | null> {
  return getDecided<NoticeRow>(db, NOTICES, siteId, id)
}

/** A page of a site's notices, newest first. */
export async function listNotices(
  db: D1Database,
  siteId: string,
  listing: Listing<NoticeStatus>
): Promise<{ rows: NoticeRow[]; more: boolean }> {
  return listDecided<NoticeRow>(db, NOTICES, siteId, listing)
}

/** Closes an open notice; a no-op when another moderator decided it first. */
export function decideNoticeStatement(
  db: D1Database,
  siteId: string,
  id: string,
  decision: { status: Exclude<NoticeStatus, 'open'>; statement: string },
  now: number
): D1PreparedStatement {
  return decideStatement(
    db,
    NOTICES,
    siteId,
    id,
    { status: decision.status, text: decision.statement },
    now
  )
}

// ---- Appeals -------------------------------------------------------------------------------

/** What an appeal needs to know of the comment it is about. */
export interface AppealTarget {
  reader_id: string
  status: StoredStatus
  deleted_at: number | null
}

export async function findAppealTarget(
  db: D1Database,
  siteId: string,
  commentId: string
): Promise<AppealTarget | null> {
  return db
    .prepare('SELECT reader_id, status, deleted_at FROM comments WHERE id = ?1 AND site_id = ?2')
    .bind(commentId, siteId)
    .first<AppealTarget>()
}

/** Files the author's appeal; false when the comment already has one (one per comment). */
export async function insertAppeal(
  db: D1Database,
  appeal: { siteId: string; commentId: string; readerId: string; text: string },
  now: number
): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO appeals (comment_id, site_id, reader_id, text, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (comment_id) DO NOTHING`
    )
    .bind(appeal.commentId, appeal.siteId, appeal.readerId, appeal.text, now)
    .run()
  return result.meta.changes === 1
}

export interface AppealRow extends ModeratedRow {
  comment_id: string
  text: string
  status: AppealStatus
  decision: string | null
  created_at: number
  decided_at: number | null
}

const APPEALS: DecidedTable = {
  table: 'appeals',
  alias: 'a',
  key: 'comment_id',
  select: `SELECT a.comment_id, a.text, a.status, a.decision, a.created_at,
    a.decided_at, ${MODERATED_COLUMNS}
  FROM appeals a JOIN comments c ON c.id = a.comment_id JOIN threads t ON t.id = c.thread_id`,
}

export function rowToAppeal(row: AppealRow): AdminAppeal {
  return {
    comment: toModeratedComment(row),
    text: row.text,
    status: row.status,
    decision: row.decision,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: iso(row.decided_at),
  }
}

export async function getAppeal(
  db: D1Database,
  siteId: string,
  commentId: string
): Promise<AppealRow | null> {
  return getDecided<AppealRow>(db, APPEALS, siteId, commentId)
}

/** A page of a site's appeals, newest first. */
export async function listAppeals(
  db: D1Database,
  siteId: string,
  listing: Listing<AppealStatus>
): Promise<{ rows: AppealRow[]; more: boolean }> {
  return listDecided<AppealRow>(db, APPEALS, siteId, listing)
}

/** Decides an open appeal; a no-op when another moderator decided it first. */
export function decideAppealStatement(
  db: D1Database,
  siteId: string,
  commentId: string,
  decision: { status: Exclude<AppealStatus, 'open'>; text: string },
  now: number
): D1PreparedStatement {
  return decideStatement(db, APPEALS, siteId, commentId, decision, now)
}
