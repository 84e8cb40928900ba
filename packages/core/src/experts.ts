import { z } from 'zod'
import { CommentIdSchema, SiteIdSchema, ThreadKeySchema } from './ids.ts'
import { EXPERT_RESPONSE_MAX, PAGE_SIZE_MAX } from './limits.ts'
import { cleanName, cleanText } from './text.ts'
import { newestFirstPage } from './page.ts'

// Experts, their responses to readers' comments, and the signed invitations that let an expert
// answer without an account (docs/decisions/0010-expert-invitations.md).

export const EXPERT_NAME_MAX = 100
export const EXPERT_TITLE_MAX = 200
export const EXPERT_ORGANISATION_MAX = 200
export const EXPERT_PHOTO_URL_MAX = 2000
/** How long an invitation link stays valid: 1 hour to 30 days, a week unless chosen. */
export const INVITATION_HOURS_MIN = 1
export const INVITATION_HOURS_MAX = 720
export const INVITATION_HOURS_DEFAULT = 168
export const EXPERT_RESPONSE_STATUSES = ['published', 'pending'] as const
export type ExpertResponseStatus = (typeof EXPERT_RESPONSE_STATUSES)[number]
export const INVITATION_STATUSES = ['open', 'answered', 'expired', 'revoked'] as const
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]

export const ExpertIdSchema = z
  .string()
  .regex(/^x_[0-9a-z]{10,40}$/, 'is not an expert id')
  .meta({ description: 'Opaque expert id', example: 'x_01jd2w8z3k9q4r5t6y7u' })

export const ExpertResponseIdSchema = z
  .string()
  .regex(/^xr_[0-9a-z]{10,40}$/, 'is not an expert response id')
  .meta({ description: 'Opaque expert response id', example: 'xr_01jd2w8z3k9q4r5t6y7u' })

export const InvitationIdSchema = z
  .string()
  .regex(/^xi_[0-9a-z]{10,40}$/, 'is not an invitation id')
  .meta({ description: 'Opaque invitation id', example: 'xi_01jd2w8z3k9q4r5t6y7u' })

/** An expert as readers see them. */
export const ExpertSchema = z
  .object({
    id: ExpertIdSchema,
    name: z.string(),
    title: z.string().meta({ example: 'Member of the European Parliament' }),
    organisation: z.string(),
    photoUrl: z.url().nullable().meta({ description: 'https URL of a portrait, or null' }),
  })
  .meta({ id: 'Expert' })

/** An expert's answer to a reader's comment, shown under it and in the Featured section. */
export const ExpertResponseSchema = z
  .object({
    id: ExpertResponseIdSchema,
    expert: ExpertSchema,
    html: z.string().meta({ description: 'Sanitized HTML, as for comments' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ExpertResponse' })

function cleaned(clean: (s: string) => string, max: number) {
  return z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .transform(clean)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`))
}

const PhotoUrlSchema = z
  .url({ protocol: /^https$/, error: 'must be an https URL' })
  .max(EXPERT_PHOTO_URL_MAX, `must be at most ${EXPERT_PHOTO_URL_MAX} characters`)
  .nullable()
  .meta({ description: 'https URL of a portrait, or null for none' })

const expertFields = {
  name: cleaned(cleanName, EXPERT_NAME_MAX).meta({
    description: `1–${EXPERT_NAME_MAX} characters after trimming`,
    example: 'Ana Ferreira',
  }),
  title: cleaned(cleanName, EXPERT_TITLE_MAX).meta({
    description: `What they are, 1–${EXPERT_TITLE_MAX} characters`,
    example: 'Member of the European Parliament',
  }),
  organisation: cleaned(cleanName, EXPERT_ORGANISATION_MAX).meta({
    description: `1–${EXPERT_ORGANISATION_MAX} characters`,
    example: 'European Parliament',
  }),
}

/** POST …/experts (admin role). */
export const NewExpertSchema = z
  .strictObject({ ...expertFields, photoUrl: PhotoUrlSchema.default(null) })
  .meta({ id: 'NewExpert' })

/** PATCH …/experts/{expert}: the fields to change, at least one. */
export const EditExpertSchema = z
  .strictObject({
    name: expertFields.name.optional(),
    title: expertFields.title.optional(),
    organisation: expertFields.organisation.optional(),
    photoUrl: PhotoUrlSchema.optional(),
  })
  .refine((edit) => Object.keys(edit).length > 0, 'must change at least one field')
  .meta({ id: 'EditExpert' })

/** An expert as the console sees them. */
export const AdminExpertSchema = ExpertSchema.extend({
  createdAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable().meta({
    description: 'Set by DELETE: no new responses or invitations; their responses stay',
  }),
  responseCount: z.int().nonnegative().meta({ description: 'Responses, published or pending' }),
}).meta({ id: 'AdminExpert' })

export const AdminExpertListSchema = z
  .object({ experts: z.array(AdminExpertSchema).meta({ description: 'By name' }) })
  .meta({ id: 'AdminExpertList' })

export const AdminExpertListQuerySchema = z.object({
  archived: z.enum(['exclude', 'include', 'only']).default('exclude').meta({
    description: 'Whether to list archived experts too, or only them',
  }),
})

export const ResponseTextSchema = cleaned(cleanText, EXPERT_RESPONSE_MAX).meta({
  description: `The answer, markdown-lite as for comments, 1–${EXPERT_RESPONSE_MAX} characters after trimming`,
})

/** POST …/comments/{comment}/expert-responses (moderator role): published at once. */
export const NewExpertResponseSchema = z
  .strictObject({ expertId: ExpertIdSchema, text: ResponseTextSchema })
  .meta({ id: 'NewExpertResponse' })

/** PATCH …/expert-responses/{response}. */
export const EditExpertResponseSchema = z
  .strictObject({ expertId: ExpertIdSchema.optional(), text: ResponseTextSchema.optional() })
  .refine((edit) => Object.keys(edit).length > 0, 'must change at least one field')
  .meta({ id: 'EditExpertResponse' })

export const ExpertResponseStatusSchema = z.enum(EXPERT_RESPONSE_STATUSES).meta({
  id: 'ExpertResponseStatus',
  description: 'published: readers see it; pending: written through an invitation, awaiting review',
})

/** An expert response as the console sees it. */
export const AdminExpertResponseSchema = ExpertResponseSchema.extend({
  status: ExpertResponseStatusSchema,
  commentId: CommentIdSchema,
  threadKey: ThreadKeySchema,
  text: z.string().meta({ description: 'The raw text, for editing' }),
  invitationId: InvitationIdSchema.nullable().meta({
    description: 'The invitation it was written through; null when a moderator entered it',
  }),
}).meta({ id: 'AdminExpertResponse' })

/** Keyset cursor of the expert listings: "<createdAt ms>.<id>" of the last item of a page. */
export const ExpertCursorSchema = z
  .string()
  .regex(/^[0-9]{1,16}\.x[ri]_[0-9a-z]{10,40}$/, 'is not a nextCursor of this listing')
  .optional()
  .meta({ description: 'nextCursor of the previous page' })

export const AdminExpertResponseListQuerySchema = z.object({
  status: ExpertResponseStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
  cursor: ExpertCursorSchema,
})

export const AdminExpertResponsePageSchema = newestFirstPage(
  'responses',
  AdminExpertResponseSchema,
  'AdminExpertResponsePage'
)

export const ExpertParamsSchema = z.object({ site: SiteIdSchema, expert: ExpertIdSchema })
export const ExpertResponseParamsSchema = z.object({
  site: SiteIdSchema,
  response: ExpertResponseIdSchema,
})

export type Expert = z.infer<typeof ExpertSchema>
export type ExpertResponse = z.infer<typeof ExpertResponseSchema>
export type NewExpert = z.input<typeof NewExpertSchema>
export type EditExpert = z.input<typeof EditExpertSchema>
export type AdminExpert = z.infer<typeof AdminExpertSchema>
export type AdminExpertList = z.infer<typeof AdminExpertListSchema>
export type NewExpertResponse = z.input<typeof NewExpertResponseSchema>
export type EditExpertResponse = z.input<typeof EditExpertResponseSchema>
export type AdminExpertResponse = z.infer<typeof AdminExpertResponseSchema>
export type AdminExpertResponsePage = z.infer<typeof AdminExpertResponsePageSchema>
