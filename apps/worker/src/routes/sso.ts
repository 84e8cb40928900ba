import { zValidator } from '@hono/zod-validator'
import { SiteParamsSchema, SsoSessionRequestSchema, type SsoSession } from '@parley/core'
import { Hono } from 'hono'
import { claimTokenId, getSsoSecret, upsertSsoUser } from '../db/sso.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, validationHook } from '../errors.ts'
import { newReaderId } from '../lib/ids.ts'
import { signSsoSession } from '../lib/sso-session.ts'
import { invalidToken, verifyPublisherToken } from '../lib/sso-token.ts'
import { jsonBody } from '../middleware/json-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'

// Publisher sign-in (docs/decisions/0018-publisher-sign-in.md): the widget trades the token the
// publisher's server signed for its user for a reader session bound to that user.

export const ssoSession = new Hono<AppEnv>().post(
  '/',
  jsonBody(),
  zValidator('param', SiteParamsSchema, validationHook),
  zValidator('json', SsoSessionRequestSchema, validationHook),
  // A session is a reader token too: it shares their issuance limits, and a flood of forged
  // tokens is refused before any signature is checked.
  rateLimit('readers'),
  async (c) => {
    const { site } = c.req.valid('param')
    const db = c.env.DB
    const config = await getSsoSecret(db, site)
    if (!config) {
      throw new ApiError(
        'sso_not_configured',
        'This site has no sign-in secret yet: an admin sets one with PUT /v1/admin/sites/:site/sso/secret'
      )
    }
    const now = Date.now()
    // Verified before the jti is recorded, so a forged token cannot use up a real one's jti.
    const user = await verifyPublisherToken(c.req.valid('json').token, config.secret, site, now)
    if (!(await claimTokenId(db, site, user, now))) {
      throw invalidToken('was already used (its jti was seen before): sign a new one per page')
    }
    const row = await upsertSsoUser(db, site, user, newReaderId(), now)
    const session = await signSsoSession(c.env.READER_TOKEN_SECRET, site, row.reader_id, now)
    const body: SsoSession = {
      readerId: row.reader_id,
      token: session.token,
      expiresAt: new Date(session.expiresAt).toISOString(),
      user: { id: row.subject, name: row.name, avatarUrl: row.avatar_url },
    }
    return c.json(body, 201)
  }
)
