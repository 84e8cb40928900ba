import { z } from 'zod'

export const ReaderSchema = z
  .object({
    readerId: z.string().meta({ description: 'Opaque, stable id of this anonymous reader' }),
    token: z.string().meta({ description: 'Send as "Authorization: Bearer <token>"' }),
  })
  .meta({ id: 'Reader' })

export type Reader = z.infer<typeof ReaderSchema>
