import { zValidator } from '@hono/zod-validator'
import { ThreadParamsSchema, type Thread } from '@parley/core'
import { Hono } from 'hono'
import { listThreadPolls, loadPolls } from '../db/polls.ts'
import { getThread } from '../db/threads.ts'
import type { AppEnv } from '../env.ts'
import { validationHook } from '../errors.ts'
import { readerOf } from '../middleware/reader.ts'

export const threads = new Hono<AppEnv>().get(
  '/',
  zValidator('param', ThreadParamsSchema, validationHook),
  async (c) => {
    const { site, thread: key } = c.req.valid('param')
    const row = await getThread(c.env.DB, site, key)
    if (!row) {
      // A page nobody has commented on yet: nothing to store until the first comment.
      const empty: Thread = { site, key, title: null, commentCount: 0, polls: [] }
      return c.json(empty)
    }
    const polls = await listThreadPolls(c.env.DB, row.id)
    const readerId = polls.length > 0 ? await readerOf(c) : null
    const thread: Thread = {
      site,
      key,
      title: row.title,
      commentCount: row.comment_count,
      polls: await loadPolls(c.env.DB, polls, readerId),
    }
    return c.json(thread)
  }
)
