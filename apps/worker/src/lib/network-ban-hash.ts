import { encodeBase64Url } from './base64url.ts'
import { networkOf } from './network.ts'
import { derivedHmacKey } from './derived-key.ts'

// A network ban must recognise the same network tomorrow, so it cannot use the daily-salted hash
// of the rate limits (src/db/network-salts.ts). It keys on an HMAC instead: the address is never
// stored, and without the Worker secret the hash cannot be tied back to one.

const LABEL = 'parley-network-ban'
const encoder = new TextEncoder()

/** A key of its own, apart from the reader-token key (derived-key.ts). */
const banKey = (secret: string) => derivedHmacKey(secret, LABEL)

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
