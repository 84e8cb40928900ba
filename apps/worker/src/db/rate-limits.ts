/** One limit: at most `max` actions per `windowSeconds` for one subject. */
export interface RateLimit {
  /** Whose actions are counted, e.g. "reader:r_…", "network:<hash>", "site". */
  subject: string
  max: number
  windowSeconds: number
}

export type RateLimitResult =
  { allowed: true } | { allowed: false; subject: string; retryAfterSeconds: number }

// Fixed windows: one upsert per limit that resets the count when a new window starts. Refused
// attempts count too, so hammering a limit keeps it closed until the window ends.
const CONSUME = `INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES (?1, ?2, 1, ?3)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
    window_start = excluded.window_start,
    expires_at = excluded.expires_at
  RETURNING count`

/**
 * Counts one `action` on `site` against every limit in one batch (one round trip, one
 * transaction), and says whether all of them still allow it.
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
    return { limit, start, end: start + ms }
  })
  const results = await db.batch<{ count: number }>(
    windows.map(({ limit, start, end }) =>
      db.prepare(CONSUME).bind(`${site}|${action}|${limit.subject}`, start, end)
    )
  )
  let refused: Extract<RateLimitResult, { allowed: false }> | null = null
  for (const [i, { limit, end }] of windows.entries()) {
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
