import {
  ADMIN_ROUTES,
  CreatedApiKeySchema,
  type ApiKeyRole,
  type CreatedApiKey,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { api, expectBody, SITE } from './helpers.ts'

// The admin API in tests: its token, requests, route templates, API keys and the audit log.

export const ADMIN_TOKEN = env.ADMIN_TOKEN!

type Init = Parameters<typeof api>[1]

/** A request to the admin API with the admin token (pass `token` to override it). */
export const admin = (path: string, init: Init = {}) => api(path, { token: ADMIN_TOKEN, ...init })

/** Fills a route template: route('/v1/admin/sites/:site', { site: 'news' }). */
export const route = (template: string, values: Record<string, string>): string =>
  template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ''))

/** Fills a route template of one site (SITE unless `site` says otherwise). */
export const sitePath = (template: string, values: Record<string, string> = {}, site = SITE) =>
  route(template, { site, ...values })

export const keysPath = (site = SITE) => sitePath(ADMIN_ROUTES.keys, {}, site)
export const keyPath = (id: string, site = SITE) => sitePath(ADMIN_ROUTES.key, { key: id }, site)

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

/** The audit entries of one target, oldest first, with their details parsed. */
export async function auditOf(targetType: string, targetId: string) {
  const { results } = await env.DB.prepare(
    `SELECT actor, actor_role, action, reason, details FROM audit_log
     WHERE target_type = ?1 AND target_id = ?2 ORDER BY id`
  )
    .bind(targetType, targetId)
    .all<{
      actor: string
      actor_role: string
      action: string
      reason: string | null
      details: string
    }>()
  return results.map((row) => ({
    ...row,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }))
}
