import { data } from 'franc-min/data.js'
import { expressions } from 'franc-min/expressions.js'
import { iso6393To1 } from 'iso-639-3'
import { describe, expect, it } from 'vitest'
import { demoComments } from '../../demo/content.ts'
import { BCP47_BY_ISO6393 } from './lang-codes.ts'
import { detectLang } from './lang.ts'

describe('the ISO 639-3 → BCP 47 table', () => {
  // Fails when franc-min or iso-639-3 is upgraded without `node scripts/gen-lang-codes.ts`.
  it('maps every language franc-min detects to its ISO 639-1 code, or keeps the 639-3 one', () => {
    const detectable = new Set([
      ...Object.values(data).flatMap((languages) => Object.keys(languages)),
      ...Object.keys(expressions).filter((key) => !(key in data)),
    ])
    const expected = Object.fromEntries(
      [...detectable].sort().map((code) => [code, iso6393To1[code] ?? code])
    )
    expect(BCP47_BY_ISO6393).toEqual(expected)
    expect(BCP47_BY_ISO6393).toMatchObject({ eng: 'en', fra: 'fr', nld: 'nl', deu: 'de' })
  })
})

describe('detectLang', () => {
  // The demo's comments were written by hand in four languages, each declaring its own.
  const LONG = 40
  const sample = demoComments.filter(
    (c) => ['en', 'fr', 'nl'].includes(c.lang) && c.text.length > LONG
  )

  it(`detects every English, French and Dutch demo comment over ${LONG} characters`, () => {
    expect(sample.length).toBeGreaterThanOrEqual(30)
    for (const lang of ['en', 'fr', 'nl']) {
      expect(sample.filter((c) => c.lang === lang).length, lang).toBeGreaterThanOrEqual(4)
    }
    const wrong = sample.filter((c) => detectLang(c.text) !== c.lang).map((c) => c.ref)
    expect(wrong).toEqual([])
  })

  it('detects the German ones too', () => {
    const german = demoComments.filter((c) => c.lang === 'de')
    expect(german.map((c) => detectLang(c.text))).toEqual(german.map(() => 'de'))
  })

  it.each([
    ['a short text', 'Merci beaucoup !'],
    ['only a link', 'https://example.com/a-very-long-path/that-is-not-language/at-all'],
    ['only digits and symbols', '12345 67890 !!! ??? 2026-11-29 €450'],
    ['only emoji', '👍👍👍 ❤️❤️ 😮😮😮😮😮😮😮😮😮😮😮😮😮😮😮😮😮😮😮😮😮😮'],
  ])('returns null for %s', (_, text) => {
    expect(detectLang(text)).toBeNull()
  })

  it("judges the reader's own words, not the lines they quote", () => {
    const text =
      '> Les passeurs et les trafiquants ne sont pas les mêmes personnes, loin de là.\n\nThat is a fair point, and the article makes the same distinction early on.'
    expect(detectLang(text)).toBe('en')
    expect(detectLang('> Les passeurs et les trafiquants ne sont pas les mêmes personnes.')).toBe(
      'fr'
    )
  })

  it('ignores links and inline code when it counts the words', () => {
    expect(detectLang('Zie https://example.com/mensenhandel-rapport-2026 `const x = 1` hier')).toBe(
      null
    )
  })
})
