import { zValidator } from '@hono/zod-validator'
import { SiteParamsSchema, type Reader } from '@parley/core'
import { Hono } from 'hono'
import { insertReader } from '../db/readers.ts'
import type { AppEnv } from '../env.ts'
import { validationHook } from '../errors.ts'
import { newReaderId } from '../lib/ids.ts'
import { signReaderToken } from '../lib/reader-token.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'

export const readers = new Hono<AppEnv>().post(
  '/',
  jsonBody({ optional: true }),
  zValidator('param', SiteParamsSchema, validationHook),
  rateLimit('readers'),
  async (c) => {
    const { site } = c.req.valid('param')
    const readerId = newReaderId()
    // Signed first: a missing secret must fail before anything is written.
    const token = await signReaderToken(c.env.READER_TOKEN_SECRET, site, readerId)
    await insertReader(c.env.DB, { id: readerId, siteId: site, createdAt: Date.now() })
    const reader: Reader = { readerId, token }
    return c.json(reader, 201)
  }
)
