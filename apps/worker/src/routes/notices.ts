import { zValidator } from '@hono/zod-validator'
import { CommentParamsSchema, NewNoticeSchema, type NoticeReceipt } from '@parley/core'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { insertNotice } from '../db/dsa.ts'
import { hashedNetwork } from '../db/network-salts.ts'
import { consumeRateLimits, type RateLimit } from '../db/rate-limits.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { networkOf } from '../lib/network.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { requireComment, requireNotDeleted } from './comment-access.ts'

/**
 * Notices need no reader token, so they are limited per network (under its salted daily hash,
 * as votes are) and per site: enough for anyone acting in good faith, not for a flood.
 */
export const NOTICE_RATE_LIMITS = {
  network: { max: 20, windowSeconds: 3600 },
  site: { max: 1000, windowSeconds: 3600 },
} as const

const limitNotices = createMiddleware<AppEnv>(async (c, next) => {
  const network = await hashedNetwork(c.env.DB, networkOf(c.req.raw.headers))
  const limits: RateLimit[] = [{ subject: 'site', ...NOTICE_RATE_LIMITS.site }]
  if (network !== null)
    limits.push({ subject: `network:${network}`, ...NOTICE_RATE_LIMITS.network })
  const result = await consumeRateLimits(c.env.DB, c.var.site.id, 'notice', limits)
  if (!result.allowed) {
    const seconds = result.retryAfterSeconds
    throw new ApiError('rate_limited', `Too many notices; try again in ${seconds} seconds`, {
      headers: { 'Retry-After': String(seconds) },
    })
  }
  await next()
})

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
  limitNotices,
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
