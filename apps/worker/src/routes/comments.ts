import { zValidator } from '@hono/zod-validator'
import {
  ListCommentsQuerySchema,
  NewCommentSchema,
  ThreadParamsSchema,
  type CommentPage,
} from '@parley/core'
import { Hono } from 'hono'
import { rowToComment } from '../db/comment-rows.ts'
import { findComment } from '../db/comment-targets.ts'
import { insertComment } from '../db/comment-writes.ts'
import { reactionWeight } from '../db/rank.ts'
import { getThreadWithStancePoll } from '../db/stances.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { commentAuthor } from '../lib/author.ts'
import { newCommentId } from '../lib/ids.ts'
import { detectLang } from '../lib/lang.ts'
import { renderMarkdownLite } from '../lib/render.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { readerOf, requireReader } from '../middleware/reader.ts'
import { PostCommentHeadersSchema } from '../schemas.ts'
import { commentView } from './comment-access.ts'
import { listingOf, loadListing, refuseLangWithStances, usesStances } from './comment-listing.ts'

// Validators used below, exported for the contract type test (test/contract.test.ts).
export const listCommentsQuery = zValidator('query', ListCommentsQuerySchema, validationHook)
export const newCommentBody = zValidator('json', NewCommentSchema, validationHook)

const parentNotFound = () =>
  new ApiError('parent_not_found', 'parentId is not a comment of this thread', {
    issues: [{ path: 'body.parentId', message: 'is not a comment of this thread' }],
  })

export const comments = new Hono<AppEnv>()
  .get(
    '/',
    zValidator('param', ThreadParamsSchema, validationHook),
    listCommentsQuery,
    async (c) => {
      const { site, thread: key } = c.req.valid('param')
      const query = c.req.valid('query')
      refuseLangWithStances(query)
      const { showStances } = c.var.site.settings
      const { thread, stancePoll } = await getThreadWithStancePoll(
        c.env.DB,
        site,
        key,
        showStances && usesStances(query)
      )
      const listing = listingOf(query, stancePoll, showStances)
      if (!thread) {
        const empty: CommentPage = { comments: [], nextCursor: null }
        return c.json(empty)
      }
      const view = commentView(c.var.site, thread.settings, await readerOf(c))
      return c.json(await loadListing(c.env.DB, thread.id, listing, view))
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
      const parent = input.parentId ? await findComment(c.env.DB, site, input.parentId) : null
      if (input.parentId && parent?.thread_key !== key) throw parentNotFound()
      if (parent && parent.deleted_at !== null) {
        throw new ApiError('comment_deleted', 'The comment you reply to was deleted by its author')
      }
      const author = commentAuthor(c.var.readerId, input.authorName)
      const result = await insertComment(c.env.DB, {
        id: newCommentId(),
        siteId: site,
        threadKey: key,
        parent,
        readerId: author.readerId,
        authorName: author.name,
        text: input.text,
        html: renderMarkdownLite(input.text),
        lang: detectLang(input.text),
        idempotencyKey,
        createdAt: Date.now(),
        reactionWeight: reactionWeight(c.var.site.settings),
        // Only where the author could see the choice: the widget offers it while stances show.
        recordStance: input.showStance && c.var.site.settings.showStances,
      })
      // Not inserted and no original under this Idempotency-Key: the parent went meanwhile.
      if (!result) throw parentNotFound()
      const { row, created } = result
      if (row.thread_key !== key) {
        throw new ApiError('conflict', 'This Idempotency-Key was already used on another thread')
      }
      const comment = rowToComment(
        row,
        commentView(c.var.site, row.thread_settings, c.var.readerId)
      )
      // A retry of a request that already succeeded replays the original comment with 200.
      return c.json(comment, created ? 201 : 200)
    }
  )
