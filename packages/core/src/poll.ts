import { z } from 'zod'
import { OptionIdSchema, PollKeySchema } from './ids.ts'

export const PollOptionSchema = z
  .object({
    id: OptionIdSchema,
    label: z.string(),
    votes: z.int().nonnegative(),
    percent: z
      .int()
      .min(0)
      .max(100)
      .meta({ description: 'Rounded by largest remainder, so the options sum to 100' }),
  })
  .meta({ id: 'PollOption' })

export const PollSchema = z
  .object({
    id: PollKeySchema,
    question: z.string(),
    options: z.array(PollOptionSchema),
    totalVotes: z.int().nonnegative(),
    myVote: OptionIdSchema.nullable().meta({
      description: "The calling reader's choice; null without a reader token or before voting",
    }),
  })
  .meta({ id: 'Poll' })

export const VoteSchema = z.object({ optionId: OptionIdSchema }).meta({ id: 'Vote' })

export type PollOption = z.infer<typeof PollOptionSchema>
export type Poll = z.infer<typeof PollSchema>
export type Vote = z.infer<typeof VoteSchema>

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
