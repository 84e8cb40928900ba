import { zValidator } from '@hono/zod-validator'
import { SiteParamsSchema, type ErasureResult, type ReaderData } from '@parley/core'
import { Hono } from 'hono'
import { eraseReader } from '../db/erasure.ts'
import { readReaderData } from '../db/privacy-export.ts'
import { reactionWeight } from '../db/rank.ts'
import type { AppEnv } from '../env.ts'
import { validationHook } from '../errors.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { requireReader } from '../middleware/reader.ts'

// The reader's own data (GDPR art. 15, 17 and 20), with nothing but their reader token: GET data
// downloads it as JSON, DELETE erases it in one batch (src/db/erasure.ts). Neither checks bans: a
// banned reader keeps these rights. After DELETE the token names a reader with no data at all;
// the widget forgets it and asks for a new one (docs/decisions/0019-reader-data-and-retention.md).

export const privacy = new Hono<AppEnv>()
  .get('/data', requireReader, zValidator('param', SiteParamsSchema, validationHook), async (c) => {
    const { data }: { data: ReaderData } = await readReaderData(
      c.env.DB,
      c.var.site.id,
      c.var.readerId,
      Date.now()
    )
    c.header('Cache-Control', 'no-store')
    return c.json(data)
  })
  .delete(
    '/',
    // No body is expected; one sent anyway meets the guards of every write (test/write-guards).
    jsonBody({ optional: true }),
    requireReader,
    zValidator('param', SiteParamsSchema, validationHook),
    async (c) => {
      const { settings } = c.var.site
      const result: ErasureResult = await eraseReader(c.env.DB, {
        siteId: c.var.site.id,
        readerId: c.var.readerId,
        mode: settings.privacy.erasure,
        reactionWeight: reactionWeight(settings),
        anonymousName: settings.privacy.anonymousName,
        now: Date.now(),
      })
      c.header('Cache-Control', 'no-store')
      return c.json(result)
    }
  )
