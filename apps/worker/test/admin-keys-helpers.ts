import {
  ADMIN_ROUTES,
  CreatedApiKeySchema,
  type ApiKeyRole,
  type CreatedApiKey,
} from '@parley/core'
import { expectBody, SITE } from './helpers.ts'
import { ADMIN_TOKEN, admin } from './polls-helpers.ts'

export const keysPath = (site = SITE) => ADMIN_ROUTES.keys.replace(':site', site)
export const keyPath = (id: string, site = SITE) =>
  ADMIN_ROUTES.key.replace(':site', site).replace(':key', id)

let seq = 0

/** Creates an API key through the admin API (as the owner unless `token` says otherwise). */
export async function createKey(
  role: ApiKeyRole,
  site = SITE,
  token = ADMIN_TOKEN,
  name = `${role} ${++seq}`
): Promise<CreatedApiKey> {
  const res = await admin(keysPath(site), { method: 'POST', token, json: { name, role } })
  return expectBody(res, 201, CreatedApiKeySchema)
}

export async function revokeKey(id: string, site = SITE): Promise<void> {
  const res = await admin(keyPath(id, site), { method: 'DELETE' })
  if (res.status !== 200) throw new Error(`revoke ${id}: ${res.status} ${await res.text()}`)
}
