import { z } from 'zod'
import { BotCheckFieldsSchema } from './abuse-settings.ts'
import { ExpertResponseSchema, type ExpertResponse } from './experts.ts'
import { CommentIdSchema, OptionIdSchema, PollKeySchema } from './ids.ts'
import {
  BADGES,
  COMMENT_STATUSES,
  REMOVAL_REASONS,
  COMMENTS_CURSOR_MAX,
  COMMENT_TEXT_MAX,
  COMMENT_TEXT_MIN,
  DISPLAY_NAME_MAX,
  DISPLAY_NAME_MIN,
  IDEMPOTENCY_KEY_MAX,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  REPORT_NOTE_MAX,
  REPORT_REASONS,
} from './limits.ts'
import { cleanName, cleanText } from './text.ts'

export const BadgeSchema = z.enum(BADGES).meta({
  id: 'Badge',
  description:
    'author: wrote the article; expert: an invited expert; verified: signed in by the site',
})

export const AuthorSchema = z
  .object({
    name: z
      .string()
      .meta({ description: 'Display name, as cleaned by the server; "" when deleted' }),
    badges: z.array(BadgeSchema),
  })
  .meta({ id: 'Author' })

/** A BCP 47 tag as we store it: primary language, optional subtags ("en", "pt-BR", "sr-Latn"). */
export const LangTagSchema = z
  .string()
  .regex(
    /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
    'must be a BCP 47 language tag such as "en" or "pt-BR"'
  )
  .meta({ id: 'LangTag', example: 'fr' })

/** One emoji (possibly with variation selector, skin tone or ZWJ sequence), nothing else. */
export const ReactionEmojiSchema = z
  .string()
  .min(1)
  .max(16)
  .regex(
    /^(?=.*\p{Extended_Pictographic})(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200D|\uFE0F)+$/u,
    'must be a single emoji'
  )
  .meta({ id: 'ReactionEmoji', example: '👍' })

export const ReactionCountsSchema = z
  .record(z.string(), z.int().nonnegative())
  .meta({ id: 'ReactionCounts', description: 'Reaction emoji → count', example: { '👍': 3 } })

/** The author's vote in the thread's stance poll when they posted, kept if the vote changes. */
export const StanceSchema = z
  .object({
    poll: PollKeySchema,
    optionId: OptionIdSchema,
    label: z.string().meta({ description: "The option's current label" }),
  })
  .meta({ id: 'Stance', example: { poll: 'origin-countries', optionId: 'o_1', label: 'Yes' } })

export type Stance = z.infer<typeof StanceSchema>

export const RemovalReasonSchema = z.enum(REMOVAL_REASONS).meta({ id: 'RemovalReason' })

/** Why a moderator removed a comment: the tombstone and the author's statement of reasons. */
export const RemovalSchema = z
  .object({
    reason: RemovalReasonSchema,
    statement: z.string().meta({
      description:
        'The statement of reasons (DSA art. 17): what was removed, on what ground, and how to appeal',
    }),
    removedAt: z.iso.datetime(),
    appeal: z.enum(['none', 'open', 'upheld', 'reversed']).nullable().meta({
      description:
        "The author's appeal: none yet (they may file one), open, upheld (the removal stands) or reversed. null for everyone but the author",
    }),
  })
  .meta({ id: 'Removal' })

export type Removal = z.infer<typeof RemovalSchema>

export interface Comment {
  id: string
  parentId: string | null
  author: z.infer<typeof AuthorSchema>
  /** The raw text as the author wrote it (after cleaning); "" when deleted. */
  text: string
  /** The text rendered by the server's markdown-lite renderer and sanitized; "" when deleted. */
  html: string
  /** BCP 47 language tag of the text, when detected. */
  lang: string | null
  createdAt: string
  editedAt: string | null
  /** A deleted comment that still has replies: shown as a placeholder. */
  deleted: boolean
  /** Counts per emoji, or null when the site hides counts. */
  reactions: Record<string, number> | null
  /** The calling reader's reaction. */
  myReaction: string | null
  /** Written by the calling reader. */
  mine: boolean
  /** Until when the calling reader may still edit it; null if not theirs or too late. */
  editableUntil: string | null
  /** "Voted: Yes": the author's vote at posting time, unless they chose not to show it. */
  stance: Stance | null
  replyCount: number
  /** All replies below this comment, at every depth. */
  descendantCount: number
  /** published; pending: held for review (only its author sees it); removed: a tombstone. */
  status: (typeof COMMENT_STATUSES)[number]
  /** Set when status is removed. */
  removal: Removal | null
  pinned: boolean
  expertResponses: ExpertResponse[]
  replies: Comment[]
}

export const CommentSchema: z.ZodType<Comment> = z
  .object({
    id: CommentIdSchema,
    parentId: CommentIdSchema.nullable(),
    author: AuthorSchema,
    text: z.string().meta({ description: 'The raw text, for editing; "" when deleted' }),
    html: z.string().meta({
      description:
        'Sanitized HTML rendering of the text: p, br, em, strong, blockquote, code and a (http, https, mailto; rel="nofollow ugc noopener") only. "" when deleted',
    }),
    lang: LangTagSchema.nullable().meta({ description: 'Detected language of the text' }),
    createdAt: z.iso.datetime().meta({ description: 'ISO 8601, UTC' }),
    editedAt: z.iso.datetime().nullable().meta({ description: 'Last edit by its author' }),
    deleted: z.boolean().meta({
      description: 'Deleted by its author but kept as a placeholder because it has replies',
    }),
    reactions: ReactionCountsSchema.nullable().meta({
      description: 'Counts per emoji; null when the site hides counts',
    }),
    myReaction: z.string().nullable().meta({ description: "The calling reader's reaction" }),
    mine: z.boolean().meta({ description: 'Written by the calling reader' }),
    editableUntil: z.iso.datetime().nullable().meta({
      description: 'Until when the calling reader may edit it; null when not theirs or too late',
    }),
    stance: StanceSchema.nullable().meta({
      description:
        "The author's vote in the thread's stance poll when they posted; null if they had not voted, chose not to show it, or the site hides stances",
    }),
    replyCount: z.int().nonnegative().meta({ description: 'Direct replies' }),
    descendantCount: z.int().nonnegative().meta({
      description:
        'Published replies at every depth below; deleted placeholders and replies hidden by moderation are not counted',
    }),
    status: z.enum(COMMENT_STATUSES).meta({
      description:
        'published; pending: held for review, seen only by its author ("awaiting review"); removed: removed by a moderator, shown as a tombstone (text and html are "" except for the author)',
    }),
    removal: RemovalSchema.nullable().meta({
      description: 'Why it was removed; null unless removed',
    }),
    pinned: z.boolean().meta({ description: 'Pinned by a moderator to the top of the thread' }),
    expertResponses: z.array(ExpertResponseSchema).meta({
      description: "Experts' published answers to this comment, oldest first",
    }),
    get replies() {
      return z.array(CommentSchema).meta({
        description:
          'Direct replies, oldest first. A top-level comment carries at most REPLIES_INLINE_MAX replies of its subtree; fetch the rest from …/comments/{comment}/replies',
      })
    },
  })
  .meta({ id: 'Comment' })

/**
 * Trims and normalises first (text.ts), so "   " fails the length check with a clear message.
 * Lengths are counted in UTF-16 code units, as HTML maxlength and String.length count them, so the
 * widget's form and the API agree: an emoji outside the Basic Multilingual Plane counts 2. zod's
 * max() counts code points, so the refinement decides and max() only states the limit in the
 * JSON Schema (it never fails where the refinement passed). The first cap only bounds the work of
 * cleaning a huge input.
 */
function cleanedString(clean: (s: string) => string, min: number, max: number) {
  const tooLong = `must be at most ${max} characters`
  return z
    .string()
    .max(max * 4, tooLong)
    .transform(clean)
    .pipe(
      z
        .string()
        .min(min, 'must not be empty')
        .refine((s) => s.length <= max, { message: tooLong, abort: true })
        .max(max, tooLong)
    )
}

export const NewCommentSchema = z
  .object({
    authorName: cleanedString(cleanName, DISPLAY_NAME_MIN, DISPLAY_NAME_MAX).meta({
      description: `Display name, ${DISPLAY_NAME_MIN}–${DISPLAY_NAME_MAX} characters (UTF-16 code units, as HTML maxlength counts) after NFC normalisation, removal of control and invisible characters and trimming`,
      example: 'Elga',
    }),
    text: cleanedString(cleanText, COMMENT_TEXT_MIN, COMMENT_TEXT_MAX).meta({
      description: `Comment text, ${COMMENT_TEXT_MIN}–${COMMENT_TEXT_MAX} characters (UTF-16 code units, as HTML maxlength counts) after NFC normalisation, removal of control and invisible characters and trimming`,
    }),
    parentId: CommentIdSchema.nullish().meta({ description: 'The comment this one replies to' }),
    showStance: z.boolean().default(true).meta({
      description:
        "Show the author's current vote in the thread's stance poll as a badge on this comment",
    }),
    ...BotCheckFieldsSchema.shape,
  })
  .meta({ id: 'NewComment' })

export const IdempotencyKeySchema = z
  .string()
  .min(8)
  .max(IDEMPOTENCY_KEY_MAX)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be 8–64 letters, digits, "-" or "_"')

/**
 * top: rank = created hours + 48 × s / (s + 5), where s = 2 × direct replies + reactions (unless
 * the site keeps reactions out of the ranking). A comment's boost is worth at most two days, so
 * popular comments stay on top for a while and then give way to newer ones.
 *
 * balanced: the top comments of each stance (each option of the thread's stance poll, then
 * comments without a stance) taken in turn, so the first screen shows every side.
 */
export const COMMENT_SORTS = ['newest', 'oldest', 'top', 'balanced'] as const
export type CommentSort = (typeof COMMENT_SORTS)[number]

export const ListCommentsQuerySchema = z.object({
  sort: z.enum(COMMENT_SORTS).default('newest'),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  cursor: z
    .string()
    .max(COMMENTS_CURSOR_MAX)
    .optional()
    .meta({ description: 'nextCursor of the previous page' }),
  lang: LangTagSchema.optional().meta({
    description: 'Only top-level comments in this language (their replies come along)',
  }),
  stance: z
    .union([OptionIdSchema, z.literal('none')])
    .optional()
    .meta({
      description:
        'Only top-level comments whose author voted this option of the stance poll, or "none" for comments without a stance',
    }),
})

export const RepliesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_MAX),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
})

export const ReplyPageSchema = z
  .object({
    replies: z.array(CommentSchema).meta({
      description:
        'Replies of the subtree, every depth, oldest first, flat (nest them by parentId)',
    }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ReplyPage' })

export const EditCommentSchema = z
  .object({
    text: cleanedString(cleanText, COMMENT_TEXT_MIN, COMMENT_TEXT_MAX).meta({
      description: `The new text, with the rules of NewComment.text: ${COMMENT_TEXT_MIN}–${COMMENT_TEXT_MAX} characters (UTF-16 code units) after cleaning and trimming`,
    }),
  })
  .meta({ id: 'EditComment' })

export const DeleteResultSchema = z
  .object({
    id: CommentIdSchema,
    outcome: z.enum(['removed', 'placeholder']).meta({
      description:
        'removed: it had no replies and is gone; placeholder: its replies stay under a "deleted" mark',
    }),
  })
  .meta({ id: 'DeleteResult' })

export const ReactionInputSchema = z.object({ emoji: ReactionEmojiSchema }).meta({ id: 'Reaction' })

export const ReactionStateSchema = z
  .object({
    reactions: ReactionCountsSchema.nullable(),
    myReaction: z.string().nullable(),
  })
  .meta({ id: 'ReactionState' })

export const ReportReasonSchema = z.enum(REPORT_REASONS).meta({
  id: 'ReportReason',
  description: 'spam, abuse (abuse or hate), off_topic or other',
})

export const NewReportSchema = z
  .object({
    reason: ReportReasonSchema,
    note: z
      .string()
      .max(REPORT_NOTE_MAX * 4)
      .transform(cleanText)
      .pipe(z.string().max(REPORT_NOTE_MAX, `must be at most ${REPORT_NOTE_MAX} characters`))
      .optional(),
  })
  .meta({ id: 'NewReport' })

export const ReportSchema = z
  .object({ reason: ReportReasonSchema, createdAt: z.iso.datetime() })
  .meta({ id: 'Report' })

export const CommentPageSchema = z
  .object({
    comments: z.array(CommentSchema).meta({ description: 'Top-level comments, each with replies' }),
    nextCursor: z.string().nullable().meta({ description: 'null on the last page' }),
  })
  .meta({ id: 'CommentPage' })

export type NewComment = z.input<typeof NewCommentSchema>
export type EditComment = z.input<typeof EditCommentSchema>
export type DeleteResult = z.infer<typeof DeleteResultSchema>
export type ReactionState = z.infer<typeof ReactionStateSchema>
export type NewReport = z.input<typeof NewReportSchema>
export type Report = z.infer<typeof ReportSchema>
export type ReplyPage = z.infer<typeof ReplyPageSchema>
export type NewCommentParsed = z.output<typeof NewCommentSchema>
export type ListCommentsQuery = z.input<typeof ListCommentsQuerySchema>
export type CommentPage = z.infer<typeof CommentPageSchema>
