import type { InvitationStatus } from '@parley/core'
import { commentColumns, type CommentRow } from './comment-rows.ts'

// Invitations: the row behind each signed link (src/lib/invitation-token.ts). The link proves the
// id and expiry; the row says whether a moderator revoked it and whether it was answered.

export interface InvitationRow {
  id: string
  site_id: string
  comment_id: string
  expert_id: string
  created_by: string
  created_at: number
  expires_at: number
  answered_at: number | null
  revoked_at: number | null
  expert_name: string
  expert_title: string
  expert_organisation: string
  expert_photo_url: string | null
  expert_archived_at: number | null
  thread_key: string
  comment_author: string
  comment_text: string
}

const COLUMNS = `i.id, i.site_id, i.comment_id, i.expert_id, i.created_by, i.created_at,
  i.expires_at, i.answered_at, i.revoked_at, e.name AS expert_name, e.title AS expert_title,
  e.organisation AS expert_organisation, e.photo_url AS expert_photo_url,
  e.archived_at AS expert_archived_at, t.key AS thread_key, c.author_name AS comment_author,
  c.text AS comment_text`
const FROM = `FROM expert_invitations i JOIN experts e ON e.id = i.expert_id
  JOIN comments c ON c.id = i.comment_id JOIN threads t ON t.id = c.thread_id`

/** Revoked and answered are final; an open link past its expiry is expired. */
export function invitationStatus(
  row: Pick<InvitationRow, 'answered_at' | 'revoked_at' | 'expires_at'>,
  now: number
): InvitationStatus {
  if (row.answered_at !== null) return 'answered'
  if (row.revoked_at !== null) return 'revoked'
  return now >= row.expires_at ? 'expired' : 'open'
}

// ?2 is the current time in the status conditions.
const STATUS_CONDITION: Record<InvitationStatus, string> = {
  open: 'AND i.answered_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?2',
  answered: 'AND i.answered_at IS NOT NULL',
  expired: 'AND i.answered_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= ?2',
  revoked: 'AND i.answered_at IS NULL AND i.revoked_at IS NOT NULL',
}

/** The invitation with this id, on any site (the link names no site), or null. */
export async function getInvitation(
  db: D1Database,
  id: string,
  siteId: string | null = null
): Promise<InvitationRow | null> {
  return db
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE i.id = ?1 AND (?2 IS NULL OR i.site_id = ?2)`)
    .bind(id, siteId)
    .first<InvitationRow>()
}

export interface InvitationPageRequest {
  status: InvitationStatus | null
  limit: number
  after: { createdAt: number; id: string } | null
}

/** The console's listing, newest first; one more row than asked tells whether more follow. */
export async function listInvitations(
  db: D1Database,
  siteId: string,
  page: InvitationPageRequest,
  now: number
): Promise<InvitationRow[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} ${FROM} WHERE i.site_id = ?1
         ${page.status === null ? '' : STATUS_CONDITION[page.status]}
         ${page.after === null ? '' : 'AND (i.created_at, i.id) < (?3, ?4)'}
       ORDER BY i.created_at DESC, i.id DESC LIMIT ?5`
    )
    .bind(siteId, now, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1)
    .all<InvitationRow>()
  return results
}

export const insertInvitationStatement = (
  db: D1Database,
  invitation: {
    id: string
    siteId: string
    commentId: string
    expertId: string
    createdBy: string
    expiresAt: number
  },
  now: number
): D1PreparedStatement =>
  db
    .prepare(
      `INSERT INTO expert_invitations (id, site_id, comment_id, expert_id, created_by, created_at,
         expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`
    )
    .bind(
      invitation.id,
      invitation.siteId,
      invitation.commentId,
      invitation.expertId,
      invitation.createdBy,
      now,
      invitation.expiresAt
    )

/** Revokes an invitation nobody answered yet; an answered one stays answered. */
export const revokeInvitationStatement = (
  db: D1Database,
  siteId: string,
  id: string,
  now: number
): D1PreparedStatement =>
  db
    .prepare(
      `UPDATE expert_invitations SET revoked_at = ?3
       WHERE id = ?1 AND site_id = ?2 AND answered_at IS NULL AND revoked_at IS NULL`
    )
    .bind(id, siteId, now)

export interface InvitationAnswer {
  invitationId: string
  responseId: string
  text: string
  html: string
  status: 'published' | 'pending'
}

/**
 * The expert's answer, as two statements for one batch. The insert happens only while the link is
 * open, its expert not archived and its comment published, and only if the invitation has no
 * response yet; the invitation is marked answered only if that insert happened. D1 runs a batch as
 * one transaction, so of two answers sent at once exactly one lands (and the unique index of
 * migration 0012 would refuse a second row anyway). The insert's `changes` says which one.
 */
export function answerStatements(
  db: D1Database,
  answer: InvitationAnswer,
  now: number
): [insert: D1PreparedStatement, mark: D1PreparedStatement] {
  return [
    db
      .prepare(
        `INSERT INTO expert_responses (id, site_id, thread_id, comment_id, expert_id, text, html,
           status, invitation_id, created_at, updated_at)
         SELECT ?2, i.site_id, c.thread_id, i.comment_id, i.expert_id, ?3, ?4, ?5, i.id, ?6, ?6
         FROM expert_invitations i JOIN comments c ON c.id = i.comment_id
           JOIN experts e ON e.id = i.expert_id
         WHERE i.id = ?1 AND i.answered_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?6
           AND e.archived_at IS NULL AND c.deleted_at IS NULL AND c.status = 'published'
           AND NOT EXISTS (SELECT 1 FROM expert_responses x WHERE x.invitation_id = i.id)`
      )
      .bind(answer.invitationId, answer.responseId, answer.text, answer.html, answer.status, now),
    db
      .prepare(
        `UPDATE expert_invitations SET answered_at = ?3
         WHERE id = ?1 AND answered_at IS NULL
           AND EXISTS (SELECT 1 FROM expert_responses WHERE id = ?2 AND invitation_id = ?1)`
      )
      .bind(answer.invitationId, answer.responseId, now),
  ]
}

/**
 * The comment an invitation is about and the comments it replies to, top-level first, the comment
 * itself last (as an anonymous reader reads them). One statement walking parent_id.
 */
export async function commentChain(db: D1Database, commentId: string): Promise<CommentRow[]> {
  const { results } = await db
    .prepare(
      `WITH RECURSIVE chain(id, n) AS (
         SELECT ?1, 0
         UNION ALL SELECT c.parent_id, chain.n + 1 FROM comments c JOIN chain ON c.id = chain.id
           WHERE c.parent_id IS NOT NULL
       )
       SELECT ${commentColumns('?2')} FROM chain JOIN comments c ON c.id = chain.id
       ORDER BY chain.n DESC`
    )
    .bind(commentId, null)
    .all<CommentRow>()
  return results
}
