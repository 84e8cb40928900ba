import { zValidator } from '@hono/zod-validator'
import { PollParamsSchema, VoteSchema } from '@parley/core'
import { Hono } from 'hono'
import { castVote, getPollByKey, loadPolls } from '../db/polls.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { parseOptionId } from '../lib/ids.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { readerOf, requireReader } from '../middleware/reader.ts'

async function findPoll(db: D1Database, site: string, key: string) {
  const poll = await getPollByKey(db, site, key)
  if (!poll) throw new ApiError('poll_not_found', `There is no poll "${key}" on this site`)
  return poll
}

export const polls = new Hono<AppEnv>()
  .get('/', zValidator('param', PollParamsSchema, validationHook), async (c) => {
    const { site, poll: key } = c.req.valid('param')
    const poll = await findPoll(c.env.DB, site, key)
    const [result] = await loadPolls(c.env.DB, [poll], await readerOf(c))
    return c.json(result!)
  })
  .put(
    '/vote',
    jsonBody(),
    requireReader,
    zValidator('param', PollParamsSchema, validationHook),
    zValidator('json', VoteSchema, validationHook),
    async (c) => {
      const { site, poll: key } = c.req.valid('param')
      const { optionId } = c.req.valid('json')
      const poll = await findPoll(c.env.DB, site, key)
      const optionRowId = parseOptionId(optionId)
      const counted =
        optionRowId !== null &&
        (await castVote(c.env.DB, {
          pollId: poll.id,
          readerId: c.var.readerId,
          optionId: optionRowId,
          now: Date.now(),
        }))
      if (!counted) {
        throw new ApiError('invalid_option', `${optionId} is not an option of this poll`, {
          issues: [{ path: 'body.optionId', message: 'is not an option of this poll' }],
        })
      }
      const [result] = await loadPolls(c.env.DB, [poll], c.var.readerId)
      return c.json(result!)
    }
  )
