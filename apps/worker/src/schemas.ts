import { IdempotencyKeySchema } from '@parley/core'
import { z } from 'zod'

/** Request headers of POST comments, validated like every other input (issues name `header.…`). */
export const PostCommentHeadersSchema = z.object({
  'Idempotency-Key': IdempotencyKeySchema.optional().meta({
    description:
      'Send the same key when retrying the same comment: the original is returned with 200 instead of a second comment being created',
    example: 'draft-7f3a9c1e',
  }),
})
