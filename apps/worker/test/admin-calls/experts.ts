import { ADMIN_ROUTES } from '@parley/core'
import { sitePath } from '../admin-helpers.ts'
import {
  addResponse,
  answer,
  createExpert,
  freshComment,
  invite,
  tokenOf,
} from '../experts-helpers.ts'
import { setModeration } from '../helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

// Experts need the admin role to change (a moderator may list them to pick one); responses and
// invitations are the moderator's.

let seq = 0

const commentAndExpert = () => Promise.all([freshComment('matrix-experts'), createExpert()])

async function pendingResponse(): Promise<string> {
  const [comment, expert] = await commentAndExpert()
  const invitation = await invite(comment.id, expert.id)
  await setModeration({ reviewExpertResponses: true })
  const res = await answer(tokenOf(invitation))
  await setModeration({ reviewExpertResponses: false })
  const body = (await res.json()) as { id: string }
  return body.id
}

async function responsePath(): Promise<string> {
  const [comment, expert] = await commentAndExpert()
  const response = await addResponse(comment.id, expert.id)
  return sitePath(ADMIN_ROUTES.expertResponse, { response: response.id })
}

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.experts, 'moderator', 200, () => ({
    path: sitePath(ADMIN_ROUTES.experts),
  })),
  adminCall('POST', ADMIN_ROUTES.experts, 'admin', 201, () => ({
    path: sitePath(ADMIN_ROUTES.experts),
    json: { name: `Matrix ${++seq}`, title: 'Coordinator', organisation: 'Test' },
  })),
  adminCall('PATCH', ADMIN_ROUTES.expert, 'admin', 200, async () => {
    const { id } = await createExpert()
    return {
      path: sitePath(ADMIN_ROUTES.expert, { expert: id }),
      json: { title: `Title ${++seq}` },
    }
  }),
  adminCall('DELETE', ADMIN_ROUTES.expert, 'admin', 200, async () => {
    const { id } = await createExpert()
    return { path: sitePath(ADMIN_ROUTES.expert, { expert: id }) }
  }),
  adminCall('POST', ADMIN_ROUTES.commentExpertResponses, 'moderator', 201, async () => {
    const [comment, expert] = await commentAndExpert()
    return {
      path: sitePath(ADMIN_ROUTES.commentExpertResponses, { comment: comment.id }),
      json: { expertId: expert.id, text: 'An answer.' },
    }
  }),
  adminCall('GET', ADMIN_ROUTES.expertResponses, 'moderator', 200, () => ({
    path: `${sitePath(ADMIN_ROUTES.expertResponses)}?status=pending`,
  })),
  adminCall('PATCH', ADMIN_ROUTES.expertResponse, 'moderator', 200, async () => ({
    path: await responsePath(),
    json: { text: `Edited ${++seq}` },
  })),
  adminCall('DELETE', ADMIN_ROUTES.expertResponse, 'moderator', 204, async () => ({
    path: await responsePath(),
  })),
  adminCall('POST', ADMIN_ROUTES.expertResponseApprove, 'moderator', 200, async () => ({
    path: sitePath(ADMIN_ROUTES.expertResponseApprove, { response: await pendingResponse() }),
  })),
  adminCall('POST', ADMIN_ROUTES.commentInvitations, 'moderator', 201, async () => {
    const [comment, expert] = await commentAndExpert()
    return {
      path: sitePath(ADMIN_ROUTES.commentInvitations, { comment: comment.id }),
      json: { expertId: expert.id, expiresInHours: 24 },
    }
  }),
  adminCall('GET', ADMIN_ROUTES.invitations, 'moderator', 200, () => ({
    path: `${sitePath(ADMIN_ROUTES.invitations)}?status=open`,
  })),
  adminCall('DELETE', ADMIN_ROUTES.invitation, 'moderator', 200, async () => {
    const [comment, expert] = await commentAndExpert()
    const invitation = await invite(comment.id, expert.id)
    return { path: sitePath(ADMIN_ROUTES.invitation, { invitation: invitation.id }) }
  }),
]
