import { z } from 'zod'
import { SiteIdSchema } from './ids.ts'
import { cleanName } from './text.ts'

// Who may call the admin API (docs/decisions/0009-admin-keys-and-roles.md): the owner with the
// ADMIN_TOKEN Worker secret, on every site, or a per-site API key with a role.

export const API_KEY_NAME_MAX = 80

export const ADMIN_ROLES = ['owner', 'admin', 'moderator'] as const
/** The roles an API key may carry; "owner" is the ADMIN_TOKEN's alone. */
export const API_KEY_ROLES = ['moderator', 'admin'] as const

export const AdminRoleSchema = z.enum(ADMIN_ROLES).meta({
  description:
    'owner: the ADMIN_TOKEN, every site; admin: everything on its site; moderator: moderation only',
})
export const ApiKeyRoleSchema = z.enum(API_KEY_ROLES).meta({
  description:
    'admin: everything on its site (settings, keys, threads, polls, experts); moderator: moderation only',
})

/** An API key id: 16 lowercase base32 characters. The key itself is `pk_<id>_<secret>`. */
export const ApiKeyIdSchema = z
  .string()
  .regex(/^[0-9a-z]{16}$/, 'is not an API key id')
  .meta({ description: 'The public id of an API key', example: '7hq2m3x9c4v5b6n8' })

export const NewApiKeySchema = z
  .strictObject({
    name: z
      .string()
      .max(API_KEY_NAME_MAX * 4, `must be at most ${API_KEY_NAME_MAX} characters`)
      .transform(cleanName)
      .pipe(
        z
          .string()
          .min(1, 'must not be empty')
          .max(API_KEY_NAME_MAX, `must be at most ${API_KEY_NAME_MAX} characters`)
      )
      .meta({ description: 'Who or what uses the key, e.g. "Night moderation desk"' }),
    role: ApiKeyRoleSchema,
  })
  .meta({ id: 'NewApiKey' })

export const ApiKeySchema = z
  .object({
    id: ApiKeyIdSchema,
    name: z.string(),
    role: ApiKeyRoleSchema,
    createdBy: z.string().meta({ description: 'The actor who created it: "owner" or a key id' }),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().meta({
      description: 'When the key was last used, to the minute; null if never',
    }),
    revokedAt: z.iso.datetime().nullable().meta({ description: 'Revoked keys answer 401' }),
  })
  .meta({ id: 'ApiKey' })

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z
    .string()
    .regex(/^pk_[0-9a-z]{16}_[0-9a-z]{32}$/)
    .meta({
      description:
        'The secret key, `pk_<id>_<secret>`: shown this once, only a hash of it is stored. Send it as "Authorization: Bearer <key>"',
    }),
}).meta({ id: 'CreatedApiKey' })

export const ApiKeyListSchema = z
  .object({ keys: z.array(ApiKeySchema).meta({ description: 'Newest first, revoked ones too' }) })
  .meta({ id: 'ApiKeyList' })

export const ApiKeyParamsSchema = z.object({ site: SiteIdSchema, key: ApiKeyIdSchema })

/** GET /v1/admin/me: what the credential is, so a console can sign in with just a key. */
export const AdminMeSchema = z
  .object({
    role: AdminRoleSchema,
    site: SiteIdSchema.nullable().meta({
      description: "The key's site; null for the owner, who may administer every site",
    }),
    actor: z.string().meta({ description: 'As the audit log names it: "owner" or the key id' }),
  })
  .meta({ id: 'AdminMe' })

export const AdminSiteSummarySchema = z
  .object({ id: SiteIdSchema, name: z.string() })
  .meta({ id: 'AdminSiteSummary' })

export const AdminSiteListSchema = z
  .object({
    sites: z.array(AdminSiteSummarySchema).meta({
      description: 'Every site for the owner, the one site of an API key',
    }),
  })
  .meta({ id: 'AdminSiteList' })

export type AdminRole = z.infer<typeof AdminRoleSchema>
export type ApiKeyRole = z.infer<typeof ApiKeyRoleSchema>
export type NewApiKey = z.infer<typeof NewApiKeySchema>
export type NewApiKeyInput = z.input<typeof NewApiKeySchema>
export type ApiKey = z.infer<typeof ApiKeySchema>
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>
export type AdminMe = z.infer<typeof AdminMeSchema>
export type AdminSiteSummary = z.infer<typeof AdminSiteSummarySchema>
export type AdminSiteList = z.infer<typeof AdminSiteListSchema>
