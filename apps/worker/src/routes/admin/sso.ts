import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  PutSsoSecretSchema,
  SiteParamsSchema,
  type SsoSecretStatus,
} from '@parley/core'
import { Hono } from 'hono'
import { deleteSsoSecretStatement, getSsoSecret, putSsoSecretStatement } from '../../db/sso.ts'
import { validationHook } from '../../errors.ts'
import { encodeBase64Url } from '../../lib/base64url.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'
import { auditedBatch } from './audited.ts'

// The site's publisher sign-in secret (admin role). Write-only: no answer ever carries it, except
// the one to the PUT that generated it, and the audit log records that it changed, never its value.

const siteParams = zValidator('param', SiteParamsSchema, validationHook)

const status = (updatedAt: number | null): SsoSecretStatus => ({
  configured: updatedAt !== null,
  updatedAt: updatedAt === null ? null : new Date(updatedAt).toISOString(),
})

export const adminSso = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .get(ADMIN_ROUTES.ssoSecret, requireRole('admin'), siteParams, async (c) => {
    const current = await getSsoSecret(c.env.DB, c.var.site.id)
    return c.json(status(current?.updatedAt ?? null))
  })
  .put(
    ADMIN_ROUTES.ssoSecret,
    requireRole('admin'),
    jsonBody({ optional: true }),
    siteParams,
    zValidator('json', PutSsoSecretSchema, validationHook),
    async (c) => {
      const given = c.req.valid('json').secret
      // 256 random bits, as HS256 wants.
      const secret = given ?? encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)))
      const before = await getSsoSecret(c.env.DB, c.var.site.id)
      const now = Date.now()
      await auditedBatch(
        c,
        [putSsoSecretStatement(c.env.DB, c.var.site.id, secret, now)],
        {
          action: before ? 'site.sso_secret.rotate' : 'site.sso_secret.set',
          targetType: 'site',
          targetId: c.var.site.id,
          details: { generated: given === undefined },
        },
        now
      )
      return c.json({ ...status(now), ...(given === undefined && { secret }) })
    }
  )
  .delete(ADMIN_ROUTES.ssoSecret, requireRole('admin'), siteParams, async (c) => {
    const before = await getSsoSecret(c.env.DB, c.var.site.id)
    if (before) {
      await auditedBatch(c, [deleteSsoSecretStatement(c.env.DB, c.var.site.id)], {
        action: 'site.sso_secret.delete',
        targetType: 'site',
        targetId: c.var.site.id,
      })
    }
    return c.json(status(null))
  })
