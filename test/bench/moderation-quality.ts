// bench:moderation — the moderation pipeline's quality on the labelled set, and its cost.
//
//   pnpm --filter @parley/bench bench:moderation [-- --runs 200]
//
// 1. Runs moderate() (apps/worker/src/moderation/pipeline.ts, imported as is) over the labelled
//    set (apps/worker/test/moderation/labelled-set.ts) with the default site settings: the
//    built-in lexicon, no site banned terms, no classifier, for a reader with a history (so the
//    first-time and posting-speed signals stay out of it). "Positive" means held or rejected.
// 2. Prints precision, recall, F1 and accuracy, the confusion matrix, the figures per language,
//    and every comment it got wrong with the signals that decided it.
// 3. Times moderate() per comment over --runs passes of the set, and on a 5,000-character
//    comment (the longest the API accepts) with 1,000 site banned terms.
// Nothing here fails on a figure: apps/worker/test/moderation/quality.test.ts holds the floors.
import { ModerationSettingsSchema } from '@parley/core'
import { COMMENT_TEXT_MAX } from '@parley/core/limits'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { moderate } from '../../apps/worker/src/moderation/pipeline.ts'
import { LABELLED_SET } from '../../apps/worker/test/moderation/labelled-set.ts'
import {
  evaluate,
  formatReport,
  KNOWN_READER,
  PRECISION_FLOOR,
  RECALL_FLOOR,
} from '../../apps/worker/test/moderation/quality.ts'
import { scriptArgs } from './lib/processes.ts'
import { machine, ms, percentile, table } from './lib/stats.ts'

const { values: args } = parseArgs({
  args: scriptArgs(),
  options: { runs: { type: 'string', default: '200' } },
})
const RUNS = Number(args.runs)

const settings = ModerationSettingsSchema.parse({})
const report = evaluate(LABELLED_SET, settings)
console.log('moderation pipeline on the labelled set (default settings, built-in lexicon)\n')
console.log(formatReport(report).join('\n'))
const { precision, recall } = report.overall
console.log(
  `\nfloors held by the quality test: precision ≥ ${PRECISION_FLOOR} (${precision >= PRECISION_FLOOR ? 'ok' : 'BELOW'}), recall ≥ ${RECALL_FLOOR} (${recall >= RECALL_FLOOR ? 'ok' : 'BELOW'})`
)

function time(label: string, runs: number, run: () => void): (string | number)[] {
  for (let i = 0; i < 20; i++) run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return [label, runs, ms(percentile(times, 50), 3), ms(percentile(times, 99), 3)]
}

const inputs = LABELLED_SET.map((c) => ({
  text: c.text,
  authorName: 'A reader',
  lang: c.lang,
  reader: KNOWN_READER,
}))
let next = 0
const sentence = 'Border controls alone will not stop the networks that exploit people. '
const long = sentence.repeat(Math.floor(COMMENT_TEXT_MAX / sentence.length))
const siteTerms = ModerationSettingsSchema.parse({
  bannedTerms: Array.from({ length: 1000 }, (_, i) => `term${i} phrase${i % 13}`),
})
console.log(`\ncost of moderate() per comment, ms (${machine()})\n`)
console.log(
  table([
    ['case', 'runs', 'p50', 'p99'],
    time('a labelled comment (cycling through the set)', RUNS * inputs.length, () => {
      moderate(inputs[next++ % inputs.length]!, settings)
    }),
    time(`${long.length} characters, default settings`, RUNS, () => {
      moderate({ ...inputs[0]!, text: long }, settings)
    }),
    time(`${long.length} characters, 1,000 banned terms`, RUNS, () => {
      moderate({ ...inputs[0]!, text: long }, siteTerms)
    }),
  ])
)
