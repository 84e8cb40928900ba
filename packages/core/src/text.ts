// What a reader cannot see but a string can carry, written as escapes so the source stays
// readable. Stripped everywhere: control characters other than tab and newline (C0, DEL, C1); the
// zero-width space U+200B, word joiner and invisible operators U+2060–U+2064 and the byte order
// mark U+FEFF, which only hide text or make two equal-looking strings differ; and the bidi
// embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069), which reorder what follows
// them so a text reads otherwise than it is stored ("Trojan Source").
//
// Kept: the zero-width joiner and non-joiner U+200D/U+200C. They are part of the text, not tricks:
// emoji sequences (👨‍👩‍👧, 🏳️‍🌈) are joined by ZWJ, and Persian, Urdu and Indic scripts need
// ZWNJ and ZWJ to choose between letter forms (می‌خواهم). The left-to-right and right-to-left
// marks U+200E/U+200F are kept in texts, where writers of Arabic and Hebrew use them to place
// punctuation and numbers next to the other direction; they only steer neutral characters and
// cannot reorder letters. A display name is one short run that needs none of that, and an
// invisible mark there would only make "Ada" and "Ada\u200E" two names that look the same, so
// names lose them.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
const DIRECTION_MARKS = /[\u200E\u200F]/g

/** NFC-normalises user text, strips invisible characters and unifies line endings. */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim()
}

/** Display names live on one line: every run of white space becomes one space. */
export function cleanName(input: string): string {
  return cleanText(input.replace(DIRECTION_MARKS, '')).replace(/\s+/g, ' ')
}
