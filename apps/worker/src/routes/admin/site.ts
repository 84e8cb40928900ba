import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  AdminThreadListQuerySchema,
  EditSiteSchema,
  mergeSiteSettings,
  PutThreadSchema,
  SiteParamsSchema,
  ThreadParamsSchema,
  type AdminSite,
  type AdminThreadPage,
} from '@parley/core'
import { Hono } from 'hono'
import { listAdminThreads, putThreadStatements, readAdminThread } from '../../db/admin-threads.ts'
import { auditStatement } from '../../db/audit.ts'
import { siteSettingsWrites } from '../../db/settings.ts'
import { getSite, updateSite, type Site } from '../../db/sites.ts'
import { getTurnstileSecretStatus } from '../../db/turnstile-secrets.ts'
import { prepare } from '../../db/sql.ts'
import { ApiError, validationHook } from '../../errors.ts'
import { changesBetween } from '../../lib/changes.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'
import { auditOf } from './audited.ts'

// Site administration (name, allowed origins, settings) and the console's threads.

const toAdminSite = (site: Site): AdminSite => ({
  id: site.id,
  name: site.name,
  allowedOrigins: site.allowedOrigins,
  settings: site.settings,
})

const threadParams = zValidator('param', ThreadParamsSchema, validationHook)

export const adminSiteRoutes = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .get(
    ADMIN_ROUTES.site,
    requireRole('admin'),
    zValidator('param', SiteParamsSchema, validationHook),
    (c) => c.json(toAdminSite(c.var.site))
  )
  .patch(
    ADMIN_ROUTES.site,
    requireRole('admin'),
    jsonBody(),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('json', EditSiteSchema, validationHook),
    async (c) => {
      const edit = c.req.valid('json')
      const before = c.var.site
      let settings = before.settings
      if (edit.settings !== undefined) {
        // Each field was valid on its own; the result must be valid as a whole too.
        const merged = mergeSiteSettings(before.settings, edit.settings)
        if (!merged.success) {
          const issues = merged.error.issues.map((issue) => ({
            path: ['body', 'settings', ...issue.path.map(String)].join('.'),
            message: issue.message,
          }))
          const fields = [...new Set(issues.map((i) => i.path))].join(', ')
          throw new ApiError('invalid_input', `Invalid ${fields}`, { issues })
        }
        settings = merged.data
        // Turnstile without its secret would refuse every comment: set the secret first.
        if (
          settings.turnstile.enabled &&
          (await getTurnstileSecretStatus(c.env.DB, before.id)) === null
        ) {
          throw new ApiError(
            'conflict',
            `Set the Turnstile secret first (PUT ${ADMIN_ROUTES.turnstileSecret})`,
            { issues: [{ path: 'body.settings.turnstile.enabled', message: 'needs the secret' }] }
          )
        }
      }
      const after = {
        name: edit.name ?? before.name,
        allowedOrigins: edit.allowedOrigins ?? before.allowedOrigins,
        settings,
      }
      const changes = changesBetween(toAdminSite(before), { id: before.id, ...after })
      if (changes.length === 0) return c.json(toAdminSite(before))

      const db = c.env.DB
      const statements: D1PreparedStatement[] = []
      if (changes.some((ch) => ch.field === 'name' || ch.field === 'allowedOrigins')) {
        statements.push(updateSite(db, { id: before.id, ...after }))
      }
      if (edit.settings !== undefined && changes.some((ch) => ch.field.startsWith('settings.'))) {
        statements.push(
          ...siteSettingsWrites(before.id, edit.settings, before.settings).map((s) =>
            prepare(db, s)
          )
        )
      }
      statements.push(
        auditStatement(db, c.var.admin, {
          siteId: before.id,
          action: 'site.update',
          targetType: 'site',
          targetId: before.id,
          details: { changes },
        })
      )
      await db.batch(statements)
      const site = await getSite(db, before.id)
      return c.json(toAdminSite(site!))
    }
  )
  // Moderators may list threads (to filter their queue by one); creating and editing is admin.
  .get(
    ADMIN_ROUTES.threads,
    requireRole('moderator'),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', AdminThreadListQuerySchema, validationHook),
    async (c) => {
      const { q, cursor, limit } = c.req.valid('query')
      const page = await listAdminThreads(c.env.DB, c.var.site.id, {
        q: q || null,
        before: cursor === undefined ? null : Number(cursor),
        limit,
      })
      const body: AdminThreadPage = {
        threads: page.threads,
        nextCursor: page.nextBefore === null ? null : String(page.nextBefore),
      }
      return c.json(body)
    }
  )
  .put(
    ADMIN_ROUTES.thread,
    requireRole('admin'),
    jsonBody(),
    threadParams,
    zValidator('json', PutThreadSchema, validationHook),
    async (c) => {
      const { thread: key } = c.req.valid('param')
      const { title, settings } = c.req.valid('json')
      const site = c.var.site.id
      const db = c.env.DB
      const before = await readAdminThread(db, site, key)
      const changes = before
        ? changesBetween(
            { title: before.title, settings: before.settings },
            { title, settings: settings ?? before.settings }
          )
        : []
      if (before && changes.length === 0) return c.json(before)
      const now = Date.now()
      await db.batch([
        ...putThreadStatements(db, site, key, { title, settings }, now),
        auditOf(
          c,
          {
            action: before ? 'thread.update' : 'thread.create',
            targetType: 'thread',
            targetId: key,
            details: before ? { changes } : { title, ...(settings && { settings }) },
          },
          now
        ),
      ])
      const thread = await readAdminThread(db, site, key)
      if (before) return c.json(thread!)
      const location = ADMIN_ROUTES.thread
        .replace(':site', site)
        .replace(':thread', encodeURIComponent(key))
      return c.json(thread!, 201, { Location: location })
    }
  )
