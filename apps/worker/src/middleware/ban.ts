import { createMiddleware } from 'hono/factory'
import { findActiveBan, type ActiveBan } from '../db/bans.ts'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../errors.ts'
import { networkBanHash } from '../lib/network-ban-hash.ts'

/** 403 banned, saying until when. */
export function bannedError(ban: ActiveBan): ApiError {
  const until = ban.expiresAt === null ? '' : ` until ${new Date(ban.expiresAt).toISOString()}`
  return new ApiError('banned', `You are banned from taking part on this site${until}`)
}

export type BanCheckEnv = AppEnv & { Variables: { readerId: string; shadowBanned: boolean } }

/**
 * For reader writes other than comments (reactions, reports, votes), after requireReader: a reader
 * under a ban by token or by network gets 403 banned. A shadow-banned reader passes with
 * c.var.shadowBanned set, and each route decides what their write does: reactions and reports are
 * answered as if accepted but not stored, so they change nothing others see; votes count as usual
 * (one anonymous ballot per token, which a shadow ban is not meant to hide). Comments are checked
 * by POST comments itself, which stores a shadow-banned reader's comment as 'shadow'.
 */
export const refuseBanned = createMiddleware<BanCheckEnv>(async (c, next) => {
  const networkHash = await networkBanHash(c.env.READER_TOKEN_SECRET, c.req.raw.headers)
  const ban = await findActiveBan(
    c.env.DB,
    c.var.site.id,
    { readerId: c.var.readerId, networkHash },
    Date.now()
  )
  if (ban && !ban.shadow) throw bannedError(ban)
  c.set('shadowBanned', ban !== null)
  await next()
})
