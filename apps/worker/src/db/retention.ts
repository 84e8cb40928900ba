import { purgeOldSalts } from './network-salts.ts'
import { parseSiteSettings } from './settings.ts'

// The retention clean-up (src/scheduled.ts, docs/privacy.md): what each site keeps only for its
// privacy.retentionDays, cleared a bounded number of rows per statement, oldest first, so one run
// never holds the database for long and a backlog drains over a few runs.

const DAY_MS = 24 * 60 * 60 * 1000

/** What one site's pass cleared, per kind. */
export interface SiteRetention {
  /** Comments whose network hash and idempotency key were cleared. */
  comments: number
  reportNotes: number
  /** Decided notices whose notifier's name and email were cleared. */
  notices: number
  /** Decided appeals whose text was cleared. */
  appeals: number
  /** Lifted or expired bans whose subject (a reader id or network hash) was cleared. */
  bans: number
}

// ?1 site, ?2 cutoff (ms), ?3 rows per statement. Each selects through a partial index of
// migration 0015 (or bans_by_site), so it reads only rows still holding something to clear.
const SITE_PURGES: Record<keyof SiteRetention, string> = {
  comments: `UPDATE comments SET network_hash = NULL, idempotency_key = NULL WHERE rowid IN
    (SELECT rowid FROM comments WHERE site_id = ?1 AND created_at < ?2
      AND (network_hash IS NOT NULL OR idempotency_key IS NOT NULL) LIMIT ?3)`,
  reportNotes: `UPDATE reports SET note = NULL WHERE (comment_id, reader_id) IN
    (SELECT r.comment_id, r.reader_id FROM reports r JOIN comments c ON c.id = r.comment_id
      WHERE r.note IS NOT NULL AND r.created_at < ?2 AND c.site_id = ?1 LIMIT ?3)`,
  notices: `UPDATE notices SET reporter_name = '', reporter_email = '' WHERE id IN
    (SELECT id FROM notices WHERE site_id = ?1 AND decided_at IS NOT NULL AND decided_at < ?2
      AND (reporter_name <> '' OR reporter_email <> '') LIMIT ?3)`,
  appeals: `UPDATE appeals SET text = '' WHERE comment_id IN
    (SELECT comment_id FROM appeals WHERE site_id = ?1 AND decided_at IS NOT NULL
      AND decided_at < ?2 AND text <> '' LIMIT ?3)`,
  // A ban in force keeps its subject whatever its age: it is what the ban matches.
  bans: `UPDATE bans SET subject = '' WHERE id IN
    (SELECT id FROM bans WHERE site_id = ?1 AND subject <> ''
      AND ((lifted_at IS NOT NULL AND lifted_at < ?2)
        OR (expires_at IS NOT NULL AND expires_at < ?2)) LIMIT ?3)`,
}

const KINDS = Object.keys(SITE_PURGES) as (keyof SiteRetention)[]

/** The cutoff of a site: data older than this is past its retention period. */
export const retentionCutoff = (now: number, retentionDays: number) => now - retentionDays * DAY_MS

/**
 * One pass over one site: at most `limit` rows of each kind, in one batch. A kind that cleared
 * `limit` rows may have more: the caller runs another pass.
 */
export async function purgeSite(
  db: D1Database,
  siteId: string,
  cutoff: number,
  limit: number
): Promise<SiteRetention> {
  const results = await db.batch(
    KINDS.map((kind) => db.prepare(SITE_PURGES[kind]).bind(siteId, cutoff, limit))
  )
  const cleared = {} as SiteRetention
  for (const [i, kind] of KINDS.entries()) cleared[kind] = results[i]?.meta.changes ?? 0
  return cleared
}

/** Every site with its retention period. */
export async function sitesWithRetention(
  db: D1Database
): Promise<{ id: string; retentionDays: number }[]> {
  const { results } = await db
    .prepare('SELECT id, settings FROM sites ORDER BY id')
    .all<{ id: string; settings: string }>()
  return results.map((row) => ({
    id: row.id,
    retentionDays: parseSiteSettings(row.settings).privacy.retentionDays,
  }))
}

/**
 * What no site setting governs: rate-limit windows that have ended (their keys hold reader ids
 * and salted network hashes) and every network salt but today's, after which yesterday's hashes
 * can no longer be tied to any address. Bounded like the rest.
 */
export async function purgeShared(
  db: D1Database,
  now: number,
  limit: number
): Promise<{ rateCounters: number; salts: number }> {
  const [counters, salts] = await db.batch([
    db
      .prepare(
        `DELETE FROM rate_counters WHERE key IN
          (SELECT key FROM rate_counters WHERE expires_at <= ?1 LIMIT ?2)`
      )
      .bind(now, limit),
    purgeOldSalts(db, now),
  ])
  return { rateCounters: counters?.meta.changes ?? 0, salts: salts?.meta.changes ?? 0 }
}
