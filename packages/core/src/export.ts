import { z } from 'zod'
import { CommentIdSchema, PollKeySchema, ThreadKeySchema } from './ids.ts'
import { ExpertIdSchema, ExpertResponseIdSchema, EXPERT_RESPONSE_STATUSES } from './experts.ts'
import { REPORT_REASONS } from './limits.ts'
import { SiteSettingsSchema, ThreadSettingsSchema } from './settings.ts'

// A site's data as one JSON document: what GET …/export writes and POST …/import reads back into
// a site that has none. Documented in docs/export-format.md; the decisions behind it are in
// docs/decisions/0020-faults-and-portability.md. Any change that an older importer could not read
// raises EXPORT_VERSION.

export const EXPORT_FORMAT = 'parley-site-export'
export const EXPORT_VERSION = 1

const Time = z.iso.datetime().meta({ description: 'UTC, with milliseconds' })
const Json = z.record(z.string(), z.unknown())
/** Every stored state, spam and shadow included (the public API shows fewer). */
const STORED_STATUSES = ['published', 'pending', 'removed', 'spam', 'shadow'] as const

/** A reader as the export names them: a pseudonym, the same for every row of one reader. */
export const PseudonymSchema = z
  .string()
  .regex(/^a_[0-9a-f]{16}$/, 'is not an anonymous reader pseudonym')
  .meta({
    description:
      'Stable anonymous pseudonym of a reader: an HMAC of the reader id under a key derived from the deployment secret; imported as the reader id, so exporting an imported site gives the same pseudonyms',
    example: 'a_3f9c0e1b7d2a4c58',
  })

/** An option of a poll named by its position, which the export keeps (ids are the database's). */
const OptionRefSchema = z.object({ poll: PollKeySchema, position: z.number().int().min(0) })

export const ExportReactionSchema = z.object({
  reader: PseudonymSchema,
  emoji: z.string().min(1).max(32),
  createdAt: Time,
})

export const ExportReportSchema = z.object({
  reader: PseudonymSchema,
  reason: z.enum(REPORT_REASONS),
  note: z.string().nullable(),
  createdAt: Time,
})

export const ExportRevisionSchema = z.object({
  text: z.string(),
  replacedAt: Time,
  editor: z.enum(['author', 'moderator']),
})

export const ExportCommentSchema = z
  .object({
    id: CommentIdSchema,
    thread: ThreadKeySchema,
    parentId: CommentIdSchema.nullable(),
    author: PseudonymSchema,
    authorName: z.string(),
    text: z.string(),
    html: z
      .string()
      .nullable()
      .meta({ description: 'The stored rendering; null = render on read' }),
    lang: z.string().nullable(),
    createdAt: Time,
    editedAt: Time.nullable(),
    deletedAt: Time.nullable().meta({ description: 'Set on a placeholder the author deleted' }),
    status: z.enum(STORED_STATUSES),
    badges: z.array(z.string()),
    pinnedAt: Time.nullable(),
    reviewedAt: Time.nullable(),
    moderation: Json.meta({ description: "The pipeline's verdict, as stored" }),
    removal: Json.nullable().meta({ description: 'The statement of reasons of a removal' }),
    stance: OptionRefSchema.nullable(),
    revisions: z.array(ExportRevisionSchema).meta({ description: 'Earlier texts, oldest first' }),
    reactions: z.array(ExportReactionSchema),
    reports: z.array(ExportReportSchema),
    counts: z
      .object({
        replies: z.number().int().min(0),
        descendants: z.number().int().min(0),
        reactions: z.record(z.string(), z.number().int().min(1)),
        reports: z.number().int().min(0),
      })
      .meta({
        description:
          'The stored counters, for readers of the file; the importer recounts them from the rows',
      }),
  })
  .meta({ id: 'ExportComment' })

export const ExportThreadSchema = z
  .object({
    key: ThreadKeySchema,
    title: z.string().nullable(),
    settings: ThreadSettingsSchema,
    createdAt: Time,
    commentCount: z.number().int().min(0),
  })
  .meta({ id: 'ExportThread' })

export const ExportBallotSchema = z.object({
  reader: PseudonymSchema,
  positions: z.array(z.number().int().min(0)).min(1).meta({ description: 'The chosen options' }),
  createdAt: Time,
  updatedAt: Time,
})

export const ExportPollSchema = z
  .object({
    key: PollKeySchema,
    thread: ThreadKeySchema.nullable(),
    question: z.string(),
    kind: z.enum(['single', 'multiple']),
    maxChoices: z.number().int().min(1),
    opensAt: Time.nullable(),
    closesAt: Time.nullable(),
    resultsVisibility: z.enum(['always', 'after_vote', 'after_close']),
    allowVoteChange: z.boolean(),
    createdAt: Time,
    updatedAt: Time,
    voters: z.number().int().min(0),
    options: z.array(
      z.object({
        position: z.number().int().min(0),
        label: z.string(),
        hidden: z.boolean(),
        votes: z.number().int().min(0),
      })
    ),
    ballots: z.array(ExportBallotSchema),
  })
  .meta({ id: 'ExportPoll' })

export const ExportExpertSchema = z
  .object({
    id: ExpertIdSchema,
    name: z.string(),
    title: z.string(),
    organisation: z.string(),
    photoUrl: z.string().nullable(),
    createdAt: Time,
    archivedAt: Time.nullable(),
  })
  .meta({ id: 'ExportExpert' })

export const ExportExpertResponseSchema = z
  .object({
    id: ExpertResponseIdSchema,
    commentId: CommentIdSchema,
    expertId: ExpertIdSchema,
    text: z.string(),
    html: z.string(),
    status: z.enum(EXPERT_RESPONSE_STATUSES),
    createdAt: Time,
    updatedAt: Time,
  })
  .meta({ id: 'ExportExpertResponse' })

export const SiteExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: Time,
    site: z.object({
      id: z.string().meta({ description: 'The site exported; an import may target another id' }),
      name: z.string().min(1),
      allowedOrigins: z.array(z.string()),
      settings: SiteSettingsSchema,
      createdAt: Time,
    }),
    threads: z.array(ExportThreadSchema),
    comments: z.array(ExportCommentSchema).meta({
      description: 'Every comment of every status, parents before their replies',
    }),
    polls: z.array(ExportPollSchema),
    experts: z.array(ExportExpertSchema),
    expertResponses: z.array(ExportExpertResponseSchema),
  })
  .meta({ id: 'SiteExport' })

/** What an import wrote. */
export const ImportResultSchema = z
  .object({
    site: z.string(),
    threads: z.number().int(),
    comments: z.number().int(),
    reactions: z.number().int(),
    polls: z.number().int(),
    ballots: z.number().int(),
    experts: z.number().int(),
    expertResponses: z.number().int(),
  })
  .meta({ id: 'ImportResult' })

export type SiteExport = z.infer<typeof SiteExportSchema>
export type ExportComment = z.infer<typeof ExportCommentSchema>
export type ExportPoll = z.infer<typeof ExportPollSchema>
export type ImportResult = z.infer<typeof ImportResultSchema>
