// Text normalisation for the moderation pipeline (docs/decisions/0008-moderation-pipeline.md).
//
// Comments and the terms matched against them go through the same steps, so a term written with
// accents, capitals or ligatures matches the same word written any other way:
//   1. fold each character: Unicode NFKC (full-width letters, ligatures), case folding (ß → ss),
//      combining marks stripped (é → e), zero-width and other invisible characters dropped;
//   2. split into words on Unicode letter/number boundaries; in scripts written without spaces
//      (Han, kana, Thai…) every character is a word, so a term there matches as a substring;
//   3. give each word its de-obfuscated forms: l33t digits and symbols read as letters
//      (v3rm1n → vermin), Cyrillic/Greek look-alikes in a Latin word read as Latin, runs of three
//      or more of one letter shortened to one and to two (loooser → loser, killll → kill);
//   4. a second word stream joins s p a c e d and s.p.a.c.e.d single letters into one word.
// Every word keeps its offsets in the original text, so a match can be shown and its context
// (quotation marks) inspected.

/** A word of the text: its folded spelling, the forms it may stand for, and where it is. */
export interface Token {
  /** The folded word, as written. */
  text: string
  /** `text` first, then its de-obfuscated readings, without duplicates. */
  forms: string[]
  /** UTF-16 offsets of the word in the original text. */
  start: number
  end: number
  /** A sentence ends between the previous word and this one (. ! ? ; or a blank line). */
  breakBefore: boolean
}

/** Invisible characters: soft hyphen, joiners, direction marks, variation selectors, BOM, fillers. */
const INVISIBLE: readonly [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xe0000, 0xe007f],
]
const isInvisible = (code: number) => INVISIBLE.some(([from, to]) => code >= from && code <= to)
const MARKS = /\p{M}/gu
const FOLD_EXTRA: Record<string, string> = { ß: 'ss', ẞ: 'ss', ς: 'σ', ı: 'i', ſ: 's' }

const foldCache = new Map<string, string>()

/** One character (code point) folded: NFKC, lower case, no marks; '' for invisible ones. */
export function foldChar(char: string): string {
  const code = char.charCodeAt(0)
  if (char.length === 1 && code < 128) return code >= 65 && code <= 90 ? char.toLowerCase() : char
  const cached = foldCache.get(char)
  if (cached !== undefined) return cached
  let out = ''
  if (!isInvisible(char.codePointAt(0)!)) {
    out = char.normalize('NFKC').toLowerCase()
    out = [...out].map((c) => FOLD_EXTRA[c] ?? c).join('')
    out = out.normalize('NFD').replace(MARKS, '')
  }
  if (foldCache.size < 4096) foldCache.set(char, out)
  return out
}

/** The text folded character by character (see foldChar). */
export function fold(text: string): string {
  let out = ''
  for (const char of text) out += foldChar(char)
  return out
}

// Digits and symbols read as letters inside a word. '1' and '|' read as i or l: both are tried.
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '€': 'e',
  '!': 'i',
  '|': 'i',
  '+': 't',
}
/** Symbols that count as letters when a letter or digit follows (and, for ! | +, precedes). */
const LEET_SYMBOLS = new Set(['@', '$', '€', '!', '|', '+'])
const NEEDS_LETTER_BEFORE = new Set(['!', '|', '+'])

// Cyrillic and Greek letters that look like Latin ones, read as Latin inside a word that also
// has Latin letters ("раrasites" with a Cyrillic р and а).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
}

const LETTER = /\p{L}/u
const DIGIT = /\p{N}/u
const LATIN = /\p{Script=Latin}/u
const NON_LATIN_LOOKALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}]/u
/** Scripts written without spaces between words: each character is a word of its own. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u
const SENTENCE_END = /[.!?;。！？]|\n\s*\n/u
/** What may stand between the letters of a s p a c e d or s.p.a.c.e.d word. */
const SPACING = /^[\s.\-_*/·•,+~]{1,3}$/u

const OTHER = 0
const WORD = 1
const UNSPACED_WORD = 2
const classCache = new Map<string, number>()

/** A folded character's class: part of a word, a word on its own (unspaced scripts), or neither. */
function charClass(c: string): number {
  const code = c.charCodeAt(0)
  if (c.length === 1 && code < 128) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)
      ? WORD
      : OTHER
  }
  let cls = classCache.get(c)
  if (cls === undefined) {
    cls = UNSPACED.test(c) ? UNSPACED_WORD : LETTER.test(c) || DIGIT.test(c) ? WORD : OTHER
    if (classCache.size < 4096) classCache.set(c, cls)
  }
  return cls
}

const isWordChar = (c: string) => charClass(c) !== OTHER

interface FoldedChar {
  char: string
  /** Offset of the original code point it came from. */
  start: number
  end: number
}

function foldedChars(text: string): FoldedChar[] {
  const out: FoldedChar[] = []
  let offset = 0
  for (const original of text) {
    const start = offset
    offset += original.length
    for (const char of foldChar(original)) out.push({ char, start, end: offset })
  }
  return out
}

/**
 * Splits folded text into raw words with their offsets. In `term` mode (for banned terms) every
 * l33t symbol counts as part of a word; in text, only where a letter or digit follows it.
 */
function splitWords(
  text: string,
  term: boolean
): { text: string; start: number; end: number; breakBefore: boolean }[] {
  const chars = foldedChars(text)
  const words: { text: string; start: number; end: number; breakBefore: boolean }[] = []
  let current: FoldedChar[] = []
  let between = ''
  const flush = () => {
    if (current.length === 0) return
    const first = current[0]!
    const last = current[current.length - 1]!
    words.push({
      text: current.map((c) => c.char).join(''),
      start: first.start,
      end: last.end,
      breakBefore: words.length > 0 && SENTENCE_END.test(between),
    })
    current = []
    between = ''
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    const cls = charClass(c.char)
    if (cls === UNSPACED_WORD) {
      flush()
      current.push(c)
      flush()
      continue
    }
    if (cls === WORD) {
      current.push(c)
      continue
    }
    if (LEET_SYMBOLS.has(c.char)) {
      // Take a run of symbols when a word character follows it ("a$$hole", "@ss", "sh!t").
      let j = i
      while (j < chars.length && LEET_SYMBOLS.has(chars[j]!.char)) j++
      const next = chars[j]?.char
      const run = chars.slice(i, j)
      const needsBefore = run.some((r) => NEEDS_LETTER_BEFORE.has(r.char))
      const inWord =
        term ||
        (next !== undefined && charClass(next) === WORD && (!needsBefore || current.length > 0))
      if (inWord) {
        current.push(...run)
        i = j - 1
        continue
      }
    }
    flush()
    between += c.char
  }
  flush()
  return words
}

function readLeet(word: string, one: 'i' | 'l'): string {
  let out = ''
  for (const c of word) {
    if (c === '1' || c === '|') out += one
    else out += LEET[c] ?? c
  }
  return out
}

function readHomoglyphs(word: string): string {
  let out = ''
  for (const c of word) out += HOMOGLYPHS[c] ?? c
  return out
}

/** Runs of 3+ of one character, shortened to one and to two: every combination up to 3 runs. */
function squeezeRepeats(word: string): string[] {
  const runs: { start: number; length: number }[] = []
  const chars = [...word]
  for (let i = 0; i < chars.length;) {
    let j = i
    while (j < chars.length && chars[j] === chars[i]) j++
    if (j - i >= 3 && LETTER.test(chars[i]!)) runs.push({ start: i, length: j - i })
    i = j
  }
  if (runs.length === 0) return []
  const choices: number[][] =
    runs.length <= 3
      ? Array.from({ length: 2 ** runs.length }, (_, mask) =>
          runs.map((_, r) => ((mask >> r) & 1 ? 2 : 1))
        )
      : [runs.map(() => 1), runs.map(() => 2)]
  return choices.map((keep) => {
    let out = ''
    let r = 0
    for (let i = 0; i < chars.length; i++) {
      const run = runs[r]
      if (run && i === run.start) {
        out += chars[i]!.repeat(keep[r]!)
        i += run.length - 1
        r++
      } else out += chars[i]
    }
    return out
  })
}

const hasLetter = (s: string) => LETTER.test(s)
const hasLeet = (s: string) => [...s].some((c) => c in LEET)

/** The word as written, then every de-obfuscated reading of it. */
export function wordForms(word: string): string[] {
  const forms = new Set<string>([word])
  const readings = new Set<string>([word])
  if ([...word].some((c) => LATIN.test(c)) && NON_LATIN_LOOKALIKE.test(word)) {
    readings.add(readHomoglyphs(word))
  }
  if (hasLetter(word) && hasLeet(word)) {
    for (const reading of [...readings]) {
      readings.add(readLeet(reading, 'i'))
      readings.add(readLeet(reading, 'l'))
    }
  }
  for (const reading of readings) {
    forms.add(reading)
    for (const squeezed of squeezeRepeats(reading)) forms.add(squeezed)
  }
  return [...forms]
}

/** The words of a comment, each with its de-obfuscated forms. */
export function tokenize(text: string): Token[] {
  return splitWords(text, false).map((w) => ({ ...w, forms: wordForms(w.text) }))
}

/**
 * The words of a banned term or lexicon entry: folded like comments, every l33t symbol part of
 * the word and read as a letter when the word has letters (a site's "a$$" is "ass"). Repeated
 * letters are kept: a term means what it spells.
 */
export function termWords(term: string): string[] {
  return splitWords(term, true)
    .filter((w) => [...w.text].some(isWordChar))
    .map((w) => (hasLetter(w.text) && hasLeet(w.text) ? readLeet(w.text, 'i') : w.text))
}

const isSingle = (t: Token) => [...t.text].length === 1 && charClass(t.text) === WORD

/**
 * The word streams to match in: the words, and (when the text has any) the words with runs of
 * three or more single letters separated by spaces, dots, dashes or the like joined into one.
 */
export function tokenStreams(text: string): Token[][] {
  const words = tokenize(text)
  const joined: Token[] = []
  let changed = false
  for (let i = 0; i < words.length;) {
    let j = i
    if (isSingle(words[i]!)) {
      j = i + 1
      while (
        j < words.length &&
        isSingle(words[j]!) &&
        SPACING.test(text.slice(words[j - 1]!.end, words[j]!.start))
      ) {
        j++
      }
    }
    if (j - i >= 3) {
      const run = words.slice(i, j)
      const spelled = run.map((t) => t.text).join('')
      joined.push({
        text: spelled,
        forms: wordForms(spelled),
        start: run[0]!.start,
        end: run[run.length - 1]!.end,
        breakBefore: run[0]!.breakBefore,
      })
      changed = true
      i = j
    } else {
      joined.push(words[i]!)
      i++
    }
  }
  return changed ? [words, joined] : [words]
}

/**
 * The text in one canonical spelling: folded, spaced letters joined, and each word in its first
 * de-obfuscated reading (l33t read as letters, runs of one letter shortened to one), separated by
 * single spaces. For display and tests; the matchers use every form of every word.
 */
export function normalise(text: string): string {
  const streams = tokenStreams(text)
  const words = streams[streams.length - 1]!
  return words
    .map((t) => {
      const readings = t.forms.filter((f) => f !== t.text)
      return readings.find((f) => !hasLeet(f) && !/(\p{L})\1\1/u.test(f)) ?? t.text
    })
    .join(' ')
}
