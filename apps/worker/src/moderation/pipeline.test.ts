import { ModerationSettingsSchema, type ModerationSettings } from '@parley/core'
import { describe, expect, it } from 'vitest'
import type { ClassifierVerdict } from './classifier.ts'
import { moderate, SIGNAL_WEIGHTS, type ModerationInput } from './pipeline.ts'

const defaults = ModerationSettingsSchema.parse({})
const KNOWN = { priorComments: 4, secondsSinceLastComment: 600 }

function settings(overrides: {
  mode?: ModerationSettings['mode']
  bannedTerms?: string[]
  holdRules?: Partial<ModerationSettings['holdRules']>
}): ModerationSettings {
  return {
    ...defaults,
    ...(overrides.mode ? { mode: overrides.mode } : {}),
    bannedTerms: overrides.bannedTerms ?? [],
    holdRules: { ...defaults.holdRules, ...overrides.holdRules },
  }
}

function input(text: string, more: Partial<ModerationInput> = {}): ModerationInput {
  return { text, authorName: 'Ada', lang: 'en', reader: KNOWN, ...more }
}

const CLEAN = 'Border checks alone will not stop trafficking; the money trail matters more.'

describe('moderate: decisions', () => {
  it('publishes a clean comment with score 0 and no reasons', () => {
    expect(moderate(input(CLEAN), defaults)).toEqual({ decision: 'publish', score: 0, reasons: [] })
  })

  it("holds a comment with one of the site's banned terms, naming it", () => {
    const verdict = moderate(input('They are all GOBLINS.'), settings({ bannedTerms: ['goblins'] }))
    expect(verdict.decision).toBe('hold')
    expect(verdict.score).toBe(1)
    expect(verdict.reasons).toEqual([
      { signal: 'banned_term', detail: 'banned term "goblins"', weight: SIGNAL_WEIGHTS.bannedTerm },
    ])
  })

  it('checks the author name too', () => {
    const verdict = moderate(
      input(CLEAN, { authorName: 'goblin-hunter' }),
      settings({ bannedTerms: ['goblin'] })
    )
    expect(verdict.decision).toBe('hold')
    expect(verdict.reasons[0]?.detail).toBe('banned term "goblin" in the name')
  })

  it('adds the built-in lexicon to the site terms', () => {
    const verdict = moderate(input('Vermin, the lot.'), defaults)
    expect(verdict.decision).toBe('hold')
    expect(verdict.reasons).toEqual([
      { signal: 'lexicon', detail: 'dehumanising language "Vermin"', weight: 1 },
    ])
  })

  it('names the longest of overlapping matches once', () => {
    const verdict = moderate(input('They are vermin.'), defaults)
    expect(verdict).toMatchObject({ decision: 'hold', score: 1 })
    expect(verdict.reasons).toEqual([
      { signal: 'lexicon', detail: 'dehumanising language "They are vermin"', weight: 1 },
    ])
  })

  it('decides by holdScore and rejectScore', () => {
    const terms = ['alpha', 'beta', 'gamma']
    const text = 'alpha beta gamma'
    expect(moderate(input(text), settings({ bannedTerms: terms })).decision).toBe('hold')
    expect(
      moderate(input(text), settings({ bannedTerms: terms, holdRules: { holdScore: 3.5 } }))
        .decision
    ).toBe('publish')
    const reject = moderate(
      input(text),
      settings({ bannedTerms: terms, holdRules: { rejectScore: 3 } })
    )
    expect(reject).toMatchObject({ decision: 'reject', score: 3 })
  })

  it('rejects obvious spam at the default rejectScore', () => {
    const verdict = moderate(
      input(
        'Online casino: 200 free spins, no deposit, welcome bonus! https://a.example https://b.example https://c.example'
      ),
      defaults
    )
    expect(verdict.decision).toBe('reject')
    expect(verdict.score).toBeGreaterThanOrEqual(defaults.holdRules.rejectScore)
  })
})

describe('moderate: the four categories of hate hold on their own', () => {
  it.each([
    ['I hope they all drown on the way.', 'wish or call for violence'],
    ['Il faut les noyer.', 'wish or call for violence'],
    ['Laat ze maar verzuipen.', 'wish or call for violence'],
    ['Lasst sie absaufen.', 'wish or call for violence'],
    ['These people are animals.', 'dehumanising language'],
    ['Ce sont des rats.', 'dehumanising language'],
    ['Het is tuig.', 'dehumanising language'],
    ['Das ist Pack.', 'dehumanising language'],
    ['The great replacement is real.', 'replacement or invasion rhetoric'],
    ['Le grand remplacement est en marche.', 'replacement or invasion rhetoric'],
    ['De omvolking is begonnen.', 'replacement or invasion rhetoric'],
    ['Die Umvolkung läuft.', 'replacement or invasion rhetoric'],
    ['Send them all back.', 'exclusion of a group'],
    ['Ausländer raus!', 'exclusion of a group'],
    ['They are all criminals.', 'generalisation about a group'],
    ['Allemaal crimineel.', 'generalisation about a group'],
  ])('holds "%s" (%s)', (text, label) => {
    const verdict = moderate(input(text), defaults)
    expect(verdict.decision, text).toBe('hold')
    expect(
      verdict.reasons.some((r) => r.detail.startsWith(label)),
      text
    ).toBe(true)
  })

  it.each([
    'Hundreds drowned when the boat sank.',
    'The police shot down that theory.',
    'Smugglers treat people like animals.',
    'Deport all illegal migrants with a final rejection, and smash the gangs.',
    'Border controls are not racist; the EU and the NGOs have failed.',
    'Traffickers must be prosecuted, and people drown in the Mediterranean every week.',
    'Calling refugees "parasites" is how it starts.',
    'The "great replacement" is a racist myth.',
  ])('publishes the hard case "%s"', (text) => {
    expect(moderate(input(text), defaults).decision, text).toBe('publish')
  })
})

describe('moderate: pre-moderation', () => {
  it('holds a clean comment, with the reason first and no weight', () => {
    const verdict = moderate(input(CLEAN), settings({ mode: 'pre' }))
    expect(verdict).toEqual({
      decision: 'hold',
      score: 0,
      reasons: [
        { signal: 'pre_moderation', detail: 'the site holds every comment for review', weight: 0 },
      ],
    })
  })

  it('still rejects what reaches rejectScore', () => {
    const verdict = moderate(
      input('a b c'),
      settings({ mode: 'pre', bannedTerms: ['a', 'b', 'c'], holdRules: { rejectScore: 2 } })
    )
    expect(verdict.decision).toBe('reject')
    expect(verdict.reasons[0]?.signal).toBe('pre_moderation')
  })
})

describe('moderate: signals', () => {
  it('links: over maxLinks weighs 1, then 0.5 per further link, at most 3', () => {
    const links = (n: number) =>
      Array.from({ length: n }, (_, i) => `https://s${i}.example/x`).join(' ')
    expect(moderate(input(`sources: ${links(2)}`), defaults).reasons).toEqual([])
    const three = moderate(input(`sources: ${links(3)}`), defaults)
    expect(three.reasons).toEqual([{ signal: 'links', detail: '3 links (more than 2)', weight: 1 }])
    expect(moderate(input(links(5)), defaults).reasons[0]?.weight).toBe(2)
    expect(moderate(input(links(20)), defaults).reasons[0]?.weight).toBe(3)
    expect(
      moderate(input(`see ${links(1)}`), settings({ holdRules: { maxLinks: 0 } })).decision
    ).toBe('hold')
  })

  it('shouting: on by default, off when the rule is off', () => {
    const text = 'STOP THE TRAFFICKERS NOW AND CLOSE THEIR BANK ACCOUNTS'
    expect(moderate(input(text), defaults).reasons).toEqual([
      { signal: 'shouting', detail: 'mostly capital letters (100 %)', weight: 1 },
    ])
    expect(moderate(input(text), settings({ holdRules: { shouting: false } })).reasons).toEqual([])
    expect(moderate(input('The EU, NATO and the OSCE should act.'), defaults).reasons).toEqual([])
  })

  it('repeated characters and words: 0.5 each, off when the rule is off', () => {
    const text = 'no no no no, this is wrong!!!!!!!'
    const verdict = moderate(input(text), defaults)
    expect(verdict.reasons.map((r) => [r.signal, r.weight])).toEqual([
      ['repeated', 0.5],
      ['repeated', 0.5],
    ])
    expect(verdict.decision).toBe('hold')
    expect(moderate(input('Noooooooo, not again'), defaults).decision).toBe('publish')
    expect(
      moderate(input(text), settings({ holdRules: { repeatedCharacters: false } })).reasons
    ).toEqual([])
  })

  it('first-time reader: holds when the rule is on, whatever holdScore is', () => {
    const first = { priorComments: 0, secondsSinceLastComment: null }
    expect(moderate(input(CLEAN, { reader: first }), defaults).decision).toBe('publish')
    const on = settings({ holdRules: { firstTimeReader: true, holdScore: 2.5 } })
    const verdict = moderate(input(CLEAN, { reader: first }), on)
    expect(verdict).toEqual({
      decision: 'hold',
      score: 2.5,
      reasons: [
        {
          signal: 'first_time_reader',
          detail: "the reader's first comment on this site",
          weight: 2.5,
        },
      ],
    })
    expect(moderate(input(CLEAN), on).decision).toBe('publish')
  })

  it('posting speed: a half signal, so a quick clean reply is published and a quick link-dump held', () => {
    const fast = { priorComments: 3, secondsSinceLastComment: 4.2 }
    const verdict = moderate(input(CLEAN, { reader: fast }), defaults)
    expect(verdict.reasons).toEqual([
      {
        signal: 'speed',
        detail: 'posted 4 s after the previous comment (minimum 10 s)',
        weight: 0.5,
      },
    ])
    expect(verdict.decision).toBe('publish')
    const repeated = 'Read this now now now now now now'
    expect(moderate(input(repeated, { reader: fast }), defaults).decision).toBe('hold')
    const off = settings({ holdRules: { minSecondsBetweenComments: 0 } })
    expect(moderate(input(repeated, { reader: fast }), off).decision).toBe('publish')
  })

  it('a quoted word counts half and says so', () => {
    const verdict = moderate(input('Calling people "vermin" is how it starts.'), defaults)
    expect(verdict).toMatchObject({ decision: 'publish', score: 0.5 })
    expect(verdict.reasons[0]?.detail).toBe('dehumanising language "vermin" (quoted)')
  })

  it('keeps long excerpts short in the reason', () => {
    const long = 'word '.repeat(16).trim()
    const held = moderate(
      input(long),
      settings({ bannedTerms: [long], holdRules: { repeatedCharacters: false } })
    )
    expect(held.decision).toBe('hold')
    expect(held.reasons[0]?.detail).toMatch(/^banned term "word word .*…"$/)
    expect(held.reasons[0]?.detail.length).toBeLessThan(80)
  })
})

describe('moderate: classifier verdict', () => {
  const flagged: ClassifierVerdict = { flagged: true, categories: ['hate'], score: 1 }

  it('adds 2 × score when the classifier flagged the text', () => {
    const verdict = moderate(input(CLEAN), defaults, flagged)
    expect(verdict).toEqual({
      decision: 'hold',
      score: 2,
      reasons: [{ signal: 'classifier', detail: 'classifier: hate', weight: 2 }],
    })
    expect(moderate(input(CLEAN), defaults, { ...flagged, score: 0.25 }).score).toBe(0.5)
  })

  it('ignores a safe verdict, a missing one and a null one', () => {
    const safe = { flagged: false, categories: [], score: 0 }
    expect(moderate(input(CLEAN), defaults, safe).decision).toBe('publish')
    expect(moderate(input(CLEAN), defaults, null).decision).toBe('publish')
    expect(moderate(input(CLEAN), defaults, undefined).decision).toBe('publish')
  })

  it('clamps an out-of-range score', () => {
    expect(moderate(input(CLEAN), defaults, { ...flagged, score: 7 }).score).toBe(2)
    expect(moderate(input(CLEAN), defaults, { ...flagged, score: Number.NaN }).score).toBe(2)
    expect(moderate(input(CLEAN), defaults, { ...flagged, score: -1 }).score).toBe(0)
  })
})

describe('moderate: robustness', () => {
  it('copes with empty, huge, emoji-only and mixed-script text', () => {
    for (const text of [
      '',
      ' ',
      '🙂🙂🙂',
      'a'.repeat(5000),
      '移民 migrants мигранты ✓ '.repeat(150),
      '\u200B\u200B',
    ]) {
      const verdict = moderate(input(text), defaults)
      expect(['publish', 'hold', 'reject']).toContain(verdict.decision)
      expect(Number.isFinite(verdict.score)).toBe(true)
    }
  })
})
