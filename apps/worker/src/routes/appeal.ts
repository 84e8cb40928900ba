import { zValidator } from '@hono/zod-validator'
import { CommentParamsSchema, NewAppealSchema, type Appeal } from '@parley/core'
import { Hono } from 'hono'
import { findAppealTarget, insertAppeal } from '../db/dsa.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'
import { requireReader } from '../middleware/reader.ts'

/**
 * The author's appeal against the removal of their comment (DSA art. 20): once per comment, on a
 * comment a moderator removed or the pipeline rejected as spam. A ban does not stop an appeal.
 */
export const appeal = new Hono<AppEnv>().post(
  '/',
  jsonBody(),
  requireReader,
  zValidator('param', CommentParamsSchema, validationHook),
  zValidator('json', NewAppealSchema, validationHook),
  rateLimit('appeals'),
  async (c) => {
    const { comment: commentId } = c.req.valid('param')
    const { text } = c.req.valid('json')
    const target = await findAppealTarget(c.env.DB, c.var.site.id, commentId)
    if (!target) {
      throw new ApiError('comment_not_found', `There is no comment ${commentId} on this site`)
    }
    if (target.reader_id !== c.var.readerId) {
      throw new ApiError('forbidden', 'Only the author of this comment may appeal its removal')
    }
    if (target.status !== 'removed' && target.status !== 'spam') {
      throw new ApiError('not_removed', 'This comment was not removed: there is nothing to appeal')
    }
    const now = Date.now()
    const filed = await insertAppeal(
      c.env.DB,
      { siteId: c.var.site.id, commentId, readerId: c.var.readerId, text },
      now
    )
    if (!filed) {
      throw new ApiError('appeal_exists', 'This removal has already been appealed')
    }
    const body: Appeal = {
      commentId,
      status: 'open',
      text,
      createdAt: new Date(now).toISOString(),
    }
    return c.json(body, 201)
  }
)
