import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  AdminReaderQuerySchema,
  EraseReaderQuerySchema,
  ReaderParamsSchema,
  SiteParamsSchema,
  type AdminReaderData,
  type ErasureResult,
  type ReaderSearch,
} from '@parley/core'
import { Hono } from 'hono'
import { eraseReader } from '../../db/erasure.ts'
import { readReaderData } from '../../db/privacy-export.ts'
import { readerOfComment, readersOfUser, summariseReaders } from '../../db/privacy-find.ts'
import { reactionWeight } from '../../db/rank.ts'
import { validationHook } from '../../errors.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { auditOf } from './audited.ts'

// Data-subject requests that reach the publisher (admin role): find the reader, by reader id, by
// one of their comments or by the site's user id; export what is stored about them, the
// publisher's own records included (bans, moderation verdicts); erase it. Exports and erasures
// are audited: who asked for whose data, and when.

const paths = [ADMIN_ROUTES.readers, `${ADMIN_ROUTES.readers}/*`]

export const adminPrivacy = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .use(paths[0]!, requireRole('admin'))
  .use(paths[1]!, requireRole('admin'))
  .get(
    ADMIN_ROUTES.readers,
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', AdminReaderQuerySchema, validationHook),
    async (c) => {
      const { reader, comment, user } = c.req.valid('query')
      const site = c.var.site.id
      const ids =
        reader !== undefined
          ? [reader]
          : comment !== undefined
            ? await readerOfComment(c.env.DB, site, comment)
            : await readersOfUser(c.env.DB, site, user!)
      const body: ReaderSearch = { readers: await summariseReaders(c.env.DB, site, ids) }
      return c.json(body)
    }
  )
  .get(
    ADMIN_ROUTES.readerData,
    zValidator('param', ReaderParamsSchema, validationHook),
    async (c) => {
      const { reader } = c.req.valid('param')
      const now = Date.now()
      const read = await readReaderData(c.env.DB, c.var.site.id, reader, now)
      await auditOf(
        c,
        { action: 'reader.export', targetType: 'reader', targetId: reader },
        now
      ).run()
      const body: AdminReaderData = { ...read.data, bans: read.bans, moderation: read.moderation }
      return c.json(body)
    }
  )
  .delete(
    ADMIN_ROUTES.reader,
    zValidator('param', ReaderParamsSchema, validationHook),
    zValidator('query', EraseReaderQuerySchema, validationHook),
    async (c) => {
      const { reader } = c.req.valid('param')
      const { settings } = c.var.site
      const now = Date.now()
      const mode = c.req.valid('query').mode ?? settings.privacy.erasure
      const audit = auditOf(
        c,
        { action: 'reader.erase', targetType: 'reader', targetId: reader, details: { mode } },
        now
      )
      const result: ErasureResult = await eraseReader(
        c.env.DB,
        {
          siteId: c.var.site.id,
          readerId: reader,
          mode,
          reactionWeight: reactionWeight(settings),
          anonymousName: settings.privacy.anonymousName,
          now,
        },
        [audit]
      )
      return c.json(result)
    }
  )
