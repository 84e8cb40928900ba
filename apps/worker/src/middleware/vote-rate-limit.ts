import { VOTE_RATE_LIMITS } from '@parley/core'
import { createMiddleware } from 'hono/factory'
import { hashedNetwork } from '../db/network-salts.ts'
import { consumeRateLimits, type RateLimit } from '../db/rate-limits.ts'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../errors.ts'
import { networkOf } from '../lib/network.ts'

/**
 * Counts every request that changes a vote against the reader's, the network's and the site's
 * limits (VOTE_RATE_LIMITS), and answers 429 rate_limited with Retry-After once one is spent.
 * The network is counted under its salted daily hash: the raw address is never written anywhere.
 * Runs after requireReader.
 */
export const limitVotes = createMiddleware<AppEnv & { Variables: { readerId: string } }>(
  async (c, next) => {
    const network = await hashedNetwork(c.env.DB, networkOf(c.req.raw.headers))
    const limits: RateLimit[] = [
      { subject: `reader:${c.var.readerId}`, ...VOTE_RATE_LIMITS.reader },
      { subject: 'site', ...VOTE_RATE_LIMITS.site },
    ]
    if (network !== null)
      limits.push({ subject: `network:${network}`, ...VOTE_RATE_LIMITS.network })
    const result = await consumeRateLimits(c.env.DB, c.var.site.id, 'vote', limits)
    if (!result.allowed) {
      const seconds = result.retryAfterSeconds
      throw new ApiError('rate_limited', `Too many votes; try again in ${seconds} seconds`, {
        headers: { 'Retry-After': String(seconds) },
      })
    }
    await next()
  }
)
