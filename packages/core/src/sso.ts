import { z } from 'zod'

// Publisher sign-in (SSO): the publisher's server signs a short-lived HS256 JWT for its logged-in
// user with a per-site secret; the widget trades it for a reader session bound to that user.

/** Longest lifetime (exp − iat) of a publisher token we accept, in seconds. */
export const SSO_TOKEN_LIFETIME_MAX = 15 * 60
/** Clock difference tolerated between the publisher's server and ours, in seconds. */
export const SSO_CLOCK_SKEW = 60
/** How long a signed-in reader session lasts before the widget needs a fresh publisher token. */
export const SSO_SESSION_TTL = 60 * 60
/** Shortest secret a publisher may set, in characters (HS256 wants at least 256 bits). */
export const SSO_SECRET_MIN = 32
export const SSO_SECRET_MAX = 256
/** Longest publisher token the exchange reads. */
export const SSO_TOKEN_MAX = 4096
/** Longest publisher user id (`sub`). */
export const SSO_SUBJECT_MAX = 255

/**
 * The claims of the publisher's token (HS256, signed with the site's secret). Time claims are
 * seconds since the epoch, as in RFC 7519.
 */
export const SsoClaimsSchema = z
  .object({
    sub: z
      .string()
      .min(1)
      .max(SSO_SUBJECT_MAX)
      .meta({ description: "The publisher's user id: stable, never reused for another person" }),
    name: z
      .string()
      .max(200)
      .meta({ description: 'Display name; cleaned and cut to DISPLAY_NAME_MAX characters' }),
    avatar: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .nullish()
      .meta({ description: "An https URL of the user's picture" }),
    aud: z
      .union([z.string(), z.array(z.string())])
      .meta({ description: 'The Parley site id (or a list holding it)' }),
    iat: z.int().nonnegative().meta({ description: 'Issued at' }),
    exp: z
      .int()
      .nonnegative()
      .meta({
        description: `Expiry; at most SSO_TOKEN_LIFETIME_MAX (${SSO_TOKEN_LIFETIME_MAX} s) after iat`,
      }),
    nbf: z.int().nonnegative().optional(),
    jti: z
      .string()
      .min(8)
      .max(128)
      .meta({ description: 'A unique id per token: each token is exchanged once' }),
  })
  .meta({ id: 'SsoClaims' })

export type SsoClaims = z.infer<typeof SsoClaimsSchema>

/** Whether an action needs a signed-in reader. */
export const SignInRuleSchema = z.enum(['optional', 'required'])

export const SignInSettingsSchema = z
  .object({
    comment: SignInRuleSchema.default('optional').meta({
      description: 'required: only readers signed in by the site may comment (and reply)',
    }),
    vote: SignInRuleSchema.default('optional').meta({
      description: 'required: only readers signed in by the site may vote in polls',
    }),
    react: SignInRuleSchema.default('optional').meta({
      description: 'required: only readers signed in by the site may react to comments',
    }),
    loginUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .default(null)
      .meta({
        description: "The publisher's login page, linked by the widget when sign-in is required",
      }),
  })
  .meta({ id: 'SignInSettings' })

export type SignInSettings = z.infer<typeof SignInSettingsSchema>
export type SignInAction = 'comment' | 'vote' | 'react'

/** POST …/sso/session: the publisher's token, as the widget got it from the page. */
export const SsoSessionRequestSchema = z
  .object({
    token: z
      .string()
      .min(1)
      .max(SSO_TOKEN_MAX)
      .meta({ description: "The publisher's HS256 JWT for its logged-in user" }),
  })
  .meta({ id: 'SsoSessionRequest' })

export const SsoUserSchema = z
  .object({
    id: z.string().meta({ description: "The publisher's user id (the token's sub)" }),
    name: z.string().meta({ description: 'Display name, as cleaned by the server' }),
    avatarUrl: z.string().nullable(),
  })
  .meta({ id: 'SsoUser' })

export const SsoSessionSchema = z
  .object({
    readerId: z.string().meta({
      description: "The reader id bound to the publisher's user: the same on every device",
    }),
    token: z.string().meta({ description: 'Send as "Authorization: Bearer <token>"' }),
    expiresAt: z.iso.datetime().meta({
      description: 'After this the token is refused (401): exchange a fresh publisher token',
    }),
    user: SsoUserSchema,
  })
  .meta({ id: 'SsoSession' })

/** PUT …/sso/secret: set a secret of your own, or leave it out to have one generated. */
export const PutSsoSecretSchema = z
  .object({
    secret: z
      .string()
      .min(SSO_SECRET_MIN, `must be at least ${SSO_SECRET_MIN} characters`)
      .max(SSO_SECRET_MAX)
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional()
      .meta({ description: 'Omit to have the server generate one (returned once)' }),
  })
  .meta({ id: 'PutSsoSecret' })

export const SsoSecretStatusSchema = z
  .object({
    configured: z.boolean().meta({ description: 'Whether the site accepts publisher tokens' }),
    updatedAt: z.iso.datetime().nullable(),
    secret: z.string().optional().meta({
      description: 'Only in the answer to a PUT that generated the secret: shown this once',
    }),
  })
  .meta({ id: 'SsoSecretStatus' })

export type SsoSessionRequest = z.input<typeof SsoSessionRequestSchema>
export type SsoUser = z.infer<typeof SsoUserSchema>
export type SsoSession = z.infer<typeof SsoSessionSchema>
export type PutSsoSecret = z.input<typeof PutSsoSecretSchema>
export type SsoSecretStatus = z.infer<typeof SsoSecretStatusSchema>
