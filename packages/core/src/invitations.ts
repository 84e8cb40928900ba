import { z } from 'zod'
import { CommentSchema } from './comment.ts'
import {
  ExpertCursorSchema,
  ExpertResponseIdSchema,
  ExpertResponseStatusSchema,
  ExpertSchema,
  INVITATION_HOURS_DEFAULT,
  INVITATION_HOURS_MAX,
  INVITATION_HOURS_MIN,
  INVITATION_STATUSES,
  ExpertIdSchema,
  InvitationIdSchema,
  ResponseTextSchema,
} from './experts.ts'
import { CommentIdSchema, SiteIdSchema, ThreadKeySchema } from './ids.ts'
import { PAGE_SIZE_MAX } from './limits.ts'
import { newestFirstPage } from './page.ts'

// Signed, expiring links that let an expert answer one comment without an account
// (docs/decisions/0010-expert-invitations.md). Apart from experts.ts because the expert's view
// holds comments, and comment.ts already imports experts.ts.

/** POST …/comments/{comment}/invitations (moderator role). */
export const NewInvitationSchema = z
  .strictObject({
    expertId: ExpertIdSchema,
    expiresInHours: z
      .int()
      .min(INVITATION_HOURS_MIN)
      .max(INVITATION_HOURS_MAX)
      .default(INVITATION_HOURS_DEFAULT)
      .meta({
        description: `How long the link works, ${INVITATION_HOURS_MIN}–${INVITATION_HOURS_MAX} hours (default ${INVITATION_HOURS_DEFAULT}, a week)`,
      }),
  })
  .meta({ id: 'NewInvitation' })

export const InvitationStatusSchema = z.enum(INVITATION_STATUSES).meta({
  id: 'InvitationStatus',
  description:
    'open: the expert may still answer; answered; expired: past expiresAt unanswered; revoked by a moderator',
})

/** An invitation as the console sees it ("unanswered questions" are the open ones). */
export const InvitationSchema = z
  .object({
    id: InvitationIdSchema,
    url: z.url().meta({
      description:
        'The link to send the expert: `<worker origin>/admin/answer#<token>`. Anyone holding it may answer once, until it expires or is revoked',
    }),
    commentId: CommentIdSchema,
    threadKey: ThreadKeySchema,
    question: z
      .object({ authorName: z.string(), text: z.string() })
      .meta({ description: 'The comment put to the expert, as its author wrote it' }),
    expert: ExpertSchema,
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    answeredAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    status: InvitationStatusSchema,
  })
  .meta({ id: 'Invitation' })

export const InvitationListQuerySchema = z.object({
  status: InvitationStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
  cursor: ExpertCursorSchema,
})

export const InvitationPageSchema = newestFirstPage(
  'invitations',
  InvitationSchema,
  'InvitationPage'
)

/** What the expert's answer became. */
export const InvitationResponseSchema = z
  .object({
    id: ExpertResponseIdSchema,
    status: ExpertResponseStatusSchema,
    text: z.string(),
    html: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'InvitationResponse' })

/** GET /v1/invitations/{token}: what the expert sees before answering. */
export const InvitationViewSchema = z
  .object({
    site: z.object({ id: SiteIdSchema, name: z.string() }),
    thread: z.object({ key: ThreadKeySchema, title: z.string().nullable() }),
    parents: z.array(CommentSchema).meta({
      description: 'The comments this one replies to, top-level first, without their replies',
    }),
    comment: CommentSchema.meta({
      description: 'The comment put to the expert, with its first replies and earlier responses',
    }),
    expert: ExpertSchema,
    expiresAt: z.iso.datetime(),
    answered: z.boolean(),
    response: InvitationResponseSchema.nullable().meta({
      description: 'The answer given through this link, once answered',
    }),
  })
  .meta({ id: 'InvitationView' })

/** POST /v1/invitations/{token}/response. */
export const NewInvitationResponseSchema = z
  .strictObject({ text: ResponseTextSchema })
  .meta({ id: 'NewInvitationResponse' })

export const InvitationParamsSchema = z.object({
  site: SiteIdSchema,
  invitation: InvitationIdSchema,
})
export const InvitationTokenParamsSchema = z.object({
  token: z.string().min(1).max(512).meta({ description: 'The token after "#" in the link' }),
})

export type NewInvitation = z.input<typeof NewInvitationSchema>
export type Invitation = z.infer<typeof InvitationSchema>
export type InvitationPage = z.infer<typeof InvitationPageSchema>
export type InvitationView = z.infer<typeof InvitationViewSchema>
export type InvitationResponse = z.infer<typeof InvitationResponseSchema>
export type NewInvitationResponse = z.input<typeof NewInvitationResponseSchema>
