import type { Ban, BanKind } from '@parley/core'
import type { AdminPrincipal } from '../lib/admin-credentials.ts'
import { newBanId } from '../lib/ids.ts'
import { auditStatement } from './audit.ts'
import { auditedChange } from './moderation-writes.ts'

// Bans match a reader id (kind 'reader') or the HMAC of a network (kind 'network', the value of
// comments.network_hash, see src/lib/network-ban-hash.ts). A ban is in force until it is lifted
// or its expiry passes; nothing ever deletes one, so the history stays for the audit.

export interface BanRow {
  id: string
  site_id: string
  kind: BanKind
  subject: string
  shadow: number
  reason: string
  comment_id: string | null
  created_by: string
  created_at: number
  expires_at: number | null
  lifted_at: number | null
}

export interface ActiveBan {
  id: string
  shadow: boolean
  expiresAt: number | null
}

const BAN_COLUMNS = `id, site_id, kind, subject, shadow, reason, comment_id, created_by, created_at,
  expires_at, lifted_at`
const IN_FORCE = (now: string) =>
  `lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ${now})`

// ?1 site, ?2 reader id, ?3 network hash (NULL matches nothing), ?4 now. A full ban wins over a
// shadow ban, then the longest one.
const FIND_ACTIVE = `SELECT id, shadow, expires_at FROM bans
  WHERE site_id = ?1 AND ${IN_FORCE('?4')}
    AND ((kind = 'reader' AND subject = ?2) OR (kind = 'network' AND subject = ?3))
  ORDER BY shadow, expires_at IS NULL DESC, expires_at DESC LIMIT 1`

type ActiveBanRow = { id: string; shadow: number; expires_at: number | null }

/** The read of the ban in force for this reader or network, for a batch (see activeBanOf). */
export const activeBanRead = (
  db: D1Database,
  siteId: string,
  who: { readerId: string; networkHash: string | null },
  now: number
): D1PreparedStatement => db.prepare(FIND_ACTIVE).bind(siteId, who.readerId, who.networkHash, now)

/** The ban from activeBanRead's result, or null. */
export function activeBanOf(result: D1Result | undefined): ActiveBan | null {
  const row = result?.results[0] as ActiveBanRow | undefined
  return row ? { id: row.id, shadow: row.shadow === 1, expiresAt: row.expires_at } : null
}

/** The ban in force for this reader or network, or null. */
export async function findActiveBan(
  db: D1Database,
  siteId: string,
  who: { readerId: string; networkHash: string | null },
  now: number
): Promise<ActiveBan | null> {
  return activeBanOf(await activeBanRead(db, siteId, who, now).all())
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function rowToBan(row: BanRow, now: number): Ban {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    commentId: row.comment_id,
    shadow: row.shadow === 1,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: iso(row.expires_at),
    liftedAt: iso(row.lifted_at),
    active: row.lifted_at === null && (row.expires_at === null || row.expires_at > now),
  }
}

export interface NewBanRow {
  siteId: string
  kind: BanKind
  subject: string
  shadow: boolean
  reason: string
  commentId: string | null
  expiresAt: number | null
}

/** Writes the bans and their audit entries in one batch; returns the stored rows. */
export async function createBans(
  db: D1Database,
  principal: AdminPrincipal,
  bans: NewBanRow[],
  now: number
): Promise<BanRow[]> {
  const rows: BanRow[] = bans.map((ban) => ({
    id: newBanId(),
    site_id: ban.siteId,
    kind: ban.kind,
    subject: ban.subject,
    shadow: ban.shadow ? 1 : 0,
    reason: ban.reason,
    comment_id: ban.commentId,
    created_by: principal.actor,
    created_at: now,
    expires_at: ban.expiresAt,
    lifted_at: null,
  }))
  await db.batch(
    rows.flatMap((row) => [
      db
        .prepare(
          `INSERT INTO bans (id, site_id, kind, subject, shadow, reason, comment_id, created_by,
             created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`
        )
        .bind(
          row.id,
          row.site_id,
          row.kind,
          row.subject,
          row.shadow,
          row.reason,
          row.comment_id,
          row.created_by,
          row.created_at,
          row.expires_at
        ),
      auditStatement(
        db,
        principal,
        {
          siteId: row.site_id,
          action: 'ban.create',
          targetType: 'ban',
          targetId: row.id,
          reason: row.reason,
          details: {
            kind: row.kind,
            // A network ban's subject is an HMAC, not an address; the reader id is worth keeping.
            ...(row.kind === 'reader' && { readerId: row.subject }),
            commentId: row.comment_id,
            shadow: row.shadow === 1,
            expiresAt: iso(row.expires_at),
          },
        },
        now
      ),
    ])
  )
  return rows
}

export async function getBan(db: D1Database, siteId: string, id: string): Promise<BanRow | null> {
  return db
    .prepare(`SELECT ${BAN_COLUMNS} FROM bans WHERE site_id = ?1 AND id = ?2`)
    .bind(siteId, id)
    .first<BanRow>()
}

/**
 * Lifts a ban that is not lifted yet, with its audit entry, in one batch. Returns the ban as it is
 * afterwards, or null when there is no such ban. Lifting a lifted ban changes nothing and leaves
 * no audit entry, even when two moderators lift it at once.
 */
export async function liftBan(
  db: D1Database,
  principal: AdminPrincipal,
  siteId: string,
  id: string,
  now: number
): Promise<BanRow | null> {
  const ban = await getBan(db, siteId, id)
  if (!ban || ban.lifted_at !== null) return ban
  const lift = auditedChange(
    db,
    db
      .prepare(
        'UPDATE bans SET lifted_at = ?3 WHERE site_id = ?1 AND id = ?2 AND lifted_at IS NULL'
      )
      .bind(siteId, id, now),
    auditStatement(
      db,
      principal,
      {
        siteId,
        action: 'ban.lift',
        targetType: 'ban',
        targetId: id,
        details: { kind: ban.kind, ...(ban.kind === 'reader' && { readerId: ban.subject }) },
      },
      now
    )
  )
  await db.batch(lift.statements)
  return getBan(db, siteId, id)
}

/** The author and network of a comment of the site, for a ban made from it; null if none. */
export async function banSubjectOf(
  db: D1Database,
  siteId: string,
  commentId: string
): Promise<{ readerId: string; networkHash: string | null } | null> {
  const row = await db
    .prepare('SELECT reader_id, network_hash FROM comments WHERE id = ?1 AND site_id = ?2')
    .bind(commentId, siteId)
    .first<{ reader_id: string; network_hash: string | null }>()
  return row && { readerId: row.reader_id, networkHash: row.network_hash }
}

export interface BanListing {
  /** true: in force only; false: lifted or expired only; undefined: every ban. */
  active?: boolean
  limit: number
  /** After this (created_at, id), newest first. */
  after: { createdAt: number; id: string } | null
}

/** A page of a site's bans, newest first, and whether there are more. */
export async function listBans(
  db: D1Database,
  siteId: string,
  listing: BanListing,
  now: number
): Promise<{ rows: BanRow[]; more: boolean }> {
  const after = listing.after
  const active = listing.active === undefined ? null : listing.active ? 1 : 0
  const { results } = await db
    .prepare(
      `SELECT ${BAN_COLUMNS} FROM bans
       WHERE site_id = ?1
         AND (?6 IS NULL OR (CASE WHEN ${IN_FORCE('?3')} THEN 1 ELSE 0 END) = ?6)
         AND (?4 IS NULL OR (created_at, id) < (?4, ?5))
       ORDER BY created_at DESC, id DESC LIMIT ?2`
    )
    .bind(siteId, listing.limit + 1, now, after?.createdAt ?? null, after?.id ?? null, active)
    .all<BanRow>()
  return { rows: results.slice(0, listing.limit), more: results.length > listing.limit }
}
