import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  BanListQuerySchema,
  BanParamsSchema,
  NewBanSchema,
  SiteParamsSchema,
  type BanPage,
  type BansCreated,
} from '@parley/core'
import { Hono } from 'hono'
import {
  banSubjectOf,
  createBans,
  listBans,
  liftBan,
  rowToBan,
  type NewBanRow,
} from '../../db/bans.ts'
import { ApiError, validationHook } from '../../errors.ts'
import { decodeAdminCursor, nextAdminCursor } from '../../lib/admin-cursor.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'

// Bans by reader token and by hashed network (moderator role). A ban stops new comments,
// reactions, reports and votes (src/middleware/ban.ts; POST comments checks it itself); a shadow
// ban lets the reader post, but nobody else sees what they post from then on.

/** Who a ban made from a comment or a reader id is about. */
interface BanSubject {
  readerId: string
  networkHash: string | null
  commentId: string | null
}

async function subjectOf(
  db: D1Database,
  siteId: string,
  body: { commentId?: string | undefined; readerId?: string | undefined }
): Promise<BanSubject> {
  if (body.commentId === undefined) {
    return { readerId: body.readerId!, networkHash: null, commentId: null }
  }
  const row = await banSubjectOf(db, siteId, body.commentId)
  if (!row) {
    throw new ApiError('comment_not_found', `There is no comment ${body.commentId} on this site`, {
      issues: [{ path: 'body.commentId', message: 'is not a comment of this site' }],
    })
  }
  return { ...row, commentId: body.commentId }
}

export const adminBans = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .get(
    ADMIN_ROUTES.bans,
    requireRole('moderator'),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', BanListQuerySchema, validationHook),
    async (c) => {
      const { active, limit, cursor } = c.req.valid('query')
      const now = Date.now()
      const page = await listBans(
        c.env.DB,
        c.var.site.id,
        { active, limit, after: decodeAdminCursor(cursor) },
        now
      )
      const last = page.rows.at(-1)
      const body: BanPage = {
        bans: page.rows.map((row) => rowToBan(row, now)),
        nextCursor: nextAdminCursor(last && { createdAt: last.created_at, id: last.id }, page.more),
      }
      return c.json(body)
    }
  )
  .post(
    ADMIN_ROUTES.bans,
    requireRole('moderator'),
    jsonBody(),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('json', NewBanSchema, validationHook),
    async (c) => {
      const body = c.req.valid('json')
      const siteId = c.var.site.id
      const subject = await subjectOf(c.env.DB, siteId, body)
      if (body.scope !== 'reader' && subject.networkHash === null) {
        const message =
          body.commentId === undefined
            ? 'a network ban needs commentId: networks are known only from the comments posted from them'
            : 'the network of this comment is not known (posted without a network address, or before network bans): ban the reader instead'
        throw new ApiError('network_unknown', `Cannot ban by network: ${message}`, {
          issues: [{ path: 'body.scope', message }],
        })
      }
      const now = Date.now()
      const common = {
        siteId,
        shadow: body.shadow,
        reason: body.reason,
        commentId: subject.commentId,
        expiresAt: body.durationSeconds === null ? null : now + body.durationSeconds * 1000,
      }
      const bans: NewBanRow[] = []
      if (body.scope !== 'network') {
        bans.push({ ...common, kind: 'reader', subject: subject.readerId })
      }
      if (body.scope !== 'reader') {
        bans.push({ ...common, kind: 'network', subject: subject.networkHash! })
      }
      const rows = await createBans(c.env.DB, c.var.admin, bans, now)
      const created: BansCreated = { bans: rows.map((row) => rowToBan(row, now)) }
      return c.json(created, 201)
    }
  )
  .delete(
    ADMIN_ROUTES.ban,
    requireRole('moderator'),
    zValidator('param', BanParamsSchema, validationHook),
    async (c) => {
      const { ban: id } = c.req.valid('param')
      const now = Date.now()
      const row = await liftBan(c.env.DB, c.var.admin, c.var.site.id, id, now)
      if (!row) throw new ApiError('not_found', `There is no ban ${id} on this site`)
      return c.json(rowToBan(row, now))
    }
  )
