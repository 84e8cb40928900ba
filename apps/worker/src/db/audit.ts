import type { AdminPrincipal } from '../lib/admin-credentials.ts'

export interface AuditEntry {
  siteId: string
  action: string
  targetType: string
  targetId: string
  reason?: string | null
  details?: Record<string, unknown>
}

const INSERT_AUDIT = `INSERT INTO audit_log
  (site_id, actor, actor_role, action, target_type, target_id, reason, details, created_at)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`

/**
 * The audit row of one admin action, to run in the same batch as the action itself, so that no
 * action happens without its entry and no entry is written for an action that failed.
 */
export function auditStatement(
  db: D1Database,
  principal: AdminPrincipal,
  entry: AuditEntry,
  now = Date.now()
): D1PreparedStatement {
  return db
    .prepare(INSERT_AUDIT)
    .bind(
      entry.siteId,
      principal.actor,
      principal.role,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.reason ?? null,
      JSON.stringify(entry.details ?? {}),
      now
    )
}
