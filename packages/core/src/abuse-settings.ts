import { z } from 'zod'
import { DEFAULT_RATE_LIMITS, HONEYPOT_MAX, TURNSTILE_TOKEN_MAX } from './limits.ts'

// The site settings against abuse: rate limits per action, the comment form's bot checks and
// Cloudflare Turnstile. Why they work as they do: docs/decisions/0017-rate-limits-and-bot-checks.md.

/** At most `max` requests per `windowSeconds` (a fixed window, counted in D1). */
export const RateLimitSchema = z
  .object({
    max: z.int().min(1).max(1_000_000).meta({ description: 'Requests allowed per window' }),
    windowSeconds: z
      .int()
      .min(1)
      .max(86_400)
      .meta({ description: 'Length of the window in seconds (at most a day)' }),
  })
  .meta({ id: 'RateLimit' })

const SUBJECT_WORDS = {
  reader: 'per reader token',
  network: 'per network (an IPv4 address or IPv6 /64, under a salted hash that rotates daily)',
  site: 'for the whole site',
} as const

interface Limit {
  max: number
  windowSeconds: number
}

/**
 * One subject's limit of one action, `what` saying what is counted. Each field has its own
 * default, like every other setting: a stored partial object (a PATCH that sent only `max`, merged
 * into stored JSON that never held the defaults) still reads as a whole limit.
 */
const limit = (what: string, subject: keyof typeof SUBJECT_WORDS, value: Limit) =>
  z
    .object({
      max: RateLimitSchema.shape.max.default(value.max),
      windowSeconds: RateLimitSchema.shape.windowSeconds.default(value.windowSeconds),
    })
    .default({ ...value })
    .meta({ description: `${what} ${SUBJECT_WORDS[subject]}` })

/** The reader, network and site limits of an action sent with a reader token. */
function readerLimits(what: string, d: Record<'reader' | 'network' | 'site', Limit>) {
  const schema = z.object({
    reader: limit(what, 'reader', d.reader),
    network: limit(what, 'network', d.network),
    site: limit(what, 'site', d.site),
  })
  return schema.default(schema.parse({}))
}

/** The network and site limits of an action sent without a reader token. */
function anonymousLimits(what: string, d: Record<'network' | 'site', Limit>) {
  const schema = z.object({
    network: limit(what, 'network', d.network),
    site: limit(what, 'site', d.site),
  })
  return schema.default(schema.parse({}))
}

const D = DEFAULT_RATE_LIMITS

/**
 * Per action, what one reader token, one network and the whole site may do; over a limit the
 * API answers 429 rate_limited with Retry-After and names the limit.
 */
export const RateLimitSettingsSchema = z
  .object({
    readers: anonymousLimits(
      'Reader tokens and sign-in sessions issued (POST …/readers, …/sso/session)',
      D.readers
    ),
    comments: readerLimits('Comments and replies posted', D.comments),
    edits: readerLimits('Comment edits', D.edits),
    deletes: readerLimits('Comment deletions', D.deletes),
    reactions: readerLimits('Reactions set or removed', D.reactions),
    reports: readerLimits('Reports filed', D.reports),
    votes: readerLimits('Votes cast, changed or withdrawn', D.votes),
    notices: anonymousLimits('DSA notices filed (no reader token needed)', D.notices),
    appeals: readerLimits('Appeals filed', D.appeals),
  })
  .meta({ id: 'RateLimitSettings' })

export const BotCheckSettingsSchema = z
  .object({
    minSubmitSeconds: z.number().min(0).max(60).default(2).meta({
      description:
        'A comment sent sooner than this after its form appeared is treated as automated and stored as spam for a moderator to review (0: off). Only the widget reports the time; API clients are not timed',
    }),
  })
  .meta({ id: 'BotCheckSettings' })

export const TurnstileSettingsSchema = z
  .object({
    enabled: z.boolean().default(false).meta({
      description:
        'Require a Cloudflare Turnstile token to post a comment. Set the secret first (PUT /v1/admin/sites/{site}/turnstile-secret)',
    }),
    siteKey: z
      .string()
      .trim()
      .max(100)
      .regex(/^[\w-]*$/, 'must be a Turnstile site key (letters, digits, "-" or "_")')
      .default('')
      .meta({ description: 'The public site key the widget renders Turnstile with' }),
    votes: z
      .boolean()
      .default(false)
      .meta({ description: 'Also require a Turnstile token to vote in a poll' }),
  })
  .refine((t) => !t.enabled || t.siteKey !== '', {
    path: ['siteKey'],
    message: 'is required while Turnstile is enabled',
  })
  .meta({ id: 'TurnstileSettings' })

/** The Turnstile token a write sends when the site requires one (Turnstile's response field). */
export const TurnstileTokenSchema = z.string().min(1).max(TURNSTILE_TOKEN_MAX).meta({
  description:
    'The Cloudflare Turnstile token, when the site requires one (Thread.turnstile says so)',
})

/** The comment form's bot checks, carried by NewComment. */
export const BotCheckFieldsSchema = z.object({
  honeypot: z.string().max(HONEYPOT_MAX).optional().meta({
    description:
      "The comment form's trap field, hidden from people and assistive technology: anything but an empty string marks the comment as automated (stored as spam for review)",
  }),
  elapsedMs: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional().meta({
    description:
      "Milliseconds between the form appearing and being sent; below the site's botChecks.minSubmitSeconds the comment is treated as automated",
  }),
  turnstileToken: TurnstileTokenSchema.optional(),
})

/** What the widget needs to render Turnstile on a thread; null while the site has it off. */
export const ThreadTurnstileSchema = z
  .object({
    siteKey: z.string(),
    votes: z.boolean().meta({ description: 'Votes need a token too' }),
  })
  .nullable()
  .meta({ id: 'ThreadTurnstile' })

export type RateLimit = z.infer<typeof RateLimitSchema>
export type RateLimitSettings = z.infer<typeof RateLimitSettingsSchema>
export type RateLimitAction = keyof RateLimitSettings
export type BotCheckSettings = z.infer<typeof BotCheckSettingsSchema>
export type TurnstileSettings = z.infer<typeof TurnstileSettingsSchema>

/** PUT …/turnstile/secret: the secret key from the Cloudflare dashboard's Turnstile widget. */
export const PutTurnstileSecretSchema = z
  .strictObject({
    secret: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200)
      .regex(/^[\w.-]*$/, 'must be a Turnstile secret key (letters, digits, ".", "-" or "_")')
      .meta({ description: 'Write-only: no answer of the API ever carries it' }),
  })
  .meta({ id: 'PutTurnstileSecret' })

/** Whether the site's Turnstile secret is set; never the secret itself. */
export const TurnstileSecretStatusSchema = z
  .object({
    configured: z.boolean(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'TurnstileSecretStatus' })

export type PutTurnstileSecret = z.input<typeof PutTurnstileSecretSchema>
export type TurnstileSecretStatus = z.infer<typeof TurnstileSecretStatusSchema>
