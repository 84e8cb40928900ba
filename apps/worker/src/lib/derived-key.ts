// Each kind of token or hash of the Worker gets an HMAC key of its own, derived from the one
// secret under its own label, so that none can pass for another.

const encoder = new TextEncoder()
const keys = new Map<string, Promise<CryptoKey>>()

/** HMAC key = HMAC-SHA256(secret, label), imported once per label and secret. */
export function derivedHmacKey(
  secret: string,
  label: string,
  usages: ('sign' | 'verify')[] = ['sign']
): Promise<CryptoKey> {
  if (!secret) throw new Error('READER_TOKEN_SECRET is not set')
  const id = `${label}\n${usages.join(',')}\n${secret}`
  let key = keys.get(id)
  if (!key) {
    key = (async () => {
      const root = await crypto.subtle.importKey(
        'raw',
        encoder.encode(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign']
      )
      const derived = await crypto.subtle.sign('HMAC', root, encoder.encode(label))
      return crypto.subtle.importKey(
        'raw',
        derived,
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        usages
      )
    })()
    keys.set(id, key)
  }
  return key
}
