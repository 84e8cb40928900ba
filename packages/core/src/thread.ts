import { z } from 'zod'
import { SiteIdSchema, ThreadKeySchema } from './ids.ts'
import { PollSchema } from './poll.ts'

export const ThreadSchema = z
  .object({
    site: SiteIdSchema,
    key: ThreadKeySchema,
    title: z.string().nullable(),
    commentCount: z
      .int()
      .nonnegative()
      .meta({ description: 'Published comments, replies included' }),
    polls: z.array(PollSchema),
  })
  .meta({ id: 'Thread' })

export type Thread = z.infer<typeof ThreadSchema>
