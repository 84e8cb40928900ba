import { zValidator } from '@hono/zod-validator'
import {
  ListCommentsQuerySchema,
  NewCommentSchema,
  ThreadParamsSchema,
  type CommentPage,
} from '@parley/core'
import { Hono } from 'hono'
import { rowToComment } from '../db/comment-rows.ts'
import { activeBanOf, activeBanRead } from '../db/bans.ts'
import { commentRead, type CommentTarget } from '../db/comment-targets.ts'
import { insertComment } from '../db/comment-writes.ts'
import { reactionWeight } from '../db/rank.ts'
import { readerHistoryOf, readerHistoryRead } from '../db/reader-history.ts'
import { getThreadWithStancePoll } from '../db/stances.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { commentAuthor } from '../lib/author.ts'
import { withBotChecks } from '../lib/bot-checks.ts'
import { newCommentId } from '../lib/ids.ts'
import { detectLang } from '../lib/lang.ts'
import { networkBanHash } from '../lib/network-ban-hash.ts'
import { renderMarkdownLite } from '../lib/render.ts'
import { bannedError } from '../middleware/ban.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'
import { readerOf, requireReader, requireSignIn } from '../middleware/reader.ts'
import { requireTurnstile } from '../middleware/turnstile.ts'
import { PostCommentHeadersSchema } from '../schemas.ts'
import { commentView, requireVisible } from './comment-access.ts'
import {
  listingOf,
  loadListing,
  readSortedListing,
  refuseLangWithStances,
  usesStances,
} from './comment-listing.ts'
import { automaticSpamRemoval, statusOf, verdictFor, verdictJson } from './comment-moderation.ts'

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
      const empty: CommentPage = { comments: [], nextCursor: null }
      const readerId = await readerOf(c)
      if (!(showStances && usesStances(query))) {
        // The usual listing: its thread, page and answers in one round trip.
        const listing = listingOf(query, null, showStances)
        if (listing.kind === 'sorted') {
          const page = await readSortedListing(c.env.DB, c.var.site, key, listing.request, readerId)
          return c.json(page ?? empty)
        }
      }
      // A stance filter or the balanced sort needs the thread's stance poll first.
      const { thread, stancePoll } = await getThreadWithStancePoll(c.env.DB, site, key, true)
      const listing = listingOf(query, stancePoll, showStances)
      if (!thread) return c.json(empty)
      const view = commentView(c.var.site, thread.settings, readerId)
      return c.json(await loadListing(c.env.DB, thread.id, listing, view))
    }
  )
  .post(
    '/',
    jsonBody(),
    requireReader,
    requireSignIn('comment'),
    zValidator('param', ThreadParamsSchema, validationHook),
    zValidator('header', PostCommentHeadersSchema, validationHook),
    newCommentBody,
    rateLimit('comments'),
    requireTurnstile('comments'),
    async (c) => {
      const { site, thread: key } = c.req.valid('param')
      const input = c.req.valid('json')
      const idempotencyKey = c.req.valid('header')['Idempotency-Key'] ?? null
      const { settings } = c.var.site
      const author = await commentAuthor(c.env.DB, site, c.var, input.authorName)
      const now = Date.now()
      const lang = detectLang(input.text)
      const networkHash = await networkBanHash(c.env.READER_TOKEN_SECRET, c.req.raw.headers)
      // A ban, the author's history (for the pipeline) and the parent in one batch, while the
      // pipeline's classifier, if any, runs.
      const db = c.env.DB
      const reads = db.batch([
        activeBanRead(db, site, { readerId: author.readerId, networkHash }, now),
        readerHistoryRead(db, site, author.readerId, now),
        ...(input.parentId ? [commentRead(db, site, input.parentId)] : []),
      ])
      const submission = {
        text: input.text,
        authorName: author.name,
        lang,
        siteId: site,
        readerId: author.readerId,
        now,
        edit: false,
      }
      const [[banRead, , parentRead], pipelineVerdict] = await Promise.all([
        reads,
        verdictFor(
          c.env,
          settings.moderation,
          submission,
          reads.then(([, history]) => readerHistoryOf(history))
        ),
      ])
      const ban = activeBanOf(banRead)
      const parent = (parentRead?.results[0] as CommentTarget | undefined) ?? null
      // A filled honeypot or a too-quick form makes it spam, stored for a moderator to review.
      const verdict = withBotChecks(pipelineVerdict, input, settings.botChecks)
      // Nothing is stored for a banned reader; a shadow-banned one sees their comment as usual.
      if (ban && !ban.shadow) throw bannedError(ban)
      if (input.parentId && parent?.thread_key !== key) throw parentNotFound()
      if (parent && parent.deleted_at !== null) {
        throw new ApiError('comment_deleted', 'The comment you reply to was deleted by its author')
      }
      // A comment the reader cannot see is as unknown as one that does not exist.
      if (parent && parent.status !== 'published') {
        try {
          requireVisible(parent, c.var.site, c.var.readerId)
        } catch (error) {
          throw error instanceof ApiError && error.code === 'comment_not_found'
            ? parentNotFound()
            : error
        }
      }
      const status = ban ? 'shadow' : statusOf(verdict)
      const shadowReason = { signal: 'shadow_ban' as const, detail: `ban ${ban?.id}`, weight: 0 }
      const result = await insertComment(c.env.DB, {
        id: newCommentId(),
        siteId: site,
        threadKey: key,
        parent,
        readerId: author.readerId,
        authorName: author.name,
        badges: author.badges,
        text: input.text,
        html: renderMarkdownLite(input.text),
        lang,
        idempotencyKey,
        createdAt: now,
        reactionWeight: reactionWeight(settings),
        // Only where the author could see the choice: the widget offers it while stances show.
        recordStance: input.showStance && settings.showStances,
        status,
        moderation: verdictJson(verdict, ban ? [shadowReason] : []),
        removal: status === 'spam' ? automaticSpamRemoval(verdict, now) : null,
        networkHash,
      })
      // Not inserted and no original under this Idempotency-Key: the parent went meanwhile.
      if (!result) throw parentNotFound()
      const { row, created } = result
      if (row.thread_key !== key) {
        throw new ApiError('conflict', 'This Idempotency-Key was already used on another thread')
      }
      // Its author sees a held comment as pending and one rejected as spam as removed.
      const comment = rowToComment(
        row,
        commentView(c.var.site, row.thread_settings, c.var.readerId)
      )
      // A retry of a request that already succeeded replays the original comment with 200.
      return c.json(comment, created ? 201 : 200)
    }
  )
