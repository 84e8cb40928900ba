import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  AppealDecisionSchema,
  AppealListQuerySchema,
  CommentParamsSchema,
  NoticeDecisionSchema,
  NoticeListQuerySchema,
  NoticeParamsSchema,
  SiteParamsSchema,
  type AdminAppealPage,
  type AdminNoticePage,
} from '@parley/core'
import { Hono } from 'hono'
import {
  decideAppealStatement,
  decideNoticeStatement,
  getAppeal,
  getNotice,
  listAppeals,
  listNotices,
  rowToAppeal,
  rowToNotice,
} from '../../db/dsa.ts'
import { auditedChange, auditedTransition } from '../../db/moderation-writes.ts'
import { ApiError, validationHook } from '../../errors.ts'
import { decodeAdminCursor, nextAdminCursor } from '../../lib/admin-cursor.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'
import { auditOf } from './audited.ts'

// EU Digital Services Act notice and action (moderator role): the notices readers file
// (art. 16) and the decisions on them, and authors' appeals against removals (art. 20). Each
// decision is one batch: the comment's status transition, the notice or appeal, the audit entries.

const alreadyDecided = (what: string) =>
  new ApiError('conflict', `This ${what} has already been decided`)

/** A transition guard: the notice or appeal was decided so by this request (in the same batch). */
const decidedBy = (
  table: 'notices' | 'appeals',
  key: 'id' | 'comment_id',
  id: string,
  status: string,
  now: number
) => ({
  sql: `EXISTS (SELECT 1 FROM ${table} WHERE ${key} = ?1 AND status = ?2 AND decided_at = ?3)`,
  params: [id, status, now],
})

export const adminDsa = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .get(
    ADMIN_ROUTES.notices,
    requireRole('moderator'),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', NoticeListQuerySchema, validationHook),
    async (c) => {
      const { status, limit, cursor } = c.req.valid('query')
      const page = await listNotices(c.env.DB, c.var.site.id, {
        status,
        limit,
        after: decodeAdminCursor(cursor),
      })
      const last = page.rows.at(-1)
      const body: AdminNoticePage = {
        notices: page.rows.map(rowToNotice),
        nextCursor: nextAdminCursor(last && { createdAt: last.created_at, id: last.id }, page.more),
      }
      return c.json(body)
    }
  )
  .post(
    ADMIN_ROUTES.noticeDecision,
    requireRole('moderator'),
    jsonBody(),
    zValidator('param', NoticeParamsSchema, validationHook),
    zValidator('json', NoticeDecisionSchema, validationHook),
    async (c) => {
      const { notice: id } = c.req.valid('param')
      const { action, reason, statement } = c.req.valid('json')
      const db = c.env.DB
      const siteId = c.var.site.id
      const notice = await getNotice(db, siteId, id)
      if (!notice) throw new ApiError('not_found', `There is no notice ${id} on this site`)
      if (notice.status !== 'open') throw alreadyDecided('notice')
      const now = Date.now()
      const commentId = notice.comment_id
      const status = action === 'remove' ? 'actioned' : 'dismissed'
      const decided = auditedChange(
        db,
        decideNoticeStatement(db, siteId, id, { status, statement }, now),
        auditOf(
          c,
          {
            action: action === 'remove' ? 'notice.action' : 'notice.dismiss',
            targetType: 'notice',
            targetId: id,
            reason: statement,
            details: { commentId, law: notice.law, ...(reason && { removalReason: reason }) },
          },
          now
        )
      )
      const statements = [...decided.statements]
      // A comment already removed, or deleted by its author, has nothing left to remove. The
      // removal is guarded on this very decision, so a concurrent one cannot add a second.
      if (action === 'remove' && notice.c_status !== 'removed' && notice.c_deleted_at === null) {
        const removal = auditedTransition(
          db,
          {
            siteId,
            commentId,
            from: notice.c_status,
            to: 'removed',
            removal: { reason: reason!, statement },
            now,
          },
          auditOf(
            c,
            {
              action: 'comment.remove',
              targetType: 'comment',
              targetId: commentId,
              reason: statement,
              details: { from: notice.c_status, removalReason: reason, notice: id },
            },
            now
          ),
          { guard: decidedBy('notices', 'id', id, status, now) }
        )
        statements.push(...removal.statements)
      }
      const results = await db.batch(statements)
      if (!decided.changed(results.slice(0, decided.statements.length))) {
        throw alreadyDecided('notice')
      }
      const after = await getNotice(db, siteId, id)
      return c.json(rowToNotice(after!))
    }
  )
  .get(
    ADMIN_ROUTES.appeals,
    requireRole('moderator'),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', AppealListQuerySchema, validationHook),
    async (c) => {
      const { status, limit, cursor } = c.req.valid('query')
      const page = await listAppeals(c.env.DB, c.var.site.id, {
        status,
        limit,
        after: decodeAdminCursor(cursor),
      })
      const last = page.rows.at(-1)
      const body: AdminAppealPage = {
        appeals: page.rows.map(rowToAppeal),
        nextCursor: nextAdminCursor(
          last && { createdAt: last.created_at, id: last.comment_id },
          page.more
        ),
      }
      return c.json(body)
    }
  )
  .post(
    ADMIN_ROUTES.appealDecision,
    requireRole('moderator'),
    jsonBody(),
    zValidator('param', CommentParamsSchema, validationHook),
    zValidator('json', AppealDecisionSchema, validationHook),
    async (c) => {
      const { comment: commentId } = c.req.valid('param')
      const { outcome, decision } = c.req.valid('json')
      const db = c.env.DB
      const siteId = c.var.site.id
      const appeal = await getAppeal(db, siteId, commentId)
      if (!appeal) throw new ApiError('not_found', `There is no appeal on comment ${commentId}`)
      if (appeal.status !== 'open') throw alreadyDecided('appeal')
      const now = Date.now()
      const from = appeal.c_status
      const decided = auditedChange(
        db,
        decideAppealStatement(db, siteId, commentId, { status: outcome, text: decision }, now),
        auditOf(
          c,
          {
            action: outcome === 'reversed' ? 'appeal.reverse' : 'appeal.uphold',
            targetType: 'appeal',
            targetId: commentId,
            reason: decision,
            details: { commentStatus: from },
          },
          now
        )
      )
      const statements = [...decided.statements]
      // Reversed: published again (unless a moderator restored it meanwhile), guarded on this
      // very decision like a notice's removal.
      if (outcome === 'reversed' && (from === 'removed' || from === 'spam')) {
        const restore = auditedTransition(
          db,
          { siteId, commentId, from, to: 'published', removal: null, now },
          auditOf(
            c,
            {
              action: 'comment.restore',
              targetType: 'comment',
              targetId: commentId,
              reason: decision,
              details: { from, appeal: commentId },
            },
            now
          ),
          { guard: decidedBy('appeals', 'comment_id', commentId, outcome, now) }
        )
        statements.push(...restore.statements)
      }
      const results = await db.batch(statements)
      if (!decided.changed(results.slice(0, decided.statements.length))) {
        throw alreadyDecided('appeal')
      }
      const after = await getAppeal(db, siteId, commentId)
      return c.json(rowToAppeal(after!))
    }
  )
