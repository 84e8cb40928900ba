import { z } from 'zod'
import { CommentIdSchema } from './ids.ts'
import {
  COMMENT_TEXT_MAX,
  COMMENT_TEXT_MIN,
  DISPLAY_NAME_MAX,
  DISPLAY_NAME_MIN,
  IDEMPOTENCY_KEY_MAX,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
} from './limits.ts'
import { cleanName, cleanText } from './text.ts'

export const AuthorSchema = z
  .object({
    name: z.string().meta({ description: 'Display name, as cleaned by the server' }),
  })
  .meta({ id: 'Author' })

export const ReactionCountsSchema = z
  .record(z.string(), z.int().nonnegative())
  .meta({ id: 'ReactionCounts', description: 'Reaction emoji → count', example: { '👍': 3 } })

export interface Comment {
  id: string
  parentId: string | null
  author: z.infer<typeof AuthorSchema>
  text: string
  /** BCP 47 language tag of the text, when known. */
  lang: string | null
  createdAt: string
  reactions: Record<string, number>
  replyCount: number
  replies: Comment[]
}

export const CommentSchema: z.ZodType<Comment> = z
  .object({
    id: CommentIdSchema,
    parentId: CommentIdSchema.nullable(),
    author: AuthorSchema,
    text: z
      .string()
      .meta({ description: 'The raw text; clients render it as text, never as HTML' }),
    lang: z.string().nullable(),
    createdAt: z.iso.datetime().meta({ description: 'ISO 8601, UTC' }),
    reactions: ReactionCountsSchema,
    replyCount: z.int().nonnegative().meta({ description: 'Direct replies' }),
    get replies() {
      return z.array(CommentSchema).meta({ description: 'Direct replies, oldest first' })
    },
  })
  .meta({ id: 'Comment' })

/** Trims and normalises first, so "   " fails the length check with a clear message. */
function cleanedString(clean: (s: string) => string, min: number, max: number) {
  return z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .transform(clean)
    .pipe(z.string().min(min, 'must not be empty').max(max, `must be at most ${max} characters`))
}

export const NewCommentSchema = z
  .object({
    authorName: cleanedString(cleanName, DISPLAY_NAME_MIN, DISPLAY_NAME_MAX).meta({
      description: `Display name, ${DISPLAY_NAME_MIN}–${DISPLAY_NAME_MAX} characters after trimming`,
      example: 'Elga',
    }),
    text: cleanedString(cleanText, COMMENT_TEXT_MIN, COMMENT_TEXT_MAX).meta({
      description: `Comment text, ${COMMENT_TEXT_MIN}–${COMMENT_TEXT_MAX} characters after trimming`,
    }),
    parentId: CommentIdSchema.nullish().meta({ description: 'The comment this one replies to' }),
  })
  .meta({ id: 'NewComment' })

export const IdempotencyKeySchema = z
  .string()
  .min(8)
  .max(IDEMPOTENCY_KEY_MAX)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be 8–64 letters, digits, "-" or "_"')

export const COMMENT_SORTS = ['newest', 'oldest'] as const
export type CommentSort = (typeof COMMENT_SORTS)[number]

export const ListCommentsQuerySchema = z.object({
  sort: z.enum(COMMENT_SORTS).default('newest'),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
})

export const CommentPageSchema = z
  .object({
    comments: z.array(CommentSchema).meta({ description: 'Top-level comments, each with replies' }),
    nextCursor: z.string().nullable().meta({ description: 'null on the last page' }),
  })
  .meta({ id: 'CommentPage' })

export type NewComment = z.input<typeof NewCommentSchema>
export type NewCommentParsed = z.output<typeof NewCommentSchema>
export type ListCommentsQuery = z.input<typeof ListCommentsQuerySchema>
export type CommentPage = z.infer<typeof CommentPageSchema>
