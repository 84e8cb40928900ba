import { zValidator } from '@hono/zod-validator'
import { CountsQuerySchema, SiteParamsSchema, type Counts } from '@parley/core'
import { Hono } from 'hono'
import { countComments } from '../db/threads.ts'
import type { AppEnv } from '../env.ts'
import { validationHook } from '../errors.ts'

/** Comment counts of many threads at once, for article lists. */
export const counts = new Hono<AppEnv>().get(
  '/',
  zValidator('param', SiteParamsSchema, validationHook),
  zValidator('query', CountsQuerySchema, validationHook),
  async (c) => {
    const { site } = c.req.valid('param')
    const { threads } = c.req.valid('query')
    const body: Counts = { counts: await countComments(c.env.DB, site, threads) }
    return c.json(body)
  }
)
