import { ADMIN_ROUTES } from '@parley/core'
import { createKey, sitePath } from '../admin-helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

let seq = 0

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.me, 'moderator', 200, () => ({ path: ADMIN_ROUTES.me })),
  adminCall('GET', ADMIN_ROUTES.sites, 'moderator', 200, () => ({ path: ADMIN_ROUTES.sites })),
  adminCall('GET', ADMIN_ROUTES.site, 'admin', 200, () => ({ path: sitePath(ADMIN_ROUTES.site) })),
  adminCall('PATCH', ADMIN_ROUTES.site, 'admin', 200, () => ({
    path: sitePath(ADMIN_ROUTES.site),
    json: { settings: { moderation: { holdRules: { maxLinks: ++seq % 5 } } } },
  })),
  adminCall('GET', ADMIN_ROUTES.keys, 'admin', 200, () => ({ path: sitePath(ADMIN_ROUTES.keys) })),
  adminCall('POST', ADMIN_ROUTES.keys, 'admin', 201, () => ({
    path: sitePath(ADMIN_ROUTES.keys),
    json: { name: `Matrix ${++seq}`, role: 'moderator' },
  })),
  adminCall('DELETE', ADMIN_ROUTES.key, 'admin', 200, async () => {
    const { id } = await createKey('moderator')
    return { path: sitePath(ADMIN_ROUTES.key, { key: id }) }
  }),
  adminCall('GET', ADMIN_ROUTES.threads, 'moderator', 200, () => ({
    path: `${sitePath(ADMIN_ROUTES.threads)}?q=matrix`,
  })),
  adminCall('PUT', ADMIN_ROUTES.thread, 'admin', 201, () => ({
    // A key with a slash, percent-encoded as in ROUTES.thread.
    path: sitePath(ADMIN_ROUTES.thread, { thread: `2026/matrix-${++seq}` }),
    json: { title: 'Matrix thread' },
  })),
  adminCall('GET', ADMIN_ROUTES.audit, 'moderator', 200, () => ({
    path: `${sitePath(ADMIN_ROUTES.audit)}?action=key.create`,
  })),
]
