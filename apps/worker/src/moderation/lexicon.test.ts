import { describe, expect, it } from 'vitest'
import {
  compileLexicon,
  findLexicon,
  isQuoted,
  LEXICON,
  lexiconMatcher,
  type LexiconCategory,
} from './lexicon.ts'

const categories = (text: string): LexiconCategory[] =>
  findLexicon(text).map((hit) => hit.entry.category)
const weight = (text: string) => findLexicon(text).reduce((sum, hit) => sum + hit.weight, 0)

describe('the built-in lexicon', () => {
  it('compiles, with entries in all four languages and every category', () => {
    expect(lexiconMatcher().size).toBe(LEXICON.length)
    for (const lang of ['en', 'fr', 'nl', 'de'] as const) {
      expect(LEXICON.some((e) => e.lang === lang)).toBe(true)
    }
    const all: LexiconCategory[] = [
      'dehumanising',
      'generalisation',
      'exclusion',
      'threat',
      'slur',
      'spam',
    ]
    expect(new Set(LEXICON.map((e) => e.category))).toEqual(new Set(all))
    for (const e of LEXICON) expect([0.4, 0.5, 1, 2], e.pattern).toContain(e.weight)
  })

  it('rejects a malformed pattern', () => {
    const entry = { lang: 'en', category: 'spam', weight: 1 } as const
    expect(() => compileLexicon([{ ...entry, pattern: '{nope}' }])).toThrow(/unknown macro/)
    expect(() => compileLexicon([{ ...entry, pattern: '~2 spam' }])).toThrow(/start and end/)
    expect(() => compileLexicon([{ ...entry, pattern: "spam|l'eggs" }])).toThrow(/one word/)
  })

  it('finds word families, not fragments of other words', () => {
    expect(categories('They are parasites.')).toEqual(['dehumanising'])
    expect(categories('De parasieten!')).toEqual(['dehumanising'])
    // "neger" is a Dutch slur; "negeren" (to ignore) is not.
    expect(categories('We kunnen dit niet negeren.')).toEqual([])
    expect(categories('Policies in Niger and Nigeria')).toEqual([])
    expect(categories('A Pakistani court ruled on it.')).toEqual([])
  })
})

describe('generalisations', () => {
  it.each([
    'All migrants are criminals.',
    'Refugees are nothing but parasites',
    'Les immigrés sont tous des délinquants.',
    'Asielzoekers zijn allemaal profiteurs.',
    'Die Flüchtlinge sind alle Verbrecher.',
  ])('flags "%s"', (text) => {
    expect(categories(text)).toContain('generalisation')
  })

  it.each([
    'Some migrants are criminals, like in any population.',
    'Refugees are not criminals.',
    "Refugees aren't criminals.",
    'Migrants are often victims of criminals.',
    'Migrants in some of those camps are treated like animals.',
    'Les migrants ne sont pas des criminels.',
    'Les migrants sont des victimes, pas des criminels.',
    'Asielzoekers zijn geen criminelen.',
    'Geflüchtete sind nicht krimineller als andere.',
    'Die Flüchtlinge sind Opfer von kriminellen Banden.',
    'Migrants who are criminals should be deported.',
  ])('does not flag "%s"', (text) => {
    expect(categories(text)).not.toContain('generalisation')
  })
})

describe('threats and exclusion', () => {
  it('flags calls for violence, in four languages, at weight 2', () => {
    for (const text of [
      'They should all be shot.',
      'Il faut les fusiller.',
      'Die moeten allemaal opgehangen worden.',
      'Die sollte man erschießen.',
    ]) {
      const hits = findLexicon(text).filter((h) => h.entry.category === 'threat')
      expect(
        hits.map((h) => h.weight),
        text
      ).toEqual([2])
    }
  })

  it('does not flag policy words or negated violence', () => {
    for (const text of [
      'Failed asylum seekers should be deported.',
      'No one should be shot for crossing a border.',
      'They should not be killed in the desert.',
      'Trafficking must be eradicated.',
      'Il faut éliminer la pauvreté.',
      'Mensenhandel moet uitgeroeid worden.',
      'Menschenhandel muss ausgerottet werden.',
      'Traffickers should be prosecuted and jailed.',
    ]) {
      expect(categories(text), text).toEqual([])
    }
  })

  it('flags mass expulsion of a group, not removal of people without a right to stay', () => {
    expect(categories('Deport all Muslims.')).toEqual(['exclusion'])
    expect(categories('Renvoyez tous les étrangers.')).toEqual(['exclusion'])
    expect(categories('Deport all illegal migrants with a final rejection.')).toEqual([])
    expect(categories('Alle uitgeprocedeerde asielzoekers terugsturen.')).toEqual([])
  })
})

describe('spam', () => {
  it('adds up several spam phrases to a hold', () => {
    expect(
      weight('Earn 500 euros a day from home with bitcoin, write me on WhatsApp')
    ).toBeGreaterThanOrEqual(1)
    expect(weight('Online casino: 50 free spins!')).toBeGreaterThanOrEqual(1)
  })

  it('one innocent mention alone stays under the hold score', () => {
    for (const text of [
      'Traffickers launder money through crypto and casinos.',
      'Victims are recruited through WhatsApp groups.',
      'Migrant workers earn 3 euros an hour in those greenhouses.',
      'She was far from home.',
      'Girls are lured away from home with job offers on WhatsApp.',
      'Migrant workers earn 3 euros an hour and are recruited on Telegram.',
    ]) {
      expect(weight(text), text).toBeLessThan(1)
    }
  })
})

describe('quotation marks', () => {
  it('counts a quoted word at half its weight', () => {
    for (const text of [
      'He called them "vermin".',
      'Il les a traités de « vermine ».',
      "Ze noemde ze 'ongedierte'.",
      'Er nannte sie „Ungeziefer“.',
    ]) {
      const [hit] = findLexicon(text)
      expect(hit?.quoted, text).toBe(true)
      expect(hit?.weight, text).toBe(0.5)
    }
    expect(findLexicon('They are vermin.')[0]?.weight).toBe(1)
  })

  it('isQuoted needs a quotation mark on both sides', () => {
    expect(isQuoted('"abc"', 1, 4)).toBe(true)
    expect(isQuoted('« abc »', 2, 5)).toBe(true)
    expect(isQuoted('"abc', 1, 4)).toBe(false)
    expect(isQuoted('abc', 0, 3)).toBe(false)
  })
})
