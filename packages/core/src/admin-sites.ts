import { z } from 'zod'
import { SiteIdSchema, ThreadKeySchema } from './ids.ts'
import { PAGE_SIZE_MAX, THREAD_KEY_MAX } from './limits.ts'
import { SiteSettingsSchema, ThreadSettingsSchema, type SiteSettings } from './settings.ts'
import { cleanName } from './text.ts'
import { newestFirstPage } from './page.ts'

// The publisher's side of sites and threads: what the admin API accepts and returns.

export const SITE_NAME_MAX = 100
export const ALLOWED_ORIGINS_MAX = 50
export const THREAD_TITLE_MAX = 300

const cleanedName = (max: number) =>
  z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .transform(cleanName)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`))

// scheme://host[:port] with an optional trailing slash; the host is ASCII (punycode for IDNs), as
// browsers send it in the Origin header.
const ORIGIN = /^(https?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?\/?$/i
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' }

/**
 * "https://news.example" or "http://localhost:8787": a scheme, a host and maybe a port, no path.
 * Normalised as browsers send the Origin header: lower case, no trailing slash, no default port.
 */
export const OriginSchema = z
  .string()
  .max(300)
  .regex(ORIGIN, 'must be an origin (http(s)://host[:port]) without a path, query or fragment')
  .refine((value) => Number(ORIGIN.exec(value)?.[3] ?? 0) <= 65535, 'has an invalid port')
  .transform((value) => {
    const [, scheme, host, port] = ORIGIN.exec(value)!
    const lower = scheme!.toLowerCase()
    const keepPort = port !== undefined && port !== DEFAULT_PORTS[lower]
    return `${lower}://${host!.toLowerCase()}${keepPort ? `:${port}` : ''}`
  })
  .meta({ example: 'https://news.example' })

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[]
    ? T[K]
    : T[K] extends object
      ? DeepPartial<T[K]>
      : T[K]
}

/**
 * The same object with every field optional and no defaults, nested objects likewise, arrays and
 * values whole; unknown fields are refused, so a typo is an error and not silently dropped.
 */
function patchOf(schema: z.ZodType): z.ZodType {
  let inner = schema
  if (inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType
  if (!(inner instanceof z.ZodObject)) return inner
  const shape: Record<string, z.ZodType> = {}
  for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    const patch = patchOf(field)
    const description = field.description ?? patch.description
    shape[key] = (description ? patch.meta({ description }) : patch).optional()
  }
  return z.strictObject(shape)
}

export type SiteSettingsPatch = DeepPartial<SiteSettings>

/** A deep-partial of SiteSettings: only the fields sent change, arrays are replaced whole. */
export const SiteSettingsPatchSchema = (
  patchOf(SiteSettingsSchema) as unknown as z.ZodType<SiteSettingsPatch>
).meta({
  id: 'SiteSettingsPatch',
  description:
    'Any part of SiteSettings, at any depth: the fields sent replace the stored ones (arrays whole), the others keep their value',
})

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `patch` merged into `target` (RFC 7396 JSON merge patch, which D1's json_patch applies too). */
export function mergePatch<T>(target: T, patch: unknown): T {
  if (!isPlainObject(patch)) return patch as T
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]
    else if (value !== undefined) out[key] = mergePatch(out[key], value)
  }
  return out as T
}

/** The settings a patch leaves, validated by the contract as a whole (defaults filled in). */
export const mergeSiteSettings = (current: SiteSettings, patch: SiteSettingsPatch) =>
  SiteSettingsSchema.safeParse(mergePatch(current, patch))

export const AdminSiteSchema = z
  .object({
    id: SiteIdSchema,
    name: z.string(),
    allowedOrigins: z.array(z.string()).meta({
      description: "Origins whose pages may call the site's public API from a browser",
    }),
    settings: SiteSettingsSchema,
  })
  .meta({ id: 'AdminSite' })

export const EditSiteSchema = z
  .strictObject({
    name: cleanedName(SITE_NAME_MAX).optional(),
    allowedOrigins: z
      .array(OriginSchema)
      .max(ALLOWED_ORIGINS_MAX)
      .transform((origins) => [...new Set(origins)])
      .optional()
      .meta({ description: 'Replaces the list; the Worker’s own origin is always allowed' }),
    settings: SiteSettingsPatchSchema.optional(),
  })
  .meta({ id: 'EditSite', description: 'Only the fields sent change; they take effect at once' })

export const AdminThreadSchema = z
  .object({
    key: ThreadKeySchema,
    title: z.string().nullable(),
    commentCount: z
      .int()
      .nonnegative()
      .meta({ description: 'Published comments, replies included' }),
    pendingCount: z.int().nonnegative().meta({ description: 'Comments held for review' }),
    settings: ThreadSettingsSchema,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminThread' })

export const AdminThreadListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(THREAD_KEY_MAX)
    .optional()
    .meta({ description: 'Only threads whose key or title contains this (case-insensitive)' }),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'is not a cursor')
    .optional()
    .meta({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
})

export const AdminThreadPageSchema = newestFirstPage(
  'threads',
  AdminThreadSchema,
  'AdminThreadPage'
)

export const PutThreadSchema = z
  .strictObject({
    title: cleanedName(THREAD_TITLE_MAX)
      .nullable()
      .meta({ description: 'Shown above the discussion; null for none' }),
    settings: ThreadSettingsSchema.optional().meta({
      description: "Replaces the thread's settings; left out, they stay as they are",
    }),
  })
  .meta({ id: 'PutThread' })

export type AdminSite = z.infer<typeof AdminSiteSchema>
export type EditSite = z.infer<typeof EditSiteSchema>
export type EditSiteInput = z.input<typeof EditSiteSchema>
export type AdminThread = z.infer<typeof AdminThreadSchema>
export type AdminThreadPage = z.infer<typeof AdminThreadPageSchema>
export type PutThread = z.infer<typeof PutThreadSchema>
export type PutThreadInput = z.input<typeof PutThreadSchema>
