import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  AdminExpertListQuerySchema,
  AdminExpertResponseListQuerySchema,
  CommentParamsSchema,
  EditExpertResponseSchema,
  EditExpertSchema,
  ExpertParamsSchema,
  ExpertResponseParamsSchema,
  InvitationListQuerySchema,
  InvitationParamsSchema,
  NewExpertResponseSchema,
  NewExpertSchema,
  NewInvitationSchema,
  SiteParamsSchema,
  type AdminExpertList,
  type AdminExpertResponsePage,
  type Invitation,
  type InvitationPage,
} from '@parley/core'
import { Hono } from 'hono'
import {
  approveResponseStatement,
  deleteResponseStatement,
  getExpertResponse,
  insertResponseStatement,
  listExpertResponses,
  rowToAdminExpertResponse,
  updateResponseStatement,
  type ExpertResponseRow,
} from '../../db/expert-responses.ts'
import {
  archiveExpertStatements,
  getExpert,
  insertExpertStatement,
  listExperts,
  rowToAdminExpert,
  joinedExpert,
  updateExpertStatement,
  type ExpertRow,
} from '../../db/experts.ts'
import {
  getInvitation,
  insertInvitationStatement,
  invitationStatus,
  listInvitations,
  revokeInvitationStatement,
  type InvitationRow,
} from '../../db/invitations.ts'
import { ApiError, validationHook } from '../../errors.ts'
import { decodeAdminCursor, nextAdminCursor } from '../../lib/admin-cursor.ts'
import { newExpertId, newExpertResponseId, newInvitationId } from '../../lib/ids.ts'
import { invitationUrl, signInvitationToken } from '../../lib/invitation-token.ts'
import { renderMarkdownLite } from '../../lib/render.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'
import { answerableComment } from '../expert-access.ts'
import { auditedBatch } from './audited.ts'

// Experts (admin role), their responses and the invitations that ask them (moderator role):
// docs/decisions/0010-expert-invitations.md. Every write is audited in the batch that makes it.

const HOUR_MS = 60 * 60 * 1000
const iso = (ms: number) => new Date(ms).toISOString()

const expertNotFound = (id: string, path?: string) =>
  new ApiError('expert_not_found', `There is no expert ${id} on this site`, {
    ...(path && { issues: [{ path, message: 'is not an expert of this site' }] }),
  })

async function findExpert(db: D1Database, site: string, id: string): Promise<ExpertRow> {
  const row = await getExpert(db, site, id)
  if (!row) throw expertNotFound(id)
  return row
}

/** An expert who may still answer: exists on this site and is not archived (404 naming `path`). */
async function activeExpert(db: D1Database, site: string, id: string, path: string) {
  const row = await getExpert(db, site, id)
  if (!row || row.archived_at !== null) throw expertNotFound(id, path)
  return row
}

async function findResponse(db: D1Database, site: string, id: string) {
  const row = await getExpertResponse(db, site, id)
  if (!row) throw new ApiError('not_found', `There is no expert response ${id} on this site`)
  return row
}

async function findInvitation(db: D1Database, site: string, id: string) {
  const row = await getInvitation(db, id, site)
  if (!row) throw new ApiError('not_found', `There is no invitation ${id} on this site`)
  return row
}

/** A page of rows fetched one beyond `limit`, with the cursor of the next (admin-cursor.ts). */
function pageOf<Row extends { created_at: number; id: string }>(rows: Row[], limit: number) {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  const nextCursor = nextAdminCursor(
    last && { createdAt: last.created_at, id: last.id },
    rows.length > limit
  )
  return { page, nextCursor }
}

async function toInvitation(
  row: InvitationRow,
  origin: string,
  secret: string,
  now: number
): Promise<Invitation> {
  const token = await signInvitationToken(secret, { id: row.id, expiresAt: row.expires_at })
  return {
    id: row.id,
    url: invitationUrl(origin, token),
    commentId: row.comment_id,
    threadKey: row.thread_key,
    question: { authorName: row.comment_author, text: row.comment_text },
    expert: joinedExpert(row),
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    answeredAt: row.answered_at === null ? null : iso(row.answered_at),
    revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
    status: invitationStatus(row, now),
  }
}

const originOf = (url: string) => new URL(url).origin
const location = (template: string, values: Record<string, string>) =>
  template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ''))

const responseParams = zValidator('param', ExpertResponseParamsSchema, validationHook)
const responseView = (row: ExpertResponseRow) => rowToAdminExpertResponse(row)

export const adminExperts = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  // A moderator lists the experts to pick one; changing them is the admin's.
  .get(
    ADMIN_ROUTES.experts,
    requireRole('moderator'),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', AdminExpertListQuerySchema, validationHook),
    async (c) => {
      const { archived } = c.req.valid('query')
      const rows = await listExperts(c.env.DB, c.var.site.id, archived)
      const body: AdminExpertList = { experts: rows.map(rowToAdminExpert) }
      return c.json(body)
    }
  )
  .post(
    ADMIN_ROUTES.experts,
    requireRole('admin'),
    jsonBody(),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('json', NewExpertSchema, validationHook),
    async (c) => {
      const input = c.req.valid('json')
      const site = c.var.site.id
      const id = newExpertId()
      const now = Date.now()
      await auditedBatch(
        c,
        [insertExpertStatement(c.env.DB, { ...input, id, siteId: site }, now)],
        {
          action: 'expert.create',
          targetType: 'expert',
          targetId: id,
          details: input,
        },
        now
      )
      const created = rowToAdminExpert(await findExpert(c.env.DB, site, id))
      return c.json(created, 201, { Location: location(ADMIN_ROUTES.expert, { site, expert: id }) })
    }
  )
  .patch(
    ADMIN_ROUTES.expert,
    requireRole('admin'),
    jsonBody(),
    zValidator('param', ExpertParamsSchema, validationHook),
    zValidator('json', EditExpertSchema, validationHook),
    async (c) => {
      const { expert: id } = c.req.valid('param')
      const edit = c.req.valid('json')
      const site = c.var.site.id
      const before = await findExpert(c.env.DB, site, id)
      const now = Date.now()
      const previous = {
        name: before.name,
        title: before.title,
        organisation: before.organisation,
        photoUrl: before.photo_url,
      }
      await auditedBatch(
        c,
        [updateExpertStatement(c.env.DB, site, id, edit)],
        {
          action: 'expert.update',
          targetType: 'expert',
          targetId: id,
          details: { changes: edit, previous },
        },
        now
      )
      return c.json(rowToAdminExpert(await findExpert(c.env.DB, site, id)))
    }
  )
  .delete(
    ADMIN_ROUTES.expert,
    requireRole('admin'),
    zValidator('param', ExpertParamsSchema, validationHook),
    async (c) => {
      const { expert: id } = c.req.valid('param')
      const site = c.var.site.id
      const before = await findExpert(c.env.DB, site, id)
      // Archiving twice is a no-op with nothing to audit.
      if (before.archived_at !== null) return c.json(rowToAdminExpert(before))
      const now = Date.now()
      await auditedBatch(
        c,
        [...archiveExpertStatements(c.env.DB, site, id, now)],
        {
          action: 'expert.archive',
          targetType: 'expert',
          targetId: id,
          details: { name: before.name },
        },
        now
      )
      return c.json(rowToAdminExpert(await findExpert(c.env.DB, site, id)))
    }
  )
  .post(
    ADMIN_ROUTES.commentExpertResponses,
    requireRole('moderator'),
    jsonBody(),
    zValidator('param', CommentParamsSchema, validationHook),
    zValidator('json', NewExpertResponseSchema, validationHook),
    async (c) => {
      const { comment: commentId } = c.req.valid('param')
      const { expertId, text } = c.req.valid('json')
      const site = c.var.site.id
      const comment = await answerableComment(c.env.DB, site, commentId)
      await activeExpert(c.env.DB, site, expertId, 'body.expertId')
      const id = newExpertResponseId()
      const now = Date.now()
      await auditedBatch(
        c,
        [
          insertResponseStatement(
            c.env.DB,
            {
              id,
              siteId: site,
              threadId: comment.thread_id,
              commentId,
              expertId,
              text,
              html: renderMarkdownLite(text),
              status: 'published',
              invitationId: null,
            },
            now
          ),
        ],
        {
          action: 'expert_response.create',
          targetType: 'expert_response',
          targetId: id,
          details: { commentId, expertId },
        },
        now
      )
      const created = responseView(await findResponse(c.env.DB, site, id))
      return c.json(created, 201, {
        Location: location(ADMIN_ROUTES.expertResponse, { site, response: id }),
      })
    }
  )
  .get(
    ADMIN_ROUTES.expertResponses,
    requireRole('moderator'),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', AdminExpertResponseListQuerySchema, validationHook),
    async (c) => {
      const { status, limit, cursor } = c.req.valid('query')
      const rows = await listExpertResponses(c.env.DB, c.var.site.id, {
        status: status ?? null,
        limit,
        after: decodeAdminCursor(cursor),
      })
      const { page, nextCursor } = pageOf(rows, limit)
      const body: AdminExpertResponsePage = { responses: page.map(responseView), nextCursor }
      return c.json(body)
    }
  )
  .patch(
    ADMIN_ROUTES.expertResponse,
    requireRole('moderator'),
    jsonBody(),
    responseParams,
    zValidator('json', EditExpertResponseSchema, validationHook),
    async (c) => {
      const { response: id } = c.req.valid('param')
      const edit = c.req.valid('json')
      const site = c.var.site.id
      const before = await findResponse(c.env.DB, site, id)
      if (edit.expertId !== undefined && edit.expertId !== before.expert_id) {
        await activeExpert(c.env.DB, site, edit.expertId, 'body.expertId')
      }
      const text = edit.text ?? before.text
      const expertId = edit.expertId ?? before.expert_id
      const now = Date.now()
      await auditedBatch(
        c,
        [
          updateResponseStatement(
            c.env.DB,
            site,
            id,
            { expertId, text, html: renderMarkdownLite(text) },
            now
          ),
        ],
        {
          action: 'expert_response.update',
          targetType: 'expert_response',
          targetId: id,
          details: {
            commentId: before.comment_id,
            ...(edit.text !== undefined && { previousText: before.text }),
            ...(edit.expertId !== undefined && { previousExpertId: before.expert_id, expertId }),
          },
        },
        now
      )
      return c.json(responseView(await findResponse(c.env.DB, site, id)))
    }
  )
  .delete(ADMIN_ROUTES.expertResponse, requireRole('moderator'), responseParams, async (c) => {
    const { response: id } = c.req.valid('param')
    const site = c.var.site.id
    const before = await findResponse(c.env.DB, site, id)
    const now = Date.now()
    await auditedBatch(
      c,
      [deleteResponseStatement(c.env.DB, site, id)],
      {
        action: 'expert_response.delete',
        targetType: 'expert_response',
        targetId: id,
        details: {
          commentId: before.comment_id,
          expertId: before.expert_id,
          status: before.status,
          text: before.text,
        },
      },
      now
    )
    return c.body(null, 204)
  })
  .post(ADMIN_ROUTES.expertResponseApprove, requireRole('moderator'), responseParams, async (c) => {
    const { response: id } = c.req.valid('param')
    const site = c.var.site.id
    const before = await findResponse(c.env.DB, site, id)
    if (before.status !== 'pending') {
      throw new ApiError('conflict', `Expert response ${id} is already published`)
    }
    const now = Date.now()
    const [approved] = await auditedBatch(
      c,
      [approveResponseStatement(c.env.DB, site, id, now)],
      {
        action: 'expert_response.approve',
        targetType: 'expert_response',
        targetId: id,
        details: { commentId: before.comment_id, expertId: before.expert_id },
      },
      now
    )
    if (approved!.meta.changes === 0) {
      throw new ApiError('conflict', `Expert response ${id} changed meanwhile; load it again`)
    }
    return c.json(responseView(await findResponse(c.env.DB, site, id)))
  })
  .post(
    ADMIN_ROUTES.commentInvitations,
    requireRole('moderator'),
    jsonBody(),
    zValidator('param', CommentParamsSchema, validationHook),
    zValidator('json', NewInvitationSchema, validationHook),
    async (c) => {
      const { comment: commentId } = c.req.valid('param')
      const { expertId, expiresInHours } = c.req.valid('json')
      const site = c.var.site.id
      await answerableComment(c.env.DB, site, commentId)
      await activeExpert(c.env.DB, site, expertId, 'body.expertId')
      const id = newInvitationId()
      const now = Date.now()
      const expiresAt = now + expiresInHours * HOUR_MS
      await auditedBatch(
        c,
        [
          insertInvitationStatement(
            c.env.DB,
            { id, siteId: site, commentId, expertId, createdBy: c.var.admin.actor, expiresAt },
            now
          ),
        ],
        {
          action: 'invitation.create',
          targetType: 'invitation',
          targetId: id,
          details: { commentId, expertId, expiresAt: iso(expiresAt) },
        },
        now
      )
      const row = await findInvitation(c.env.DB, site, id)
      const body = await toInvitation(row, originOf(c.req.url), c.env.READER_TOKEN_SECRET, now)
      return c.json(body, 201, {
        Location: location(ADMIN_ROUTES.invitation, { site, invitation: id }),
      })
    }
  )
  .get(
    ADMIN_ROUTES.invitations,
    requireRole('moderator'),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', InvitationListQuerySchema, validationHook),
    async (c) => {
      const { status, limit, cursor } = c.req.valid('query')
      const now = Date.now()
      const rows = await listInvitations(
        c.env.DB,
        c.var.site.id,
        { status: status ?? null, limit, after: decodeAdminCursor(cursor) },
        now
      )
      const { page, nextCursor } = pageOf(rows, limit)
      const origin = originOf(c.req.url)
      const invitations = await Promise.all(
        page.map((row) => toInvitation(row, origin, c.env.READER_TOKEN_SECRET, now))
      )
      const body: InvitationPage = { invitations, nextCursor }
      return c.json(body)
    }
  )
  .delete(
    ADMIN_ROUTES.invitation,
    requireRole('moderator'),
    zValidator('param', InvitationParamsSchema, validationHook),
    async (c) => {
      const { invitation: id } = c.req.valid('param')
      const site = c.var.site.id
      const before = await findInvitation(c.env.DB, site, id)
      const origin = originOf(c.req.url)
      const secret = c.env.READER_TOKEN_SECRET
      if (before.answered_at !== null) {
        throw new ApiError(
          'already_answered',
          `Invitation ${id} was answered: it cannot be revoked`
        )
      }
      // Revoking twice is a no-op with nothing to audit.
      if (before.revoked_at !== null) {
        return c.json(await toInvitation(before, origin, secret, Date.now()))
      }
      const now = Date.now()
      const [revoked] = await auditedBatch(
        c,
        [revokeInvitationStatement(c.env.DB, site, id, now)],
        {
          action: 'invitation.revoke',
          targetType: 'invitation',
          targetId: id,
          details: { commentId: before.comment_id, expertId: before.expert_id },
        },
        now
      )
      const after = await findInvitation(c.env.DB, site, id)
      if (revoked!.meta.changes === 0 && after.answered_at !== null) {
        throw new ApiError('already_answered', `Invitation ${id} was answered meanwhile`)
      }
      return c.json(await toInvitation(after, origin, secret, now))
    }
  )
