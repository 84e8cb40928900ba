// The sites' Turnstile secret keys (migration 0013). Nothing returns them to a client.

export async function getTurnstileSecret(db: D1Database, siteId: string): Promise<string | null> {
  const row = await db
    .prepare('SELECT secret FROM turnstile_secrets WHERE site_id = ?1')
    .bind(siteId)
    .first<{ secret: string }>()
  return row?.secret ?? null
}

export const putTurnstileSecret = (db: D1Database, siteId: string, secret: string, now: number) =>
  db
    .prepare(
      `INSERT INTO turnstile_secrets (site_id, secret, updated_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (site_id) DO UPDATE SET secret = excluded.secret, updated_at = excluded.updated_at`
    )
    .bind(siteId, secret, now)

export const deleteTurnstileSecret = (db: D1Database, siteId: string) =>
  db.prepare('DELETE FROM turnstile_secrets WHERE site_id = ?1').bind(siteId)

/** When the site's secret was last set, or null without one. */
export async function getTurnstileSecretStatus(
  db: D1Database,
  siteId: string
): Promise<number | null> {
  const row = await db
    .prepare('SELECT updated_at FROM turnstile_secrets WHERE site_id = ?1')
    .bind(siteId)
    .first<{ updated_at: number }>()
  return row?.updated_at ?? null
}
