import { z } from 'zod'
import { ReactionEmojiSchema } from './comment.ts'
import { DEFAULT_REACTIONS, REACTIONS_MAX } from './limits.ts'
import {
  BotCheckSettingsSchema,
  RateLimitSettingsSchema,
  TurnstileSettingsSchema,
} from './abuse-settings.ts'
import { ModerationSettingsSchema } from './moderation-settings.ts'
import { PrivacySettingsSchema } from './privacy.ts'
import { SignInSettingsSchema } from './sso.ts'

const uniqueEmoji = z
  .array(ReactionEmojiSchema)
  .max(REACTIONS_MAX)
  .refine((list) => new Set(list).size === list.length, 'must not repeat an emoji')

export const ReactionSettingsSchema = z
  .object({
    set: uniqueEmoji.default([...DEFAULT_REACTIONS]).meta({
      description: 'The reactions readers may give, in display order; [] switches them off',
    }),
    showCounts: z.boolean().default(true).meta({ description: 'Show how many gave each reaction' }),
    inRanking: z
      .boolean()
      .default(true)
      .meta({ description: 'Whether reactions count towards the "top" sort' }),
  })
  .meta({ id: 'ReactionSettings' })

/** Per-site settings, stored as JSON on the site. */
export const SiteSettingsSchema = z
  .object({
    reactions: ReactionSettingsSchema.default(ReactionSettingsSchema.parse({})),
    showStances: z.boolean().default(true).meta({
      description: 'Show "Voted: …" stance badges on comments (and offer the stance filter)',
    }),
    uiLanguages: z
      .array(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag'))
      .max(50)
      .default([])
      .meta({
        description:
          'The languages the widget may use for its own text, in order of preference; [] = every language it ships',
      }),
    moderation: ModerationSettingsSchema.default(ModerationSettingsSchema.parse({})),
    privacy: PrivacySettingsSchema.default(PrivacySettingsSchema.parse({})).meta({
      description: 'What erasing a reader does, and how long technical personal data are kept',
    }),
    rateLimits: RateLimitSettingsSchema.default(RateLimitSettingsSchema.parse({})),
    botChecks: BotCheckSettingsSchema.default(BotCheckSettingsSchema.parse({})),
    turnstile: TurnstileSettingsSchema.default(TurnstileSettingsSchema.parse({})),
    signIn: SignInSettingsSchema.default(SignInSettingsSchema.parse({})).meta({
      description: 'Which actions need a reader signed in by the site (publisher sign-in, SSO)',
    }),
  })
  .meta({ id: 'SiteSettings' })

/** Per-thread overrides. */
export const ThreadSettingsSchema = z
  .object({
    reactions: uniqueEmoji.nullable().default(null).meta({
      description:
        "null: the site's set; otherwise a narrower set for this thread ([] switches reactions off). Emoji outside the site's set are ignored",
    }),
  })
  .meta({ id: 'ThreadSettings' })

/** What the widget needs to know about reactions on one thread. */
export const ThreadReactionsSchema = z
  .object({
    available: z
      .array(z.string())
      .meta({ description: 'The reactions readers may give; [] = off' }),
    showCounts: z.boolean(),
  })
  .meta({ id: 'ThreadReactions' })

export type ReactionSettings = z.infer<typeof ReactionSettingsSchema>
export type SiteSettings = z.infer<typeof SiteSettingsSchema>
export type SiteSettingsInput = z.input<typeof SiteSettingsSchema>
export type ThreadSettings = z.infer<typeof ThreadSettingsSchema>
export type ThreadReactions = z.infer<typeof ThreadReactionsSchema>

/** The site's set narrowed by the thread's override, in the site's order. */
export function threadReactions(site: SiteSettings, thread: ThreadSettings): ThreadReactions {
  const narrowed = thread.reactions
  return {
    available: narrowed
      ? site.reactions.set.filter((e) => narrowed.includes(e))
      : site.reactions.set,
    showCounts: site.reactions.showCounts,
  }
}
