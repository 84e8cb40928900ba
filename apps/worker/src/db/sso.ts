import type { PublisherUser } from '../lib/sso-token.ts'

// Publisher sign-in: the site's secret, one reader per publisher user, and the jti of every token
// exchanged until it expires (migrations/0014_publisher_sign_in.sql).

export interface SsoSecret {
  secret: string
  updatedAt: number
}

export async function getSsoSecret(db: D1Database, siteId: string): Promise<SsoSecret | null> {
  const row = await db
    .prepare('SELECT secret, updated_at FROM sso_secrets WHERE site_id = ?1')
    .bind(siteId)
    .first<{ secret: string; updated_at: number }>()
  return row ? { secret: row.secret, updatedAt: row.updated_at } : null
}

/** Sets or replaces the secret: to run in one batch with its audit row. */
export const putSsoSecretStatement = (
  db: D1Database,
  siteId: string,
  secret: string,
  now: number
): D1PreparedStatement =>
  db
    .prepare(
      `INSERT INTO sso_secrets (site_id, secret, updated_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (site_id) DO UPDATE SET secret = excluded.secret, updated_at = excluded.updated_at`
    )
    .bind(siteId, secret, now)

export const deleteSsoSecretStatement = (db: D1Database, siteId: string): D1PreparedStatement =>
  db.prepare('DELETE FROM sso_secrets WHERE site_id = ?1').bind(siteId)

// Expired jti rows can go: their tokens are refused as expired before the jti is looked at. A
// bounded number per exchange keeps each request's work small however many piled up.
const PURGE_USED_TOKENS = `DELETE FROM sso_token_uses WHERE rowid IN
  (SELECT rowid FROM sso_token_uses WHERE expires_at <= ?1 LIMIT 100)`
const CLAIM_TOKEN = `INSERT INTO sso_token_uses (site_id, jti, expires_at) VALUES (?1, ?2, ?3)
  ON CONFLICT (site_id, jti) DO NOTHING`

/**
 * Records the token's jti; false if it was already there (a replay). The primary key decides, so
 * of two concurrent exchanges of one token exactly one wins.
 */
export async function claimTokenId(
  db: D1Database,
  siteId: string,
  user: Pick<PublisherUser, 'jti' | 'usableUntil'>,
  now: number
): Promise<boolean> {
  const [, claim] = await db.batch([
    db.prepare(PURGE_USED_TOKENS).bind(now),
    db.prepare(CLAIM_TOKEN).bind(siteId, user.jti, user.usableUntil),
  ])
  return (claim?.meta.changes ?? 0) > 0
}

// ?1 new reader id, ?2 site, ?3 subject, ?4 name, ?5 avatar, ?6 iat (ms), ?7 now. The reader row
// is only made for a user seen for the first time; the user row keeps its reader id forever, and
// takes the name and picture of a token only if it is not older than the one they came from.
const INSERT_READER = `INSERT INTO readers (id, site_id, created_at)
  SELECT ?1, ?2, ?7 WHERE NOT EXISTS (SELECT 1 FROM sso_users WHERE site_id = ?2 AND subject = ?3)`
const UPSERT_USER = `INSERT INTO sso_users
    (site_id, subject, reader_id, name, avatar_url, name_issued_at, created_at, updated_at)
  VALUES (?2, ?3, ?1, ?4, ?5, ?6, ?7, ?7)
  ON CONFLICT (site_id, subject) DO UPDATE SET name = excluded.name,
    avatar_url = excluded.avatar_url, name_issued_at = excluded.name_issued_at,
    updated_at = excluded.updated_at
  WHERE excluded.name_issued_at >= sso_users.name_issued_at`
const SELECT_USER = `SELECT subject, reader_id, name, avatar_url FROM sso_users
  WHERE site_id = ?1 AND subject = ?2`

export interface SsoUserRow {
  subject: string
  reader_id: string
  name: string
  avatar_url: string | null
}

/**
 * The reader of a publisher user, made on their first sign-in, with the newest name and picture.
 * One transaction, so two devices signing the same user in at once still share one reader.
 */
export async function upsertSsoUser(
  db: D1Database,
  siteId: string,
  user: PublisherUser,
  newReaderId: string,
  now: number
): Promise<SsoUserRow> {
  const params = [newReaderId, siteId, user.subject, user.name, user.avatarUrl, user.issuedAt, now]
  const results = await db.batch<SsoUserRow>([
    db.prepare(INSERT_READER).bind(...params),
    db.prepare(UPSERT_USER).bind(...params),
    db.prepare(SELECT_USER).bind(siteId, user.subject),
  ])
  return results.at(-1)!.results[0]!
}

/** The publisher user a reader is bound to, or null for an anonymous reader. */
export async function ssoUserOfReader(
  db: D1Database,
  siteId: string,
  readerId: string
): Promise<SsoUserRow | null> {
  return db
    .prepare(
      `SELECT subject, reader_id, name, avatar_url FROM sso_users
       WHERE reader_id = ?1 AND site_id = ?2`
    )
    .bind(readerId, siteId)
    .first<SsoUserRow>()
}

/**
 * The reader ids of a publisher user on a site: what a data-subject request (find, export, erase)
 * or a ban names when the publisher knows its user id. One today (every device shares it); a list
 * so callers need not change if that ever does. Erasing the user also means deleting their
 * sso_users row (deleteSsoUser).
 */
export async function readerIdsOfPublisherUser(
  db: D1Database,
  siteId: string,
  subject: string
): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT reader_id FROM sso_users WHERE site_id = ?1 AND subject = ?2')
    .bind(siteId, subject)
    .all<{ reader_id: string }>()
  return results.map((r) => r.reader_id)
}

/** Forgets the publisher user's name, picture and id (the reader row stays, as for anyone). */
export const deleteSsoUserStatement = (
  db: D1Database,
  siteId: string,
  subject: string
): D1PreparedStatement =>
  db.prepare('DELETE FROM sso_users WHERE site_id = ?1 AND subject = ?2').bind(siteId, subject)
