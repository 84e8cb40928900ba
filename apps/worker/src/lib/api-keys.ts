// Per-site API keys for the admin API: `pk_<id>_<secret>`. The id finds the row; only a SHA-256 of
// the secret is stored, so a leaked database does not leak usable keys
// (docs/decisions/0009-admin-keys-and-roles.md).

// Crockford's base32 in lower case, as in ids.ts: keys survive being read aloud or copied.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const ID_CHARS = 16 // 80 bits: unique, not secret
const SECRET_CHARS = 32 // 160 bits of randomness
const KEY_PATTERN = /^pk_([0-9a-z]{16})_([0-9a-z]{32})$/

function randomChars(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  let out = ''
  for (const byte of bytes) out += ALPHABET[byte & 31]
  return out
}

export interface NewKey {
  id: string
  /** What the caller sends as the bearer token; shown once. */
  key: string
  /** What is stored. */
  secretHash: string
}

export async function newApiKey(): Promise<NewKey> {
  const id = randomChars(ID_CHARS)
  const secret = randomChars(SECRET_CHARS)
  return { id, key: `pk_${id}_${secret}`, secretHash: await hashSecret(secret) }
}

/** Splits a bearer token that has the shape of an API key; null otherwise. */
export function parseApiKey(token: string): { id: string; secret: string } | null {
  const match = KEY_PATTERN.exec(token)
  return match ? { id: match[1]!, secret: match[2]! } : null
}

/** Hex SHA-256. A fast hash is enough: the secret is random, not a password to brute-force. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
