// The moderation pipeline (docs/decisions/0008-moderation-pipeline.md): a pure function from a
// new comment, the site's moderation settings and an optional classifier verdict to a decision
// with its score and human-readable reasons. It runs synchronously in the POST-comment route,
// before the insert; the verdict is stored in comments.moderation.
//
// Every signal adds a weight to the score. The site's holdRules decide:
//   score >= rejectScore  → reject (stored as spam: only its author sees it)
//   score >= holdScore    → hold   (pending: only its author sees it, "awaiting review")
//   otherwise             → publish
// In pre-moderation mode a comment that would be published is held instead (reason
// 'pre_moderation'); one that reaches rejectScore is still rejected.
//
// Weights, one table (defaults: holdScore 1, rejectScore 4):
//
// | signal            | when                                                      | weight                   |
// | ----------------- | --------------------------------------------------------- | ------------------------ |
// | banned_term       | each of the site's bannedTerms found, in text or name     | 1                        |
// | lexicon           | each built-in lexicon entry found (lexicon.ts), once for  | the entry's: 0.4, 0.5,   |
// |                   | overlapping matches (the highest weight)                  | 1 or 2                   |
// |                   | … inside quotation marks (mentioned, not used)            | half of that             |
// | links             | more links than holdRules.maxLinks                        | 1, +0.5 per further link, at most 3 |
// | shouting          | holdRules.shouting and > 70 % capitals of ≥ 20 letters    | 1                        |
// | repeated          | holdRules.repeatedCharacters and a run of ≥ 6 of one char | 0.5                      |
// |                   | … and one word ≥ 4 times in a row                         | 0.5                      |
// | first_time_reader | holdRules.firstTimeReader and no earlier published comment | holdScore (always holds) |
// | speed             | again within holdRules.minSecondsBetweenComments          | 0.5                      |
// | classifier        | the classifier flagged the text                           | 2 × verdict.score        |
// | pre_moderation    | settings.mode 'pre'                                       | 0 (the decision is hold) |
//
// 'reports', 'shadow_ban' and 'bot_check' are reasons the comment routes record later (a report
// threshold reached, a shadow-banned author, a failed bot check: src/lib/bot-checks.ts);
// moderate() never produces them.
import type { ModerationSettings } from '@parley/core'
import { findBannedTerms } from './banned-terms.ts'
import type { ClassifierVerdict } from './classifier.ts'
import { findLexicon, lexiconMatcher, type LexiconCategory } from './lexicon.ts'
import { tokenStreams, type Token } from './normalise.ts'
import {
  capitalsRatio,
  countLinks,
  isFirstTimeReader,
  isShouting,
  isTooFast,
  repetition,
  type ReaderActivity,
} from './signals.ts'

export interface ModerationInput {
  text: string
  authorName: string
  lang: string | null
  reader: { priorComments: number; secondsSinceLastComment: number | null }
}

export type ModerationSignal =
  | 'pre_moderation'
  | 'banned_term'
  | 'lexicon'
  | 'links'
  | 'shouting'
  | 'repeated'
  | 'first_time_reader'
  | 'speed'
  | 'classifier'
  | 'reports'
  | 'shadow_ban'
  | 'bot_check'

export interface ModerationReason {
  signal: ModerationSignal
  detail: string
  weight: number
}

export interface Verdict {
  decision: 'publish' | 'hold' | 'reject'
  score: number
  reasons: ModerationReason[]
}

/** The fixed weights of the table above (lexicon entries carry their own). */
export const SIGNAL_WEIGHTS = {
  bannedTerm: 1,
  links: 1,
  linksEachFurther: 0.5,
  linksMax: 3,
  shouting: 1,
  repeatedCharacters: 0.5,
  repeatedWord: 0.5,
  speed: 0.5,
  classifier: 2,
  quotedFactor: 0.5,
} as const

const CATEGORY_LABELS: Record<LexiconCategory, string> = {
  dehumanising: 'dehumanising language',
  generalisation: 'generalisation about a group',
  exclusion: 'exclusion of a group',
  conspiracy: 'replacement or invasion rhetoric',
  violence: 'wish or call for violence',
  threat: 'threat or call for violence',
  slur: 'slur',
  spam: 'spam',
}

const EXCERPT_MAX = 60

function quote(text: string): string {
  const clean = text.replace(/\s+/gu, ' ').trim()
  const short = clean.length > EXCERPT_MAX ? `${clean.slice(0, EXCERPT_MAX - 1)}…` : clean
  return `"${short}"`
}

const round = (n: number) => Math.round(n * 100) / 100

function textReasons(
  text: string,
  streams: Token[][],
  where: '' | ' in the name',
  settings: ModerationSettings
): ModerationReason[] {
  const reasons: ModerationReason[] = []
  for (const term of findBannedTerms(streams, settings.bannedTerms)) {
    reasons.push({
      signal: 'banned_term',
      detail: `banned term ${quote(term)}${where}`,
      weight: SIGNAL_WEIGHTS.bannedTerm,
    })
  }
  for (const hit of findLexicon(text, lexiconMatcher(), streams)) {
    const label = CATEGORY_LABELS[hit.entry.category]
    reasons.push({
      signal: 'lexicon',
      detail: `${label} ${quote(hit.excerpt)}${where}${hit.quoted ? ' (quoted)' : ''}`,
      weight: hit.weight,
    })
  }
  return reasons
}

/** Scores a new comment and decides what happens to it. Pure: no I/O, never throws on input. */
export function moderate(
  input: ModerationInput,
  settings: ModerationSettings,
  classifier?: ClassifierVerdict | null
): Verdict {
  const rules = settings.holdRules
  const reasons: ModerationReason[] = []
  if (settings.mode === 'pre') {
    reasons.push({
      signal: 'pre_moderation',
      detail: 'the site holds every comment for review',
      weight: 0,
    })
  }

  // Both matchers and the repeated-word signal read the same words, split once.
  const streams = tokenStreams(input.text)
  reasons.push(...textReasons(input.text, streams, '', settings))
  if (input.authorName.trim() !== '') {
    const name = input.authorName
    reasons.push(...textReasons(name, tokenStreams(name), ' in the name', settings))
  }

  const links = countLinks(input.text)
  if (links > rules.maxLinks) {
    const further = links - rules.maxLinks - 1
    reasons.push({
      signal: 'links',
      detail: `${links} links (more than ${rules.maxLinks})`,
      weight: Math.min(
        SIGNAL_WEIGHTS.links + further * SIGNAL_WEIGHTS.linksEachFurther,
        SIGNAL_WEIGHTS.linksMax
      ),
    })
  }

  if (rules.shouting && isShouting(input.text)) {
    const ratio = capitalsRatio(input.text) ?? 1
    reasons.push({
      signal: 'shouting',
      detail: `mostly capital letters (${Math.round(ratio * 100)} %)`,
      weight: SIGNAL_WEIGHTS.shouting,
    })
  }

  if (rules.repeatedCharacters) {
    const words = streams[0]!.map((t) => t.text)
    const { characterRun, wordRun } = repetition(input.text, words)
    if (characterRun) {
      reasons.push({
        signal: 'repeated',
        detail: `${quote(characterRun.char)} ${characterRun.length} times in a row`,
        weight: SIGNAL_WEIGHTS.repeatedCharacters,
      })
    }
    if (wordRun) {
      reasons.push({
        signal: 'repeated',
        detail: `the word ${quote(wordRun.word)} ${wordRun.length} times in a row`,
        weight: SIGNAL_WEIGHTS.repeatedWord,
      })
    }
  }

  const reader: ReaderActivity = input.reader
  if (isFirstTimeReader(reader, rules)) {
    reasons.push({
      signal: 'first_time_reader',
      detail: "the reader's first comment on this site",
      weight: rules.holdScore,
    })
  }
  if (isTooFast(reader, rules)) {
    reasons.push({
      signal: 'speed',
      detail: `posted ${Math.max(0, Math.floor(reader.secondsSinceLastComment ?? 0))} s after the previous comment (minimum ${rules.minSecondsBetweenComments} s)`,
      weight: SIGNAL_WEIGHTS.speed,
    })
  }

  if (classifier?.flagged) {
    const score = Math.min(Math.max(Number.isFinite(classifier.score) ? classifier.score : 1, 0), 1)
    const categories =
      classifier.categories.length > 0 ? classifier.categories.join(', ') : 'unsafe'
    reasons.push({
      signal: 'classifier',
      detail: `classifier: ${categories}`,
      weight: round(SIGNAL_WEIGHTS.classifier * score),
    })
  }

  const score = round(reasons.reduce((sum, r) => sum + r.weight, 0))
  const decision =
    score >= rules.rejectScore
      ? 'reject'
      : score >= rules.holdScore || settings.mode === 'pre'
        ? 'hold'
        : 'publish'
  return { decision, score, reasons }
}
