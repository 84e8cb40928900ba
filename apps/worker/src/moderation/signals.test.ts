import { HoldRulesSchema } from '@parley/core'
import { describe, expect, it } from 'vitest'
import {
  capitalsRatio,
  countLinks,
  isFirstTimeReader,
  isShouting,
  isTooFast,
  repetition,
} from './signals.ts'

const rules = HoldRulesSchema.parse({})

describe('countLinks', () => {
  it('counts URLs, www. hosts and bare domains once each', () => {
    expect(countLinks('see https://www.example.com/a?b=c')).toBe(1)
    expect(countLinks('http://a.example/x and www.b.org, and c.com/path')).toBe(3)
    expect(countLinks('[source](https://europa.eu/report) and europol.europa.eu')).toBe(2)
  })

  it('does not count abbreviations, file names or e-mail-free prose', () => {
    expect(countLinks('e.g. the U.S. and the E.U. (i.e. Node.js, report.pdf)')).toBe(0)
    expect(countLinks('No links here.')).toBe(0)
  })
})

describe('shouting', () => {
  it('is more than 70 % capitals of at least 20 letters', () => {
    expect(isShouting('WAKE UP EVERYONE THEY ARE LYING TO YOU')).toBe(true)
    expect(isShouting('STOP LYING!')).toBe(false) // too few letters to tell
    expect(capitalsRatio('STOP LYING!')).toBeNull()
  })

  it('is not a few acronyms in an ordinary sentence', () => {
    expect(isShouting('The OSCE, UNODC and GRETA reports on the EU and NATO agree on this.')).toBe(
      false
    )
  })

  it('ignores the letters of links', () => {
    expect(isShouting('read this https://example.com/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ok')).toBe(
      false
    )
  })

  it('works with accented capitals', () => {
    expect(isShouting('ARRÊTEZ DE MENTIR À TOUT LE MONDE, VOUS ÊTES DÉMASQUÉS')).toBe(true)
  })
})

describe('repetition', () => {
  it('finds a run of six or more of one character', () => {
    expect(repetition('wow!!!!!!').characterRun).toEqual({ char: '!', length: 6 })
    expect(repetition('wow!!!!!').characterRun).toBeNull()
    expect(repetition('soooooooo good').characterRun).toEqual({ char: 'o', length: 8 })
  })

  it('ignores digits and spaces', () => {
    expect(repetition('1000000 people').characterRun).toBeNull()
    expect(repetition('a          b').characterRun).toBeNull()
  })

  it('finds one word four or more times in a row, whatever the case', () => {
    expect(repetition('Buy buy BUY buy now').wordRun).toEqual({ word: 'buy', length: 4 })
    expect(repetition('very very very good').wordRun).toBeNull()
  })
})

describe('reader signals', () => {
  it('first-time reader only when the rule is on', () => {
    const first = { priorComments: 0, secondsSinceLastComment: null }
    expect(isFirstTimeReader(first, rules)).toBe(false)
    expect(isFirstTimeReader(first, { ...rules, firstTimeReader: true })).toBe(true)
    expect(
      isFirstTimeReader(
        { priorComments: 3, secondsSinceLastComment: 5 },
        { ...rules, firstTimeReader: true }
      )
    ).toBe(false)
  })

  it('too fast below minSecondsBetweenComments; 0 switches it off', () => {
    expect(isTooFast({ priorComments: 1, secondsSinceLastComment: 3 }, rules)).toBe(true)
    expect(isTooFast({ priorComments: 1, secondsSinceLastComment: 10 }, rules)).toBe(false)
    expect(isTooFast({ priorComments: 0, secondsSinceLastComment: null }, rules)).toBe(false)
    expect(
      isTooFast(
        { priorComments: 1, secondsSinceLastComment: 0 },
        { ...rules, minSecondsBetweenComments: 0 }
      )
    ).toBe(false)
  })
})
