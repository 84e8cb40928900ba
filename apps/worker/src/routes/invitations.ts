import { zValidator } from '@hono/zod-validator'
import {
  InvitationTokenParamsSchema,
  NewInvitationResponseSchema,
  REPLIES_INLINE_MAX,
  ROUTES,
  type InvitationResponse,
  type InvitationView,
} from '@parley/core'
import { nestReplies } from '@parley/core/tree'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { loadReplyPage } from '../db/comment-pages.ts'
import { rowToComment } from '../db/comment-rows.ts'
import {
  getExpertTarget,
  responseOfInvitation,
  withExpertResponses,
  type ExpertResponseRow,
} from '../db/expert-responses.ts'
import { joinedExpert } from '../db/experts.ts'
import {
  answerStatements,
  commentChain,
  getInvitation,
  type InvitationRow,
} from '../db/invitations.ts'
import { getSite, type Site } from '../db/sites.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { newExpertResponseId } from '../lib/ids.ts'
import { verifyInvitationToken } from '../lib/invitation-token.ts'
import { renderMarkdownLite } from '../lib/render.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { commentView } from './comment-access.ts'
import { requireAnswerable } from './expert-access.ts'

// The expert's side of an invitation (docs/decisions/0010-expert-invitations.md): the link is the
// credential. It is served to the console's answer page on the Worker's own origin, so, like the
// admin API, it answers no browser on another origin and sends no CORS headers.

const iso = (ms: number) => new Date(ms).toISOString()

const invalid = () =>
  new ApiError('invitation_invalid', 'This invitation link is not valid, or it was withdrawn')

const sameOriginOnly = createMiddleware<AppEnv>(async (c, next) => {
  c.header('Cache-Control', 'no-store')
  const origin = c.req.header('origin')
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    throw new ApiError('forbidden_origin', 'Invitation links are answered on this site only')
  }
  await next()
  c.header('Cache-Control', 'no-store')
})

interface OpenInvitation {
  row: InvitationRow
  site: Site
}

/**
 * The invitation a token names: 404 invitation_invalid for a bad MAC, an unknown or revoked
 * invitation; 410 invitation_expired past its expiry (unless answered, so the expert can still
 * read what they wrote). Whether it was answered is for the caller to decide.
 */
async function invitationOf(env: Env, token: string, now: number): Promise<OpenInvitation> {
  const claim = await verifyInvitationToken(env.READER_TOKEN_SECRET, token)
  if (!claim) throw invalid()
  const row = await getInvitation(env.DB, claim.id)
  if (!row || row.expires_at !== claim.expiresAt || row.revoked_at !== null) throw invalid()
  if (row.answered_at === null && now >= row.expires_at) {
    throw new ApiError('invitation_expired', 'This invitation link has expired: ask for a new one')
  }
  const site = await getSite(env.DB, row.site_id)
  if (!site) throw invalid()
  return { row, site }
}

const toResponse = (row: ExpertResponseRow): InvitationResponse => ({
  id: row.id,
  status: row.status,
  text: row.text,
  html: row.html,
  createdAt: iso(row.created_at),
})

const tokenParam = zValidator('param', InvitationTokenParamsSchema, validationHook)

export const invitations = new Hono<AppEnv>()
  .use('/v1/invitations/*', sameOriginOnly)
  .get(ROUTES.invitation, tokenParam, async (c) => {
    const { token } = c.req.valid('param')
    const { row, site } = await invitationOf(c.env, token, Date.now())
    const target = await getExpertTarget(c.env.DB, site.id, row.comment_id)
    if (!target) throw invalid()
    requireAnswerable(target)
    const view = commentView(site, target.thread_settings, null)
    const [chain, replies, response] = await Promise.all([
      commentChain(c.env.DB, target.id),
      loadReplyPage(
        c.env.DB,
        { id: target.id, parentId: target.parent_id },
        { limit: REPLIES_INLINE_MAX, after: null },
        view
      ),
      responseOfInvitation(c.env.DB, row.id),
    ])
    const comments = chain.map((r) => rowToComment(r, view))
    const comment = comments.pop()
    if (!comment) throw invalid()
    nestReplies([comment], replies.replies)
    await withExpertResponses(c.env.DB, [...comments, comment])
    const body: InvitationView = {
      site: { id: site.id, name: site.name },
      thread: { key: target.thread_key, title: target.thread_title },
      parents: comments,
      comment,
      expert: joinedExpert(row),
      expiresAt: iso(row.expires_at),
      answered: row.answered_at !== null,
      response: response ? toResponse(response) : null,
    }
    return c.json(body)
  })
  .post(
    ROUTES.invitationResponse,
    jsonBody(),
    tokenParam,
    zValidator('json', NewInvitationResponseSchema, validationHook),
    async (c) => {
      const { token } = c.req.valid('param')
      const { text } = c.req.valid('json')
      const now = Date.now()
      const alreadyAnswered = () =>
        new ApiError('already_answered', 'This invitation was already answered')
      const { row, site } = await invitationOf(c.env, token, now)
      if (row.answered_at !== null) throw alreadyAnswered()
      const target = await getExpertTarget(c.env.DB, site.id, row.comment_id)
      if (!target) throw invalid()
      requireAnswerable(target)
      const id = newExpertResponseId()
      const status = site.settings.moderation.reviewExpertResponses ? 'pending' : 'published'
      const [inserted] = await c.env.DB.batch(
        answerStatements(
          c.env.DB,
          { invitationId: row.id, responseId: id, text, html: renderMarkdownLite(text), status },
          now
        )
      )
      if (inserted!.meta.changes === 0) {
        // Something changed since the checks above: say what, as they would have.
        const again = await invitationOf(c.env, token, now)
        if (again.row.answered_at !== null) throw alreadyAnswered()
        const comment = await getExpertTarget(c.env.DB, site.id, row.comment_id)
        if (!comment) throw invalid()
        requireAnswerable(comment)
        throw invalid()
      }
      const created = await responseOfInvitation(c.env.DB, row.id)
      return c.json(toResponse(created!), 201)
    }
  )
