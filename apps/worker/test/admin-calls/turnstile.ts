import { ADMIN_ROUTES } from '@parley/core'
import { sitePath } from '../admin-helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

// The Turnstile secret (src/routes/admin/turnstile.ts): admin role.
export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.turnstileSecret, 'admin', 200, () => ({
    path: sitePath(ADMIN_ROUTES.turnstileSecret),
  })),
  adminCall('PUT', ADMIN_ROUTES.turnstileSecret, 'admin', 200, () => ({
    path: sitePath(ADMIN_ROUTES.turnstileSecret),
    json: { secret: 'matrix-secret' },
  })),
  adminCall('DELETE', ADMIN_ROUTES.turnstileSecret, 'admin', 200, () => ({
    path: sitePath(ADMIN_ROUTES.turnstileSecret),
  })),
]
