import { ADMIN_ROUTES } from '@parley/core'
import { sitePath } from '../admin-helpers.ts'
import { SSO_SECRET } from '../sso-helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.ssoSecret, 'admin', 200, () => ({
    path: sitePath(ADMIN_ROUTES.ssoSecret),
  })),
  adminCall('PUT', ADMIN_ROUTES.ssoSecret, 'admin', 200, () => ({
    path: sitePath(ADMIN_ROUTES.ssoSecret),
    json: { secret: SSO_SECRET },
  })),
  adminCall('DELETE', ADMIN_ROUTES.ssoSecret, 'admin', 200, () => ({
    path: sitePath(ADMIN_ROUTES.ssoSecret),
  })),
]
