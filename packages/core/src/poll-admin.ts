import { z } from 'zod'
import { OptionIdSchema, PollKeySchema, SiteIdSchema, ThreadKeySchema } from './ids.ts'
import {
  PAGE_SIZE_MAX,
  POLL_OPTION_LABEL_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POLL_OPTIONS_STORED_MAX,
  POLL_QUESTION_MAX,
} from './limits.ts'
import { PollKindSchema, PollStatusSchema, ResultsVisibilitySchema, type PollKind } from './poll.ts'
import { cleanName, cleanText } from './text.ts'
import { newestFirstPage } from './page.ts'

// The publisher's side of polls: what the admin API accepts and returns. Readers see PollSchema.

function cleaned(clean: (s: string) => string, max: number) {
  return z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .transform(clean)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`))
}

export const PollQuestionSchema = cleaned(cleanText, POLL_QUESTION_MAX).meta({
  description: `1–${POLL_QUESTION_MAX} characters after trimming`,
})

export const OptionLabelSchema = cleaned(cleanName, POLL_OPTION_LABEL_MAX).meta({
  description: `One line, 1–${POLL_OPTION_LABEL_MAX} characters after trimming`,
})

const TimeInputSchema = z.iso.datetime({ offset: true }).nullable().meta({
  description: 'ISO 8601 with Z or an offset; null leaves that side open',
  example: '2026-12-01T09:00:00Z',
})

export const NewPollSchema = z
  .strictObject({
    key: PollKeySchema,
    question: PollQuestionSchema,
    options: z
      .array(OptionLabelSchema)
      .min(POLL_OPTIONS_MIN, `must have at least ${POLL_OPTIONS_MIN} options`)
      .max(POLL_OPTIONS_MAX, `must have at most ${POLL_OPTIONS_MAX} options`)
      .meta({ description: 'The option labels, in display order' }),
    kind: PollKindSchema.default('single'),
    maxChoices: z.int().min(1).max(POLL_OPTIONS_MAX).optional().meta({
      description: 'Default: 1 for a single-choice poll, every option for a multiple-choice one',
    }),
    opensAt: TimeInputSchema.default(null),
    closesAt: TimeInputSchema.default(null),
    resultsVisibility: ResultsVisibilitySchema.default('always'),
    allowVoteChange: z.boolean().default(true),
    thread: ThreadKeySchema.nullable()
      .default(null)
      .meta({ description: 'Show the poll with this thread (created if needed)' }),
  })
  .meta({ id: 'NewPoll' })

export const ExistingOptionEditSchema = z
  .strictObject({
    id: OptionIdSchema,
    label: OptionLabelSchema.optional(),
    hidden: z.boolean().optional().meta({
      description: 'Hidden options are not shown to readers nor votable; their votes are kept',
    }),
  })
  .meta({ id: 'ExistingOptionEdit' })

export const NewOptionEditSchema = z
  .strictObject({ label: OptionLabelSchema, hidden: z.boolean().default(false) })
  .meta({ id: 'NewOptionEdit' })

export const EditPollSchema = z
  .strictObject({
    question: PollQuestionSchema.optional(),
    kind: PollKindSchema.optional(),
    maxChoices: z.int().min(1).max(POLL_OPTIONS_MAX).optional(),
    opensAt: TimeInputSchema.optional(),
    closesAt: TimeInputSchema.optional(),
    closeNow: z
      .literal(true)
      .optional()
      .meta({ description: 'Close the poll now (sets closesAt to the server time)' }),
    resultsVisibility: ResultsVisibilitySchema.optional(),
    allowVoteChange: z.boolean().optional(),
    thread: ThreadKeySchema.nullable()
      .optional()
      .meta({ description: 'Move the poll to this thread (created if needed); null: on its own' }),
    options: z
      .array(z.union([ExistingOptionEditSchema, NewOptionEditSchema]))
      .max(POLL_OPTIONS_STORED_MAX)
      .optional()
      .meta({
        description:
          'Every option the poll keeps, in display order: existing ones by id (to relabel, hide or unhide), new ones by label. To delete an option nobody chose, use DELETE …/options/{option}',
      }),
  })
  .meta({ id: 'EditPoll', description: 'Only the fields sent change' })

export const AdminPollOptionSchema = z
  .object({
    id: OptionIdSchema,
    label: z.string(),
    position: z.int().nonnegative(),
    hidden: z.boolean(),
    votes: z.int().nonnegative(),
    percent: z.int().min(0).max(100).meta({
      description:
        'Share of all votes, hidden options included, by largest remainder (sums to 100)',
    }),
  })
  .meta({ id: 'AdminPollOption' })

export const AdminPollSchema = z
  .object({
    id: PollKeySchema,
    thread: ThreadKeySchema.nullable(),
    question: z.string(),
    kind: PollKindSchema,
    maxChoices: z.int().min(1),
    opensAt: z.iso.datetime().nullable(),
    closesAt: z.iso.datetime().nullable(),
    status: PollStatusSchema,
    resultsVisibility: ResultsVisibilitySchema,
    allowVoteChange: z.boolean(),
    options: z
      .array(AdminPollOptionSchema)
      .meta({ description: 'Every option, hidden ones included, in display order' }),
    totalVotes: z.int().nonnegative().meta({ description: 'Chosen options over every ballot' }),
    voters: z.int().nonnegative().meta({ description: 'Ballots cast' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminPoll' })

export const AdminPollPageSchema = newestFirstPage('polls', AdminPollSchema, 'AdminPollPage')

/** The `thread` filter of the admin poll list that picks the polls without a thread. */
export const POLL_THREAD_NONE = 'none'

export const AdminPollListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'is not a cursor')
    .optional()
    .meta({ description: 'nextCursor of the previous page' }),
  thread: ThreadKeySchema.optional().meta({
    description: `Only the polls shown with this thread; \`${POLL_THREAD_NONE}\`: only polls on their own, without a thread (so a thread keyed "${POLL_THREAD_NONE}" cannot be picked out)`,
    example: 'europe-trafficking',
  }),
})

export const PollExportQuerySchema = z.object({
  format: z.enum(['csv', 'json']).default('csv'),
})

export const PollExportSchema = z
  .object({
    site: SiteIdSchema,
    exportedAt: z.iso.datetime(),
    poll: AdminPollSchema,
  })
  .meta({ id: 'PollExport' })

export const AdminPollOptionParamsSchema = z.object({
  site: SiteIdSchema,
  poll: PollKeySchema,
  option: OptionIdSchema,
})

export type NewPoll = z.input<typeof NewPollSchema>
export type EditPoll = z.input<typeof EditPollSchema>
export type AdminPollOption = z.infer<typeof AdminPollOptionSchema>
export type AdminPoll = z.infer<typeof AdminPollSchema>
export type AdminPollPage = z.infer<typeof AdminPollPageSchema>
export type PollExport = z.infer<typeof PollExportSchema>

/** A poll's definition as a whole: what creating or editing it must leave consistent. */
export interface PollDefinition {
  kind: PollKind
  maxChoices: number
  opensAt: number | null
  closesAt: number | null
  options: readonly { label: string; hidden: boolean }[]
}

/**
 * The rules that span several fields, as issues with paths relative to the request body. The
 * worker checks the merged result of an edit with them; a console can check a form the same way.
 */
export function pollDefinitionIssues(poll: PollDefinition): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = []
  const visible = poll.options.filter((o) => !o.hidden)
  if (visible.length < POLL_OPTIONS_MIN || visible.length > POLL_OPTIONS_MAX) {
    issues.push({
      path: 'options',
      message: `must leave ${POLL_OPTIONS_MIN}–${POLL_OPTIONS_MAX} options visible`,
    })
  }
  if (poll.options.length > POLL_OPTIONS_STORED_MAX) {
    issues.push({
      path: 'options',
      message: `must have at most ${POLL_OPTIONS_STORED_MAX} options, hidden ones included`,
    })
  }
  const labels = visible.map((o) => o.label.toLocaleLowerCase())
  if (new Set(labels).size !== labels.length) {
    issues.push({ path: 'options', message: 'visible options must have different labels' })
  }
  if (poll.kind === 'single' && poll.maxChoices !== 1) {
    issues.push({ path: 'maxChoices', message: 'must be 1 for a single-choice poll' })
  } else if (poll.maxChoices > visible.length) {
    issues.push({
      path: 'maxChoices',
      message: `must be at most the number of visible options (${visible.length})`,
    })
  }
  if (poll.opensAt !== null && poll.closesAt !== null && poll.closesAt <= poll.opensAt) {
    issues.push({ path: 'closesAt', message: 'must be after opensAt' })
  }
  return issues
}
