import { zValidator } from '@hono/zod-validator'
import {
  CommentParamsSchema,
  DEFAULT_RATE_LIMITS,
  NewNoticeSchema,
  type NoticeReceipt,
} from '@parley/core'
import { Hono } from 'hono'
import { insertNotice } from '../db/dsa.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'
import { requireComment, requireNotDeleted } from './comment-access.ts'

/**
 * The defaults of rateLimits.notices (quoted by the API docs). Notices need no reader token, so
 * they are limited per network (under its salted daily hash) and per site only.
 */
export const NOTICE_RATE_LIMITS = DEFAULT_RATE_LIMITS.notices

/**
 * A notice of illegal content under the EU Digital Services Act (art. 16). Anyone may file one,
 * without a reader token; the site's allowed origins still apply to browsers. It goes to the
 * site's moderators (GET /v1/admin/sites/:site/notices).
 */
export const notices = new Hono<AppEnv>().post(
  '/',
  jsonBody(),
  zValidator('param', CommentParamsSchema, validationHook),
  zValidator('json', NewNoticeSchema, validationHook),
  rateLimit('notices'),
  async (c) => {
    const { comment: commentId } = c.req.valid('param')
    const target = await requireComment(c.env.DB, c.var.site, commentId)
    requireNotDeleted(target)
    const stored = await insertNotice(
      c.env.DB,
      c.var.site.id,
      commentId,
      c.req.valid('json'),
      Date.now()
    )
    if (!stored)
      throw new ApiError('comment_not_found', `There is no comment ${commentId} any more`)
    const receipt: NoticeReceipt = {
      id: stored.id,
      receivedAt: new Date(stored.createdAt).toISOString(),
    }
    return c.json(receipt, 201)
  }
)
