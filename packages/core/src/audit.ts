import { z } from 'zod'
import { PAGE_SIZE_MAX } from './limits.ts'
import { AdminRoleSchema } from './admin-keys.ts'
import { newestFirstPage } from './page.ts'

// The audit log: every admin action, who (the owner or an API key), what, on what, when and why.
// Actions are "<target>.<verb>", e.g. site.update, key.create, key.revoke, thread.create,
// thread.update, comment.approve, ban.create.

export const AuditEntrySchema = z
  .object({
    id: z.string().meta({ description: 'Increasing: later entries have larger ids' }),
    actor: z.string().meta({ description: '"owner" (the ADMIN_TOKEN) or an API key id' }),
    actorName: z
      .string()
      .nullable()
      .meta({ description: "The API key's name; null for the owner or a deleted key" }),
    actorRole: AdminRoleSchema,
    action: z.string().meta({ example: 'site.update' }),
    targetType: z.string().meta({ example: 'site' }),
    targetId: z.string(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).meta({ description: 'What changed, per action' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditEntry' })

const filter = (description: string) => z.string().min(1).max(200).optional().meta({ description })

export const AuditQuerySchema = z.object({
  action: filter('Only this action, e.g. "site.update"'),
  targetType: filter('Only actions on this kind of target, e.g. "comment"'),
  targetId: filter('Only actions on this target (with targetType)'),
  actor: filter('Only actions by this actor: "owner" or a key id'),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'is not a cursor')
    .optional()
    .meta({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
})

export const AuditPageSchema = newestFirstPage('entries', AuditEntrySchema, 'AuditPage')

export type AuditEntry = z.infer<typeof AuditEntrySchema>
export type AuditQuery = z.infer<typeof AuditQuerySchema>
export type AuditPage = z.infer<typeof AuditPageSchema>
