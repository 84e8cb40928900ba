import { describe, expect, it } from 'vitest'
import { fold, normalise, termWords, tokenize, tokenStreams, wordForms } from './normalise.ts'

describe('fold', () => {
  it('applies NFKC, folds case and strips combining marks', () => {
    expect(fold('ＶＥＲＭＩＮ')).toBe('vermin')
    expect(fold('Éléphant Ça Über')).toBe('elephant ca uber')
    expect(fold('ﬁne')).toBe('fine')
    expect(fold('Straße STRASSE')).toBe('strasse strasse')
    // e + combining acute, and a precomposed é, fold alike.
    expect(fold('caf\u0065\u0301')).toBe(fold('café'))
    expect(fold('İstanbul')).toBe('istanbul')
    expect(fold('ΠΑΡΆΣΙΤΑ')).toBe('παρασιτα')
  })

  it('drops zero-width and other invisible characters', () => {
    expect(fold('ver\u200Bmin')).toBe('vermin')
    expect(fold('ver\u00ADmin')).toBe('vermin')
    expect(fold('\uFEFFver\u2060m\u200Din')).toBe('vermin')
  })
})

describe('tokenize', () => {
  it('splits on Unicode letter boundaries and keeps the original offsets', () => {
    const text = 'Hello, wörld! l’Europe'
    const tokens = tokenize(text)
    expect(tokens.map((t) => t.text)).toEqual(['hello', 'world', 'l', 'europe'])
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Hello', 'wörld', 'l', 'Europe'])
    expect(tokens.map((t) => t.breakBefore)).toEqual([false, false, true, false])
  })

  it('makes every character of an unspaced script a word', () => {
    expect(tokenize('他们是害虫 ok').map((t) => t.text)).toEqual([
      '他',
      '们',
      '是',
      '害',
      '虫',
      'ok',
    ])
  })

  it('reads l33t symbols as letters inside a word only', () => {
    expect(tokenize('a$$hole @ss sh!t').map((t) => t.text)).toEqual(['a$$hole', '@ss', 'sh!t'])
    // Trailing punctuation stays punctuation; a price stays a number.
    expect(tokenize('kill! really!! $ 5 €').map((t) => t.text)).toEqual(['kill', 'really', '5'])
    expect(tokenize('costs €500').map((t) => t.text)).toEqual(['costs', '€500'])
  })
})

describe('wordForms', () => {
  it('reads l33t digits and symbols as letters', () => {
    expect(wordForms('v3rm1n')).toContain('vermin')
    expect(wordForms('p@r@s1t3s')).toContain('parasites')
    expect(wordForms('$cum')).toContain('scum')
    expect(wordForms('a$$hole')).toContain('asshole')
    expect(wordForms('k1ll')).toContain('kill')
    expect(wordForms('1oser')).toContain('loser')
    expect(wordForms('0ngedierte')).toContain('ongedierte')
  })

  it('leaves numbers and plain words alone', () => {
    expect(wordForms('2017')).toEqual(['2017'])
    expect(wordForms('kill')).toEqual(['kill'])
    expect(wordForms('looser')).toEqual(['looser'])
  })

  it('shortens runs of three or more letters to one and to two', () => {
    expect(wordForms('loooser')).toEqual(expect.arrayContaining(['loser', 'looser']))
    expect(wordForms('killllll')).toEqual(expect.arrayContaining(['kil', 'kill']))
    expect(wordForms('aaasssss')).toEqual(expect.arrayContaining(['as', 'ass', 'aas', 'aass']))
  })

  it('reads Cyrillic and Greek look-alikes in a Latin word as Latin', () => {
    expect(wordForms('раrasites')).toContain('parasites') // Cyrillic р and а
    expect(wordForms('vеrmin')).toContain('vermin') // Cyrillic е
    // A word wholly in Cyrillic is Russian, not an obfuscated English word.
    expect(wordForms('паразиты')).toEqual(['паразиты'])
  })
})

describe('tokenStreams', () => {
  it('joins s p a c e d, s.p.a.c.e.d and s-p-a-c-e-d letters in a second stream', () => {
    for (const text of [
      'the p a r a s i t e s here',
      'the p.a.r.a.s.i.t.e.s here',
      'the p-a-r-a-s-i-t-e-s here',
      'the p. a. r. a. s. i. t. e. s. here',
    ]) {
      const streams = tokenStreams(text)
      expect(streams).toHaveLength(2)
      expect(
        streams[1]!.map((t) => t.text),
        text
      ).toEqual(['the', 'parasites', 'here'])
      const joined = streams[1]![1]!
      expect(text.slice(joined.start, joined.end)).toMatch(/^p.*s$/)
    }
  })

  it('joins spaced l33t too, and leaves two single letters alone', () => {
    expect(tokenStreams('p 4 r 4 s 1 t 3 s')[1]![0]!.forms).toContain('parasites')
    expect(tokenStreams('e.g. the U.S. policy')).toHaveLength(1)
  })
})

describe('normalise', () => {
  it('gives one canonical spelling', () => {
    expect(normalise('They are V 3 R M 1 N!!!')).toBe('they are vermin')
    expect(normalise('What a LOOOOSER')).toBe('what a loser')
    expect(normalise('Ｐａｒａｓｉｔｅｓ, über-all')).toBe('parasites uber all')
  })

  it('reads a term as its words, l33t included, repeated letters kept', () => {
    expect(termWords('a$$')).toEqual(['ass'])
    expect(termWords('Kill')).toEqual(['kill'])
    expect(termWords("l'étranger")).toEqual(['l', 'etranger'])
    expect(termWords('!!!')).toEqual([])
  })
})
