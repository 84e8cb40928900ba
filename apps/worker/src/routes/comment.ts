import { zValidator } from '@hono/zod-validator'
import {
  CommentParamsSchema,
  EDIT_WINDOW_MS,
  EditCommentSchema,
  type DeleteResult,
} from '@parley/core'
import { Hono } from 'hono'
import { deleteComment } from '../db/comment-deletes.ts'
import { rowToComment } from '../db/comment-rows.ts'
import type { CommentTarget } from '../db/comment-targets.ts'
import { editComment, getCommentRow } from '../db/comment-writes.ts'
import { reactionWeight } from '../db/rank.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { detectLang } from '../lib/lang.ts'
import { renderMarkdownLite } from '../lib/render.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'
import { requireReader } from '../middleware/reader.ts'
import { automaticSpamStatement, statusOf, verdictFor, verdictJson } from './comment-moderation.ts'
import {
  commentDeleted,
  commentView,
  requireAuthor,
  requireComment,
  requireNotDeleted,
} from './comment-access.ts'

/** 409 conflict: a comment a moderator removed (or rejected as spam) cannot be edited. */
function requireNotRemoved(comment: CommentTarget): void {
  if (comment.status === 'removed' || comment.status === 'spam') {
    throw new ApiError('conflict', 'This comment was removed by a moderator and cannot be edited')
  }
}

function requireEditWindow(comment: CommentTarget, now: number): void {
  if (now >= comment.created_at + EDIT_WINDOW_MS) {
    throw new ApiError(
      'edit_window_closed',
      `A comment can be edited for ${EDIT_WINDOW_MS / 60_000} minutes after posting`
    )
  }
}

/** PATCH edits and DELETE deletes one comment; both are for its author only. */
export const comment = new Hono<AppEnv>()
  .patch(
    '/',
    jsonBody(),
    requireReader,
    zValidator('param', CommentParamsSchema, validationHook),
    zValidator('json', EditCommentSchema, validationHook),
    rateLimit('edits'),
    async (c) => {
      const { comment: id } = c.req.valid('param')
      const { text } = c.req.valid('json')
      const readerId = c.var.readerId
      const now = Date.now()
      const target = await requireComment(c.env.DB, c.var.site, id)
      requireAuthor(target, readerId)
      requireNotDeleted(target)
      requireNotRemoved(target)
      requireEditWindow(target, now)
      const view = commentView(c.var.site, target.thread_settings, readerId)
      if (text === target.text) {
        // Saved without a change: no revision and no "edited" mark.
        const unchanged = await getCommentRow(c.env.DB, id, readerId)
        if (unchanged) return c.json(rowToComment(unchanged, view))
      }
      // The new text goes through the pipeline again: a published comment it now holds goes back
      // to review (pending), one it rejects becomes spam. A held comment stays held whatever the
      // new text scores: only a moderator releases it.
      const lang = detectLang(text)
      const verdict = await verdictFor(c.env, c.var.site.settings.moderation, {
        text,
        authorName: target.author_name,
        lang,
        siteId: c.var.site.id,
        readerId,
        now,
        edit: true,
      })
      const to = statusOf(verdict)
      const hold =
        target.status === 'published' && to !== 'published'
          ? {
              from: target.status,
              to,
              removal:
                to === 'spam'
                  ? { reason: 'spam' as const, statement: automaticSpamStatement(verdict) }
                  : null,
            }
          : null
      const { edited, row } = await editComment(c.env.DB, {
        id,
        siteId: c.var.site.id,
        readerId,
        text,
        html: renderMarkdownLite(text),
        lang,
        now,
        editableSince: now - EDIT_WINDOW_MS,
        moderation: verdictJson(verdict),
        hold,
      })
      if (!edited || !row) {
        // Deleted, removed or out of its window between the checks above and the write.
        const again = await requireComment(c.env.DB, c.var.site, id)
        requireNotDeleted(again)
        requireNotRemoved(again)
        requireEditWindow(again, Date.now())
        throw new ApiError('conflict', 'The comment changed meanwhile; try again')
      }
      return c.json(rowToComment(row, view))
    }
  )
  .delete(
    '/',
    // No body is expected; one sent anyway meets the same guards as every write.
    jsonBody({ optional: true }),
    requireReader,
    zValidator('param', CommentParamsSchema, validationHook),
    rateLimit('deletes'),
    async (c) => {
      const { comment: id } = c.req.valid('param')
      const target = await requireComment(c.env.DB, c.var.site, id)
      requireAuthor(target, c.var.readerId)
      // A second delete of a placeholder is a conflict; one of a removed comment finds nothing.
      requireNotDeleted(target)
      const outcome = await deleteComment(c.env.DB, target, {
        now: Date.now(),
        reactionWeight: reactionWeight(c.var.site.settings),
      })
      // Null: a concurrent delete got there first.
      if (!outcome) throw commentDeleted()
      const result: DeleteResult = { id, outcome }
      return c.json(result)
    }
  )
