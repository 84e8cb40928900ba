import { franc } from 'franc-min'
import { BCP47_BY_ISO6393 } from './lang-codes.ts'

/** Below this many letters trigram statistics guess wrong too often, so we store no language. */
export const LANG_MIN_LETTERS = 25

// Parts of a comment that are not prose in its language: links, e-mail addresses, inline code,
// and markup characters.
const NOT_PROSE = /(?:https?:\/\/|mailto:)\S+|\S+@\S+\.\S+|`[^`]*`|[*_`]/gi
// Quoted lines are often someone else's words, in their language.
const QUOTED_LINE = /^[ \t]*>.*$/gm

const letterCount = (text: string) => text.match(/\p{L}/gu)?.length ?? 0

/**
 * The BCP 47 tag of the comment's language ("en", "fr", "nl"), or null when the text is too short
 * or the detector cannot tell. A comment that is only a quote gets the quote's language.
 */
export function detectLang(text: string): string | null {
  const prose = text.replace(NOT_PROSE, ' ')
  const ownWords = prose.replace(QUOTED_LINE, ' ')
  const sample = letterCount(ownWords) >= LANG_MIN_LETTERS ? ownWords : prose
  if (letterCount(sample) < LANG_MIN_LETTERS) return null
  return BCP47_BY_ISO6393[franc(sample, { minLength: 1 })] ?? null
}
