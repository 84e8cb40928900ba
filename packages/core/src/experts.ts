import { z } from 'zod'

export const ExpertIdSchema = z
  .string()
  .regex(/^x_[0-9a-z]{10,40}$/, 'is not an expert id')
  .meta({ description: 'Opaque expert id', example: 'x_01jd2w8z3k9q4r5t6y7u' })

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
    id: z.string().meta({ example: 'r_01jd2w8z3k9q4r5t6y7u' }),
    expert: ExpertSchema,
    html: z.string().meta({ description: 'Sanitized HTML, as for comments' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ExpertResponse' })

export type Expert = z.infer<typeof ExpertSchema>
export type ExpertResponse = z.infer<typeof ExpertResponseSchema>
