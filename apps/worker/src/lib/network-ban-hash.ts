import { encodeBase64Url } from './base64url.ts'
import { networkOf } from './network.ts'

// A network ban must recognise the same network tomorrow, so it cannot use the daily-salted hash
// of the rate limits (src/db/network-salts.ts). It keys on an HMAC instead: the address is never
// stored, and without the Worker secret the hash cannot be tied back to one.

const LABEL = 'parley-network-ban'
const encoder = new TextEncoder()
const keys = new Map<string, Promise<CryptoKey>>()

/** HMAC key = HMAC-SHA256(secret, label): a key of its own, apart from the reader-token key. */
function banKey(secret: string): Promise<CryptoKey> {
  if (!secret) throw new Error('READER_TOKEN_SECRET is not set')
  let key = keys.get(secret)
  if (!key) {
    key = (async () => {
      const root = await crypto.subtle.importKey(
        'raw',
        encoder.encode(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign']
      )
      const derived = await crypto.subtle.sign('HMAC', root, encoder.encode(LABEL))
      return crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ])
    })()
    keys.set(secret, key)
  }
  return key
}

/**
 * The stable hash of the request's network (an IPv4 address or an IPv6 /64, see networkOf) that
 * comments.network_hash and network bans hold: base64url of 128 bits of an HMAC-SHA256 under a
 * key derived from `secret`. Null when the network is unknown.
 */
export async function networkBanHash(secret: string, headers: Headers): Promise<string | null> {
  const network = networkOf(headers)
  if (network === null) return null
  const mac = await crypto.subtle.sign('HMAC', await banKey(secret), encoder.encode(network))
  return encodeBase64Url(new Uint8Array(mac).slice(0, 16))
}
