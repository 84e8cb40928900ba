import { ADMIN_ROUTES } from '@parley/core'
import { sitePath } from '../admin-helpers.ts'
import { noticeOn } from '../dsa-helpers.ts'
import { byNewReader } from '../helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

let seq = 0

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.notices, 'moderator', 200, () => ({
    path: `${sitePath(ADMIN_ROUTES.notices)}?status=open`,
  })),
  adminCall('POST', ADMIN_ROUTES.noticeDecision, 'moderator', 200, async () => {
    const { comment } = await byNewReader(`matrix-notice-${++seq}`)
    const { id } = await noticeOn(comment.id)
    return {
      path: sitePath(ADMIN_ROUTES.noticeDecision, { notice: id }),
      json: { action: 'dismiss', statement: 'Lawful.' },
    }
  }),
]
