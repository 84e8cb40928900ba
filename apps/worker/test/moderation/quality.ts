// Precision and recall of the moderation pipeline on the labelled set, shared by the quality test
// (test/moderation/quality.test.ts, which holds them to a floor) and the bench script
// (test/bench/moderation-quality.ts, which prints them). Plain TypeScript: it also runs in Node.
import { ModerationSettingsSchema, type ModerationSettings } from '@parley/core'
import { moderate, type Verdict } from '../../src/moderation/pipeline.ts'
import type { Lang, LabelledComment } from './labelled-set.ts'

/** The floors the quality test holds the pipeline to, for "hold or reject" on the labelled set. */
export const PRECISION_FLOOR = 0.9
export const RECALL_FLOOR = 0.85

/** A reader with a history: the first-time and speed signals stay out of the measure. */
export const KNOWN_READER = { priorComments: 12, secondsSinceLastComment: 3600 }

export interface Confusion {
  /** Labelled hold, held or rejected. */
  truePositives: number
  /** Labelled ok, held or rejected. */
  falsePositives: number
  /** Labelled ok, published. */
  trueNegatives: number
  /** Labelled hold, published. */
  falseNegatives: number
}

export interface Figures extends Confusion {
  total: number
  precision: number
  recall: number
  f1: number
  accuracy: number
}

export interface Outcome {
  comment: LabelledComment
  verdict: Verdict
  /** The pipeline held or rejected it. */
  flagged: boolean
  correct: boolean
}

export interface QualityReport {
  overall: Figures
  byLanguage: Record<Lang, Figures>
  /** hold vs reject among the comments the pipeline flagged. */
  decisions: Record<Verdict['decision'], number>
  outcomes: Outcome[]
}

function figures(outcomes: Outcome[]): Figures {
  const count = (label: 'ok' | 'hold', flagged: boolean) =>
    outcomes.filter((o) => o.comment.label === label && o.flagged === flagged).length
  const truePositives = count('hold', true)
  const falsePositives = count('ok', true)
  const trueNegatives = count('ok', false)
  const falseNegatives = count('hold', false)
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b)
  const precision = ratio(truePositives, truePositives + falsePositives)
  const recall = ratio(truePositives, truePositives + falseNegatives)
  return {
    total: outcomes.length,
    truePositives,
    falsePositives,
    trueNegatives,
    falseNegatives,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    accuracy: ratio(truePositives + trueNegatives, outcomes.length),
  }
}

/**
 * Runs moderate() over the set with the given settings (default: the site defaults, no banned
 * terms, the built-in lexicon) for a reader with a history, and no classifier.
 */
export function evaluate(
  set: readonly LabelledComment[],
  settings: ModerationSettings = ModerationSettingsSchema.parse({})
): QualityReport {
  const outcomes = set.map((comment): Outcome => {
    const verdict = moderate(
      { text: comment.text, authorName: 'A reader', lang: comment.lang, reader: KNOWN_READER },
      settings
    )
    const flagged = verdict.decision !== 'publish'
    return { comment, verdict, flagged, correct: flagged === (comment.label === 'hold') }
  })
  const langs: Lang[] = ['en', 'fr', 'nl', 'de']
  const byLanguage = Object.fromEntries(
    langs.map((lang) => [lang, figures(outcomes.filter((o) => o.comment.lang === lang))])
  ) as Record<Lang, Figures>
  const decisions = { publish: 0, hold: 0, reject: 0 }
  for (const o of outcomes) decisions[o.verdict.decision]++
  return { overall: figures(outcomes), byLanguage, decisions, outcomes }
}

const pct = (n: number) => `${(n * 100).toFixed(1)} %`

/** The report as the lines the test and the bench print. */
export function formatReport(report: QualityReport): string[] {
  const { overall: o } = report
  const lines = [
    `labelled set: ${o.total} comments (${o.truePositives + o.falseNegatives} hold, ${o.trueNegatives + o.falsePositives} ok)`,
    `"hold or reject": precision ${pct(o.precision)}, recall ${pct(o.recall)}, F1 ${pct(o.f1)}, accuracy ${pct(o.accuracy)}`,
    '',
    'confusion matrix          pipeline: hold/reject   publish',
    `  labelled hold                    ${String(o.truePositives).padStart(4)}      ${String(o.falseNegatives).padStart(4)}`,
    `  labelled ok                      ${String(o.falsePositives).padStart(4)}      ${String(o.trueNegatives).padStart(4)}`,
    '',
    `decisions: ${report.decisions.publish} publish, ${report.decisions.hold} hold, ${report.decisions.reject} reject`,
    '',
    'language   n   precision   recall      F1   TP  FP  TN  FN',
  ]
  for (const [lang, f] of Object.entries(report.byLanguage)) {
    lines.push(
      `${lang.padEnd(8)} ${String(f.total).padStart(3)}   ${pct(f.precision).padStart(9)} ${pct(f.recall).padStart(8)} ${pct(f.f1).padStart(7)}  ${[f.truePositives, f.falsePositives, f.trueNegatives, f.falseNegatives].map((n) => String(n).padStart(3)).join(' ')}`
    )
  }
  const wrong = report.outcomes.filter((x) => !x.correct)
  lines.push('', wrong.length === 0 ? 'misclassified: none' : 'misclassified:')
  for (const x of wrong) {
    const why = x.verdict.reasons.map((r) => `${r.signal} ${r.detail}`).join('; ') || 'no signal'
    lines.push(
      `  [${x.comment.lang} ${x.comment.label} ${x.comment.kind}] ${x.verdict.decision} ${x.verdict.score}: ${x.comment.text.slice(0, 80)} (${why})`
    )
  }
  return lines
}
