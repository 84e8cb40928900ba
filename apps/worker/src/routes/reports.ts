import { zValidator } from '@hono/zod-validator'
import { CommentParamsSchema, NewReportSchema, type Report } from '@parley/core'
import { Hono } from 'hono'
import { fileReport } from '../db/reports.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { refuseBanned } from '../middleware/ban.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'
import { requireReader } from '../middleware/reader.ts'
import { requireComment, requireNotDeleted, requireVisible } from './comment-access.ts'

/**
 * A reader reports a comment to the site's moderators, once. A shadow-banned reader's report is
 * answered as filed but not stored, so it can neither reach moderators nor hide a comment.
 */
export const reports = new Hono<AppEnv>().post(
  '/',
  jsonBody(),
  requireReader,
  refuseBanned,
  zValidator('param', CommentParamsSchema, validationHook),
  zValidator('json', NewReportSchema, validationHook),
  rateLimit('reports'),
  async (c) => {
    const { comment: commentId } = c.req.valid('param')
    const { reason, note } = c.req.valid('json')
    const target = await requireComment(c.env.DB, c.var.site, commentId)
    requireNotDeleted(target)
    requireVisible(target, c.var.site, c.var.readerId)
    if (c.var.shadowBanned) {
      return c.json({ reason, createdAt: new Date().toISOString() } satisfies Report, 201)
    }
    const filed = await fileReport(
      c.env.DB,
      { commentId, readerId: c.var.readerId, reason, note: note || null },
      Date.now(),
      {
        siteId: c.var.site.id,
        reportThreshold: c.var.site.settings.moderation.holdRules.reportThreshold,
      }
    )
    if (!filed) throw new ApiError('comment_not_found', `There is no comment ${commentId} any more`)
    if (!filed.created) {
      throw new ApiError('already_reported', 'You have already reported this comment')
    }
    const report: Report = {
      reason: filed.report.reason,
      createdAt: new Date(filed.report.created_at).toISOString(),
    }
    return c.json(report, 201)
  }
)
