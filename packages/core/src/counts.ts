import { z } from 'zod'
import { ThreadKeySchema } from './ids.ts'
import { COUNTS_THREADS_MAX } from './limits.ts'

export const CountsQuerySchema = z.object({
  threads: z
    .string()
    .transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .pipe(
      z
        .array(ThreadKeySchema)
        .min(1, 'must name at least one thread')
        .max(COUNTS_THREADS_MAX, `must name at most ${COUNTS_THREADS_MAX} threads`)
    )
    .meta({ description: `Comma-separated thread keys, at most ${COUNTS_THREADS_MAX}` }),
})

export const CountsSchema = z
  .object({
    counts: z.record(z.string(), z.int().nonnegative()).meta({
      description: 'Thread key → published comments including replies (0 for unknown threads)',
    }),
  })
  .meta({ id: 'Counts' })

export type Counts = z.infer<typeof CountsSchema>
