import { z } from 'zod'
import { CommentIdSchema, SiteIdSchema } from './ids.ts'
import { PAGE_SIZE_MAX } from './limits.ts'
import { cleanText } from './text.ts'
import { newestFirstPage } from './page.ts'

// Bans of readers, by reader token and by hashed network, through the admin API (moderator role).

export const BAN_REASON_MAX = 500
/** The longest timed ban: ten years. Longer is "for good" (durationSeconds: null). */
export const BAN_DURATION_MAX_SECONDS = 10 * 365 * 24 * 60 * 60

export const BanIdSchema = z
  .string()
  .regex(/^b_[0-9a-z]{10,40}$/, 'is not a ban id')
  .meta({ description: 'Opaque ban id', example: 'b_01jd2w8z3k9q4r5t6y7u' })

export const ReaderIdSchema = z
  .string()
  .regex(/^r_[0-9a-z]{10,40}$/, 'is not a reader id')
  .meta({ description: 'Opaque reader id (the part of a reader token before the dot)' })

/** What a ban matches: the reader's token, the network they post from, or both (two bans). */
export const BanScopeSchema = z.enum(['reader', 'network', 'both'])
export const BanKindSchema = z.enum(['reader', 'network'])

export const BanSchema = z
  .object({
    id: BanIdSchema,
    kind: BanKindSchema.meta({
      description:
        'reader: matches one reader id; network: matches every reader posting from the network (an IPv4 address or an IPv6 /64) the comment came from',
    }),
    subject: z.string().meta({
      description:
        'The reader id, or for a network ban an HMAC of the network under a key derived from a Worker secret. No address is ever stored',
    }),
    commentId: CommentIdSchema.nullable().meta({
      description: 'The comment the ban was made from',
    }),
    shadow: z.boolean().meta({
      description:
        'A shadow ban: the reader may still post, but their new comments are seen by nobody else',
    }),
    reason: z.string(),
    createdBy: z
      .string()
      .meta({ description: 'The credential that made it ("owner" or a key id)' }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable().meta({ description: 'null: for good' }),
    liftedAt: z.iso.datetime().nullable(),
    active: z.boolean().meta({ description: 'Neither lifted nor expired' }),
  })
  .meta({ id: 'Ban' })

export const NewBanSchema = z
  .strictObject({
    commentId: CommentIdSchema.optional().meta({ description: 'Ban the author of this comment' }),
    readerId: ReaderIdSchema.optional().meta({
      description: 'Or ban this reader directly (reader scope only: a network is known by comment)',
    }),
    scope: BanScopeSchema.default('reader').meta({
      description:
        "reader: the reader's token; network: the network the comment was posted from; both: one ban of each kind",
    }),
    durationSeconds: z
      .int()
      .positive()
      .max(BAN_DURATION_MAX_SECONDS, 'must be at most ten years; send null for a ban for good')
      .nullable()
      .meta({ description: 'How long the ban lasts; null: for good' }),
    shadow: z.boolean().default(false),
    reason: z
      .string()
      .max(BAN_REASON_MAX * 4, `must be at most ${BAN_REASON_MAX} characters`)
      .transform(cleanText)
      .pipe(
        z
          .string()
          .min(1, 'must not be empty')
          .max(BAN_REASON_MAX, `must be at most ${BAN_REASON_MAX} characters`)
      )
      .meta({ description: 'Why; kept in the ban and the audit log, never shown to the reader' }),
  })
  .superRefine((ban, ctx) => {
    if ((ban.commentId === undefined) === (ban.readerId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['commentId'],
        message: 'send either commentId or readerId',
      })
    }
  })
  .meta({ id: 'NewBan' })

export const BansCreatedSchema = z
  .object({ bans: z.array(BanSchema).meta({ description: 'One ban, or two for scope "both"' }) })
  .meta({ id: 'BansCreated' })

/** Keyset cursor of the admin listings: "<createdAt ms>.<id>" of the last item of a page. */
export const AdminCursorSchema = z
  .string()
  .regex(/^[0-9]{1,16}\.[a-z]_[0-9a-z]{10,40}$/, 'is not a cursor of this listing')
  .meta({ description: 'nextCursor of the previous page' })

export const AdminPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
  cursor: AdminCursorSchema.optional(),
})

export const BanListQuerySchema = AdminPageQuerySchema.extend({
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'true: only bans in force; false: only lifted or expired ones' }),
})

export const BanPageSchema = newestFirstPage('bans', BanSchema, 'BanPage')

export const BanParamsSchema = z.object({ site: SiteIdSchema, ban: BanIdSchema })

export type BanScope = z.infer<typeof BanScopeSchema>
export type BanKind = z.infer<typeof BanKindSchema>
export type Ban = z.infer<typeof BanSchema>
export type NewBan = z.input<typeof NewBanSchema>
export type BansCreated = z.infer<typeof BansCreatedSchema>
export type BanPage = z.infer<typeof BanPageSchema>
