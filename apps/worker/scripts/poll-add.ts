// Creates a poll with its options, optionally shown with a thread (which is created if needed).
// Idempotent: re-running with the same --key redefines the poll in place (question, settings,
// option labels by position); options beyond the given list are hidden, never deleted, so their
// votes stay. Settings not given go back to their defaults. The admin API does the same over HTTP.
//
//   pnpm --filter @parley/worker poll:add --site news --key budget --question "Is it enough?" \
//     --option Yes --option No [--thread 2026/budget] [--kind multiple --max-choices 2] \
//     [--opens-at 2026-12-01T09:00:00Z] [--closes-at 2026-12-08T09:00:00Z] \
//     [--results after_vote] [--lock-votes] [--remote]
import {
  NewPollSchema,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  pollDefinitionIssues,
  SiteIdSchema,
} from '@parley/core'
import { z } from 'zod'
import { describeIssues, executeSql, fail, parseFlags, pollStatements, sql } from './lib/d1.ts'

const USAGE = `Usage: poll:add --site <site-id> --key <poll-key> --question <text> --option <label> --option <label> ...
                [--thread <thread-key>] [--kind single|multiple] [--max-choices <n>]
                [--opens-at <ISO time>] [--closes-at <ISO time>]
                [--results always|after_vote|after_close] [--lock-votes]
                [--local | --remote] [--persist-to DIR] [--dry-run]

  --key          lowercase letters, digits and inner hyphens (data-poll in the embed)
  --option       ${POLL_OPTIONS_MIN} to ${POLL_OPTIONS_MAX} options, in display order
  --thread       show the poll with this thread (GET thread lists it)
  --kind         single (default) or multiple choice
  --max-choices  how many options a multiple-choice ballot may hold (default: all)
  --opens-at     when voting opens, e.g. 2026-12-01T09:00:00Z (default: now)
  --closes-at    when voting closes (default: never)
  --results      who sees the results: always (default), after_vote, or after_close
  --lock-votes   readers cannot change or withdraw a vote once cast`

const flags = parseFlags(
  {
    site: { type: 'string' },
    key: { type: 'string' },
    question: { type: 'string' },
    option: { type: 'string', multiple: true, default: [] },
    thread: { type: 'string' },
    kind: { type: 'string' },
    'max-choices': { type: 'string' },
    'opens-at': { type: 'string' },
    'closes-at': { type: 'string' },
    results: { type: 'string' },
    'lock-votes': { type: 'boolean', default: false },
  },
  USAGE
)

// The same schema as POST /v1/admin/sites/:site/polls, so the script and the API agree.
const parsed = NewPollSchema.extend({ site: SiteIdSchema })
  .extend({ maxChoices: z.coerce.number().int().min(1).max(POLL_OPTIONS_MAX).optional() })
  .safeParse({
    site: flags.site,
    key: flags.key,
    question: flags.question,
    options: flags.option,
    thread: flags.thread ?? null,
    kind: flags.kind,
    maxChoices: flags['max-choices'],
    opensAt: flags['opens-at'] ?? null,
    closesAt: flags['closes-at'] ?? null,
    resultsVisibility: flags.results,
    allowVoteChange: !flags['lock-votes'],
  })
if (!parsed.success) fail(`invalid arguments:\n${describeIssues(parsed.error.issues)}`, USAGE)
const poll = parsed.data
const definition = {
  site: poll.site,
  key: poll.key,
  question: poll.question,
  options: poll.options,
  kind: poll.kind,
  maxChoices: poll.maxChoices ?? (poll.kind === 'single' ? 1 : poll.options.length),
  opensAt: poll.opensAt === null ? null : Date.parse(poll.opensAt),
  closesAt: poll.closesAt === null ? null : Date.parse(poll.closesAt),
  resultsVisibility: poll.resultsVisibility,
  allowVoteChange: poll.allowVoteChange,
}
const issues = pollDefinitionIssues({
  ...definition,
  options: poll.options.map((label) => ({ label, hidden: false })),
})
if (issues.length > 0) {
  fail(`invalid arguments:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`, USAGE)
}
const now = Date.now()

const threadId = poll.thread
  ? `(SELECT id FROM threads WHERE site_id = ${sql(poll.site)} AND key = ${sql(poll.thread)})`
  : 'NULL'
const statements: string[] = []
if (poll.thread) {
  statements.push(
    `INSERT INTO threads (site_id, key, title, comment_count, created_at)
     VALUES (${sql(poll.site)}, ${sql(poll.thread)}, NULL, 0, ${now})
     ON CONFLICT (site_id, key) DO NOTHING`
  )
}
statements.push(...pollStatements(definition, threadId, now))

executeSql(`poll-${poll.site}-${poll.key}`, statements, {
  ...flags,
  hint: `A FOREIGN KEY failure means there is no site "${poll.site}": add it with site:add first.`,
})
if (!flags['dry-run']) {
  const settings = [
    poll.kind === 'multiple' ? `multiple choice (up to ${definition.maxChoices})` : 'single choice',
    `results ${poll.resultsVisibility}`,
    poll.allowVoteChange ? 'votes changeable' : 'votes locked',
  ]
  console.log(
    `[parley] poll "${poll.key}" on site "${poll.site}"${poll.thread ? `, thread "${poll.thread}"` : ''}: ${poll.options.join(' / ')}; ${settings.join(', ')}`
  )
}
