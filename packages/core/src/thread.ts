import { z } from 'zod'
import { ThreadTurnstileSchema } from './abuse-settings.ts'
import { PollKeySchema, SiteIdSchema, ThreadKeySchema } from './ids.ts'
import { CommentSchema } from './comment.ts'
import { PollSchema } from './poll.ts'
import { ThreadReactionsSchema } from './settings.ts'
import { SignInSettingsSchema } from './sso.ts'

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
    reactions: ThreadReactionsSchema,
    stances: z
      .object({
        poll: PollKeySchema,
        counts: z
          .record(z.string(), z.int().nonnegative())
          .meta({
            description:
              'Option id (or "none") → top-level comments with that stance; null while the stance poll withholds its results from the caller (they would tell how people voted)',
            example: { o_1: 12, o_2: 4, none: 7 },
          })
          .nullable(),
      })
      .nullable()
      .meta({
        description:
          "The thread's stance poll (its first single-choice poll) and the comment count per stance; null when the thread has no such poll",
      }),
    languages: z.record(z.string(), z.int().nonnegative()).meta({
      description: 'Language tag → top-level comments in it, for the language filter',
      example: { en: 12, fr: 3 },
    }),
    featured: z.array(CommentSchema).meta({
      description:
        'The Featured section: comments with published expert responses (without their replies), most recently answered first, at most FEATURED_MAX',
    }),
    pinned: z.array(CommentSchema).meta({
      description: 'Pinned comments, most recently pinned first, at most PINNED_MAX',
    }),
    uiLanguages: z.array(z.string()).meta({
      description: "The site's choice of languages for the widget's own text; [] = any",
    }),
    turnstile: ThreadTurnstileSchema.optional(),
    signIn: SignInSettingsSchema.optional().meta({
      description:
        "Which actions need a reader signed in by the site, and the site's login page; absent = none",
    }),
  })
  .meta({ id: 'Thread' })

export type Thread = z.infer<typeof ThreadSchema>
