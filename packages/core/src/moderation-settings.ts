import { z } from 'zod'
import { BANNED_TERMS_MAX, BANNED_TERM_MAX } from './limits.ts'

export const MODERATION_MODES = ['post', 'pre'] as const

/**
 * The pipeline's rules (docs/decisions/0008-moderation-pipeline.md). Each signal adds to a score;
 * a comment at or above holdScore is held for review, at or above rejectScore rejected as spam.
 */
export const HoldRulesSchema = z
  .object({
    maxLinks: z.int().min(0).max(50).default(2).meta({
      description: 'More links than this counts as a spam signal',
    }),
    shouting: z.boolean().default(true).meta({
      description: 'Mostly capital letters (over 70% of at least 20 letters) is a signal',
    }),
    repeatedCharacters: z.boolean().default(true).meta({
      description:
        'Long runs of one character or a repeated word ("!!!!!!!!", "buy buy buy buy") are a signal',
    }),
    firstTimeReader: z.boolean().default(false).meta({
      description: "Hold every reader's first comment on the site for review",
    }),
    minSecondsBetweenComments: z.int().min(0).max(3600).default(10).meta({
      description: 'A reader posting again sooner than this is a signal (0: off)',
    }),
    reportThreshold: z.int().min(1).max(1000).default(3).meta({
      description: 'Reader reports that hide a comment until a moderator reviews it',
    }),
    holdScore: z.number().min(0.1).max(100).default(1).meta({
      description: 'Score at which a comment is held for review',
    }),
    rejectScore: z.number().min(0.1).max(100).default(4).meta({
      description: 'Score at which a comment is rejected as spam',
    }),
  })
  .meta({ id: 'HoldRules' })

const BannedTermSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(BANNED_TERM_MAX, `must be at most ${BANNED_TERM_MAX} characters`)

export const ModerationSettingsSchema = z
  .object({
    mode: z.enum(MODERATION_MODES).default('post').meta({
      description:
        'post: publish, then review what the pipeline holds or readers report; pre: hold every comment for review',
    }),
    bannedTerms: z.array(BannedTermSchema).max(BANNED_TERMS_MAX).default([]).meta({
      description:
        'Words or phrases, in any language, matched on word boundaries after Unicode normalisation and undoing simple obfuscation (l33t, s p a c i n g, repeated letters). A match holds the comment',
    }),
    holdRules: HoldRulesSchema.default(HoldRulesSchema.parse({})),
    classifier: z.boolean().default(false).meta({
      description:
        'Also ask the classifier (Workers AI, when the AI binding is configured) and add its verdict to the score',
    }),
    tombstones: z.boolean().default(true).meta({
      description: 'A removed comment leaves a "removed by a moderator" notice with the reason',
    }),
    reviewExpertResponses: z.boolean().default(false).meta({
      description: 'Responses written through an invitation link wait for a moderator',
    }),
  })
  .meta({ id: 'ModerationSettings' })

export type HoldRules = z.infer<typeof HoldRulesSchema>
export type ModerationSettings = z.infer<typeof ModerationSettingsSchema>
