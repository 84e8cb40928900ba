import { encodeBase64Url } from './base64url.ts'

/**
 * The network a request comes from, as Cloudflare reports it: the whole IPv4 address, or the /64
 * prefix of an IPv6 address (one subscriber usually holds a whole /64, so a finer key would let
 * one person count as billions). Null when unknown (local tests, server-to-server calls).
 */
export function networkOf(headers: Headers): string | null {
  const address = headers.get('cf-connecting-ip')?.trim()
  if (!address) return null
  if (!address.includes(':')) return address
  return ipv6Prefix64(address)
}

function ipv6Prefix64(address: string): string {
  const [head = '', tail = ''] = address.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const missing = Math.max(0, 8 - left.length - right.length)
  const groups = address.includes('::')
    ? [...left, ...Array<string>(missing).fill('0'), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

const encoder = new TextEncoder()

/** A salted SHA-256 of the network, shortened to 128 bits: enough to tell networks apart. */
export async function hashNetwork(network: string, salt: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(`${salt}\n${network}`))
  return encodeBase64Url(new Uint8Array(digest).slice(0, 16))
}

/** "2026-11-29": salts rotate at midnight UTC. */
export const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10)
