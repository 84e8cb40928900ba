import { zValidator } from '@hono/zod-validator'
import { ADMIN_ROUTES, AuditQuerySchema, SiteParamsSchema, type AuditPage } from '@parley/core'
import { Hono } from 'hono'
import { listAudit } from '../../db/audit.ts'
import { validationHook } from '../../errors.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'

// The audit log of a site: every admin action, newest first. Moderators may read it.

export const adminAudit = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .get(
    ADMIN_ROUTES.audit,
    requireRole('moderator'),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', AuditQuerySchema, validationHook),
    async (c) => {
      const { cursor, limit, ...filter } = c.req.valid('query')
      const page = await listAudit(c.env.DB, c.var.site.id, filter, {
        before: cursor === undefined ? null : Number(cursor),
        limit,
      })
      const body: AuditPage = {
        entries: page.entries,
        nextCursor: page.nextBefore === null ? null : String(page.nextBefore),
      }
      return c.json(body)
    }
  )
