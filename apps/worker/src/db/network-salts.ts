import { encodeBase64Url } from '../lib/base64url.ts'
import { hashNetwork, utcDay } from '../lib/network.ts'

// A salt never changes once written, so each isolate may keep the day's salt in memory.
const cache = new Map<string, string>()

/**
 * Today's salt, created by the first request of the day. Concurrent first requests race on the
 * primary key; every one of them then reads the single winner.
 */
export async function dailySalt(db: D1Database, now = Date.now()): Promise<string> {
  const day = utcDay(now)
  const cached = cache.get(day)
  if (cached) return cached
  const candidate = encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)))
  const [, read] = await db.batch<{ salt: string }>([
    db
      .prepare(
        'INSERT INTO network_salts (day, salt, created_at) VALUES (?1, ?2, ?3) ON CONFLICT (day) DO NOTHING'
      )
      .bind(day, candidate, now),
    db.prepare('SELECT salt FROM network_salts WHERE day = ?1').bind(day),
  ])
  const salt = read?.results[0]?.salt
  if (!salt) throw new Error(`no network salt for ${day}`)
  cache.clear() // yesterday's salt is no longer needed in memory
  cache.set(day, salt)
  return salt
}

/** The network's hash under today's salt, or null when the network is unknown. */
export async function hashedNetwork(
  db: D1Database,
  network: string | null,
  now = Date.now()
): Promise<string | null> {
  return network === null ? null : hashNetwork(network, await dailySalt(db, now))
}

/** Deletes every salt but today's: past hashes become unlinkable to any address. */
export function purgeOldSalts(db: D1Database, now = Date.now()): D1PreparedStatement {
  return db.prepare('DELETE FROM network_salts WHERE day < ?1').bind(utcDay(now))
}
