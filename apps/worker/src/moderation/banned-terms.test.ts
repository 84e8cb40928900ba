import { describe, expect, it } from 'vitest'
import {
  bannedTermMatcher,
  compileBannedTerms,
  findBannedTerms,
  PatternMatcher,
  wordTests,
  type Pattern,
  type Slot,
} from './banned-terms.ts'

const found = (text: string, terms: string[]) => findBannedTerms(text, terms)

describe('banned terms: word boundaries', () => {
  it('matches a whole word only: no Scunthorpe problem', () => {
    for (const text of [
      'The class met for assistance with the passage.',
      'Assange, bass, harassment, Massachusetts, assessment',
      'glass-ceiling, sass',
    ]) {
      expect(found(text, ['ass']), text).toEqual([])
    }
    expect(found('What an ass.', ['ass'])).toEqual(['ass'])
    expect(found('ASS!', ['ass'])).toEqual(['ass'])
  })

  it('treats hyphens, apostrophes and punctuation as boundaries', () => {
    expect(found('an anti-immigrant rally', ['immigrant'])).toEqual(['immigrant'])
    expect(found("l'étranger", ['étranger'])).toEqual(['étranger'])
    expect(found('(vermin)', ['vermin'])).toEqual(['vermin'])
  })

  it('matches families only when asked: word* and *word', () => {
    expect(found('les étrangers', ['étranger'])).toEqual([])
    expect(found('les étrangers', ['étranger*'])).toEqual(['étranger*'])
    expect(found('Sozialschmarotzer!', ['schmarotzer'])).toEqual([])
    expect(found('Sozialschmarotzer!', ['*schmarotzer'])).toEqual(['*schmarotzer'])
  })

  it('matches multi-word phrases word by word, within one sentence', () => {
    expect(found('Just GO   back home, now', ['go back home'])).toEqual(['go back home'])
    expect(found('go back, home', ['go back home'])).toEqual(['go back home'])
    expect(found('I will go back. Home is far.', ['go back home'])).toEqual([])
    expect(found('go right back home', ['go back home'])).toEqual([])
  })

  it('returns each term once, as the site first wrote it', () => {
    const terms = ['Vermin', 'go home', 'vermin']
    expect(found('vermin, VERMIN and vermin: go home', terms)).toEqual(['Vermin', 'go home'])
  })
})

describe('banned terms: normalisation and obfuscation', () => {
  const terms = ['vermin']
  it.each([
    ['v3rm1n', 'l33t digits'],
    ['v€rm!n', 'l33t symbols'],
    ['V E R M I N', 'spaced letters'],
    ['v.e.r.m.i.n', 'dotted letters'],
    ['v-e-r-m-i-n', 'dashed letters'],
    ['verrrrmiiin', 'repeated letters'],
    ['vеrmin', 'a Cyrillic е'],
    ['ver\u200Bmin', 'a zero-width space'],
    ['ＶＥＲＭＩＮ', 'full-width letters'],
    ['Vérmîn', 'diacritics'],
  ])('finds "%s" (%s)', (text) => {
    expect(found(`They are ${text}, all of them`, terms)).toEqual(['vermin'])
  })

  it('keeps double letters: "kill" matches "killll" and "kill", not "kil"', () => {
    expect(found('killll them', ['kill'])).toEqual(['kill'])
    expect(found('kill them', ['kill'])).toEqual(['kill'])
    expect(found('kil them', ['kill'])).toEqual([])
  })

  it('does not shorten real double letters into another word', () => {
    expect(found('a looser rule', ['loser'])).toEqual([])
    expect(found('what a loooser', ['loser'])).toEqual(['loser'])
  })

  it('reads l33t in the term itself, and ignores terms with nothing to match', () => {
    expect(found('you ass', ['a$$'])).toEqual(['a$$'])
    expect(found('!!! ...', ['!!!', '...'])).toEqual([])
    expect(compileBannedTerms(['!!!', ' ', 'ok']).size).toBe(1)
  })
})

describe('banned terms in other scripts', () => {
  it('Cyrillic: whole words, any case', () => {
    expect(found('Они ВОР!', ['вор'])).toEqual(['вор'])
    expect(found('воробей на крыше', ['вор'])).toEqual([])
  })

  it('Greek: accents and case folded', () => {
    expect(found('ΕΙΝΑΙ ΠΑΡΆΣΙΤΑ', ['παράσιτα'])).toEqual(['παράσιτα'])
  })

  it('Arabic: a word between spaces', () => {
    expect(found('هم حشرات فعلا', ['حشرات'])).toEqual(['حشرات'])
    expect(found('الحشراتية', ['حشرات'])).toEqual([])
  })

  it('Chinese and Japanese: words are not spaced, so a term matches inside a sentence', () => {
    expect(found('他们是害虫。', ['害虫'])).toEqual(['害虫'])
    expect(found('害人的虫', ['害虫'])).toEqual([])
    expect(found('あいつらはゴキブリだ', ['ゴキブリ'])).toEqual(['ゴキブリ'])
  })
})

describe('bannedTermMatcher', () => {
  it('compiles a list once and reuses it', () => {
    const terms = ['alpha', 'beta gamma']
    expect(bannedTermMatcher(terms)).toBe(bannedTermMatcher([...terms]))
    expect(bannedTermMatcher(terms)).not.toBe(bannedTermMatcher(['alpha']))
  })

  it('handles a thousand terms and a long comment', () => {
    const terms = Array.from({ length: 1000 }, (_, i) => `term${i} word${i % 7}`)
    terms.push('needle')
    const text = `${'a perfectly ordinary sentence about border policy. '.repeat(97)}needle`
    expect(text.length).toBeGreaterThan(4900)
    expect(found(text, terms)).toEqual(['needle'])
  })
})

describe('patterns: sentence starts, optional words and guards', () => {
  const slot = (...words: string[]): Slot => ({
    type: 'slot',
    tests: words.flatMap((w) => wordTests(w)![0]!),
  })
  const found = (pattern: Omit<Pattern<string>, 'data'>, text: string) =>
    new PatternMatcher([{ ...pattern, data: 'x' }])
      .find(text)
      .map((m) => text.slice(m.start, m.end))

  it('a first slot may also match the start of a sentence, then no word at all', () => {
    const steps = [{ ...slot('should'), orSentenceStart: true }, slot('go')]
    expect(found({ steps }, 'Go. We should go.')).toEqual(['Go'])
    expect(found({ steps }, 'We should go.')).toEqual(['should go'])
    expect(found({ steps }, 'We go.')).toEqual([])
  })

  it('an optional word skips only the words it allows', () => {
    const steps = [slot('go'), { type: 'gap' as const, max: 1, only: slot('right') }, slot('home')]
    expect(found({ steps }, 'go right home')).toEqual(['go right home'])
    expect(found({ steps }, 'go home')).toEqual(['go home'])
    expect(found({ steps }, 'go left home')).toEqual([])
  })

  it('a guard cancels a match near its words, and the nearest referent decides', () => {
    const steps = [slot('they'), slot('left')]
    const near = { words: slot('not'), before: 2, after: 1 }
    expect(found({ steps, guards: [near] }, 'They left.')).toEqual(['They left'])
    expect(found({ steps, guards: [near] }, 'Not that they left.')).toEqual([])
    expect(found({ steps, guards: [near] }, 'Not sure. They left.')).toEqual(['They left'])
    const about = {
      words: slot('ministers'),
      before: 8,
      after: 0,
      acrossSentences: true,
      stopAt: slot('migrants'),
    }
    expect(found({ steps, guards: [about] }, 'The ministers met. They left.')).toEqual([])
    expect(found({ steps, guards: [about] }, 'Ministers met migrants. They left.')).toEqual([
      'They left',
    ])
    // A qualifying word right before the referent ("rejected migrants") counts as near.
    const status = { ...about, words: slot('rejected'), qualifies: true }
    expect(found({ steps, guards: [status] }, 'The rejected migrants? They left.')).toEqual([])
    expect(
      found({ steps, guards: [status] }, 'A rejected plan for other migrants. They left.')
    ).toEqual(['They left'])
  })
})
