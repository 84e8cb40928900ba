import { z } from 'zod'
import { AuditEntrySchema } from './audit.ts'
import { ReaderIdSchema } from './bans.ts'
import { BadgeSchema, LangTagSchema, RemovalSchema, RemovalReasonSchema } from './comment.ts'
import { CommentIdSchema, ThreadKeySchema } from './ids.ts'
import {
  COMMENT_TEXT_MAX,
  COMMENT_TEXT_MIN,
  PAGE_SIZE_MAX,
  REPORT_REASONS,
  STATEMENT_MAX,
} from './limits.ts'
import { cleanText } from './text.ts'

// The moderation queue and the moderator's actions on comments (admin API, moderator role).
// docs/decisions/0008-moderation-pipeline.md explains the states and who sees what.

/**
 * A comment's moderation state as stored. Readers see three (Comment.status): a shadow comment
 * looks published to its author and does not exist for anyone else; spam looks removed to its
 * author.
 */
export const STORED_COMMENT_STATUSES = [
  'published',
  'pending',
  'removed',
  'spam',
  'shadow',
] as const
export type StoredCommentStatus = (typeof STORED_COMMENT_STATUSES)[number]

/**
 * The queue's views: pending (held for review), reported (reported since a moderator last looked,
 * published or pending), recent (everything, newest first), removed, spam, shadow.
 */
export const MODERATION_VIEWS = [
  'pending',
  'reported',
  'recent',
  'removed',
  'spam',
  'shadow',
] as const
export type ModerationView = (typeof MODERATION_VIEWS)[number]

/** Comments a queue request examines at most: a page of a filtered view may come back short. */
export const MODERATION_SCAN_MAX = 1000
export const MODERATION_SEARCH_MAX = 200
/** The note a moderator may give with an action, kept in the audit log. */
export const MODERATION_REASON_MAX = 500

export const StoredCommentStatusSchema = z.enum(STORED_COMMENT_STATUSES).meta({
  id: 'StoredCommentStatus',
  description:
    'published; pending: held for review; removed: removed by a moderator (tombstone); spam: rejected as spam (only its author sees it, as removed); shadow: written under a shadow ban (only its author sees it, as published)',
})

export const VerdictReasonSchema = z
  .object({
    signal: z.string().meta({ example: 'links' }),
    detail: z.string().meta({ example: '4 links (more than 2)' }),
    weight: z.number().meta({ description: 'What the signal added to the score' }),
  })
  .meta({ id: 'VerdictReason' })

export const ModerationVerdictSchema = z
  .object({
    decision: z.enum(['publish', 'hold', 'reject']),
    score: z.number(),
    reasons: z.array(VerdictReasonSchema).meta({
      description:
        'The signals that scored, then any added later: reports (the report threshold hid it), shadow_ban',
    }),
  })
  .meta({
    id: 'ModerationVerdict',
    description: "The pipeline's verdict when the comment was posted or last edited by its author",
  })

export const ReportSummarySchema = z
  .partialRecord(z.enum(REPORT_REASONS), z.int().positive())
  .meta({ id: 'ReportSummary', description: 'Reports per reason', example: { abuse: 2, spam: 1 } })

export const AdminCommentSchema = z
  .object({
    id: CommentIdSchema,
    parentId: CommentIdSchema.nullable(),
    thread: z.object({ key: ThreadKeySchema, title: z.string().nullable() }),
    author: z.object({
      name: z.string(),
      readerId: z.string().meta({ description: 'The reader token id: what a ban by reader names' }),
      badges: z.array(BadgeSchema),
    }),
    text: z.string().meta({ description: 'The text as stored, whatever its status' }),
    html: z.string(),
    lang: LangTagSchema.nullable(),
    status: StoredCommentStatusSchema,
    verdict: ModerationVerdictSchema.nullable().meta({
      description: 'null for comments older than the pipeline',
    }),
    reportCount: z.int().nonnegative(),
    reportReasons: ReportSummarySchema,
    pinned: z.boolean(),
    deleted: z
      .boolean()
      .meta({ description: 'Deleted by its author (a placeholder over replies)' }),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    reviewedAt: z.iso.datetime().nullable().meta({
      description: 'When a moderator last decided on it; reports no longer hide it after that',
    }),
    removal: RemovalSchema.nullable().meta({
      description: "Set when removed or spam: the statement of reasons, with the author's appeal",
    }),
    revisionCount: z.int().nonnegative().meta({ description: 'Earlier texts kept' }),
    replyCount: z.int().nonnegative().meta({ description: 'Published direct replies' }),
  })
  .meta({ id: 'AdminComment' })

export const CommentRevisionSchema = z
  .object({
    text: z.string(),
    replacedAt: z.iso.datetime(),
    editor: z.enum(['author', 'moderator']),
  })
  .meta({ id: 'CommentRevision' })

export const AdminReportSchema = z
  .object({
    reason: z.enum(REPORT_REASONS),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminReport' })

export const AdminCommentDetailSchema = AdminCommentSchema.extend({
  revisions: z.array(CommentRevisionSchema).meta({ description: 'Earlier texts, newest first' }),
  reports: z.array(AdminReportSchema).meta({ description: 'Newest first' }),
  audit: z.array(AuditEntrySchema).meta({ description: 'Admin actions on it, newest first' }),
}).meta({ id: 'AdminCommentDetail' })

const note = (description: string) =>
  z
    .string()
    .max(MODERATION_REASON_MAX * 4)
    .transform(cleanText)
    .pipe(
      z.string().max(MODERATION_REASON_MAX, `must be at most ${MODERATION_REASON_MAX} characters`)
    )
    .meta({ description })

const required = (max: number, description: string) =>
  z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .transform(cleanText)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`))
    .meta({ description })

export const AdminCommentListQuerySchema = z.object({
  view: z.enum(MODERATION_VIEWS).default('pending'),
  thread: ThreadKeySchema.optional().meta({ description: 'Only comments of this thread' }),
  q: z.string().trim().min(1).max(MODERATION_SEARCH_MAX).optional().meta({
    description:
      'Text or author name containing this (case-insensitive for ASCII letters). Searches a bounded number of comments per request: see MODERATION_SCAN_MAX',
  }),
  reader: ReaderIdSchema.optional().meta({ description: "Only this reader's comments" }),
  cursor: z
    .string()
    .regex(/^[0-9]{1,16}\.[0-9]{1,19}$/, 'is not a nextCursor of this listing')
    .optional()
    .meta({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
})

export const AdminCommentPageSchema = z
  .object({
    comments: z.array(AdminCommentSchema).meta({ description: 'Newest first' }),
    nextCursor: z
      .string()
      .nullable()
      .meta({
        description: `null on the last page. Each request examines at most ${MODERATION_SCAN_MAX} comments, so with a search or filter a page may be short, even empty, and still have a nextCursor`,
      }),
  })
  .meta({ id: 'AdminCommentPage' })

export const ModerationNoteSchema = z
  .object({ reason: note('Why, for the audit log').optional() })
  .meta({ id: 'ModerationNote' })

export const RejectCommentSchema = z
  .object({
    reason: RemovalReasonSchema,
    statement: required(
      STATEMENT_MAX,
      'The statement of reasons the author sees (DSA art. 17): what was removed, on what ground'
    ),
  })
  .meta({ id: 'RejectComment' })

export const SpamCommentSchema = z
  .object({
    statement: note('Shown to the author; a standard text when left out').optional(),
  })
  .meta({ id: 'SpamComment' })

export const ModeratorEditSchema = z
  .object({
    text: required(
      COMMENT_TEXT_MAX,
      `The new text, ${COMMENT_TEXT_MIN}–${COMMENT_TEXT_MAX} characters`
    ),
    reason: required(MODERATION_REASON_MAX, 'Why it was edited, for the audit log'),
  })
  .meta({ id: 'ModeratorEdit' })

export const PinCommentSchema = z
  .object({ pinned: z.boolean(), reason: note('Why, for the audit log').optional() })
  .meta({ id: 'PinComment' })

export const CommentBadgesSchema = z
  .object({
    author: z
      .boolean()
      .optional()
      .meta({ description: 'Set (true) or clear (false) the "author of the article" badge' }),
    expert: z
      .boolean()
      .optional()
      .meta({ description: 'Set (true) or clear (false) the "expert" badge' }),
    reason: note('Why, for the audit log').optional(),
  })
  .refine((b) => b.author !== undefined || b.expert !== undefined, {
    message: 'must set author, expert or both',
  })
  .meta({
    id: 'CommentBadges',
    description: 'The badges to set or clear, at least one; those left out stay as they are',
  })

export type AdminComment = z.infer<typeof AdminCommentSchema>
export type AdminCommentDetail = z.infer<typeof AdminCommentDetailSchema>
export type AdminCommentPage = z.infer<typeof AdminCommentPageSchema>
export type AdminCommentListQuery = z.input<typeof AdminCommentListQuerySchema>
export type ModerationVerdict = z.infer<typeof ModerationVerdictSchema>
export type CommentRevision = z.infer<typeof CommentRevisionSchema>
export type RejectComment = z.input<typeof RejectCommentSchema>
export type SpamComment = z.input<typeof SpamCommentSchema>
export type ModeratorEdit = z.input<typeof ModeratorEditSchema>
export type PinComment = z.input<typeof PinCommentSchema>
export type CommentBadges = z.input<typeof CommentBadgesSchema>
