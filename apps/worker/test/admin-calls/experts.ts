import { ADMIN_ROUTES } from '@parley/core'
import {
  addResponse,
  createExpert,
  freshComment,
  invite,
  setReviewExpertResponses,
  answer,
  tokenOf,
  sitePath,
} from '../experts-helpers.ts'
import type { AdminCall } from './types.ts'

// Experts need the admin role to change (a moderator may list them to pick one); responses and
// invitations are the moderator's.

let seq = 0

async function pendingResponse(): Promise<string> {
  const [comment, expert] = await Promise.all([freshComment('matrix-experts'), createExpert()])
  const invitation = await invite(comment.id, expert.id)
  await setReviewExpertResponses(true)
  const res = await answer(tokenOf(invitation))
  await setReviewExpertResponses(false)
  const body = (await res.json()) as { id: string }
  return body.id
}

export const calls: AdminCall[] = [
  {
    name: `GET ${ADMIN_ROUTES.experts}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({ path: sitePath(ADMIN_ROUTES.experts), init: {} }),
  },
  {
    name: `POST ${ADMIN_ROUTES.experts}`,
    role: 'admin',
    ok: 201,
    prepare: async () => ({
      path: sitePath(ADMIN_ROUTES.experts),
      init: {
        method: 'POST',
        json: { name: `Matrix ${++seq}`, title: 'Coordinator', organisation: 'Test' },
      },
    }),
  },
  {
    name: `PATCH ${ADMIN_ROUTES.expert}`,
    role: 'admin',
    ok: 200,
    prepare: async () => {
      const { id } = await createExpert()
      return {
        path: sitePath(ADMIN_ROUTES.expert, { expert: id }),
        init: { method: 'PATCH', json: { title: `Title ${++seq}` } },
      }
    },
  },
  {
    name: `DELETE ${ADMIN_ROUTES.expert}`,
    role: 'admin',
    ok: 200,
    prepare: async () => {
      const { id } = await createExpert()
      return { path: sitePath(ADMIN_ROUTES.expert, { expert: id }), init: { method: 'DELETE' } }
    },
  },
  {
    name: `POST ${ADMIN_ROUTES.commentExpertResponses}`,
    role: 'moderator',
    ok: 201,
    prepare: async () => {
      const [comment, expert] = await Promise.all([freshComment('matrix-experts'), createExpert()])
      return {
        path: sitePath(ADMIN_ROUTES.commentExpertResponses, { comment: comment.id }),
        init: { method: 'POST', json: { expertId: expert.id, text: 'An answer.' } },
      }
    },
  },
  {
    name: `GET ${ADMIN_ROUTES.expertResponses}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: `${sitePath(ADMIN_ROUTES.expertResponses)}?status=pending`,
      init: {},
    }),
  },
  {
    name: `PATCH ${ADMIN_ROUTES.expertResponse}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => {
      const [comment, expert] = await Promise.all([freshComment('matrix-experts'), createExpert()])
      const response = await addResponse(comment.id, expert.id)
      return {
        path: sitePath(ADMIN_ROUTES.expertResponse, { response: response.id }),
        init: { method: 'PATCH', json: { text: `Edited ${++seq}` } },
      }
    },
  },
  {
    name: `DELETE ${ADMIN_ROUTES.expertResponse}`,
    role: 'moderator',
    ok: 204,
    prepare: async () => {
      const [comment, expert] = await Promise.all([freshComment('matrix-experts'), createExpert()])
      const response = await addResponse(comment.id, expert.id)
      return {
        path: sitePath(ADMIN_ROUTES.expertResponse, { response: response.id }),
        init: { method: 'DELETE' },
      }
    },
  },
  {
    name: `POST ${ADMIN_ROUTES.expertResponseApprove}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: sitePath(ADMIN_ROUTES.expertResponseApprove, { response: await pendingResponse() }),
      init: { method: 'POST' },
    }),
  },
  {
    name: `POST ${ADMIN_ROUTES.commentInvitations}`,
    role: 'moderator',
    ok: 201,
    prepare: async () => {
      const [comment, expert] = await Promise.all([freshComment('matrix-experts'), createExpert()])
      return {
        path: sitePath(ADMIN_ROUTES.commentInvitations, { comment: comment.id }),
        init: { method: 'POST', json: { expertId: expert.id, expiresInHours: 24 } },
      }
    },
  },
  {
    name: `GET ${ADMIN_ROUTES.invitations}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({ path: `${sitePath(ADMIN_ROUTES.invitations)}?status=open`, init: {} }),
  },
  {
    name: `DELETE ${ADMIN_ROUTES.invitation}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => {
      const [comment, expert] = await Promise.all([freshComment('matrix-experts'), createExpert()])
      const invitation = await invite(comment.id, expert.id)
      return {
        path: sitePath(ADMIN_ROUTES.invitation, { invitation: invitation.id }),
        init: { method: 'DELETE' },
      }
    },
  },
]
