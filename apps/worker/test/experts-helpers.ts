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
import { api, byNewReader, expectBody, SITE } from './helpers.ts'
import { admin, route, sitePath } from './admin-helpers.ts'

// Helpers for the expert, expert response and invitation tests (and their auth-matrix calls).

let seq = 0

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
  const { comment } = await byNewReader(thread, { text: `Question ${++seq}?`, ...body }, {}, site)
  return comment
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

/** Sets when a response was written, so that order assertions do not hang on clock ticks. */
export async function setResponseTime(id: string, createdAt: number): Promise<void> {
  await env.DB.prepare('UPDATE expert_responses SET created_at = ?2 WHERE id = ?1')
    .bind(id, createdAt)
    .run()
}
