/** One or two initials of a display name: the first letters of its first and last words. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/)
  const first = (word = '') => [...word][0] ?? ''
  return (first(words[0]) + (words.length > 1 ? first(words.at(-1)) : '')).toUpperCase()
}

/**
 * Inline CSS for an initials avatar: a background colour from a hash of the name (the same name
 * always gets the same colour, with no request to anyone), and black or white text, whichever
 * contrasts more. The better of the two is always at least 4.58:1.
 */
export function avatarStyle(name: string): string {
  let hash = 0x811c9dc5 // FNV-1a
  for (const ch of name) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193)
  const rgb = [hash & 255, (hash >>> 8) & 255, (hash >>> 16) & 255]
  const [r, g, b] = rgb.map((c) =>
    (c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  )
  // Relative luminance (WCAG); black and white text contrast equally at 0.179.
  const dark = 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.179
  return `background:rgb(${rgb});color:${dark ? '#000' : '#fff'}`
}
