import {
  percentages,
  pollStatus,
  resultsStatus,
  type AdminPoll,
  type Poll,
  type PollSchedule,
} from '@parley/core'
import { toOptionId } from '../lib/ids.ts'
import type { OptionRow, PollRow, PollState } from './polls.ts'

// Row mappers: what readers see of a poll, and what its publisher sees.

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export const scheduleOf = (poll: PollRow): PollSchedule => ({
  opensAt: poll.opens_at,
  closesAt: poll.closes_at,
})

/**
 * The reader's view. Hidden options are left out, of the options, the results and the
 * percentages alike; the results are null while the visibility setting withholds them.
 */
export function toPoll({ poll, options, myChoices }: PollState, now: number): Poll {
  const status = pollStatus(scheduleOf(poll), now)
  const visible = options.filter((o) => o.hidden === 0)
  // A ballot whose options were all hidden since still counts as having voted.
  const shown = resultsStatus(poll.results_visibility, status, myChoices.length > 0)
  const percents = percentages(visible.map((o) => o.vote_count))
  return {
    id: poll.key,
    question: poll.question,
    kind: poll.kind,
    maxChoices: poll.max_choices,
    opensAt: isoOrNull(poll.opens_at),
    closesAt: isoOrNull(poll.closes_at),
    status,
    resultsVisibility: poll.results_visibility,
    allowVoteChange: poll.allow_vote_change === 1,
    options: visible.map((o) => ({ id: toOptionId(o.id), label: o.label })),
    results:
      shown === 'visible'
        ? {
            totalVotes: visible.reduce((sum, o) => sum + o.vote_count, 0),
            voters: poll.voter_count,
            options: visible.map((o, i) => ({
              id: toOptionId(o.id),
              votes: o.vote_count,
              percent: percents[i] ?? 0,
            })),
          }
        : null,
    resultsStatus: shown,
    myChoices: visible.filter((o) => myChoices.includes(o.id)).map((o) => toOptionId(o.id)),
    voted: myChoices.length > 0,
  }
}

/** The publisher's view: every option, hidden ones included, always with results. */
export function toAdminPoll(
  poll: PollRow,
  options: OptionRow[],
  threadKey: string | null,
  now: number
): AdminPoll {
  const percents = percentages(options.map((o) => o.vote_count))
  return {
    id: poll.key,
    thread: threadKey,
    question: poll.question,
    kind: poll.kind,
    maxChoices: poll.max_choices,
    opensAt: isoOrNull(poll.opens_at),
    closesAt: isoOrNull(poll.closes_at),
    status: pollStatus(scheduleOf(poll), now),
    resultsVisibility: poll.results_visibility,
    allowVoteChange: poll.allow_vote_change === 1,
    options: options.map((o, i) => ({
      id: toOptionId(o.id),
      label: o.label,
      position: o.position,
      hidden: o.hidden === 1,
      votes: o.vote_count,
      percent: percents[i] ?? 0,
    })),
    totalVotes: options.reduce((sum, o) => sum + o.vote_count, 0),
    voters: poll.voter_count,
    createdAt: new Date(poll.created_at).toISOString(),
    updatedAt: new Date(poll.updated_at).toISOString(),
  }
}
