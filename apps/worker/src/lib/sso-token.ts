import {
  cleanName,
  DISPLAY_NAME_MAX,
  SSO_CLOCK_SKEW,
  SSO_TOKEN_LIFETIME_MAX,
  SsoClaimsSchema,
} from '@parley/core'
import { verify } from 'hono/jwt'
import { ApiError } from '../errors.ts'

/** A publisher token that passed every check: who the user is, and until when the jti counts. */
export interface PublisherUser {
  subject: string
  name: string
  avatarUrl: string | null
  /** iat in ms: a name from an older token never overwrites one from a newer token. */
  issuedAt: number
  /** exp (+ the clock skew) in ms: the jti is remembered until then. */
  usableUntil: number
  jti: string
}

/** 401 sso_token_invalid naming why, so a publisher can debug its signing code from the answer. */
export const invalidToken = (why: string) =>
  new ApiError('sso_token_invalid', `The sign-in token ${why}`, {
    issues: [{ path: 'body.token', message: why }],
  })

/** Names and pictures come from the publisher, but are shown like a name typed in the form. */
function displayName(raw: string): string {
  return [...cleanName(raw)].slice(0, DISPLAY_NAME_MAX).join('').trim()
}

/**
 * Verifies a publisher's token for `site`. Hono's verify checks the structure, that the header is
 * exactly HS256 (so `alg: none`, HS512 and the RS256 key-confusion swap are refused before any
 * MAC is computed) and the MAC; the time claims are checked here with SSO_CLOCK_SKEW, which
 * Hono's checks do not allow. Does not look at replays: that needs the database (db/sso.ts).
 */
export async function verifyPublisherToken(
  token: string,
  secret: string,
  site: string,
  nowMs = Date.now()
): Promise<PublisherUser> {
  let payload: unknown
  try {
    payload = await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false })
  } catch (error) {
    const name = error instanceof Error ? error.name : ''
    if (name === 'JwtAlgorithmMismatch' || name === 'JwtHeaderInvalid') {
      throw invalidToken('must have the header {"alg":"HS256","typ":"JWT"}')
    }
    if (name === 'JwtTokenSignatureMismatched') {
      throw invalidToken("has a wrong signature: sign it with this site's SSO secret")
    }
    throw invalidToken('is not a well-formed JWT')
  }
  const parsed = SsoClaimsSchema.safeParse(payload)
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'payload'))]
    throw invalidToken(`has missing or invalid claims: ${fields.join(', ')}`)
  }
  const claims = parsed.data
  const now = Math.floor(nowMs / 1000)
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
  if (!audiences.includes(site)) throw invalidToken(`is for another site (aud must be "${site}")`)
  if (claims.exp <= claims.iat) throw invalidToken('expires before it was issued')
  if (claims.exp - claims.iat > SSO_TOKEN_LIFETIME_MAX) {
    throw invalidToken(`lives longer than ${SSO_TOKEN_LIFETIME_MAX} seconds (exp - iat)`)
  }
  if (claims.iat > now + SSO_CLOCK_SKEW || (claims.nbf ?? 0) > now + SSO_CLOCK_SKEW) {
    throw invalidToken('is not valid yet (iat or nbf in the future)')
  }
  if (claims.exp + SSO_CLOCK_SKEW <= now) throw invalidToken('has expired')
  const name = displayName(claims.name)
  if (!name) throw invalidToken('has an empty name')
  return {
    subject: claims.sub,
    name,
    avatarUrl: claims.avatar ?? null,
    issuedAt: claims.iat * 1000,
    usableUntil: (claims.exp + SSO_CLOCK_SKEW) * 1000,
    jti: claims.jti,
  }
}
