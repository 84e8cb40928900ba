import type { AdminPoll } from '@parley/core'
import { toCsv } from './csv.ts'

const HEADER = [
  'poll',
  'question',
  'status',
  'option_id',
  'position',
  'label',
  'hidden',
  'votes',
  'percent',
  'total_votes',
  'voters',
] as const

/**
 * One row per option, hidden ones included, with the poll's columns repeated so the file stays a
 * plain table that sorts and pivots. Starts with a UTF-8 byte order mark: without it, Excel
 * reads UTF-8 as a legacy code page and garbles every label outside ASCII.
 */
export function pollResultsCsv(poll: AdminPoll): string {
  const rows = poll.options.map((o) => [
    poll.id,
    poll.question,
    poll.status,
    o.id,
    o.position,
    o.label,
    o.hidden,
    o.votes,
    o.percent,
    poll.totalVotes,
    poll.voters,
  ])
  return `\uFEFF${toCsv(HEADER, rows)}`
}

/** "parley-news-budget-2026-11-29.csv": ids are slugs, so the name needs no escaping. */
export const exportFileName = (site: string, poll: string, format: 'csv' | 'json', now: number) =>
  `parley-${site}-${poll}-${new Date(now).toISOString().slice(0, 10)}.${format}`
