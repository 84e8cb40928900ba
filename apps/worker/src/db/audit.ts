import type { AuditEntry as AuditEntryView } from '@parley/core'
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

interface AuditRow {
  id: number
  actor: string
  actor_name: string | null
  actor_role: AdminPrincipal['role']
  action: string
  target_type: string
  target_id: string
  reason: string | null
  details: string
  created_at: number
}

export interface AuditFilter {
  action?: string | undefined
  targetType?: string | undefined
  targetId?: string | undefined
  actor?: string | undefined
}

const FILTER_COLUMNS = {
  action: 'a.action',
  targetType: 'a.target_type',
  targetId: 'a.target_id',
  actor: 'a.actor',
} as const

/**
 * A page of a site's audit log, newest first, keyset-paged on the id (audit_log_by_site, or
 * audit_log_by_target when filtering by target). Each entry names the key that acted, if any.
 */
export async function listAudit(
  db: D1Database,
  siteId: string,
  filter: AuditFilter,
  page: { before: number | null; limit: number }
): Promise<{ entries: AuditEntryView[]; nextBefore: number | null }> {
  const where = ['a.site_id = ?1']
  const params: (string | number)[] = [siteId, page.limit + 1]
  for (const [name, column] of Object.entries(FILTER_COLUMNS)) {
    const value = filter[name as keyof AuditFilter]
    if (value === undefined) continue
    params.push(value)
    where.push(`${column} = ?${params.length}`)
  }
  if (page.before !== null) {
    params.push(page.before)
    where.push(`a.id < ?${params.length}`)
  }
  const { results } = await db
    .prepare(
      `SELECT a.id, a.actor, k.name AS actor_name, a.actor_role, a.action, a.target_type,
         a.target_id, a.reason, a.details, a.created_at
       FROM audit_log a LEFT JOIN api_keys k ON k.id = a.actor
       WHERE ${where.join(' AND ')} ORDER BY a.id DESC LIMIT ?2`
    )
    .bind(...params)
    .all<AuditRow>()
  const rows = results.slice(0, page.limit)
  return {
    entries: rows.map(toAuditEntryView),
    nextBefore: results.length > page.limit ? rows.at(-1)!.id : null,
  }
}

function toAuditEntryView(row: AuditRow): AuditEntryView {
  let details: unknown
  try {
    details = JSON.parse(row.details)
  } catch {
    details = {}
  }
  return {
    id: String(row.id),
    actor: row.actor,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    details:
      typeof details === 'object' && details !== null && !Array.isArray(details)
        ? (details as Record<string, unknown>)
        : { value: details },
    createdAt: new Date(row.created_at).toISOString(),
  }
}
