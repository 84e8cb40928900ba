import { ADMIN_ROUTES } from '@parley/core'
import type { StoredStatus } from '../../src/db/moderation-writes.ts'
import { sitePath } from '../admin-helpers.ts'
import { byNewReader } from '../helpers.ts'
import { transition } from '../moderation-helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

// The moderation queue and the moderator's actions on comments: all for moderators.

let seq = 0

/** The path of `template` for a fresh comment in a fresh thread, moved to `status`. */
async function onFreshComment(template: string, status: StoredStatus = 'published') {
  const { comment } = await byNewReader(`matrix-moderation-${++seq}`, { text: `Matrix ${seq}` })
  if (status !== 'published') await transition(comment.id, 'published', status)
  return sitePath(template, { comment: comment.id })
}

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.comments, 'moderator', 200, () => ({
    path: `${sitePath(ADMIN_ROUTES.comments)}?view=recent&q=matrix`,
  })),
  adminCall('GET', ADMIN_ROUTES.comment, 'moderator', 200, async () => ({
    path: await onFreshComment(ADMIN_ROUTES.comment),
  })),
  adminCall('PATCH', ADMIN_ROUTES.comment, 'moderator', 200, async () => ({
    path: await onFreshComment(ADMIN_ROUTES.comment),
    json: { text: 'Edited by the matrix', reason: 'Matrix' },
  })),
  adminCall('POST', ADMIN_ROUTES.commentApprove, 'moderator', 200, async () => ({
    path: await onFreshComment(ADMIN_ROUTES.commentApprove, 'pending'),
    json: { reason: 'Matrix' },
  })),
  adminCall('POST', ADMIN_ROUTES.commentReject, 'moderator', 200, async () => ({
    path: await onFreshComment(ADMIN_ROUTES.commentReject),
    json: { reason: 'other', statement: 'Matrix' },
  })),
  adminCall('POST', ADMIN_ROUTES.commentSpam, 'moderator', 200, async () => ({
    path: await onFreshComment(ADMIN_ROUTES.commentSpam),
    json: {},
  })),
  adminCall('POST', ADMIN_ROUTES.commentRestore, 'moderator', 200, async () => ({
    path: await onFreshComment(ADMIN_ROUTES.commentRestore, 'removed'),
    json: {},
  })),
  adminCall('PUT', ADMIN_ROUTES.commentPin, 'moderator', 200, async () => ({
    path: await onFreshComment(ADMIN_ROUTES.commentPin),
    json: { pinned: true },
  })),
  adminCall('PUT', ADMIN_ROUTES.commentBadges, 'moderator', 200, async () => ({
    path: await onFreshComment(ADMIN_ROUTES.commentBadges),
    json: { author: true },
  })),
]
