// Word-boundary matching of banned terms and lexicon patterns (docs/decisions/0008-moderation-pipeline.md).
//
// A pattern is a sequence of steps over the words of normalise.ts: a slot matches one word, a gap
// skips up to n words. A slot matches a word when any of the word's forms (as written, or
// de-obfuscated) equals one of its spellings, or starts/ends with it for a `word*` / `*word`
// family. Words are compared whole, so "ass" never matches "class" or "assistance", and a
// pattern never runs across the end of a sentence.
import { termWords, tokenStreams, type Token } from './normalise.ts'

export type WordTest =
  | { kind: 'exact'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string }
  | { kind: 'number' }

export interface Slot {
  type: 'slot'
  /** Any one of these matches. */
  tests: WordTest[]
  /**
   * The pattern's first slot only: it may also match no word at all when the match starts a
   * sentence ("^" in a lexicon pattern: "^|should kill them" is "Kill them." or "…should kill them").
   */
  orSentenceStart?: boolean
}

export interface Gap {
  type: 'gap'
  /** Skip up to this many words. */
  max: number
  /** Words that may not be skipped (e.g. negations: "are NOT criminals"). */
  forbid?: Slot
  /** Only these words may be skipped (an optional word: "[just|simply]"). */
  only?: Slot
}

export type Step = Slot | Gap

/**
 * Words that cancel a match when they stand near it: a negation before a wish ("nobody should
 * drown"), a debunking word after a slogan ("the great replacement MYTH"), or a nearer referent
 * that is not a group of people ("the SMUGGLERS? they are animals").
 */
export interface Guard {
  words: Slot
  /** How many words to look at before the match, and after it. */
  before: number
  after: number
  /** Look back across the ends of sentences too (the words after stay in the match's sentence). */
  acrossSentences?: boolean
  /** Stop looking at the first of these words: a nearer referent keeps the match… */
  stopAt?: Slot
  /** …unless one of the guard's words stands in the two words before it ("REJECTED asylum seekers"). */
  qualifies?: boolean
}

export interface Pattern<T> {
  steps: Step[]
  data: T
  /** Words that may not stand right before the match (in the same sentence). */
  notAfter?: Slot
  /** Words that may not stand near the match (see Guard). */
  guards?: Guard[]
}

export interface Match<T> {
  data: T
  /** UTF-16 offsets in the original text of the first and after the last matched word. */
  start: number
  end: number
  /** Where the last matched word begins. */
  lastStart: number
}

/** A number, possibly with a currency sign: 500, €4, 1.000, 3000€, $20k. */
const NUMBER = /^[€$£]?\p{N}[\p{N}.,]*(?:k|€|\$|£)?$/u

/** A slot's tests gathered for lookups: a set of spellings, prefixes and suffixes by length. */
interface CompiledSlot {
  exact: Set<string>
  prefixes: [length: number, values: Set<string>][]
  suffixes: [length: number, values: Set<string>][]
  number: boolean
}

const compiled = new WeakMap<Slot, CompiledSlot>()

function byLength(values: string[]): [number, Set<string>][] {
  const map = new Map<number, Set<string>>()
  for (const value of values) {
    const set = map.get(value.length) ?? new Set()
    set.add(value)
    map.set(value.length, set)
  }
  // Shortest first: a form is only compared with the prefixes and suffixes shorter than itself.
  return [...map].sort((a, b) => a[0] - b[0])
}

function compileSlot(slot: Slot): CompiledSlot {
  let c = compiled.get(slot)
  if (!c) {
    const values = (kind: WordTest['kind']) =>
      slot.tests.flatMap((t) => (t.kind === kind && 'value' in t ? [t.value] : []))
    c = {
      exact: new Set(values('exact')),
      prefixes: byLength(values('prefix')),
      suffixes: byLength(values('suffix')),
      number: slot.tests.some((t) => t.kind === 'number'),
    }
    compiled.set(slot, c)
  }
  return c
}

function formMatches(c: CompiledSlot, form: string): boolean {
  if (c.exact.has(form)) return true
  for (const [length, values] of c.prefixes) {
    if (form.length <= length) break
    if (values.has(form.slice(0, length))) return true
  }
  for (const [length, values] of c.suffixes) {
    if (form.length <= length) break
    if (values.has(form.slice(-length))) return true
  }
  return c.number && NUMBER.test(form)
}

export function slotMatches(slot: Slot, token: Token): boolean {
  const c = compileSlot(slot)
  for (const form of token.forms) if (formMatches(c, form)) return true
  return false
}

/**
 * Parses one word of a term: `word` exact, `word*` the word and every word it starts
 * (a word family: parasit* = parasite, parasites, parasitic), `*word` every word ending in it
 * (German compounds: *schmarotzer = Sozialschmarotzer). Returns null when nothing is left after
 * folding (punctuation only).
 */
export function wordTests(piece: string): WordTest[][] | null {
  const prefix = piece.length > 1 && piece.endsWith('*')
  const suffix = piece.length > 1 && piece.startsWith('*')
  const core = piece.slice(suffix ? 1 : 0, prefix ? -1 : undefined)
  const words = termWords(core)
  if (words.length === 0) return null
  return words.map((value, i) => {
    const exact: WordTest = { kind: 'exact', value }
    const tests: WordTest[] = [exact]
    if (prefix && i === words.length - 1) tests.push({ kind: 'prefix', value })
    if (suffix && i === 0) tests.push({ kind: 'suffix', value })
    return tests
  })
}

/** A site's banned term (a word or a phrase, `*` for word families) as a pattern. */
export function termPattern<T>(term: string, data: T): Pattern<T> | null {
  const steps: Step[] = []
  for (const piece of term.trim().split(/\s+/u)) {
    const words = wordTests(piece)
    if (words) for (const tests of words) steps.push({ type: 'slot', tests })
  }
  return steps.length > 0 ? { steps, data } : null
}

/** The word at `at` begins a sentence (or the text). */
const startsSentence = (words: Token[], at: number) => at === 0 || words[at]?.breakBefore === true

function matchFrom<T>(
  pattern: Pattern<T>,
  words: Token[],
  step: number,
  at: number,
  start: number
): number | null {
  if (step === pattern.steps.length) return at
  const current = pattern.steps[step]!
  if (current.type === 'slot') {
    const token = words[at]
    // Every word after the first must be in the same sentence.
    if (token && slotMatches(current, token) && !(at > start && token.breakBefore)) {
      const end = matchFrom(pattern, words, step + 1, at + 1, start)
      if (end !== null) return end
    }
    if (current.orSentenceStart && step === 0 && startsSentence(words, at)) {
      return matchFrom(pattern, words, step + 1, at, start)
    }
    return null
  }
  for (let skip = 0; skip <= current.max; skip++) {
    if (skip > 0) {
      const index = at + skip - 1
      const skipped = words[index]
      if (!skipped || (index > start && skipped.breakBefore)) return null
      if (current.forbid && slotMatches(current.forbid, skipped)) return null
      if (current.only && !slotMatches(current.only, skipped)) return null
    }
    const end = matchFrom(pattern, words, step + 1, at + skip, start)
    if (end !== null) return end
  }
  return null
}

/** Whether a guard's words stand near the match words[start, end). */
function guarded(guard: Guard, words: Token[], start: number, end: number): boolean {
  // A nearer referent (stopAt) decides, unless one of the guard's words qualifies it: one of the
  // two words before it, in its sentence ("REJECTED asylum seekers").
  const referent = (i: number) => {
    if (!guard.qualifies) return false
    for (let j = i - 1; j >= 0 && i - j <= 2 && !words[j + 1]!.breakBefore; j--) {
      if (slotMatches(guard.words, words[j]!)) return true
    }
    return false
  }
  for (let i = start - 1; i >= 0 && start - i <= guard.before; i--) {
    if (!guard.acrossSentences && words[i + 1]!.breakBefore) break
    if (guard.stopAt && slotMatches(guard.stopAt, words[i]!)) return referent(i)
    if (slotMatches(guard.words, words[i]!)) return true
  }
  for (let i = end; i < words.length && i - end < guard.after; i++) {
    if (words[i]!.breakBefore) break
    if (guard.stopAt && slotMatches(guard.stopAt, words[i]!)) return referent(i)
    if (slotMatches(guard.words, words[i]!)) return true
  }
  return false
}

/** Finds patterns in text; compiled once, used for many comments. */
export class PatternMatcher<T> {
  /** Patterns by the spellings their first word may have… */
  readonly #byFirstWord = new Map<string, Pattern<T>[]>()
  /** …or by the prefixes of a first-word family, per prefix length. */
  readonly #byFirstPrefix = new Map<number, Map<string, Pattern<T>[]>>()
  /** Patterns whose first word is a suffix family or a number: tried at every word. */
  readonly #others: Pattern<T>[] = []
  /** Patterns that may begin with a sentence ("^"): also tried at the first word of each. */
  readonly #atSentenceStart: Pattern<T>[] = []
  readonly size: number

  constructor(patterns: Iterable<Pattern<T>>) {
    let size = 0
    const add = <K>(map: Map<K, Pattern<T>[]>, key: K, pattern: Pattern<T>) => {
      const list = map.get(key) ?? []
      list.push(pattern)
      map.set(key, list)
    }
    for (const pattern of patterns) {
      size++
      const first = pattern.steps[0]
      if (first?.type === 'slot' && first.orSentenceStart) this.#atSentenceStart.push(pattern)
      if (
        first?.type !== 'slot' ||
        first.tests.some((t) => t.kind === 'suffix' || t.kind === 'number')
      ) {
        this.#others.push(pattern)
        continue
      }
      for (const test of first.tests) {
        if (test.kind === 'exact') add(this.#byFirstWord, test.value, pattern)
        if (test.kind === 'prefix') {
          const byPrefix = this.#byFirstPrefix.get(test.value.length) ?? new Map()
          this.#byFirstPrefix.set(test.value.length, byPrefix)
          add(byPrefix, test.value, pattern)
        }
      }
    }
    this.size = size
  }

  /** The patterns a word may begin, by its forms: words repeat, so they are looked up once. */
  readonly #byForms = new Map<string, Pattern<T>[]>()

  #startingWith(token: Token): Pattern<T>[] {
    const key = token.forms.join('\n')
    let patterns = this.#byForms.get(key)
    if (!patterns) {
      const found = new Set<Pattern<T>>()
      for (const form of token.forms) {
        for (const pattern of this.#byFirstWord.get(form) ?? []) found.add(pattern)
        for (const [length, byPrefix] of this.#byFirstPrefix) {
          if (form.length <= length) continue
          for (const pattern of byPrefix.get(form.slice(0, length)) ?? []) found.add(pattern)
        }
      }
      patterns = [...found]
      if (this.#byForms.size >= 4096) this.#byForms.clear()
      this.#byForms.set(key, patterns)
    }
    return patterns
  }

  /** The patterns to try at a word (a pattern may be listed twice: the second try is skipped). */
  #candidates(token: Token, sentenceStart: boolean): Pattern<T>[] {
    const byWord = this.#startingWith(token)
    if (this.#others.length === 0 && !sentenceStart) return byWord
    return [...byWord, ...this.#others, ...(sentenceStart ? this.#atSentenceStart : [])]
  }

  /**
   * Every pattern found in the text (or in its word streams from tokenStreams, when the caller
   * already has them), once each: the first place it occurs.
   */
  find(text: string | Token[][]): Match<T>[] {
    const found = new Map<Pattern<T>, Match<T>>()
    for (const words of typeof text === 'string' ? tokenStreams(text) : text) {
      for (let at = 0; at < words.length; at++) {
        const token = words[at]!
        for (const pattern of this.#candidates(token, startsSentence(words, at))) {
          if (found.has(pattern)) continue
          const before = words[at - 1]
          if (pattern.notAfter && before && !token.breakBefore) {
            if (slotMatches(pattern.notAfter, before)) continue
          }
          const end = matchFrom(pattern, words, 0, at, at)
          if (end === null || end === at) continue
          if (pattern.guards?.some((g) => guarded(g, words, at, end))) continue
          const last = words[end - 1]!
          found.set(pattern, {
            data: pattern.data,
            start: token.start,
            end: last.end,
            lastStart: last.start,
          })
        }
      }
    }
    return [...found.values()].sort((a, b) => a.start - b.start)
  }
}

/** A matcher for a site's bannedTerms; each match carries the term as the site wrote it. */
export type BannedTermMatcher = PatternMatcher<string>

export function compileBannedTerms(terms: readonly string[]): BannedTermMatcher {
  // Spellings that normalise alike ("Vermin", "vermin") are one term: the first one written.
  const patterns = new Map<string, Pattern<string>>()
  for (const term of terms) {
    const pattern = termPattern(term, term)
    const key = pattern && JSON.stringify(pattern.steps)
    if (pattern && key && !patterns.has(key)) patterns.set(key, pattern)
  }
  return new PatternMatcher(patterns.values())
}

// Sites change their terms rarely and every comment needs them: keep the last few compiled.
const CACHE_MAX = 16
const cache = new Map<string, BannedTermMatcher>()

/** compileBannedTerms, cached by the list's content. */
export function bannedTermMatcher(terms: readonly string[]): BannedTermMatcher {
  const key = terms.join('\u0000')
  let matcher = cache.get(key)
  if (matcher) {
    cache.delete(key)
  } else {
    matcher = compileBannedTerms(terms)
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!)
  }
  cache.set(key, matcher)
  return matcher
}

/** The site's banned terms found in the text (or its word streams), as the site wrote them. */
export function findBannedTerms(text: string | Token[][], terms: readonly string[]): string[] {
  if (terms.length === 0) return []
  return bannedTermMatcher(terms)
    .find(text)
    .map((m) => m.data)
}
