import { z } from 'zod'
import { AdminPageQuerySchema } from './bans.ts'
import { RemovalReasonSchema, RemovalSchema } from './comment.ts'
import { CommentIdSchema, SiteIdSchema } from './ids.ts'
import {
  APPEAL_TEXT_MAX,
  DISPLAY_NAME_MAX,
  NOTICE_EXPLANATION_MAX,
  NOTICE_LAW_MAX,
  STATEMENT_MAX,
} from './limits.ts'
import { cleanName, cleanText } from './text.ts'
import { newestFirstPage } from './page.ts'

const cleaned = (clean: (s: string) => string, max: number) =>
  z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .transform(clean)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`))

/**
 * A notice of illegal content under the EU Digital Services Act (art. 16): the law concerned, why
 * the content breaks it, and who sends the notice. Anyone may file one; no reader token needed.
 */
export const NewNoticeSchema = z
  .object({
    law: cleaned(cleanName, NOTICE_LAW_MAX).meta({
      description: 'The law or legal provision the comment breaks',
      example: 'German Criminal Code § 130 (incitement to hatred)',
    }),
    explanation: cleaned(cleanText, NOTICE_EXPLANATION_MAX).meta({
      description: 'Why the comment is illegal content',
    }),
    name: cleaned(cleanName, DISPLAY_NAME_MAX).meta({ description: 'Who files the notice' }),
    email: z.email('must be an email address').max(254).meta({
      description: 'Where the site sends its decision',
    }),
    goodFaith: z.literal(true, 'must be confirmed').meta({
      description: 'The sender confirms the notice is accurate and complete, in good faith',
    }),
  })
  .meta({ id: 'NewNotice' })

export const NoticeReceiptSchema = z
  .object({
    id: z.string(),
    receivedAt: z.iso.datetime(),
  })
  .meta({ id: 'NoticeReceipt' })

/** The author's appeal against a removal (DSA art. 20). */
export const NewAppealSchema = z
  .object({
    text: cleaned(cleanText, APPEAL_TEXT_MAX).meta({
      description: 'Why the removal should be reversed',
    }),
  })
  .meta({ id: 'NewAppeal' })

export type NewNotice = z.infer<typeof NewNoticeSchema>
export type NewNoticeInput = z.input<typeof NewNoticeSchema>
export type NoticeReceipt = z.infer<typeof NoticeReceiptSchema>
export type NewAppeal = z.infer<typeof NewAppealSchema>

// The moderators' side of notices and appeals (admin API, moderator role).

export const NoticeIdSchema = z
  .string()
  .regex(/^n_[0-9a-z]{10,40}$/, 'is not a notice id')
  .meta({ description: 'Opaque notice id', example: 'n_01jd2w8z3k9q4r5t6y7u' })

export const NOTICE_STATUSES = ['open', 'actioned', 'dismissed'] as const
export const APPEAL_STATUSES = ['open', 'upheld', 'reversed'] as const
/** Characters of a comment's text shown with a notice or an appeal. */
export const EXCERPT_MAX = 280

/** The comment a notice or an appeal is about, as a moderator sees it. */
export const ModeratedCommentSchema = z
  .object({
    id: CommentIdSchema,
    thread: z.string().meta({ description: 'The thread key' }),
    authorName: z.string(),
    excerpt: z.string().meta({ description: `The first ${EXCERPT_MAX} characters of the text` }),
    status: z.enum(['published', 'pending', 'removed', 'spam', 'shadow']).meta({
      description:
        'The stored moderation state (spam and shadow are shown to nobody but the author)',
    }),
    deleted: z.boolean().meta({ description: 'Deleted by its author' }),
    removal: RemovalSchema.omit({ appeal: true }).nullable(),
  })
  .meta({ id: 'ModeratedComment' })

export const AdminNoticeSchema = z
  .object({
    id: NoticeIdSchema,
    comment: ModeratedCommentSchema,
    law: z.string(),
    explanation: z.string(),
    name: z.string(),
    email: z.string(),
    status: z.enum(NOTICE_STATUSES),
    decision: z.string().nullable().meta({ description: "The moderator's statement" }),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'AdminNotice' })

export const AdminNoticePageSchema = newestFirstPage(
  'notices',
  AdminNoticeSchema,
  'AdminNoticePage'
)

const statementSchema = z
  .string()
  .max(STATEMENT_MAX * 4, `must be at most ${STATEMENT_MAX} characters`)
  .transform(cleanText)
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(STATEMENT_MAX, `must be at most ${STATEMENT_MAX} characters`)
  )

export const NoticeDecisionSchema = z
  .strictObject({
    action: z.enum(['remove', 'dismiss']).meta({
      description:
        'remove: the comment is removed with this statement of reasons; dismiss: it stays',
    }),
    reason: RemovalReasonSchema.optional().meta({ description: 'Required to remove' }),
    statement: statementSchema.meta({
      description:
        'remove: the statement of reasons its author sees (DSA art. 17); dismiss: why the notice was not followed',
    }),
  })
  .superRefine((decision, ctx) => {
    if (decision.action === 'remove' && decision.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required to remove' })
    }
  })
  .meta({ id: 'NoticeDecision' })

/** What the author gets back when filing an appeal. */
export const AppealSchema = z
  .object({
    commentId: CommentIdSchema,
    status: z.enum(APPEAL_STATUSES),
    text: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Appeal' })

export const AdminAppealSchema = z
  .object({
    comment: ModeratedCommentSchema,
    text: z.string().meta({ description: "The author's appeal" }),
    status: z.enum(APPEAL_STATUSES),
    decision: z.string().nullable().meta({ description: "The moderator's answer" }),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'AdminAppeal' })

export const AdminAppealPageSchema = newestFirstPage(
  'appeals',
  AdminAppealSchema,
  'AdminAppealPage'
)

export const AppealDecisionSchema = z
  .strictObject({
    outcome: z.enum(['upheld', 'reversed']).meta({
      description: 'upheld: the removal stands; reversed: the comment is published again',
    }),
    decision: statementSchema.meta({ description: 'The answer its author sees' }),
  })
  .meta({ id: 'AppealDecision' })

export const NoticeListQuerySchema = AdminPageQuerySchema.extend({
  status: z.enum(NOTICE_STATUSES).optional().meta({ description: 'Default: every status' }),
})
export const AppealListQuerySchema = AdminPageQuerySchema.extend({
  status: z.enum(APPEAL_STATUSES).optional().meta({ description: 'Default: every status' }),
})
export const NoticeParamsSchema = z.object({ site: SiteIdSchema, notice: NoticeIdSchema })

export type NoticeStatus = (typeof NOTICE_STATUSES)[number]
export type AppealStatus = (typeof APPEAL_STATUSES)[number]
export type ModeratedComment = z.infer<typeof ModeratedCommentSchema>
export type AdminNotice = z.infer<typeof AdminNoticeSchema>
export type AdminNoticePage = z.infer<typeof AdminNoticePageSchema>
export type NoticeDecision = z.input<typeof NoticeDecisionSchema>
export type Appeal = z.infer<typeof AppealSchema>
export type AdminAppeal = z.infer<typeof AdminAppealSchema>
export type AdminAppealPage = z.infer<typeof AdminAppealPageSchema>
export type AppealDecision = z.input<typeof AppealDecisionSchema>
