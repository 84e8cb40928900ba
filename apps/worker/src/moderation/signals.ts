// The pipeline's text and behaviour signals (docs/decisions/0008-moderation-pipeline.md). Each
// function measures one thing; pipeline.ts turns the measures into weighted reasons.
import type { HoldRules } from '@parley/core'
import { fold } from './normalise.ts'

// A link: a URL with a scheme, a www. host, or a bare domain with a common top-level domain
// ("cheap-pills.xyz/buy"). One expression, so "https://www.x.com" counts once.
const LINK =
  /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})*\.(?:com|net|org|info|biz|io|co|xyz|top|site|online|shop|store|club|click|link|live|icu|vip|win|bet|casino|loan|ru|cn|tk|ml|ga|cf|gq|eu|de|fr|nl|be|uk|ly|me|to|cc|ws)\b(?:\/[^\s<>"')\]]*)?/giu

/** The links in the text. */
export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0
}

/** Shouting: more than this share of the cased letters are capitals… */
export const SHOUTING_RATIO = 0.7
/** …counted over at least this many cased letters (links left out). */
export const SHOUTING_MIN_LETTERS = 20

const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u

/** Capitals among the text's cased letters, or null when it has too few to tell. */
export function capitalsRatio(text: string): number | null {
  const withoutLinks = text.replace(LINK, ' ')
  let upper = 0
  let cased = 0
  for (const char of withoutLinks) {
    const code = char.charCodeAt(0)
    if (code < 128) {
      if (code >= 65 && code <= 90) upper++
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) cased++
    } else if (UPPER.test(char)) {
      upper++
      cased++
    } else if (LOWER.test(char)) cased++
  }
  return cased >= SHOUTING_MIN_LETTERS ? upper / cased : null
}

export function isShouting(text: string): boolean {
  const ratio = capitalsRatio(text)
  return ratio !== null && ratio > SHOUTING_RATIO
}

/** A run of one character this long ("!!!!!!", "sooooooo") counts as repetition; digits don't. */
export const REPEATED_CHARACTER_RUN = 6
/** One word this many times in a row ("buy buy buy buy") counts as repetition. */
export const REPEATED_WORD_RUN = 4

export interface Repetition {
  /** The longest run of one character (not a digit or a space), with the character. */
  characterRun: { char: string; length: number } | null
  /** The longest run of one word in a row, with the word as folded. */
  wordRun: { word: string; length: number } | null
}

/**
 * The longest runs of one character and of one word. `words` are the text's folded words when
 * the caller has them (pipeline.ts does: tokenize()); otherwise they are read from the text.
 */
export function repetition(text: string, words?: readonly string[]): Repetition {
  let characterRun: Repetition['characterRun'] = null
  const plain = text.replace(LINK, ' ')
  let runStart = 0
  for (let i = 1; i <= plain.length; i++) {
    if (i < plain.length && plain.charCodeAt(i) === plain.charCodeAt(runStart)) continue
    const length = i - runStart
    if (
      length >= REPEATED_CHARACTER_RUN &&
      (characterRun === null || length > characterRun.length)
    ) {
      const char = plain[runStart]!
      if (!/[\s\p{N}]/u.test(char)) characterRun = { char, length }
    }
    runStart = i
  }

  let wordRun: Repetition['wordRun'] = null
  const list = words ?? fold(text).match(/[\p{L}\p{N}]+/gu) ?? []
  for (let i = 0; i < list.length;) {
    let j = i
    while (j < list.length && list[j] === list[i]) j++
    if (wordRun === null || j - i > wordRun.length) wordRun = { word: list[i]!, length: j - i }
    i = j
  }
  if (wordRun && wordRun.length < REPEATED_WORD_RUN) wordRun = null
  return { characterRun, wordRun }
}

/** What the pipeline knows about the author (src/db/reader-history.ts). */
export interface ReaderActivity {
  /** The reader's earlier published comments on the site. */
  priorComments: number
  /** Seconds since the reader's previous comment on the site (any status), null if none. */
  secondsSinceLastComment: number | null
}

/** A first comment on the site, when the site holds those. */
export function isFirstTimeReader(reader: ReaderActivity, rules: HoldRules): boolean {
  return rules.firstTimeReader && reader.priorComments === 0
}

/** Posting again sooner than the site's minimum interval (0 switches the rule off). */
export function isTooFast(reader: ReaderActivity, rules: HoldRules): boolean {
  return (
    rules.minSecondsBetweenComments > 0 &&
    reader.secondsSinceLastComment !== null &&
    reader.secondsSinceLastComment < rules.minSecondsBetweenComments
  )
}
