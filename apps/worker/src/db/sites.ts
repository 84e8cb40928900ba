import type { SiteSettings } from '@parley/core'
import { parseSiteSettings } from './settings.ts'

export interface SiteRow {
  id: string
  name: string
  allowed_origins: string
  settings: string
  created_at: number
}

export interface Site {
  id: string
  name: string
  allowedOrigins: string[]
  settings: SiteSettings
  createdAt: number
}

export function rowToSite(row: SiteRow): Site {
  const origins: unknown = JSON.parse(row.allowed_origins)
  return {
    id: row.id,
    name: row.name,
    allowedOrigins: Array.isArray(origins) ? origins.filter((o) => typeof o === 'string') : [],
    settings: parseSiteSettings(row.settings),
    createdAt: row.created_at,
  }
}

export async function getSite(db: D1Database, id: string): Promise<Site | null> {
  const row = await db
    .prepare('SELECT id, name, allowed_origins, settings, created_at FROM sites WHERE id = ?1')
    .bind(id)
    .first<SiteRow>()
  return row ? rowToSite(row) : null
}

/** Creates the site or updates its name and origins (what `pnpm site:add` does, for tests). */
export async function putSite(
  db: D1Database,
  site: { id: string; name: string; allowedOrigins: string[] },
  now = Date.now()
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO sites (id, name, allowed_origins, created_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins`
    )
    .bind(site.id, site.name, JSON.stringify(site.allowedOrigins), now)
    .run()
}

/** Every site, for the owner's site picker. */
export async function listSites(db: D1Database): Promise<{ id: string; name: string }[]> {
  const { results } = await db
    .prepare('SELECT id, name FROM sites ORDER BY id')
    .all<{ id: string; name: string }>()
  return results
}

/** Sets a site's name and allowed origins (its settings are patched by siteSettingsWrites). */
export const updateSite = (
  db: D1Database,
  site: { id: string; name: string; allowedOrigins: string[] }
): D1PreparedStatement =>
  db
    .prepare('UPDATE sites SET name = ?2, allowed_origins = ?3 WHERE id = ?1')
    .bind(site.id, site.name, JSON.stringify(site.allowedOrigins))
