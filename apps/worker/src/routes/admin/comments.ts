import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  AdminCommentListQuerySchema,
  BADGES,
  CommentBadgesSchema,
  CommentParamsSchema,
  ModerationNoteSchema,
  ModeratorEditSchema,
  PINNED_MAX,
  PinCommentSchema,
  RejectCommentSchema,
  SiteParamsSchema,
  SpamCommentSchema,
  type AdminComment,
  type AdminCommentDetail,
  type AdminCommentPage,
  type Badge,
} from '@parley/core'
import { Hono } from 'hono'
import { createFactory } from 'hono/factory'
import {
  badgeStatements,
  moderatorEditStatements,
  pinnedCount,
  pinStatements,
} from '../../db/admin-comment-writes.ts'
import {
  commentHistory,
  getAdminComment,
  loadQueue,
  toAdminComment,
  type AdminCommentRow,
} from '../../db/admin-comments.ts'
import { auditStatement, listAudit } from '../../db/audit.ts'
import {
  auditedTransition,
  SPAM_STATEMENT,
  type StoredStatus,
  type Transition,
} from '../../db/moderation-writes.ts'
import { ApiError, validationHook } from '../../errors.ts'
import type { AdminPrincipal } from '../../lib/admin-credentials.ts'
import { detectLang } from '../../lib/lang.ts'
import { renderMarkdownLite } from '../../lib/render.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'

// The moderation queue and the moderator's actions on one comment (moderator role). Every action
// runs in one batch with its audit row, guarded by the state the moderator acted on: a comment
// another moderator changed meanwhile answers 409 and is left as they left it.

const commentParams = zValidator('param', CommentParamsSchema, validationHook)

/** Who acts, on which site: what every action needs besides the comment. */
interface Actor {
  db: D1Database
  principal: AdminPrincipal
  siteId: string
}

const actorOf = (c: { env: Env; var: { admin: AdminPrincipal; site: { id: string } } }): Actor => ({
  db: c.env.DB,
  principal: c.var.admin,
  siteId: c.var.site.id,
})

async function requireAdminComment(a: Actor, id: string): Promise<AdminCommentRow> {
  const row = await getAdminComment(a.db, a.siteId, id)
  if (!row) throw new ApiError('comment_not_found', `There is no comment ${id} on this site`)
  if (row.deleted_at !== null) {
    throw new ApiError(
      'comment_deleted',
      'Its author deleted this comment: nothing of it is left to moderate'
    )
  }
  return row
}

const changedMeanwhile = () =>
  new ApiError('conflict', 'The comment changed while you acted on it: load it again and retry')

/** The four status actions: where each may start from, and where it leads. */
const ACTIONS = {
  approve: { from: ['pending', 'shadow', 'published'], to: 'published' },
  reject: { from: ['published', 'pending', 'shadow', 'spam'], to: 'removed' },
  spam: { from: ['published', 'pending', 'shadow', 'removed'], to: 'spam' },
  restore: { from: ['removed', 'spam', 'pending'], to: 'published' },
} as const satisfies Record<string, { from: StoredStatus[]; to: StoredStatus }>

type Action = keyof typeof ACTIONS

/** 409 with what the moderator can do instead. */
function refuseTransition(action: Action, status: StoredStatus): never {
  if (action === 'restore') {
    throw new ApiError(
      'not_removed',
      `Only a removed, spam or pending comment can be restored; this one is ${status}${status === 'shadow' ? ' (approve it to publish it)' : ''}`
    )
  }
  const hint: Partial<Record<StoredStatus, string>> = {
    removed: 'it was removed: restore it first',
    spam: 'it is marked as spam: restore it first',
  }
  const why =
    status === ACTIONS[action].to ? `it is already ${status}` : (hint[status] ?? `it is ${status}`)
  throw new ApiError('conflict', `Cannot ${action} this comment: ${why}`)
}

/** The comment as it now is, after an action. */
const reread = async (a: Actor, id: string) =>
  toAdminComment((await getAdminComment(a.db, a.siteId, id))!)

/** Runs a write guarded on the state the moderator acted on, then answers the comment as it now is. */
async function commit(
  a: Actor,
  id: string,
  write: { statements: D1PreparedStatement[]; changed: (results: D1Result[]) => boolean }
) {
  if (!write.changed(await a.db.batch(write.statements))) throw changedMeanwhile()
  return reread(a, id)
}

/** Runs one status action with its audit row; returns the comment as it now is. */
async function act(
  a: Actor,
  id: string,
  action: Action,
  options: { reason: string | null; removal?: Transition['removal']; details?: object }
): Promise<AdminComment> {
  const row = await requireAdminComment(a, id)
  const rule = ACTIONS[action]
  if (!(rule.from as readonly StoredStatus[]).includes(row.status)) {
    refuseTransition(action, row.status)
  }
  const now = Date.now()
  const site = a.siteId
  const audit = auditStatement(
    a.db,
    a.principal,
    {
      siteId: site,
      action: `comment.${action}`,
      targetType: 'comment',
      targetId: id,
      reason: options.reason,
      details: { from: row.status, to: rule.to, ...options.details },
    },
    now
  )
  const transition = { siteId: site, commentId: id, from: row.status, to: rule.to, now }
  return commit(a, id, auditedTransition(a.db, { ...transition, removal: options.removal }, audit))
}

function auditFor(a: Actor, id: string, action: string, reason: string | null, details = {}) {
  return auditStatement(a.db, a.principal, {
    siteId: a.siteId,
    action,
    targetType: 'comment',
    targetId: id,
    reason,
    details,
  })
}

/** Approve and restore: an optional note for the audit log, and nothing else. */
const noteAction = (action: 'approve' | 'restore') =>
  createFactory<AdminEnv>().createHandlers(
    jsonBody({ optional: true }),
    commentParams,
    zValidator('json', ModerationNoteSchema, validationHook),
    async (c) => {
      const { comment: id } = c.req.valid('param')
      const reason = c.req.valid('json').reason || null
      return c.json(await act(actorOf(c), id, action, { reason }))
    }
  )

const paths = [ADMIN_ROUTES.comments, `${ADMIN_ROUTES.comments}/*`]

export const adminComments = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .use(paths[0]!, requireRole('moderator'))
  .use(paths[1]!, requireRole('moderator'))
  .get(
    ADMIN_ROUTES.comments,
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', AdminCommentListQuerySchema, validationHook),
    async (c) => {
      const query = c.req.valid('query')
      const [createdAt, rid] = query.cursor?.split('.').map(Number) ?? []
      const page = await loadQueue(c.env.DB, c.var.site.id, {
        view: query.view,
        thread: query.thread ?? null,
        q: query.q ?? null,
        readerId: query.reader ?? null,
        limit: query.limit,
        after: createdAt !== undefined && rid !== undefined ? { createdAt, rid } : null,
      })
      const body: AdminCommentPage = {
        comments: page.rows.map(toAdminComment),
        nextCursor: page.next && `${page.next.createdAt}.${page.next.rid}`,
      }
      return c.json(body)
    }
  )
  .get(ADMIN_ROUTES.comment, commentParams, async (c) => {
    const { comment: id } = c.req.valid('param')
    const row = await getAdminComment(c.env.DB, c.var.site.id, id)
    if (!row) throw new ApiError('comment_not_found', `There is no comment ${id} on this site`)
    const [history, audit] = await Promise.all([
      commentHistory(c.env.DB, id),
      listAudit(
        c.env.DB,
        c.var.site.id,
        { targetType: 'comment', targetId: id },
        { before: null, limit: 100 }
      ),
    ])
    const body: AdminCommentDetail = { ...toAdminComment(row), ...history, audit: audit.entries }
    return c.json(body)
  })
  .post(ADMIN_ROUTES.commentApprove, ...noteAction('approve'))
  .post(
    ADMIN_ROUTES.commentReject,
    jsonBody(),
    commentParams,
    zValidator('json', RejectCommentSchema, validationHook),
    async (c) => {
      const { comment: id } = c.req.valid('param')
      const { reason, statement } = c.req.valid('json')
      const done = await act(actorOf(c), id, 'reject', {
        reason: statement,
        removal: { reason, statement },
        details: { removalReason: reason },
      })
      return c.json(done)
    }
  )
  .post(
    ADMIN_ROUTES.commentSpam,
    jsonBody({ optional: true }),
    commentParams,
    zValidator('json', SpamCommentSchema, validationHook),
    async (c) => {
      const { comment: id } = c.req.valid('param')
      const statement = c.req.valid('json').statement || SPAM_STATEMENT
      const removal = { reason: 'spam' as const, statement }
      return c.json(await act(actorOf(c), id, 'spam', { reason: statement, removal }))
    }
  )
  .post(ADMIN_ROUTES.commentRestore, ...noteAction('restore'))
  .patch(
    ADMIN_ROUTES.comment,
    jsonBody(),
    commentParams,
    zValidator('json', ModeratorEditSchema, validationHook),
    async (c) => {
      const { comment: id } = c.req.valid('param')
      const { text, reason } = c.req.valid('json')
      const a = actorOf(c)
      const row = await requireAdminComment(a, id)
      if (text === row.text) return c.json(toAdminComment(row))
      const edit = moderatorEditStatements(
        a.db,
        {
          id,
          previousText: row.text,
          text,
          html: renderMarkdownLite(text),
          lang: detectLang(text),
          now: Date.now(),
        },
        auditFor(a, id, 'comment.edit', reason)
      )
      return c.json(await commit(a, id, edit))
    }
  )
  .put(
    ADMIN_ROUTES.commentPin,
    jsonBody(),
    commentParams,
    zValidator('json', PinCommentSchema, validationHook),
    async (c) => {
      const { comment: id } = c.req.valid('param')
      const { pinned, reason } = c.req.valid('json')
      const a = actorOf(c)
      const row = await requireAdminComment(a, id)
      if ((row.pinned_at !== null) === pinned) return c.json(toAdminComment(row))
      if (pinned && row.status !== 'published') {
        throw new ApiError(
          'conflict',
          `Only a published comment can be pinned; this one is ${row.status}`
        )
      }
      const { statements, changed } = pinStatements(
        a.db,
        { id, pinned, now: Date.now() },
        auditFor(a, id, pinned ? 'comment.pin' : 'comment.unpin', reason || null)
      )
      if (!changed(await a.db.batch(statements))) {
        const pinnedNow = await pinnedCount(a.db, row.thread_id)
        if (pinned && pinnedNow >= PINNED_MAX) {
          throw new ApiError(
            'conflict',
            `A thread holds at most ${PINNED_MAX} pinned comments (PINNED_MAX): unpin one first`
          )
        }
        throw changedMeanwhile()
      }
      return c.json(await reread(a, id))
    }
  )
  .put(
    ADMIN_ROUTES.commentBadges,
    jsonBody(),
    commentParams,
    zValidator('json', CommentBadgesSchema, validationHook),
    async (c) => {
      const { comment: id } = c.req.valid('param')
      const { reason, ...wanted } = c.req.valid('json')
      const a = actorOf(c)
      const row = await requireAdminComment(a, id)
      const current = toAdminComment(row).author.badges
      // Only what changes is written and audited, e.g. { expert: true }.
      const changes: Partial<Record<Badge, boolean>> = {}
      for (const badge of ['author', 'expert'] as const) {
        const on = wanted[badge]
        if (on !== undefined && current.includes(badge) !== on) changes[badge] = on
      }
      if (Object.keys(changes).length === 0) return c.json(toAdminComment(row))
      const after = BADGES.filter((b) => changes[b] ?? current.includes(b))
      const audit = auditFor(a, id, 'comment.badges', reason || null, changes)
      return c.json(
        await commit(a, id, badgeStatements(a.db, { id, before: row.badges, after }, audit))
      )
    }
  )
