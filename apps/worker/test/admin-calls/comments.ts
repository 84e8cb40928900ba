import { ADMIN_ROUTES } from '@parley/core'
import type { StoredStatus } from '../../src/db/moderation-writes.ts'
import { newReader, postComment, SITE } from '../helpers.ts'
import { transition } from '../moderation-helpers.ts'
import { route, type AdminCall } from './types.ts'

// The moderation queue and the moderator's actions on comments: all for moderators.

let seq = 0

/** A fresh comment in a fresh thread, moved to `status`. */
async function freshComment(status: StoredStatus = 'published'): Promise<string> {
  const { token } = await newReader()
  const { id } = await postComment(token, `matrix-moderation-${++seq}`, { text: `Matrix ${seq}` })
  if (status !== 'published') await transition(id, 'published', status)
  return id
}

const onComment = (template: string, comment: string) => route(template, { site: SITE, comment })

export const calls: AdminCall[] = [
  {
    name: `GET ${ADMIN_ROUTES.comments}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: `${route(ADMIN_ROUTES.comments, { site: SITE })}?view=recent&q=matrix`,
      init: {},
    }),
  },
  {
    name: `GET ${ADMIN_ROUTES.comment}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: onComment(ADMIN_ROUTES.comment, await freshComment()),
      init: {},
    }),
  },
  {
    name: `PATCH ${ADMIN_ROUTES.comment}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: onComment(ADMIN_ROUTES.comment, await freshComment()),
      init: { method: 'PATCH', json: { text: 'Edited by the matrix', reason: 'Matrix' } },
    }),
  },
  {
    name: `POST ${ADMIN_ROUTES.commentApprove}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: onComment(ADMIN_ROUTES.commentApprove, await freshComment('pending')),
      init: { method: 'POST', json: { reason: 'Matrix' } },
    }),
  },
  {
    name: `POST ${ADMIN_ROUTES.commentReject}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: onComment(ADMIN_ROUTES.commentReject, await freshComment()),
      init: { method: 'POST', json: { reason: 'other', statement: 'Matrix' } },
    }),
  },
  {
    name: `POST ${ADMIN_ROUTES.commentSpam}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: onComment(ADMIN_ROUTES.commentSpam, await freshComment()),
      init: { method: 'POST', json: {} },
    }),
  },
  {
    name: `POST ${ADMIN_ROUTES.commentRestore}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: onComment(ADMIN_ROUTES.commentRestore, await freshComment('removed')),
      init: { method: 'POST', json: {} },
    }),
  },
  {
    name: `PUT ${ADMIN_ROUTES.commentPin}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: onComment(ADMIN_ROUTES.commentPin, await freshComment()),
      init: { method: 'PUT', json: { pinned: true } },
    }),
  },
  {
    name: `PUT ${ADMIN_ROUTES.commentBadges}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({
      path: onComment(ADMIN_ROUTES.commentBadges, await freshComment()),
      init: { method: 'PUT', json: { author: true } },
    }),
  },
]
