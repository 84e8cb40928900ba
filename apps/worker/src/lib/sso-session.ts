import { SSO_SESSION_TTL } from '@parley/core'
import { decodeBase64Url, encodeBase64Url } from './base64url.ts'
import { derivedHmacKey } from './derived-key.ts'
import { READER_ID_PATTERN } from './ids.ts'

// A signed-in reader's session token: `<readerId>.<expires, ms>.<base64url MAC>`, the MAC being
// HMAC-SHA256 over `site \n readerId \n expires` under a key derived from READER_TOKEN_SECRET with
// its own label. Like the anonymous reader token it needs no lookup, but it expires (SSO_SESSION_TTL),
// so a publisher that signs a user out (it stops handing out tokens) ends their Parley session
// within the hour. Two dots where an anonymous token has one: the two never parse as each other,
// and the label keeps an anonymous token's MAC from ever passing for this one.

const LABEL = 'parley-sso-session'
const encoder = new TextEncoder()
const EXPIRY = /^[1-9][0-9]{0,15}$/

const sessionKey = (secret: string) => derivedHmacKey(secret, LABEL, ['sign', 'verify'])
const message = (site: string, readerId: string, expiresAt: number) =>
  encoder.encode(`${site}\n${readerId}\n${expiresAt}`)

export interface SsoSessionToken {
  token: string
  expiresAt: number
}

export async function signSsoSession(
  secret: string,
  site: string,
  readerId: string,
  now = Date.now()
): Promise<SsoSessionToken> {
  const expiresAt = now + SSO_SESSION_TTL * 1000
  const mac = await crypto.subtle.sign(
    'HMAC',
    await sessionKey(secret),
    message(site, readerId, expiresAt)
  )
  return { token: `${readerId}.${expiresAt}.${encodeBase64Url(new Uint8Array(mac))}`, expiresAt }
}

/** Whether `token` has the shape of a session token (else it may be an anonymous one). */
export const isSsoSessionToken = (token: string): boolean => token.split('.').length === 3

/**
 * The reader id of a session token issued for `site` that has not expired, else null. The MAC is
 * checked with subtle.verify, in constant time.
 */
export async function verifySsoSession(
  secret: string,
  site: string,
  token: string,
  now = Date.now()
): Promise<string | null> {
  const [readerId = '', expiry = '', macText = '', ...rest] = token.split('.')
  const mac = decodeBase64Url(macText)
  if (rest.length > 0 || !READER_ID_PATTERN.test(readerId) || !EXPIRY.test(expiry)) return null
  if (mac?.byteLength !== 32) return null
  const expiresAt = Number(expiry)
  const ok = await crypto.subtle.verify(
    'HMAC',
    await sessionKey(secret),
    mac,
    message(site, readerId, expiresAt)
  )
  return ok && expiresAt > now ? readerId : null
}
