import { z } from 'zod'
import { BanSchema, ReaderIdSchema } from './bans.ts'
import { RemovalReasonSchema } from './comment.ts'
import { CommentIdSchema, SiteIdSchema } from './ids.ts'
import { DISPLAY_NAME_MAX, DISPLAY_NAME_MIN, REPORT_REASONS } from './limits.ts'
import { StoredCommentStatusSchema } from './moderation-admin.ts'

// Reader data: what a reader can download and erase themselves (reader token), what a publisher
// can find, export and erase for them (admin API), and how long the rest is kept. See
// docs/privacy.md and docs/decisions/0019-reader-data-and-retention.md.

export const ERASURE_MODES = ['delete', 'anonymise'] as const
export type ErasureMode = (typeof ERASURE_MODES)[number]

export const RETENTION_DAYS_MIN = 1
export const RETENTION_DAYS_MAX = 3650
export const RETENTION_DAYS_DEFAULT = 30

export const PrivacySettingsSchema = z
  .object({
    erasure: z.enum(ERASURE_MODES).default('delete').meta({
      description:
        "What erasing a reader does to their comments: delete (gone, or a 'deleted' placeholder where others replied) or anonymise (the text stays, the name and every link to the reader go)",
    }),
    anonymousName: z
      .string()
      .trim()
      .min(DISPLAY_NAME_MIN)
      .max(DISPLAY_NAME_MAX)
      .default('Anonymous')
      .meta({ description: 'The name anonymised comments show, in the language of the site' }),
    retentionDays: z
      .int()
      .min(RETENTION_DAYS_MIN)
      .max(RETENTION_DAYS_MAX)
      .default(RETENTION_DAYS_DEFAULT)
      .meta({
        description:
          "Days after which the daily clean-up clears the site's technical personal data: network hashes and idempotency keys of comments, report notes, the names and emails of decided DSA notices, the texts of decided appeals, and the subjects of lifted or expired bans",
      }),
  })
  .meta({ id: 'PrivacySettings' })

export type PrivacySettings = z.infer<typeof PrivacySettingsSchema>

const iso = z.iso.datetime()
const isoOrNull = iso.nullable()

export const ReaderDataCommentSchema = z
  .object({
    id: CommentIdSchema,
    thread: z.string().meta({ description: "The thread's key" }),
    parentId: CommentIdSchema.nullable(),
    authorName: z.string().meta({ description: '"" once deleted' }),
    text: z.string().meta({ description: 'As written (after cleaning); "" once deleted' }),
    lang: z.string().nullable(),
    status: StoredCommentStatusSchema,
    createdAt: iso,
    editedAt: isoOrNull,
    deletedAt: isoOrNull.meta({ description: 'Set on a placeholder the author deleted' }),
    stance: z
      .object({ poll: z.string(), option: z.string().meta({ description: 'Its label' }) })
      .nullable()
      .meta({ description: 'The vote shown with the comment, if any' }),
    removal: z
      .object({ reason: RemovalReasonSchema, statement: z.string(), removedAt: iso })
      .nullable(),
    revisions: z
      .array(
        z.object({
          text: z.string(),
          replacedAt: iso,
          editor: z.enum(['author', 'moderator']),
        })
      )
      .meta({ description: 'Earlier texts, oldest first' }),
  })
  .meta({ id: 'ReaderDataComment' })

export const ReaderDataSchema = z
  .object({
    format: z.literal('parley.reader-data'),
    version: z.literal(1),
    site: z.string(),
    readerId: z.string(),
    exportedAt: iso,
    comments: z.array(ReaderDataCommentSchema).meta({ description: 'Oldest first' }),
    votes: z.array(
      z.object({
        poll: z.string().meta({ description: "The poll's key" }),
        question: z.string(),
        options: z.array(z.string()).meta({ description: 'The labels chosen' }),
        createdAt: iso,
        updatedAt: iso,
      })
    ),
    reactions: z.array(z.object({ commentId: CommentIdSchema, emoji: z.string(), createdAt: iso })),
    reports: z.array(
      z.object({
        commentId: CommentIdSchema,
        reason: z.enum(REPORT_REASONS),
        note: z.string().nullable(),
        createdAt: iso,
      })
    ),
    appeals: z.array(
      z.object({
        commentId: CommentIdSchema,
        text: z.string(),
        status: z.enum(['open', 'upheld', 'reversed']),
        decision: z.string().nullable(),
        createdAt: iso,
        decidedAt: isoOrNull,
      })
    ),
    signIn: z
      .object({ subject: z.string(), name: z.string(), avatarUrl: z.string().nullable() })
      .nullable()
      .meta({ description: "The site's account this reader is signed in as (publisher sign-in)" }),
  })
  .meta({
    id: 'ReaderData',
    description:
      'Everything stored under one reader id: comments with their edit history, votes, reactions, reports and appeals',
  })

export type ReaderData = z.infer<typeof ReaderDataSchema>

/** The publisher's export adds its own records about the reader: bans and moderation verdicts. */
export const AdminReaderDataSchema = ReaderDataSchema.extend({
  bans: z.array(BanSchema),
  moderation: z
    .array(z.object({ commentId: CommentIdSchema, verdict: z.record(z.string(), z.unknown()) }))
    .meta({ description: "The moderation pipeline's verdict on each comment" }),
}).meta({ id: 'AdminReaderData' })

export type AdminReaderData = z.infer<typeof AdminReaderDataSchema>

export const ErasureResultSchema = z
  .object({
    readerId: z.string(),
    mode: z.enum(ERASURE_MODES),
    comments: z.object({
      removed: z.int().nonnegative().meta({ description: 'Deleted with their rows' }),
      placeholders: z
        .int()
        .nonnegative()
        .meta({ description: "Left as 'deleted' placeholders: others replied" }),
      anonymised: z.int().nonnegative().meta({ description: 'Kept without name or reader link' }),
    }),
    votes: z.int().nonnegative().meta({ description: 'Ballots withdrawn from the counts' }),
    reactions: z.int().nonnegative(),
    reports: z.int().nonnegative(),
    appeals: z.int().nonnegative(),
  })
  .meta({ id: 'ErasureResult' })

export type ErasureResult = z.infer<typeof ErasureResultSchema>

export const ReaderParamsSchema = z.object({ site: SiteIdSchema, reader: ReaderIdSchema })

export const EraseReaderQuerySchema = z.object({
  mode: z
    .enum(ERASURE_MODES)
    .optional()
    .meta({ description: "Overrides the site's privacy.erasure for this request" }),
})

export const AdminReaderQuerySchema = z
  .object({
    reader: ReaderIdSchema.optional().meta({ description: 'A reader id (r_…)' }),
    comment: CommentIdSchema.optional().meta({ description: 'Whoever wrote this comment' }),
    user: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .meta({ description: "The subject of the site's signed-in user (publisher sign-in)" }),
  })
  .refine(
    (q) => [q.reader, q.comment, q.user].filter((v) => v !== undefined).length === 1,
    'send exactly one of reader, comment or user'
  )

export const ReaderSummarySchema = z
  .object({
    readerId: z.string(),
    comments: z.int().nonnegative(),
    votes: z.int().nonnegative(),
    reactions: z.int().nonnegative(),
    reports: z.int().nonnegative(),
    appeals: z.int().nonnegative(),
    firstSeen: isoOrNull.meta({ description: 'Oldest comment, vote, reaction or report' }),
    lastSeen: isoOrNull,
  })
  .meta({ id: 'ReaderSummary' })

export const ReaderSearchSchema = z
  .object({ readers: z.array(ReaderSummarySchema) })
  .meta({ id: 'ReaderSearch' })

export type ReaderSummary = z.infer<typeof ReaderSummarySchema>
export type ReaderSearch = z.infer<typeof ReaderSearchSchema>
