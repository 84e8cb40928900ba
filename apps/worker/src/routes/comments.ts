import { zValidator } from '@hono/zod-validator'
import {
  ListCommentsQuerySchema,
  NewCommentSchema,
  ThreadParamsSchema,
  type CommentPage,
} from '@parley/core'
import { Hono } from 'hono'
import { findParent, insertComment, loadCommentPage } from '../db/comments.ts'
import { getThread } from '../db/threads.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { decodeCursor, encodeCursor, type Cursor } from '../lib/cursor.ts'
import { newCommentId } from '../lib/ids.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { requireReader } from '../middleware/reader.ts'
import { PostCommentHeadersSchema } from '../schemas.ts'

// Validators used below, exported for the contract type test (test/contract.test.ts).
export const listCommentsQuery = zValidator('query', ListCommentsQuerySchema, validationHook)
export const newCommentBody = zValidator('json', NewCommentSchema, validationHook)

function parseCursor(cursor: string | undefined, sort: Cursor['sort']): Cursor | null {
  if (cursor === undefined) return null
  const decoded = decodeCursor(cursor)
  if (!decoded || decoded.sort !== sort) {
    throw new ApiError('invalid_input', 'Invalid query.cursor', {
      issues: [{ path: 'query.cursor', message: `is not a nextCursor of a "${sort}" page` }],
    })
  }
  return decoded
}

export const comments = new Hono<AppEnv>()
  .get(
    '/',
    zValidator('param', ThreadParamsSchema, validationHook),
    listCommentsQuery,
    async (c) => {
      const { site, thread: key } = c.req.valid('param')
      const { sort, limit, cursor } = c.req.valid('query')
      const after = parseCursor(cursor, sort)
      const thread = await getThread(c.env.DB, site, key)
      if (!thread) {
        const empty: CommentPage = { comments: [], nextCursor: null }
        return c.json(empty)
      }
      const page = await loadCommentPage(c.env.DB, thread.id, { sort, limit, after })
      const body: CommentPage = {
        comments: page.comments,
        nextCursor: page.next && encodeCursor(page.next),
      }
      return c.json(body)
    }
  )
  .post(
    '/',
    jsonBody(),
    requireReader,
    zValidator('param', ThreadParamsSchema, validationHook),
    zValidator('header', PostCommentHeadersSchema, validationHook),
    newCommentBody,
    async (c) => {
      const { site, thread: key } = c.req.valid('param')
      const input = c.req.valid('json')
      const idempotencyKey = c.req.valid('header')['Idempotency-Key'] ?? null
      const parent = input.parentId ? await findParent(c.env.DB, site, key, input.parentId) : null
      if (input.parentId && !parent) {
        throw new ApiError('parent_not_found', 'parentId is not a comment of this thread', {
          issues: [{ path: 'body.parentId', message: 'is not a comment of this thread' }],
        })
      }
      const result = await insertComment(c.env.DB, {
        id: newCommentId(),
        siteId: site,
        threadKey: key,
        parent,
        readerId: c.var.readerId,
        authorName: input.authorName,
        text: input.text,
        lang: null,
        idempotencyKey,
        createdAt: Date.now(),
      })
      if (result.created) return c.json(result.comment, 201)
      if (result.threadKey !== key) {
        throw new ApiError('conflict', 'This Idempotency-Key was already used on another thread')
      }
      // A retry of a request that already succeeded: replay the original comment.
      return c.json(result.comment, 200)
    }
  )
