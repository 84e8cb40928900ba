import type { RateLimitAction } from '@parley/core'
import { createMiddleware } from 'hono/factory'
import { hashedNetwork } from '../db/network-salts.ts'
import { consumeRateLimits, type RateLimit } from '../db/rate-limits.ts'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../errors.ts'
import { networkOf } from '../lib/network.ts'

type Kind = 'reader' | 'network' | 'site'

/** What the 429 message calls each action. */
const NOUNS: Record<RateLimitAction, string> = {
  readers: 'new reader tokens',
  comments: 'comments',
  edits: 'edits',
  deletes: 'deletions',
  reactions: 'reactions',
  reports: 'reports',
  votes: 'votes',
  notices: 'notices',
  appeals: 'appeals',
}

const WHO: Record<Kind, string> = {
  reader: 'from this reader',
  network: 'from this network',
  site: 'on this site',
}

export type RateLimitEnv = AppEnv & { Variables: { readerId?: string } }

/**
 * Whose actions a per-reader limit counts: the reader id behind the token. A publisher-signed-in
 * reader maps to one reader id per user, so this also counts per publisher user. The one place to
 * change should a limit ever count on something else.
 */
export function rateLimitSubject(c: { var: { readerId?: string } }): string | null {
  return c.var.readerId ? `reader:${c.var.readerId}` : null
}

const windowWords = (seconds: number) =>
  seconds % 3600 === 0
    ? `${seconds / 3600} h`
    : seconds % 60 === 0
      ? `${seconds / 60} min`
      : `${seconds} s`

/**
 * Counts the request against the site's rateLimits[action]: per reader (when the request has
 * one: use after requireReader), per network (its salted daily hash; the address itself is never
 * written) and per site. Over one of them: 429 rate_limited with Retry-After, the message and the
 * issue naming the limit (settings.rateLimits.<action>.<subject>).
 */
export const rateLimit = (action: RateLimitAction) =>
  createMiddleware<RateLimitEnv>(async (c, next) => {
    const settings: Partial<Record<Kind, { max: number; windowSeconds: number }>> =
      c.var.site.settings.rateLimits[action]
    const network = await hashedNetwork(c.env.DB, networkOf(c.req.raw.headers))
    const subjects: Record<Kind, string | null> = {
      reader: rateLimitSubject(c),
      network: network === null ? null : `network:${network}`,
      site: 'site',
    }
    const limits: (RateLimit & { kind: Kind })[] = []
    for (const kind of ['reader', 'network', 'site'] as const) {
      const limit = settings[kind]
      const subject = subjects[kind]
      if (limit && subject) limits.push({ kind, subject, ...limit })
    }
    const result = await consumeRateLimits(c.env.DB, c.var.site.id, action, limits)
    if (!result.allowed) {
      const { kind, max, windowSeconds } = limits.find((l) => l.subject === result.subject)!
      const seconds = result.retryAfterSeconds
      const path = `settings.rateLimits.${action}.${kind}`
      const rule = `at most ${max} per ${windowWords(windowSeconds)}`
      throw new ApiError(
        'rate_limited',
        `Too many ${NOUNS[action]} ${WHO[kind]} (${path}: ${rule}); try again in ${seconds} seconds`,
        {
          headers: { 'Retry-After': String(seconds) },
          issues: [{ path, message: rule }],
        }
      )
    }
    await next()
  })
