import type {
  AdminExpertResponse,
  Comment,
  ExpertResponse,
  ExpertResponseStatus,
} from '@parley/core'
import type { PageReads } from './comment-pages.ts'
import { joinedExpert } from './experts.ts'

// Experts' answers under readers' comments. Readers see the published ones: under the comment in
// every listing (one statement in the page's batch, pageResponsesRead; publishedResponsesFor
// elsewhere) and in the thread's Featured section.

export interface ExpertResponseRow {
  id: string
  site_id: string
  thread_id: number
  comment_id: string
  expert_id: string
  text: string
  html: string
  status: ExpertResponseStatus
  invitation_id: string | null
  created_at: number
  updated_at: number
  expert_name: string
  expert_title: string
  expert_organisation: string
  expert_photo_url: string | null
  thread_key: string
}

const COLUMNS = `r.id, r.site_id, r.thread_id, r.comment_id, r.expert_id, r.text, r.html, r.status,
  r.invitation_id, r.created_at, r.updated_at, e.name AS expert_name, e.title AS expert_title,
  e.organisation AS expert_organisation, e.photo_url AS expert_photo_url, t.key AS thread_key`
const FROM = `FROM expert_responses r JOIN experts e ON e.id = r.expert_id
  JOIN threads t ON t.id = r.thread_id`

const iso = (ms: number) => new Date(ms).toISOString()

export const rowToExpertResponse = (row: ExpertResponseRow): ExpertResponse => ({
  id: row.id,
  expert: joinedExpert(row),
  html: row.html,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
})

export const rowToAdminExpertResponse = (row: ExpertResponseRow): AdminExpertResponse => ({
  ...rowToExpertResponse(row),
  status: row.status,
  commentId: row.comment_id,
  threadKey: row.thread_key,
  text: row.text,
  invitationId: row.invitation_id,
})

/**
 * The published responses to each of the comments, oldest first, in one statement (the ids travel
 * as one JSON parameter, so a page of any size stays under D1's parameter limit). An archived
 * expert's responses stay.
 */
export async function publishedResponsesFor(
  db: D1Database,
  commentIds: string[]
): Promise<Map<string, ExpertResponse[]>> {
  if (commentIds.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} ${FROM}
       WHERE r.comment_id IN (SELECT value FROM json_each(?1)) AND r.status = 'published'
       ORDER BY r.comment_id, r.created_at, r.id`
    )
    .bind(JSON.stringify([...new Set(commentIds)]))
    .all<ExpertResponseRow>()
  return responsesByComment(results)
}

function responsesByComment(rows: ExpertResponseRow[]): Map<string, ExpertResponse[]> {
  const byComment = new Map<string, ExpertResponse[]>()
  for (const row of rows) {
    const list = byComment.get(row.comment_id) ?? []
    list.push(rowToExpertResponse(row))
    byComment.set(row.comment_id, list)
  }
  return byComment
}

/**
 * The published responses under a page's top-level comments and their subtrees (a top-level
 * comment is its own root), as a statement for the page's batch (src/db/comment-pages.ts
 * commentPageReads). It walks the thread's published responses, a handful, not the subtrees.
 */
export const pageResponsesSql = ({
  threadIdSql,
  pageIdsSql,
}: Pick<PageReads, 'threadIdSql' | 'pageIdsSql'>): string =>
  `SELECT ${COLUMNS} ${FROM} JOIN comments c ON c.id = r.comment_id
   WHERE r.thread_id = ${threadIdSql} AND r.status = 'published' AND c.root_id IN (${pageIdsSql})
   ORDER BY r.comment_id, r.created_at, r.id`

export const pageResponsesRead = (db: D1Database, reads: PageReads): D1PreparedStatement =>
  db.prepare(pageResponsesSql(reads)).bind(...reads.params)

/** Fills Comment.expertResponses throughout the trees from pageResponsesRead's rows. */
export function withResponseRows(comments: Comment[], rows: ExpertResponseRow[]): Comment[] {
  attach(comments, responsesByComment(rows))
  return comments
}

function collectIds(comments: Comment[], into: string[]): string[] {
  for (const comment of comments) {
    into.push(comment.id)
    collectIds(comment.replies, into)
  }
  return into
}

function attach(comments: Comment[], byComment: Map<string, ExpertResponse[]>): void {
  for (const comment of comments) {
    // A placeholder or a tombstone shows nothing of what it said, nor answers to it.
    const shown = !comment.deleted && comment.status !== 'removed'
    comment.expertResponses = shown ? (byComment.get(comment.id) ?? []) : []
    attach(comment.replies, byComment)
  }
}

/** Fills Comment.expertResponses throughout the trees, with one query. Mutates and returns them. */
export async function withExpertResponses(db: D1Database, comments: Comment[]): Promise<Comment[]> {
  attach(comments, await publishedResponsesFor(db, collectIds(comments, [])))
  return comments
}

/** One response of the site, any status, or null. */
export async function getExpertResponse(
  db: D1Database,
  siteId: string,
  id: string
): Promise<ExpertResponseRow | null> {
  return db
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE r.id = ?1 AND r.site_id = ?2`)
    .bind(id, siteId)
    .first<ExpertResponseRow>()
}

/** The response written through an invitation, if any. */
export async function responseOfInvitation(
  db: D1Database,
  invitationId: string
): Promise<ExpertResponseRow | null> {
  return db
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE r.invitation_id = ?1`)
    .bind(invitationId)
    .first<ExpertResponseRow>()
}

export interface ResponsePageRequest {
  status: ExpertResponseStatus | null
  limit: number
  after: { createdAt: number; id: string } | null
}

/** The console's listing, newest first; one more row than asked tells whether more follow. */
export async function listExpertResponses(
  db: D1Database,
  siteId: string,
  page: ResponsePageRequest
): Promise<ExpertResponseRow[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} ${FROM} WHERE r.site_id = ?1
         ${page.status === null ? '' : 'AND r.status = ?2'}
         ${page.after === null ? '' : 'AND (r.created_at, r.id) < (?3, ?4)'}
       ORDER BY r.created_at DESC, r.id DESC LIMIT ?5`
    )
    .bind(
      siteId,
      page.status,
      page.after?.createdAt ?? null,
      page.after?.id ?? null,
      page.limit + 1
    )
    .all<ExpertResponseRow>()
  return results
}

export interface NewResponseRow {
  id: string
  siteId: string
  threadId: number
  commentId: string
  expertId: string
  text: string
  html: string
  status: ExpertResponseStatus
  invitationId: string | null
}

export const insertResponseStatement = (
  db: D1Database,
  response: NewResponseRow,
  now: number
): D1PreparedStatement =>
  db
    .prepare(
      `INSERT INTO expert_responses (id, site_id, thread_id, comment_id, expert_id, text, html,
         status, invitation_id, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)`
    )
    .bind(
      response.id,
      response.siteId,
      response.threadId,
      response.commentId,
      response.expertId,
      response.text,
      response.html,
      response.status,
      response.invitationId,
      now
    )

export const updateResponseStatement = (
  db: D1Database,
  siteId: string,
  id: string,
  edit: { expertId: string; text: string; html: string },
  now: number
): D1PreparedStatement =>
  db
    .prepare(
      `UPDATE expert_responses SET expert_id = ?3, text = ?4, html = ?5, updated_at = ?6
       WHERE id = ?1 AND site_id = ?2`
    )
    .bind(id, siteId, edit.expertId, edit.text, edit.html, now)

export const deleteResponseStatement = (
  db: D1Database,
  siteId: string,
  id: string
): D1PreparedStatement =>
  db.prepare('DELETE FROM expert_responses WHERE id = ?1 AND site_id = ?2').bind(id, siteId)

/** pending → published, guarded on the status so that two approvals make one change. */
export const approveResponseStatement = (
  db: D1Database,
  siteId: string,
  id: string,
  now: number
): D1PreparedStatement =>
  db
    .prepare(
      `UPDATE expert_responses SET status = 'published', updated_at = ?3
       WHERE id = ?1 AND site_id = ?2 AND status = 'pending'`
    )
    .bind(id, siteId, now)

/** A comment with what expert responses and invitations check and show. */
export interface ExpertTargetComment {
  id: string
  thread_id: number
  thread_key: string
  thread_title: string | null
  thread_settings: string
  parent_id: string | null
  status: string
  deleted_at: number | null
}

/** The comment if it belongs to this site, else null. */
export async function getExpertTarget(
  db: D1Database,
  siteId: string,
  id: string
): Promise<ExpertTargetComment | null> {
  return db
    .prepare(
      `SELECT c.id, c.thread_id, t.key AS thread_key, t.title AS thread_title,
         t.settings AS thread_settings, c.parent_id, c.status, c.deleted_at
       FROM comments c JOIN threads t ON t.id = c.thread_id WHERE c.id = ?1 AND c.site_id = ?2`
    )
    .bind(id, siteId)
    .first<ExpertTargetComment>()
}
