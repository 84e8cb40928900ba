import { decodeBase64Url, encodeBase64Url } from './base64url.ts'
import { READER_ID_PATTERN } from './ids.ts'

// A reader token is `<readerId>.<base64url HMAC-SHA256(secret, site + "\n" + readerId)>`. It needs
// no lookup to verify, and the site is part of the signed message, so a token issued for one site
// is worthless on another.

const encoder = new TextEncoder()
const keys = new Map<string, Promise<CryptoKey>>()

function hmacKey(secret: string): Promise<CryptoKey> {
  if (!secret) throw new Error('READER_TOKEN_SECRET is not set')
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify']
    )
    keys.set(secret, key)
  }
  return key
}

const message = (site: string, readerId: string) => encoder.encode(`${site}\n${readerId}`)

export async function signReaderToken(
  secret: string,
  site: string,
  readerId: string
): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), message(site, readerId))
  return `${readerId}.${encodeBase64Url(new Uint8Array(signature))}`
}

/** The reader id if `token` was issued for `site` with `secret`, else null. */
export async function verifyReaderToken(
  secret: string,
  site: string,
  token: string
): Promise<string | null> {
  const dot = token.indexOf('.')
  if (dot < 0) return null
  const readerId = token.slice(0, dot)
  const signature = decodeBase64Url(token.slice(dot + 1))
  if (!READER_ID_PATTERN.test(readerId) || signature?.byteLength !== 32) return null
  // subtle.verify compares in constant time, so the signature cannot be guessed byte by byte.
  const ok = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(secret),
    signature,
    message(site, readerId)
  )
  return ok ? readerId : null
}
