import { describe, expect, it } from 'vitest'
import { HELD_OUT_SET, HELD_OUT_SET_2 } from './held-out-set.ts'
import { LABELLED_SET } from './labelled-set.ts'
import { evaluate, formatReport, PRECISION_FLOOR, RECALL_FLOOR } from './quality.ts'

describe('the labelled set', () => {
  it('has at least 80 comments, at least 15 per language, half of them acceptable', () => {
    expect(LABELLED_SET.length).toBeGreaterThanOrEqual(80)
    for (const lang of ['en', 'fr', 'nl', 'de'] as const) {
      const own = LABELLED_SET.filter((c) => c.lang === lang)
      expect(own.length, lang).toBeGreaterThanOrEqual(15)
    }
    const ok = LABELLED_SET.filter((c) => c.label === 'ok').length
    expect(ok).toBe(LABELLED_SET.length - ok)
  })

  it('has no duplicates', () => {
    expect(new Set(LABELLED_SET.map((c) => c.text)).size).toBe(LABELLED_SET.length)
  })
})

describe('moderation quality on the labelled set (default settings, built-in lexicon)', () => {
  const report = evaluate(LABELLED_SET)

  it(`holds or rejects with precision ≥ ${PRECISION_FLOOR} and recall ≥ ${RECALL_FLOOR}`, () => {
    console.log(formatReport(report).join('\n'))
    expect(report.overall.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR)
    expect(report.overall.recall).toBeGreaterThanOrEqual(RECALL_FLOOR)
  })

  it('publishes every hard case whose only "signal" is a quoted word at half weight', () => {
    const quoted = report.outcomes.filter((o) => o.comment.kind === 'hard_quote')
    expect(quoted.length).toBe(4)
    for (const o of quoted) {
      expect(o.verdict.reasons.every((r) => r.detail.endsWith('(quoted)'))).toBe(true)
    }
  })
})

describe('moderation quality on the held-out set (written without reading the rules)', () => {
  const report = evaluate(HELD_OUT_SET)

  it('prints its figures, and keeps them above a floor under the main set', () => {
    console.log(['held-out set:', ...formatReport(report)].join('\n'))
    // Measured at 1.00 / 0.55 before the lexicon was broadened by category, 1.00 / 0.85 after.
    // The floors catch a rule change that stops the pipeline from generalising.
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.9)
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.75)
  })
})

describe('moderation quality on the second held-out set (kept from whoever wrote the rules)', () => {
  const report = evaluate(HELD_OUT_SET_2)

  it('prints its figures for the README', () => {
    console.log(['second held-out set:', ...formatReport(report)].join('\n'))
    // Measured at 1.00 / 0.40 before the lexicon was broadened by category, 1.00 / 0.90 after.
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.9)
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.8)
  })
})
