import { zValidator } from '@hono/zod-validator'
import { CommentParamsSchema, RepliesQuerySchema, type ReplyPage } from '@parley/core'
import { Hono } from 'hono'
import { loadReplyPage } from '../db/comment-pages.ts'
import { withExpertResponses } from '../db/expert-responses.ts'
import type { AppEnv } from '../env.ts'
import { validationHook } from '../errors.ts'
import { encodeCursor } from '../lib/cursor.ts'
import { readerOf } from '../middleware/reader.ts'
import { commentView, cursorParam, requireComment } from './comment-access.ts'

/** The replies below a comment beyond those that came with its page, oldest first. */
export const replies = new Hono<AppEnv>().get(
  '/',
  zValidator('param', CommentParamsSchema, validationHook),
  zValidator('query', RepliesQuerySchema, validationHook),
  async (c) => {
    const { comment: id } = c.req.valid('param')
    const { limit, cursor } = c.req.valid('query')
    const after = cursorParam(cursor, 'replies')
    const target = await requireComment(c.env.DB, c.var.site, id)
    const view = commentView(c.var.site, target.thread_settings, await readerOf(c))
    const page = await loadReplyPage(
      c.env.DB,
      { id, parentId: target.parent_id },
      { limit, after },
      view
    )
    const body: ReplyPage = {
      replies: await withExpertResponses(c.env.DB, page.replies),
      nextCursor: page.next && encodeCursor(page.next),
    }
    return c.json(body)
  }
)
