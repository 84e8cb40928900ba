// Control characters other than tab and newline, plus zero-width and bidi-override characters that
// let a reader hide or reorder text. Written as escapes so the source stays readable.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

/** NFC-normalises user text, strips invisible characters and unifies line endings. */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim()
}

/** Display names live on one line: every run of white space becomes one space. */
export function cleanName(input: string): string {
  return cleanText(input).replace(/\s+/g, ' ')
}
