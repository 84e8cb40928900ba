import { zValidator } from '@hono/zod-validator'
import { CommentParamsSchema, NewReportSchema, type Report } from '@parley/core'
import { Hono } from 'hono'
import { fileReport } from '../db/reports.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { requireReader } from '../middleware/reader.ts'
import { requireComment, requireNotDeleted } from './comment-access.ts'

/** A reader reports a comment to the site's moderators, once. */
export const reports = new Hono<AppEnv>().post(
  '/',
  jsonBody(),
  requireReader,
  zValidator('param', CommentParamsSchema, validationHook),
  zValidator('json', NewReportSchema, validationHook),
  async (c) => {
    const { comment: commentId } = c.req.valid('param')
    const { reason, note } = c.req.valid('json')
    const target = await requireComment(c.env.DB, c.var.site, commentId)
    requireNotDeleted(target)
    const filed = await fileReport(
      c.env.DB,
      { commentId, readerId: c.var.readerId, reason, note: note || null },
      Date.now()
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
