import { auditStatement, type AuditEntry } from '../../db/audit.ts'
import type { AdminPrincipal } from '../../lib/admin-credentials.ts'

// Every admin write is audited in the batch that makes it (db/audit.ts): these write the entry of
// the request's principal on the request's site.

/** What an audited write needs of the request: the database, who acts, and on which site. */
export interface AdminRequest {
  env: { DB: D1Database }
  var: { admin: AdminPrincipal; site: { id: string } }
}

/** The audit row of one action of the request's principal on the request's site. */
export const auditOf = (c: AdminRequest, entry: Omit<AuditEntry, 'siteId'>, now = Date.now()) =>
  auditStatement(c.env.DB, c.var.admin, { siteId: c.var.site.id, ...entry }, now)

/** Runs `statements` and the audit row of `entry` in one batch; the statements' results first. */
export const auditedBatch = (
  c: AdminRequest,
  statements: D1PreparedStatement[],
  entry: Omit<AuditEntry, 'siteId'>,
  now = Date.now()
) => c.env.DB.batch([...statements, auditOf(c, entry, now)])
