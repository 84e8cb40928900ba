/** One limit: at most `max` actions per `windowSeconds` for one subject. */
export interface RateLimit {
  /** Whose actions are counted, e.g. "reader:r_…", "network:<hash>", "site". */
  subject: string
  max: number
  windowSeconds: number
}

export type RateLimitResult =
  { allowed: true } | { allowed: false; subject: string; retryAfterSeconds: number }

// Fixed windows: one upsert per limit that resets the count when a new window starts. The limits
// go narrowest first (reader, network, site), and each one counts the attempt only while every
// narrower one still allows it. So a refused attempt counts against the limit that refused it,
// keeping that limit closed while someone hammers it, but never against the wider ones: one
// reader or one network over its own limit cannot use up the limit the whole site shares.
const UPSERT = `INSERT INTO rate_counters (key, window_start, count, expires_at)
  SELECT ?1, ?2, 1, ?3 WHERE %ALLOWED%
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
    window_start = excluded.window_start,
    expires_at = excluded.expires_at
  RETURNING count`

/** ?(n) key, ?(n+1) window start, ?(n+2) max of a narrower limit: "it still allows this one". */
const stillAllows = (n: number) =>
  `EXISTS (SELECT 1 FROM rate_counters
    WHERE key = ?${n} AND window_start = ?${n + 1} AND count <= ?${n + 2})`

/** The upsert of the i-th limit, counting only while the i narrower ones allow (params 4…). */
const consumeSql = (i: number) =>
  UPSERT.replace(
    '%ALLOWED%',
    Array.from({ length: i }, (_, j) => stillAllows(4 + 3 * j)).join(' AND ') || 'true'
  )

/**
 * Counts one `action` on `site` against `limits`, narrowest first, in one batch (one round trip,
 * one transaction), and says whether all of them still allow it.
 */
export async function consumeRateLimits(
  db: D1Database,
  site: string,
  action: string,
  limits: readonly RateLimit[],
  now = Date.now()
): Promise<RateLimitResult> {
  if (limits.length === 0) return { allowed: true }
  const windows = limits.map((limit) => {
    const ms = limit.windowSeconds * 1000
    const start = Math.floor(now / ms) * ms
    return { limit, key: `${site}|${action}|${limit.subject}`, start, end: start + ms }
  })
  const results = await db.batch<{ count: number }>(
    windows.map(({ key, start, end }, i) =>
      db
        .prepare(consumeSql(i))
        .bind(key, start, end, ...windows.slice(0, i).flatMap((w) => [w.key, w.start, w.limit.max]))
    )
  )
  let refused: Extract<RateLimitResult, { allowed: false }> | null = null
  for (const [i, { limit, end }] of windows.entries()) {
    // No row: a narrower limit refused first, and this one was not counted.
    const count = results[i]?.results[0]?.count ?? 0
    const retryAfterSeconds = Math.max(1, Math.ceil((end - now) / 1000))
    if (count > limit.max && (!refused || retryAfterSeconds > refused.retryAfterSeconds)) {
      refused = { allowed: false, subject: limit.subject, retryAfterSeconds }
    }
  }
  return refused ?? { allowed: true }
}

/** Deletes counters whose window has ended. */
export function purgeExpiredCounters(db: D1Database, now = Date.now()): D1PreparedStatement {
  return db.prepare('DELETE FROM rate_counters WHERE expires_at <= ?1').bind(now)
}
