import { createMiddleware } from 'hono/factory'
import { postedUnderKey } from '../db/comment-writes.ts'
import { getTurnstileSecret } from '../db/turnstile-secrets.ts'
import { type ReaderEnv } from './reader.ts'
import { ApiError } from '../errors.ts'
import { verifyTurnstile } from '../lib/turnstile.ts'

/**
 * When the site's settings.turnstile asks for it on this action, the JSON body must carry a
 * `turnstileToken` that siteverify accepts: 400 challenge_required without one, 403
 * challenge_failed for a refused one, 503 unavailable when siteverify cannot be asked (or the
 * site has no secret yet). Use after jsonBody and the body's validator, and after the rate limit,
 * so a flood spends no siteverify calls. A comment retried under an Idempotency-Key that already
 * holds the reader's comment passes without a check: its token was spent by the attempt that
 * stored it (tokens are single-use), and the route answers with that comment.
 */
export const requireTurnstile = (action: 'comments' | 'votes') =>
  createMiddleware<ReaderEnv>(async (c, next) => {
    const { turnstile } = c.var.site.settings
    if (!turnstile.enabled || (action === 'votes' && !turnstile.votes)) return next()
    const idempotencyKey = c.req.header('idempotency-key')
    if (
      action === 'comments' &&
      idempotencyKey &&
      (await postedUnderKey(c.env.DB, c.var.readerId, idempotencyKey))
    ) {
      return next()
    }
    const body: unknown = await c.req.json()
    const token = (body as { turnstileToken?: unknown } | null)?.turnstileToken
    if (typeof token !== 'string' || token === '') {
      throw new ApiError('challenge_required', 'This site asks for a Turnstile token', {
        issues: [{ path: 'body.turnstileToken', message: 'is required on this site' }],
      })
    }
    const secret = await getTurnstileSecret(c.env.DB, c.var.site.id)
    if (!secret) {
      console.warn(`[parley] site ${c.var.site.id} enables Turnstile but has no secret`)
      throw new ApiError('unavailable', 'The bot check is not set up on this site yet', {
        headers: { 'Retry-After': '60' },
      })
    }
    const remoteIp = c.req.header('cf-connecting-ip') ?? null
    await verifyTurnstile(c.env, { secret, token, remoteIp })
    await next()
  })
