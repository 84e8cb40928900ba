// Creates a poll with its options, optionally shown with a thread (which is created if needed).
// Re-running with the same --key updates the question and the option labels in place.
//
//   pnpm --filter @parley/worker poll:add --site news --key budget --question "Is it enough?" \
//     --option Yes --option No [--thread 2026/budget] [--remote]
import {
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  PollKeySchema,
  SiteIdSchema,
  ThreadKeySchema,
} from '@parley/core'
import { z } from 'zod'
import { describeIssues, executeSql, fail, parseFlags, pollStatements, sql } from './lib/d1.ts'

const USAGE = `Usage: poll:add --site <site-id> --key <poll-key> --question <text> --option <label> --option <label> ...
                [--thread <thread-key>] [--local | --remote] [--persist-to DIR] [--dry-run]

  --key      lowercase letters, digits and inner hyphens (data-poll in the embed)
  --option   ${POLL_OPTIONS_MIN} to ${POLL_OPTIONS_MAX} options, in display order
  --thread   show the poll with this thread (GET thread lists it)`

const flags = parseFlags(
  {
    site: { type: 'string' },
    key: { type: 'string' },
    question: { type: 'string' },
    option: { type: 'string', multiple: true, default: [] },
    thread: { type: 'string' },
  },
  USAGE
)

const parsed = z
  .object({
    site: SiteIdSchema,
    key: PollKeySchema,
    question: z.string().trim().min(1).max(300),
    options: z
      .array(z.string().trim().min(1).max(100))
      .min(POLL_OPTIONS_MIN)
      .max(POLL_OPTIONS_MAX)
      .refine((labels) => new Set(labels).size === labels.length, 'labels must be different'),
    thread: ThreadKeySchema.optional(),
  })
  .safeParse({
    site: flags.site,
    key: flags.key,
    question: flags.question,
    options: flags.option,
    thread: flags.thread,
  })
if (!parsed.success) fail(`invalid arguments:\n${describeIssues(parsed.error.issues)}`, USAGE)
const poll = parsed.data
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
statements.push(...pollStatements(poll, threadId, now))

executeSql(`poll-${poll.site}-${poll.key}`, statements, {
  ...flags,
  hint: `A FOREIGN KEY failure means there is no site "${poll.site}": add it with site:add first.`,
})
if (!flags['dry-run']) {
  console.log(
    `[parley] poll "${poll.key}" on site "${poll.site}"${poll.thread ? `, thread "${poll.thread}"` : ''}: ${poll.options.join(' / ')}`
  )
}
