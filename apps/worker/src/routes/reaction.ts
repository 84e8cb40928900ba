import { zValidator } from '@hono/zod-validator'
import {
  CommentParamsSchema,
  ReactionInputSchema,
  type ReactionState,
  type ThreadReactions,
} from '@parley/core'
import { Hono } from 'hono'
import { visibleReaction, visibleReactions } from '../db/comment-rows.ts'
import { changeReaction, readReactionState } from '../db/reactions.ts'
import { reactionWeight } from '../db/rank.ts'
import type { Site } from '../db/sites.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { refuseBanned } from '../middleware/ban.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'
import { requireReader, requireSignIn } from '../middleware/reader.ts'
import { reactionsOf, requireComment, requireNotDeleted, requireVisible } from './comment-access.ts'

const params = zValidator('param', CommentParamsSchema, validationHook)

/**
 * Sets (emoji) or removes (null) the reader's reaction and answers with the comment's state. A
 * shadow-banned reader's change is not stored: the answer echoes it over the real counts.
 */
async function react(
  db: D1Database,
  site: Site,
  change: { commentId: string; readerId: string; emoji: string | null; shadowBanned: boolean },
  reactions: ThreadReactions
): Promise<ReactionState> {
  if (change.shadowBanned) {
    const state = await readReactionState(db, change.commentId, change.readerId)
    return {
      reactions: visibleReactions(state?.reaction_counts ?? '{}', reactions),
      myReaction: visibleReaction(change.emoji, reactions),
    }
  }
  const state = await changeReaction(db, {
    ...change,
    now: Date.now(),
    reactionWeight: reactionWeight(site.settings),
  })
  return {
    reactions: visibleReactions(state?.reaction_counts ?? '{}', reactions),
    myReaction: visibleReaction(state?.my_reaction ?? null, reactions),
  }
}

/** The reader's one reaction to a comment: PUT sets or changes it, DELETE removes it. */
export const reaction = new Hono<AppEnv>()
  .put(
    '/',
    jsonBody(),
    requireReader,
    requireSignIn('react'),
    refuseBanned,
    params,
    zValidator('json', ReactionInputSchema, validationHook),
    rateLimit('reactions'),
    async (c) => {
      const { comment: commentId } = c.req.valid('param')
      const { emoji } = c.req.valid('json')
      const target = await requireComment(c.env.DB, c.var.site, commentId)
      requireNotDeleted(target)
      requireVisible(target, c.var.site, c.var.readerId)
      const reactions = reactionsOf(c.var.site, target.thread_settings)
      if (!reactions.available.includes(emoji)) {
        const offered = reactions.available.join(' ') || 'none'
        throw new ApiError(
          'reaction_not_allowed',
          `This thread offers these reactions: ${offered}`,
          {
            issues: [{ path: 'body.emoji', message: 'is not a reaction this thread offers' }],
          }
        )
      }
      const { readerId, shadowBanned } = c.var
      const change = { commentId, readerId, emoji, shadowBanned }
      return c.json(await react(c.env.DB, c.var.site, change, reactions))
    }
  )
  .delete(
    '/',
    jsonBody({ optional: true }),
    requireReader,
    refuseBanned,
    params,
    rateLimit('reactions'),
    async (c) => {
      const { comment: commentId } = c.req.valid('param')
      const target = await requireComment(c.env.DB, c.var.site, commentId)
      const reactions = reactionsOf(c.var.site, target.thread_settings)
      const { readerId, shadowBanned } = c.var
      const change = { commentId, readerId, emoji: null, shadowBanned }
      return c.json(await react(c.env.DB, c.var.site, change, reactions))
    }
  )
