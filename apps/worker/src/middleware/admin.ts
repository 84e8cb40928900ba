import { SiteIdSchema } from '@parley/core'
import { createMiddleware } from 'hono/factory'
import { getSite } from '../db/sites.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, issuesOf } from '../errors.ts'
import {
  bearerOf,
  canAdminister,
  hasRole,
  resolveAdminCredential,
  type AdminRole,
  type AdminPrincipal,
} from '../lib/admin-credentials.ts'

export type AdminEnv = AppEnv & { Variables: { admin: AdminPrincipal } }

const MESSAGES = {
  not_configured:
    'The admin API is not configured: set the ADMIN_TOKEN secret, or send an API key (pk_…)',
  missing: 'Send "Authorization: Bearer <API key or admin token>"',
  invalid: 'The API key or admin token is not valid (or the key was revoked)',
} as const

/**
 * For /v1/admin/*. Browsers on other origins get 403 and no CORS headers, so no web page can
 * drive the admin API with a token it got hold of, nor read its answers. Then the bearer token
 * must resolve to a principal (401 otherwise). Nothing here is cacheable.
 *
 * Every admin sub-app registers it for /v1/admin/*, so a request meets it once per sub-app: only
 * the first resolves the credential.
 */
export const adminGuard = createMiddleware<AdminEnv>(async (c, next) => {
  if (c.get('admin') !== undefined) return next()
  c.header('Cache-Control', 'no-store')
  const origin = c.req.header('origin')
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    throw new ApiError(
      'forbidden_origin',
      'The admin API does not answer browsers on other origins'
    )
  }
  const check = await resolveAdminCredential(c.env, bearerOf(c.req.header('authorization')))
  if (!check.ok) {
    throw new ApiError('unauthorized', MESSAGES[check.reason], {
      headers: { 'WWW-Authenticate': 'Bearer realm="parley-admin"' },
    })
  }
  c.set('admin', check.principal)
  await next()
  c.header('Cache-Control', 'no-store')
})

/**
 * For /v1/admin/sites/:site/*: validates the site id (400 naming params.site), checks that the
 * principal may act on it (403 forbidden) and loads it (404 site_not_found).
 */
export const adminSite = createMiddleware<AdminEnv, '/v1/admin/sites/:site/*'>(async (c, next) => {
  // Registered by every admin sub-app: the first one checked and loaded the site.
  if (c.get('site')?.id === c.req.param('site')) return next()
  const parsed = SiteIdSchema.safeParse(c.req.param('site'))
  if (!parsed.success) {
    const issues = issuesOf({ success: false, error: parsed.error, target: 'param' }).map(
      (issue) => ({ ...issue, path: 'params.site' })
    )
    throw new ApiError('invalid_input', 'Invalid params.site', { issues })
  }
  if (!canAdminister(c.var.admin, parsed.data)) {
    throw new ApiError('forbidden', `This credential may not administer site "${parsed.data}"`)
  }
  const site = await getSite(c.env.DB, parsed.data)
  if (!site) throw new ApiError('site_not_found', `There is no site "${parsed.data}"`)
  c.set('site', site)
  await next()
})

/**
 * 403 forbidden unless the principal's role includes `role`. Use after adminGuard (and adminSite
 * for per-site routes): moderation routes need 'moderator', site settings and keys need 'admin'.
 */
export const requireRole = (role: AdminRole) =>
  createMiddleware<AdminEnv>(async (c, next) => {
    if (!hasRole(c.var.admin, role)) {
      throw new ApiError(
        'forbidden',
        `This needs the ${role} role; the credential has ${c.var.admin.role}`
      )
    }
    await next()
  })
