import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  AdminPollListQuerySchema,
  AdminPollOptionParamsSchema,
  EditPollSchema,
  NewPollSchema,
  PollExportQuerySchema,
  PollParamsSchema,
  pollDefinitionIssues,
  POLL_THREAD_NONE,
  SiteParamsSchema,
  type AdminPollPage,
  type PollDefinition,
  type PollExport,
} from '@parley/core'
import { Hono } from 'hono'
import {
  deleteOption,
  editPoll,
  insertPoll,
  listAdminPolls,
  readAdminPoll,
  type AdminPollRows,
  type OptionEdit,
} from '../../db/poll-admin.ts'
import { toAdminPoll } from '../../db/poll-views.ts'
import { ApiError, validationHook } from '../../errors.ts'
import { parseOptionId, toOptionId } from '../../lib/ids.ts'
import { exportFileName, pollResultsCsv } from '../../lib/poll-export.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso))

/** 400 invalid_input naming each body field a cross-field rule rejects. */
function assertDefinition(definition: PollDefinition): void {
  const issues = pollDefinitionIssues(definition).map((i) => ({ ...i, path: `body.${i.path}` }))
  if (issues.length > 0) {
    const fields = [...new Set(issues.map((i) => i.path))].join(', ')
    throw new ApiError('invalid_input', `Invalid ${fields}`, { issues })
  }
}

async function findPoll(db: D1Database, site: string, key: string): Promise<AdminPollRows> {
  const rows = await readAdminPoll(db, site, key)
  if (!rows) throw new ApiError('poll_not_found', `There is no poll "${key}" on this site`)
  return rows
}

const viewOf = (rows: AdminPollRows, now = Date.now()) =>
  toAdminPoll(rows.poll, rows.options, rows.threadKey, now)

const changedMeanwhile = () =>
  new ApiError('conflict', 'The poll changed while this edit was made: load it again and retry')

/**
 * The complete option list an edit asks for, as rows to write. Every existing option must be
 * listed exactly once: leaving one out is refused rather than read as "delete", because options
 * with votes may never be deleted and a missing entry is more likely a client bug.
 */
function optionEdits(
  rows: AdminPollRows,
  list: NonNullable<ReturnType<typeof EditPollSchema.parse>['options']>
): OptionEdit[] {
  const existing = new Map(rows.options.map((o) => [o.id, o]))
  const listed = new Set<number>()
  const issues: { path: string; message: string }[] = []
  const edits = list.map((entry, i): OptionEdit => {
    if (!('id' in entry)) return { id: null, label: entry.label, hidden: entry.hidden }
    const id = parseOptionId(entry.id)
    const current = id === null ? undefined : existing.get(id)
    if (id === null || !current) {
      issues.push({ path: `body.options.${i}.id`, message: 'is not an option of this poll' })
      return { id: null, label: '', hidden: true }
    }
    if (listed.has(id)) issues.push({ path: `body.options.${i}.id`, message: 'is listed twice' })
    listed.add(id)
    return { id, label: entry.label ?? current.label, hidden: entry.hidden ?? current.hidden === 1 }
  })
  const missing = rows.options.filter((o) => !listed.has(o.id)).map((o) => toOptionId(o.id))
  if (missing.length > 0) {
    issues.push({
      path: 'body.options',
      message: `must list every option of the poll (missing: ${missing.join(', ')}); delete unused ones with DELETE …/options/{option}`,
    })
  }
  if (issues.length > 0) {
    throw new ApiError('invalid_input', 'Invalid body.options', { issues })
  }
  return edits
}

const pollParams = zValidator('param', PollParamsSchema, validationHook)

export const adminPolls = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  // Polls are the site's content: the admin role (moderators get 403).
  .use(`${ADMIN_ROUTES.polls}/*`, requireRole('admin'))
  .get(
    ADMIN_ROUTES.polls,
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('query', AdminPollListQuerySchema, validationHook),
    async (c) => {
      const { limit, cursor, thread } = c.req.valid('query')
      const page = await listAdminPolls(c.env.DB, c.var.site.id, {
        limit,
        before: cursor === undefined ? null : Number(cursor),
        thread:
          thread === undefined
            ? null
            : thread === POLL_THREAD_NONE
              ? 'none'
              : { threadKey: thread },
      })
      const now = Date.now()
      const body: AdminPollPage = {
        polls: page.polls.map((rows) => viewOf(rows, now)),
        nextCursor: page.nextBefore === null ? null : String(page.nextBefore),
      }
      return c.json(body)
    }
  )
  .post(
    ADMIN_ROUTES.polls,
    jsonBody(),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('json', NewPollSchema, validationHook),
    async (c) => {
      const body = c.req.valid('json')
      const site = c.var.site.id
      const fields = {
        question: body.question,
        kind: body.kind,
        maxChoices: body.maxChoices ?? (body.kind === 'single' ? 1 : body.options.length),
        opensAt: ms(body.opensAt),
        closesAt: ms(body.closesAt),
        resultsVisibility: body.resultsVisibility,
        allowVoteChange: body.allowVoteChange,
      }
      assertDefinition({
        ...fields,
        options: body.options.map((label) => ({ label, hidden: false })),
      })
      const now = Date.now()
      const created = await insertPoll(
        c.env.DB,
        { ...fields, siteId: site, key: body.key, thread: body.thread, options: body.options },
        now
      )
      if (!created) {
        throw new ApiError('conflict', `There is already a poll "${body.key}": edit it with PATCH`)
      }
      const location = ADMIN_ROUTES.poll.replace(':site', site).replace(':poll', body.key)
      return c.json(viewOf(await findPoll(c.env.DB, site, body.key), now), 201, {
        Location: location,
      })
    }
  )
  .get(ADMIN_ROUTES.poll, pollParams, async (c) => {
    const { poll } = c.req.valid('param')
    return c.json(viewOf(await findPoll(c.env.DB, c.var.site.id, poll)))
  })
  .patch(
    ADMIN_ROUTES.poll,
    jsonBody(),
    pollParams,
    zValidator('json', EditPollSchema, validationHook),
    async (c) => {
      const { poll: key } = c.req.valid('param')
      const body = c.req.valid('json')
      const rows = await findPoll(c.env.DB, c.var.site.id, key)
      const { poll } = rows
      const now = Date.now()
      if (body.closeNow && body.closesAt !== undefined) {
        const message = 'send either closeNow or closesAt'
        throw new ApiError('invalid_input', 'Invalid body.closeNow', {
          issues: [{ path: 'body.closeNow', message }],
        })
      }
      const options = body.options ? optionEdits(rows, body.options) : undefined
      const definitionOptions =
        options ?? rows.options.map((o) => ({ label: o.label, hidden: o.hidden === 1 }))
      const kind = body.kind ?? poll.kind
      const kindChanged = body.kind !== undefined && body.kind !== poll.kind
      const visibleCount = definitionOptions.filter((o) => !o.hidden).length
      // A new kind without a maximum gets that kind's default, as on creation.
      const requestedMax =
        body.maxChoices ?? (kindChanged ? (kind === 'single' ? 1 : visibleCount) : undefined)
      const fields = {
        question: body.question ?? poll.question,
        kind,
        // Hiding options may leave fewer than the maximum: it then follows them down.
        maxChoices: requestedMax ?? Math.min(poll.max_choices, Math.max(visibleCount, 1)),
        opensAt: body.opensAt !== undefined ? ms(body.opensAt) : poll.opens_at,
        closesAt: body.closeNow
          ? now
          : body.closesAt !== undefined
            ? ms(body.closesAt)
            : poll.closes_at,
        resultsVisibility: body.resultsVisibility ?? poll.results_visibility,
        allowVoteChange: body.allowVoteChange ?? poll.allow_vote_change === 1,
      }
      assertDefinition({ ...fields, options: definitionOptions })
      if (poll.voter_count > 0 && requestedMax !== undefined && requestedMax < poll.max_choices) {
        // Ballots cast under the old maximum may hold more choices than the new one allows.
        const message = `can only be raised once the poll has votes (it is ${poll.max_choices})`
        throw new ApiError('conflict', `maxChoices ${message}`, {
          issues: [{ path: 'body.maxChoices', message }],
        })
      }
      const edit = { fields, options, ...(body.thread !== undefined && { thread: body.thread }) }
      if (!(await editPoll(c.env.DB, poll, edit, now))) throw changedMeanwhile()
      return c.json(viewOf(await findPoll(c.env.DB, c.var.site.id, key)))
    }
  )
  .delete(
    ADMIN_ROUTES.pollOption,
    zValidator('param', AdminPollOptionParamsSchema, validationHook),
    async (c) => {
      const { poll: key, option } = c.req.valid('param')
      const rows = await findPoll(c.env.DB, c.var.site.id, key)
      const id = parseOptionId(option)
      const target = rows.options.find((o) => o.id === id)
      if (id === null || !target) {
        throw new ApiError('not_found', `${option} is not an option of poll "${key}"`)
      }
      const hasVotes = () =>
        new ApiError(
          'option_has_votes',
          `${option} has votes or is a comment's stance: hide it instead (PATCH options)`
        )
      if (target.vote_count > 0) throw hasVotes()
      const remaining = rows.options
        .filter((o) => o.id !== id)
        .map((o) => ({ label: o.label, hidden: o.hidden === 1 }))
      // As when hiding: the maximum follows the visible options down.
      const visibleLeft = remaining.filter((o) => !o.hidden).length
      const maxChoices = Math.max(1, Math.min(rows.poll.max_choices, visibleLeft))
      const issues = pollDefinitionIssues({
        kind: rows.poll.kind,
        maxChoices,
        opensAt: rows.poll.opens_at,
        closesAt: rows.poll.closes_at,
        options: remaining,
      })
      if (issues.length > 0) {
        const why = issues.map((i) => `${i.path} ${i.message}`).join('; ')
        throw new ApiError('conflict', `Deleting ${option} would leave an invalid poll: ${why}`)
      }
      const outcome = await deleteOption(
        c.env.DB,
        rows.poll,
        { optionId: id, maxChoices },
        Date.now()
      )
      if (outcome === 'has_votes') throw hasVotes()
      if (outcome === 'conflict') throw changedMeanwhile()
      return c.json(viewOf(await findPoll(c.env.DB, c.var.site.id, key)))
    }
  )
  .get(
    ADMIN_ROUTES.pollExport,
    pollParams,
    zValidator('query', PollExportQuerySchema, validationHook),
    async (c) => {
      const { poll: key } = c.req.valid('param')
      const { format } = c.req.valid('query')
      const site = c.var.site.id
      const now = Date.now()
      const poll = viewOf(await findPoll(c.env.DB, site, key), now)
      const disposition = `attachment; filename="${exportFileName(site, key, format, now)}"`
      if (format === 'json') {
        const body: PollExport = { site, exportedAt: new Date(now).toISOString(), poll }
        return c.json(body, 200, { 'Content-Disposition': disposition })
      }
      return c.body(pollResultsCsv(poll), 200, {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': disposition,
      })
    }
  )
