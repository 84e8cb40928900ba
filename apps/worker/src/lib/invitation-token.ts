import { decodeBase64Url, encodeBase64Url } from './base64url.ts'
import { derivedHmacKey } from './derived-key.ts'

// An expert's invitation link carries `base64url(id + "." + expiresAt) + "." + base64url(HMAC)`.
// The MAC is HMAC-SHA256 under a key derived from READER_TOKEN_SECRET with its own label, so no
// other token of the Worker can pass for one. The link proves which invitation it is and until
// when; the row (expert_invitations) says whether it was revoked or answered meanwhile.

const LABEL = 'parley-expert-invitation'
const encoder = new TextEncoder()
const decoder = new TextDecoder()
const INVITATION_ID = /^xi_[0-9a-z]{10,40}$/
const EXPIRY = /^[1-9][0-9]{0,15}$/

const invitationKey = (secret: string) => derivedHmacKey(secret, LABEL, ['sign', 'verify'])

export interface InvitationClaim {
  id: string
  /** Milliseconds since the epoch. */
  expiresAt: number
}

/** The token of an invitation. Deterministic, so the console can show the link again. */
export async function signInvitationToken(secret: string, claim: InvitationClaim): Promise<string> {
  const payload = encoder.encode(`${claim.id}.${claim.expiresAt}`)
  const mac = await crypto.subtle.sign('HMAC', await invitationKey(secret), payload)
  return `${encodeBase64Url(payload)}.${encodeBase64Url(new Uint8Array(mac))}`
}

/**
 * The invitation a token names, if its MAC is right; null for anything else. Expiry is the
 * caller's to check (an expired link answers 410, not 404). The MAC is checked with subtle.verify,
 * in constant time.
 */
export async function verifyInvitationToken(
  secret: string,
  token: string
): Promise<InvitationClaim | null> {
  const dot = token.indexOf('.')
  if (dot < 0) return null
  const payload = decodeBase64Url(token.slice(0, dot))
  const mac = decodeBase64Url(token.slice(dot + 1))
  if (!payload || payload.byteLength > 80 || mac?.byteLength !== 32) return null
  const ok = await crypto.subtle.verify('HMAC', await invitationKey(secret), mac, payload)
  if (!ok) return null
  const [id, expiry, ...rest] = decoder.decode(payload).split('.')
  if (rest.length > 0 || !INVITATION_ID.test(id ?? '') || !EXPIRY.test(expiry ?? '')) return null
  return { id: id!, expiresAt: Number(expiry) }
}

/** The link an expert opens: the console's answer page, the token in the fragment. */
export const invitationUrl = (origin: string, token: string): string =>
  `${origin}/admin/answer#${token}`
