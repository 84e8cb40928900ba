import { z } from 'zod'
import { TurnstileTokenSchema } from './abuse-settings.ts'
import { OptionIdSchema, PollKeySchema } from './ids.ts'
import { POLL_OPTIONS_MAX } from './limits.ts'

export const POLL_KINDS = ['single', 'multiple'] as const
export type PollKind = (typeof POLL_KINDS)[number]

/** Who may see the counts: everyone, readers who voted, or everyone once the poll has closed. */
export const RESULTS_VISIBILITIES = ['always', 'after_vote', 'after_close'] as const
export type ResultsVisibility = (typeof RESULTS_VISIBILITIES)[number]

export const POLL_STATUSES = ['scheduled', 'open', 'closed'] as const
export type PollStatus = (typeof POLL_STATUSES)[number]

/** Whether the caller sees the results now, and if not, what would reveal them. */
export const RESULTS_STATUSES = ['visible', 'hidden_until_vote', 'hidden_until_close'] as const
export type ResultsStatus = (typeof RESULTS_STATUSES)[number]

export const PollKindSchema = z.enum(POLL_KINDS).meta({
  id: 'PollKind',
  description: 'single: exactly one option; multiple: one up to maxChoices options',
})

export const ResultsVisibilitySchema = z.enum(RESULTS_VISIBILITIES).meta({
  id: 'ResultsVisibility',
  description:
    'always: everyone sees the results; after_vote: readers who voted (everyone once closed); after_close: everyone, once the poll has closed',
})

export const PollStatusSchema = z.enum(POLL_STATUSES).meta({
  id: 'PollStatus',
  description: 'scheduled: before opensAt; open: accepting votes; closed: at or after closesAt',
})

export const ResultsStatusSchema = z.enum(RESULTS_STATUSES).meta({
  id: 'ResultsStatus',
  description:
    'visible: `results` is set; hidden_until_vote: voting reveals them; hidden_until_close: closing the poll reveals them',
})

const isoTime = z.iso.datetime().nullable()

export const PollOptionSchema = z.object({ id: OptionIdSchema, label: z.string() }).meta({
  id: 'PollOption',
  description: 'An option readers can choose (hidden options are left out)',
})

export const PollOptionResultSchema = z
  .object({
    id: OptionIdSchema,
    votes: z.int().nonnegative(),
    percent: z.int().min(0).max(100).meta({
      description: 'Share of totalVotes, rounded by largest remainder so the options sum to 100',
    }),
  })
  .meta({ id: 'PollOptionResult' })

export const PollResultsSchema = z
  .object({
    totalVotes: z.int().nonnegative().meta({
      description: 'Chosen options summed over every ballot (= voters for a single-choice poll)',
    }),
    voters: z.int().nonnegative().meta({ description: 'Readers who cast a ballot' }),
    options: z
      .array(PollOptionResultSchema)
      .meta({ description: 'One entry per option, in the order of the poll’s options' }),
  })
  .meta({ id: 'PollResults' })

/** What <parley-poll> needs to render Turnstile; null while votes need no token. */
export const PollTurnstileSchema = z
  .object({ siteKey: z.string().meta({ description: 'The public key to render Turnstile with' }) })
  .nullable()
  .meta({
    id: 'PollTurnstile',
    description:
      'Set while the site asks votes for a Turnstile token (settings.turnstile.votes): send `turnstileToken` with PUT …/vote. null while votes need none',
  })

export const PollSchema = z
  .object({
    id: PollKeySchema,
    question: z.string(),
    kind: PollKindSchema,
    maxChoices: z
      .int()
      .min(1)
      .meta({ description: 'How many options a ballot may hold; 1 for a single-choice poll' }),
    opensAt: isoTime.meta({
      description: 'When voting opens (ISO 8601, UTC); null: from creation',
    }),
    closesAt: isoTime.meta({ description: 'When voting closes (ISO 8601, UTC); null: never' }),
    status: PollStatusSchema,
    resultsVisibility: ResultsVisibilitySchema,
    allowVoteChange: z.boolean().meta({
      description: 'Whether a reader may change or withdraw a vote while the poll is open',
    }),
    options: z.array(PollOptionSchema).meta({ description: 'In display order' }),
    results: PollResultsSchema.nullable().meta({
      description: 'null while the results are withheld from this caller; resultsStatus says why',
    }),
    resultsStatus: ResultsStatusSchema,
    myChoices: z.array(OptionIdSchema).meta({
      description:
        "The calling reader's chosen options that are still shown; [] without a reader token or before voting",
    }),
    voted: z.boolean().meta({
      description:
        'Whether the calling reader holds a ballot, also when every option of it was hidden since',
    }),
    // Optional: a poll inside Thread.polls leaves it out (Thread.turnstile says it there).
    turnstile: PollTurnstileSchema.optional(),
  })
  .meta({ id: 'Poll' })

/**
 * The most option ids a vote body may list: only a bound on the body's size, far above any
 * poll's maxChoices (at most POLL_OPTIONS_MAX). Up to it, the poll itself judges the list, so
 * "too many" is the same 422 too_many_choices naming body.optionIds whatever the count.
 */
export const VOTE_OPTION_IDS_MAX = 100

export const VoteSchema = z
  .object({
    optionIds: z
      .array(OptionIdSchema)
      .min(1, 'must choose at least one option')
      .max(VOTE_OPTION_IDS_MAX, `must list at most ${VOTE_OPTION_IDS_MAX} option ids`)
      .meta({
        description: `The chosen options, each once: exactly one for a single-choice poll, at most maxChoices (at most ${POLL_OPTIONS_MAX}). More than the poll allows is 422 too_many_choices; an unknown, hidden or repeated option 422 invalid_option`,
      }),
    turnstileToken: TurnstileTokenSchema.optional(),
  })
  .meta({ id: 'Vote' })

export type PollOption = z.infer<typeof PollOptionSchema>
export type PollOptionResult = z.infer<typeof PollOptionResultSchema>
export type PollResults = z.infer<typeof PollResultsSchema>
export type Poll = z.infer<typeof PollSchema>
export type PollTurnstile = z.infer<typeof PollTurnstileSchema>
export type Vote = z.input<typeof VoteSchema>

/** Open and close times in milliseconds since the epoch; null leaves that side unbounded. */
export interface PollSchedule {
  opensAt: number | null
  closesAt: number | null
}

/** Scheduled before opensAt, closed from closesAt on, open in between. */
export function pollStatus(schedule: PollSchedule, now: number): PollStatus {
  if (schedule.closesAt !== null && now >= schedule.closesAt) return 'closed'
  if (schedule.opensAt !== null && now < schedule.opensAt) return 'scheduled'
  return 'open'
}

/**
 * Whether a caller may see the counts. A closed poll shows them to everyone whatever the setting:
 * withholding them exists to keep early results from steering votes, and nobody can vote anymore.
 */
export function resultsStatus(
  visibility: ResultsVisibility,
  status: PollStatus,
  hasVoted: boolean
): ResultsStatus {
  if (visibility === 'always' || status === 'closed') return 'visible'
  if (visibility === 'after_close') return 'hidden_until_close'
  return hasVoted ? 'visible' : 'hidden_until_vote'
}

/**
 * Whole percentages that always sum to 100 (or are all 0): floor every share, then hand the
 * missing points to the largest remainders, earlier options first on ties.
 */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0)
  if (total === 0) return counts.map(() => 0)
  const exact = counts.map((n) => (n * 100) / total)
  const result = exact.map(Math.floor)
  let missing = 100 - result.reduce((sum, n) => sum + n, 0)
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of byRemainder) {
    if (missing-- <= 0) break
    result[index]! += 1
  }
  return result
}
