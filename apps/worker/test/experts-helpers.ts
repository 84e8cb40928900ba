import {
  ADMIN_ROUTES,
  AdminExpertResponseSchema,
  AdminExpertSchema,
  InvitationSchema,
  type AdminExpert,
  type AdminExpertResponse,
  type Comment,
  type Invitation,
  type NewExpert,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { route } from './admin-calls/types.ts'
import { api, expectBody, newReader, postComment, SITE } from './helpers.ts'
import { admin } from './polls-helpers.ts'

// Helpers for the expert, expert response and invitation tests (and their auth-matrix calls).

let seq = 0

export const sitePath = (template: string, values: Record<string, string> = {}, site = SITE) =>
  route(template, { site, ...values })

export async function createExpert(
  expert: Partial<NewExpert> = {},
  site = SITE
): Promise<AdminExpert> {
  const res = await admin(sitePath(ADMIN_ROUTES.experts, {}, site), {
    method: 'POST',
    json: {
      name: `Expert ${++seq}`,
      title: 'Member of the European Parliament',
      organisation: 'European Parliament (test)',
      ...expert,
    },
  })
  return expectBody(res, 201, AdminExpertSchema)
}

/** A published top-level comment by a fresh reader on `thread`. */
export async function freshComment(
  thread = 'experts',
  body: Record<string, unknown> = {},
  site = SITE
): Promise<Comment> {
  const { token } = await newReader(site)
  return postComment(token, thread, { text: `Question ${++seq}?`, ...body }, {}, site)
}

export async function addResponse(
  commentId: string,
  expertId: string,
  text = 'An answer.',
  site = SITE
): Promise<AdminExpertResponse> {
  const res = await admin(
    sitePath(ADMIN_ROUTES.commentExpertResponses, { comment: commentId }, site),
    { method: 'POST', json: { expertId, text } }
  )
  return expectBody(res, 201, AdminExpertResponseSchema)
}

export async function invite(
  commentId: string,
  expertId: string,
  expiresInHours?: number,
  site = SITE
): Promise<Invitation> {
  const res = await admin(sitePath(ADMIN_ROUTES.commentInvitations, { comment: commentId }, site), {
    method: 'POST',
    json: { expertId, ...(expiresInHours !== undefined && { expiresInHours }) },
  })
  return expectBody(res, 201, InvitationSchema)
}

/** The token of an invitation link (after "#"). */
export const tokenOf = (invitation: Invitation) => invitation.url.split('#')[1]!

export const invitationPath = (token: string) => route('/v1/invitations/:token', { token })

export const answer = (token: string, text = 'My answer.', headers: Record<string, string> = {}) =>
  api(`${invitationPath(token)}/response`, { method: 'POST', json: { text }, headers })

/** Sets the site's moderation settings directly (the settings API belongs to another area). */
export async function setReviewExpertResponses(on: boolean, site = SITE): Promise<void> {
  await env.DB.prepare(`UPDATE sites SET settings = json_patch(settings, ?2) WHERE id = ?1`)
    .bind(site, JSON.stringify({ moderation: { reviewExpertResponses: on } }))
    .run()
}

/** The audit rows of one target, oldest first. */
export async function auditRows(targetType: string, targetId: string) {
  const { results } = await env.DB.prepare(
    `SELECT actor, actor_role, action, target_type, target_id, details FROM audit_log
     WHERE target_type = ?1 AND target_id = ?2 ORDER BY id`
  )
    .bind(targetType, targetId)
    .all<{
      actor: string
      actor_role: string
      action: string
      target_type: string
      target_id: string
      details: string
    }>()
  return results.map((row) => ({
    ...row,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }))
}

/** Sets when a response was written, so that order assertions do not hang on clock ticks. */
export async function setResponseTime(id: string, createdAt: number): Promise<void> {
  await env.DB.prepare('UPDATE expert_responses SET created_at = ?2 WHERE id = ?1')
    .bind(id, createdAt)
    .run()
}
