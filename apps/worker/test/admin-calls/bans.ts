import { ADMIN_ROUTES } from '@parley/core'
import { sitePath } from '../admin-helpers.ts'
import { ban } from '../dsa-helpers.ts'
import { newReader } from '../helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.bans, 'moderator', 200, () => ({
    path: `${sitePath(ADMIN_ROUTES.bans)}?active=true`,
  })),
  adminCall('POST', ADMIN_ROUTES.bans, 'moderator', 201, async () => {
    const { readerId } = await newReader()
    return {
      path: sitePath(ADMIN_ROUTES.bans),
      json: { readerId, durationSeconds: 60, reason: 'Matrix' },
    }
  }),
  adminCall('DELETE', ADMIN_ROUTES.ban, 'moderator', 200, async () => {
    const { readerId } = await newReader()
    const [made] = await ban({ readerId })
    return { path: sitePath(ADMIN_ROUTES.ban, { ban: made!.id }) }
  }),
]
