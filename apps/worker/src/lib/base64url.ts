/** base64url without padding (RFC 4648 §5), for tokens and cursors that travel in URLs. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Returns null for anything that is not canonical unpadded base64url. */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/')
  let binary: string
  try {
    binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  } catch {
    return null
  }
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0))
  // Reject non-canonical spellings (stray low bits in the last character), so one value has one text.
  return encodeBase64Url(bytes) === text ? bytes : null
}
