import { ADMIN_ROUTES, EXPORT_FORMAT, EXPORT_VERSION, SiteSettingsSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { putSite } from '../../src/db/sites.ts'
import { sitePath } from '../admin-helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

// Export is the admin's; import, the owner's, into an empty site: each call makes a fresh one.

let seq = 0

async function emptySite(): Promise<string> {
  const id = `import-${++seq}`
  await putSite(env.DB, { id, name: 'Empty', allowedOrigins: [] })
  return id
}

const at = new Date(0).toISOString()
const document = (site: string) => ({
  format: EXPORT_FORMAT,
  version: EXPORT_VERSION,
  exportedAt: at,
  site: {
    id: site,
    name: 'Imported',
    allowedOrigins: [],
    settings: SiteSettingsSchema.parse({}),
    createdAt: at,
  },
  threads: [
    { key: 'imported', title: null, settings: { reactions: null }, createdAt: at, commentCount: 0 },
  ],
  comments: [],
  polls: [],
  experts: [],
  expertResponses: [],
})

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.siteExport, 'admin', 200, () => ({
    path: sitePath(ADMIN_ROUTES.siteExport),
  })),
  adminCall('POST', ADMIN_ROUTES.siteImport, 'owner', 201, async () => {
    const site = await emptySite()
    return { path: sitePath(ADMIN_ROUTES.siteImport, {}, site), json: document(site) }
  }),
]
