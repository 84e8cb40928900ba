import { createMiddleware } from 'hono/factory'
import type { Site } from '../db/sites.ts'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../errors.ts'
import { verifyReaderToken } from '../lib/reader-token.ts'

/** The reader id of a valid `Authorization: Bearer <token>` for this site, else null. */
export async function readerOf(c: {
  env: Env
  var: { site: Site }
  req: { header(name: string): string | undefined }
}): Promise<string | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')
  if (!match) return null
  return verifyReaderToken(c.env.READER_TOKEN_SECRET, c.var.site.id, match[1]!)
}

/** Writes need a reader token of this site: 401 unauthorized otherwise. */
export const requireReader = createMiddleware<AppEnv & { Variables: { readerId: string } }>(
  async (c, next) => {
    const readerId = await readerOf(c)
    if (!readerId) {
      throw new ApiError(
        'unauthorized',
        'Send "Authorization: Bearer <token>" with a reader token of this site',
        { headers: { 'WWW-Authenticate': 'Bearer' } }
      )
    }
    c.set('readerId', readerId)
    await next()
  }
)
