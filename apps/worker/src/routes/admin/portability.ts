import { zValidator } from '@hono/zod-validator'
import { ADMIN_ROUTES, SiteExportSchema, SiteParamsSchema, type SiteExport } from '@parley/core'
import { Hono } from 'hono'
import { exportSite } from '../../db/export.ts'
import { importIssues, importStatements, SITE_HAS_DATA } from '../../db/import.ts'
import { prepare } from '../../db/sql.ts'
import { ApiError, validationHook } from '../../errors.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'
import { auditOf } from './audited.ts'

// A site's data out as one JSON document, and back into a site that has none
// (docs/export-format.md, docs/decisions/0020-faults-and-portability.md).

/** The largest document an import reads; bigger sites go through scripts/import.ts in parts. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024

const siteParams = zValidator('param', SiteParamsSchema, validationHook)

export const adminPortability = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .get(ADMIN_ROUTES.siteExport, requireRole('admin'), siteParams, async (c) => {
    const now = Date.now()
    const site = c.var.site.id
    const doc = await exportSite(c.env.DB, site, c.env.READER_TOKEN_SECRET, now)
    if (!doc) throw new ApiError('site_not_found', `There is no site "${site}"`)
    // Who took the site's data, and when: an export holds every comment of every reader.
    await auditOf(c, { action: 'site.export', targetType: 'site', targetId: site }, now).run()
    const day = new Date(now).toISOString().slice(0, 10)
    const disposition = `attachment; filename="parley-${site}-${day}.json"`
    return c.json(doc, 200, { 'Content-Disposition': disposition })
  })
  .post(
    ADMIN_ROUTES.siteImport,
    // The owner's: it replaces a site's settings and writes every reader's rows at once.
    requireRole('owner'),
    jsonBody({ maxBytes: IMPORT_MAX_BYTES }),
    siteParams,
    zValidator('json', SiteExportSchema, validationHook),
    async (c) => {
      const doc: SiteExport = c.req.valid('json')
      const site = c.var.site.id
      const issues = importIssues(doc)
      if (issues.length > 0) {
        const fields = [...new Set(issues.map((i) => i.path))].slice(0, 5).join(', ')
        throw new ApiError('invalid_input', `Inconsistent ${fields}`, { issues })
      }
      const db = c.env.DB
      const existing = await db.prepare(SITE_HAS_DATA).bind(site).first<{ has_data: number }>()
      if (existing?.has_data) {
        throw new ApiError(
          'conflict',
          `Site "${site}" already has threads, comments, polls or experts: import into an empty site`
        )
      }
      const { statements, result } = importStatements(site, doc)
      const audit = auditOf(c, {
        action: 'site.import',
        targetType: 'site',
        targetId: site,
        details: { ...result, from: doc.site.id, exportedAt: doc.exportedAt },
      })
      try {
        // One batch, one transaction: all of it or nothing.
        await db.batch([...statements.map((s) => prepare(db, s)), audit])
      } catch (error) {
        // Comment and expert ids are global: the same file imported twice into one database.
        if (/UNIQUE constraint failed/i.test(String(error))) {
          throw new ApiError('conflict', 'Some ids of this file already exist in this database', {
            cause: error,
          })
        }
        throw error
      }
      return c.json(result, 201)
    }
  )
