import type { ApiKey, ApiKeyRole } from '@parley/core'

export interface ApiKeyRow {
  id: string
  site_id: string
  name: string
  role: ApiKeyRole
  secret_hash: string
  created_by: string
  created_at: number
  last_used_at: number | null
  revoked_at: number | null
}

const COLUMNS =
  'id, site_id, name, role, secret_hash, created_by, created_at, last_used_at, revoked_at'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** The wire shape: never the hash. */
export const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: iso(row.last_used_at),
  revokedAt: iso(row.revoked_at),
})

export const getApiKey = (db: D1Database, id: string): Promise<ApiKeyRow | null> =>
  db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?1`).bind(id).first<ApiKeyRow>()

/** A site's keys, newest first, revoked ones included. */
export async function listApiKeys(db: D1Database, siteId: string): Promise<ApiKeyRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM api_keys WHERE site_id = ?1 ORDER BY created_at DESC, id DESC`)
    .bind(siteId)
    .all<ApiKeyRow>()
  return results
}

export const insertApiKey = (db: D1Database, row: ApiKeyRow): D1PreparedStatement =>
  db
    .prepare(`INSERT INTO api_keys (${COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`)
    .bind(
      row.id,
      row.site_id,
      row.name,
      row.role,
      row.secret_hash,
      row.created_by,
      row.created_at,
      row.last_used_at,
      row.revoked_at
    )

/** Revokes a live key of the site; a no-op (0 rows) for a revoked or unknown one. */
export const revokeApiKey = (
  db: D1Database,
  siteId: string,
  id: string,
  now: number
): D1PreparedStatement =>
  db
    .prepare(
      'UPDATE api_keys SET revoked_at = ?3 WHERE id = ?1 AND site_id = ?2 AND revoked_at IS NULL'
    )
    .bind(id, siteId, now)

/** How stale last_used_at may get: writing it on every request would cost a D1 write each. */
export const LAST_USED_RESOLUTION_MS = 60_000

/** Records a use, at most once per LAST_USED_RESOLUTION_MS (concurrent requests write once). */
export async function touchApiKey(db: D1Database, id: string, now: number): Promise<void> {
  await db
    .prepare(
      `UPDATE api_keys SET last_used_at = ?2
       WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at <= ?3)`
    )
    .bind(id, now, now - LAST_USED_RESOLUTION_MS)
    .run()
}
