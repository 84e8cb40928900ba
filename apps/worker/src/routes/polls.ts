import { zValidator } from '@hono/zod-validator'
import { type Poll, PollParamsSchema, pollStatus, VoteSchema } from '@parley/core'
import { Hono } from 'hono'
import { castBallot, withdrawBallot } from '../db/ballots.ts'
import { scheduleOf, toPoll } from '../db/poll-views.ts'
import { readPollState, type PollRow, type PollState } from '../db/polls.ts'
import type { Site } from '../db/sites.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { jsonWithETag } from '../lib/etag.ts'
import { parseOptionId } from '../lib/ids.ts'
import { refuseBanned } from '../middleware/ban.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { readerOf, requireReader, requireSignIn } from '../middleware/reader.ts'
import { requireTurnstile } from '../middleware/turnstile.ts'
import { limitVotes } from '../middleware/vote-rate-limit.ts'

const pollNotFound = (key: string) =>
  new ApiError('poll_not_found', `There is no poll "${key}" on this site`)

/** 409 poll_not_open before opensAt, 409 poll_closed from closesAt on. */
function assertOpen(poll: PollRow, now: number): void {
  const status = pollStatus(scheduleOf(poll), now)
  if (status === 'scheduled') {
    const opensAt = new Date(poll.opens_at!).toISOString()
    throw new ApiError('poll_not_open', `This poll opens at ${opensAt}`)
  }
  if (status === 'closed') throw new ApiError('poll_closed', 'This poll is closed')
}

const lockedError = () =>
  new ApiError('vote_locked', 'Votes in this poll cannot be changed or withdrawn')

const choiceIssue = (message: string) => [{ path: 'body.optionIds', message }]

/**
 * The option row ids of a valid ballot: no more than the poll allows, every id naming a visible
 * option of this poll, none twice (422 too_many_choices / invalid_option otherwise). The count
 * comes first: a list too long for the poll is refused as such, whatever ids it holds.
 */
function checkChoices({ poll, options }: PollState, optionIds: string[]): number[] {
  const max = poll.kind === 'single' ? 1 : poll.max_choices
  if (optionIds.length > max) {
    const message =
      max === 1 ? 'must choose exactly one option' : `must choose at most ${max} options`
    throw new ApiError(
      'too_many_choices',
      `This poll allows ${max} choice${max === 1 ? '' : 's'}`,
      { issues: choiceIssue(message) }
    )
  }
  const votable = new Set(options.filter((o) => o.hidden === 0).map((o) => o.id))
  const chosen: number[] = []
  for (const optionId of optionIds) {
    const id = parseOptionId(optionId)
    if (id === null || !votable.has(id)) {
      const message = `${optionId} is not an option of this poll`
      throw new ApiError('invalid_option', message, { issues: choiceIssue(message) })
    }
    if (chosen.includes(id)) {
      const message = `${optionId} is chosen more than once`
      throw new ApiError('invalid_option', message, { issues: choiceIssue(message) })
    }
    chosen.push(id)
  }
  return chosen
}

/** Poll.turnstile: the site key while votes need a Turnstile token (see requireTurnstile). */
const turnstileOf = ({ settings: { turnstile } }: Site): Poll['turnstile'] =>
  turnstile.enabled && turnstile.votes ? { siteKey: turnstile.siteKey } : null

/**
 * The reader's view with Poll.turnstile: a poll may stand alone, without a thread to say whether
 * votes need a token, and the answer to a vote carries it too so the widget keeps knowing.
 */
const view = (site: Site, state: PollState, now: number): Poll => ({
  ...toPoll(state, now),
  turnstile: turnstileOf(site),
})

const sameChoices = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id) => b.includes(id))

const params = zValidator('param', PollParamsSchema, validationHook)

export const polls = new Hono<AppEnv>()
  .get('/', params, async (c) => {
    const { site, poll: key } = c.req.valid('param')
    const state = await readPollState(c.env.DB, { siteId: site, key }, await readerOf(c))
    if (!state) throw pollNotFound(key)
    return jsonWithETag(c, view(c.var.site, state, Date.now()))
  })
  .put(
    '/vote',
    jsonBody(),
    requireReader,
    requireSignIn('vote'),
    // A banned reader may not vote; a shadow-banned one votes as usual (see refuseBanned).
    refuseBanned,
    params,
    zValidator('json', VoteSchema, validationHook),
    limitVotes,
    requireTurnstile('votes'),
    async (c) => {
      const { site, poll: key } = c.req.valid('param')
      const now = Date.now()
      const current = await readPollState(c.env.DB, { siteId: site, key }, null)
      if (!current) throw pollNotFound(key)
      assertOpen(current.poll, now)
      const optionIds = checkChoices(current, c.req.valid('json').optionIds)
      const { written, state } = await castBallot(c.env.DB, {
        pollId: current.poll.id,
        readerId: c.var.readerId,
        optionIds,
        now,
      })
      if (!state) throw pollNotFound(key)
      if (!written) {
        // The database refused: find out why from the state it read back.
        assertOpen(state.poll, now)
        if (state.myChoices.length === 0) {
          const message = 'an option was removed meanwhile; reload the poll'
          throw new ApiError('invalid_option', message, { issues: choiceIssue(message) })
        }
        // A retry of the very ballot already counted is a success, not a change.
        if (!sameChoices(state.myChoices, optionIds)) throw lockedError()
      }
      return c.json(view(c.var.site, state, now))
    }
  )
  .delete(
    '/vote',
    jsonBody({ optional: true }),
    requireReader,
    refuseBanned,
    params,
    limitVotes,
    async (c) => {
      const { site, poll: key } = c.req.valid('param')
      const now = Date.now()
      const current = await readPollState(c.env.DB, { siteId: site, key }, c.var.readerId)
      if (!current) throw pollNotFound(key)
      // Nothing to withdraw is not an error: DELETE is idempotent.
      if (current.myChoices.length === 0) return c.json(view(c.var.site, current, now))
      assertOpen(current.poll, now)
      if (current.poll.allow_vote_change === 0) throw lockedError()
      const state = await withdrawBallot(c.env.DB, {
        pollId: current.poll.id,
        readerId: c.var.readerId,
        now,
      })
      if (!state) throw pollNotFound(key)
      if (state.myChoices.length > 0) {
        assertOpen(state.poll, now)
        throw lockedError()
      }
      return c.json(view(c.var.site, state, now))
    }
  )
