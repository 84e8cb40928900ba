import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  PutTurnstileSecretSchema,
  SiteParamsSchema,
  type TurnstileSecretStatus,
} from '@parley/core'
import { Hono } from 'hono'
import {
  deleteTurnstileSecret,
  getTurnstileSecretStatus,
  putTurnstileSecret,
} from '../../db/turnstile-secrets.ts'
import { ApiError, validationHook } from '../../errors.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'
import { auditedBatch } from './audited.ts'

// The site's Cloudflare Turnstile secret key (admin role). Write-only: no answer carries it, and
// the audit log records that it changed, never its value.

const siteParams = zValidator('param', SiteParamsSchema, validationHook)

const status = (updatedAt: number | null): TurnstileSecretStatus => ({
  configured: updatedAt !== null,
  updatedAt: updatedAt === null ? null : new Date(updatedAt).toISOString(),
})

export const adminTurnstile = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .get(ADMIN_ROUTES.turnstileSecret, requireRole('admin'), siteParams, async (c) =>
    c.json(status(await getTurnstileSecretStatus(c.env.DB, c.var.site.id)))
  )
  .put(
    ADMIN_ROUTES.turnstileSecret,
    requireRole('admin'),
    jsonBody(),
    siteParams,
    zValidator('json', PutTurnstileSecretSchema, validationHook),
    async (c) => {
      const before = await getTurnstileSecretStatus(c.env.DB, c.var.site.id)
      const now = Date.now()
      await auditedBatch(
        c,
        [putTurnstileSecret(c.env.DB, c.var.site.id, c.req.valid('json').secret, now)],
        {
          action: before === null ? 'site.turnstile_secret.set' : 'site.turnstile_secret.rotate',
          targetType: 'site',
          targetId: c.var.site.id,
        },
        now
      )
      return c.json(status(now))
    }
  )
  .delete(ADMIN_ROUTES.turnstileSecret, requireRole('admin'), siteParams, async (c) => {
    if (c.var.site.settings.turnstile.enabled) {
      throw new ApiError('conflict', 'Turn Turnstile off (settings.turnstile.enabled) first')
    }
    if ((await getTurnstileSecretStatus(c.env.DB, c.var.site.id)) !== null) {
      await auditedBatch(c, [deleteTurnstileSecret(c.env.DB, c.var.site.id)], {
        action: 'site.turnstile_secret.delete',
        targetType: 'site',
        targetId: c.var.site.id,
      })
    }
    return c.json(status(null))
  })
