import { POLL_OPTIONS_STORED_MAX, SiteSettingsSchema, ThreadSettingsSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { api } from '../helpers.ts'
import { idsOf, walkThread } from '../tree-walk.ts'

// What must hold in the database whatever requests came before: every stored counter equals a
// recount of its rows (src/db/counters.ts, the 0006 triggers, src/db/reports.ts) and no row
// points at a row that is not there. Each query returns one line per violation; [] is healthy.

const CHECKS: Record<string, string> = {
  'thread comment_count = its published comments that are not deleted placeholders': `
    SELECT 'thread ' || t.site_id || '/' || t.key || ': stored ' || t.comment_count || ', counted ' || n
    FROM (SELECT t.*, (SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id
      AND c.status = 'published' AND c.deleted_at IS NULL) AS n FROM threads t) t
    WHERE t.comment_count <> n`,
  'reply_count = published direct replies': `
    SELECT 'comment ' || id || ': stored ' || reply_count || ', counted ' || n
    FROM (SELECT p.id, p.reply_count, (SELECT COUNT(*) FROM comments r
      WHERE r.parent_id = p.id AND r.status = 'published') AS n FROM comments p)
    WHERE reply_count <> n`,
  // Counted from every (ancestor, comment) pair, not the way src/db/counters.ts recounts.
  'descendant_count = published, not deleted comments at every depth below, for every row': `
    WITH RECURSIVE pairs(ancestor, id) AS (
      SELECT parent_id, id FROM comments WHERE parent_id IS NOT NULL
      UNION ALL
      SELECT c.parent_id, pairs.id FROM pairs JOIN comments c ON c.id = pairs.ancestor
      WHERE c.parent_id IS NOT NULL
    ), counted AS (
      SELECT pairs.ancestor AS id, COUNT(*) AS n FROM pairs JOIN comments d ON d.id = pairs.id
      WHERE d.status = 'published' AND d.deleted_at IS NULL GROUP BY pairs.ancestor
    )
    SELECT 'comment ' || p.id || ': stored ' || p.descendant_count || ', counted ' || IFNULL(n, 0)
    FROM comments p LEFT JOIN counted ON counted.id = p.id
    WHERE p.descendant_count <> IFNULL(n, 0)`,
  'reaction_count and reaction_counts = reaction rows': `
    SELECT 'comment ' || id || ': stored ' || reaction_count || ' ' || reaction_counts
      || ', counted ' || n || ' ' || IFNULL(per, '{}')
    FROM (SELECT c.id, c.reaction_count, c.reaction_counts,
      (SELECT COUNT(*) FROM reactions x WHERE x.comment_id = c.id) AS n,
      (SELECT json_group_object(emoji, k) FROM (SELECT emoji, COUNT(*) AS k FROM reactions x
        WHERE x.comment_id = c.id GROUP BY emoji ORDER BY emoji)) AS per
      FROM comments c)
    WHERE reaction_count <> n OR (SELECT json_group_object(key, value) FROM
      (SELECT key, value FROM json_each(reaction_counts) ORDER BY key)) <> IFNULL(per, '{}')`,
  'report_count = report rows': `
    SELECT 'comment ' || id || ': stored ' || report_count || ', counted ' || n
    FROM (SELECT c.id, c.report_count, (SELECT COUNT(*) FROM reports r WHERE r.comment_id = c.id)
      AS n FROM comments c)
    WHERE report_count > n`,
  'poll option vote_count = vote rows': `
    SELECT 'option ' || id || ': stored ' || vote_count || ', counted ' || n
    FROM (SELECT o.id, o.vote_count, (SELECT COUNT(*) FROM votes v WHERE v.option_id = o.id) AS n
      FROM poll_options o)
    WHERE vote_count <> n`,
  'poll voter_count = ballot rows': `
    SELECT 'poll ' || key || ': stored ' || voter_count || ', counted ' || n
    FROM (SELECT p.key, p.voter_count, (SELECT COUNT(*) FROM ballots b WHERE b.poll_id = p.id)
      AS n FROM polls p)
    WHERE voter_count <> n`,
  'every ballot holds at least one vote, and at most one per stored option': `
    SELECT 'ballot ' || b.id || ' of poll ' || p.key || ': ' || COUNT(v.option_id) || ' votes'
    FROM ballots b JOIN polls p ON p.id = b.poll_id LEFT JOIN votes v ON v.ballot_id = b.id
    GROUP BY b.id HAVING COUNT(v.option_id) = 0 OR COUNT(v.option_id) > ${POLL_OPTIONS_STORED_MAX}`,
  'votes belong to a ballot and an option of the same poll': `
    SELECT 'vote ' || v.ballot_id || '/' || v.option_id FROM votes v
    WHERE NOT EXISTS (SELECT 1 FROM ballots b WHERE b.id = v.ballot_id AND b.poll_id = v.poll_id)
      OR NOT EXISTS (SELECT 1 FROM poll_options o WHERE o.id = v.option_id AND o.poll_id = v.poll_id)`,
  'comments sit in their thread and site, under an existing parent and root': `
    SELECT 'comment ' || c.id FROM comments c
    LEFT JOIN threads t ON t.id = c.thread_id
    LEFT JOIN comments p ON p.id = c.parent_id
    LEFT JOIN comments r ON r.id = c.root_id
    WHERE t.id IS NULL OR t.site_id <> c.site_id OR r.id IS NULL
      OR (c.parent_id IS NOT NULL AND (p.id IS NULL OR p.thread_id <> c.thread_id
        OR p.root_id <> c.root_id OR c.depth <> p.depth + 1))`,
  "a comment's stance is an option of a poll of its thread": `
    SELECT 'comment ' || c.id || ' stance o_' || c.stance_option_id FROM comments c
    WHERE c.stance_option_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM poll_options o
      JOIN polls p ON p.id = o.poll_id WHERE o.id = c.stance_option_id AND p.thread_id = c.thread_id)`,
  'stored JSON columns parse': `
    SELECT 'site ' || id FROM sites WHERE NOT json_valid(settings) OR NOT json_valid(allowed_origins)
    UNION ALL SELECT 'thread ' || id FROM threads WHERE NOT json_valid(settings)
    UNION ALL SELECT 'comment ' || id FROM comments WHERE NOT json_valid(badges)
      OR NOT json_valid(moderation) OR NOT json_valid(reaction_counts)`,
}

/**
 * Rows that must point at an existing row: [table, what names the row, the condition of an
 * orphan]. Declared foreign keys are checked by PRAGMA foreign_key_check as well; these also
 * cover references the schema does not declare.
 */
const ORPHANS: [string, string, string][] = [
  ['reactions', 'comment_id', 'comment_id NOT IN (SELECT id FROM comments)'],
  ['reports', 'comment_id', 'comment_id NOT IN (SELECT id FROM comments)'],
  ['comment_revisions', 'comment_id', 'comment_id NOT IN (SELECT id FROM comments)'],
  ['notices', 'id', 'comment_id NOT IN (SELECT id FROM comments)'],
  ['appeals', 'comment_id', 'comment_id NOT IN (SELECT id FROM comments)'],
  [
    'expert_responses',
    'id',
    'comment_id NOT IN (SELECT id FROM comments) OR expert_id NOT IN (SELECT id FROM experts)',
  ],
  [
    'expert_invitations',
    'id',
    'comment_id NOT IN (SELECT id FROM comments) OR expert_id NOT IN (SELECT id FROM experts)',
  ],
  ['poll_options', 'id', 'poll_id NOT IN (SELECT id FROM polls)'],
  ['polls', 'key', 'thread_id IS NOT NULL AND thread_id NOT IN (SELECT id FROM threads)'],
  ['ballots', 'id', 'poll_id NOT IN (SELECT id FROM polls)'],
  ...['threads', 'comments', 'polls', 'api_keys', 'bans', 'audit_log', 'experts'].map(
    (table): [string, string, string] => [table, 'id', 'site_id NOT IN (SELECT id FROM sites)']
  ),
]
for (const [table, what, orphan] of ORPHANS) {
  CHECKS[`no orphan ${table} (${orphan})`] =
    `SELECT '${table} ' || ${what} FROM ${table} WHERE ${orphan}`
}

/** Every violated invariant, one line each. */
export async function invariantViolations(): Promise<string[]> {
  const names = Object.keys(CHECKS)
  const results = await env.DB.batch(names.map((name) => env.DB.prepare(CHECKS[name]!)))
  const violations = results.flatMap((result, i) =>
    (result.results as Record<string, unknown>[]).map(
      (row) => `${names[i]}: ${String(Object.values(row)[0])}`
    )
  )
  const { results: fk } = await env.DB.prepare('PRAGMA foreign_key_check').all()
  violations.push(...fk.map((row) => `foreign key: ${JSON.stringify(row)}`))
  return [
    ...violations,
    ...(await settingsViolations()),
    ...(await stanceViolations()),
    ...(await reachabilityViolations()),
  ]
}

/**
 * Stored settings still read as the contract says, not through the defaults fallback of
 * src/db/settings.ts: a PATCH is merged into the stored JSON (json_patch), so a partial object it
 * sends must still make a whole setting there.
 */
async function settingsViolations(): Promise<string[]> {
  const [sites, threads] = await env.DB.batch<{ id: string; settings: string }>([
    env.DB.prepare('SELECT id, settings FROM sites'),
    env.DB.prepare(`SELECT site_id || '/' || key AS id, settings FROM threads`),
  ])
  const misfits = (
    rows: { id: string; settings: string }[],
    schema: typeof SiteSettingsSchema | typeof ThreadSettingsSchema,
    what: string
  ) =>
    rows.flatMap(({ id, settings }) => {
      const parsed = schema.safeParse(JSON.parse(settings))
      return parsed.success
        ? []
        : [`${what} ${id} settings misfit the schema: ${parsed.error.issues[0]?.path.join('.')}`]
    })
  return [
    ...misfits(sites!.results, SiteSettingsSchema, 'site'),
    ...misfits(threads!.results, ThreadSettingsSchema, 'thread'),
  ]
}

/**
 * Every published comment that is not a deleted placeholder (whose ancestors all exist) is
 * reachable, once, by an anonymous reader's full walk of its thread (tree-walk.ts): the listing's
 * pages, then the replies route of each top-level comment. A hidden or deleted comment above it
 * is listed as a placeholder, never left out.
 */
async function reachabilityViolations(): Promise<string[]> {
  const { results: threads } = await env.DB.prepare(
    'SELECT t.id, t.site_id, t.key FROM threads t JOIN sites s ON s.id = t.site_id'
  ).all<{ id: number; site_id: string; key: string }>()
  const violations: string[] = []
  for (const thread of threads) {
    const { results } = await env.DB.prepare(
      `SELECT c.id FROM comments c WHERE c.thread_id = ?1 AND c.status = 'published'
         AND c.deleted_at IS NULL
         AND NOT EXISTS (WITH RECURSIVE up(id) AS (
             SELECT c.parent_id WHERE c.parent_id IS NOT NULL
             UNION ALL SELECT a.parent_id FROM comments a JOIN up ON a.id = up.id
             WHERE a.parent_id IS NOT NULL
           ) SELECT 1 FROM up WHERE up.id NOT IN (SELECT id FROM comments))`
    )
      .bind(thread.id)
      .all<{ id: string }>()
    const walked = idsOf(await walkThread(thread.key, { site: thread.site_id }))
    for (const { id } of results) {
      if (walked.get(id) !== 1) {
        violations.push(`comment ${id} of ${thread.key}: reached ${walked.get(id) ?? 0} times`)
      }
    }
  }
  return violations
}

/**
 * GET thread's per-stance counts equal a recount of the published top-level comments of each
 * stance, for every thread with a stance poll (the counts are read from an index, not stored).
 */
async function stanceViolations(): Promise<string[]> {
  const { results: threads } = await env.DB.prepare(
    `SELECT DISTINCT t.site_id, t.key, t.id FROM threads t JOIN polls p ON p.thread_id = t.id
     WHERE p.kind = 'single'`
  ).all<{ site_id: string; key: string; id: number }>()
  const violations: string[] = []
  for (const thread of threads) {
    const res = await api(`/v1/sites/${thread.site_id}/threads/${encodeURIComponent(thread.key)}`)
    const body = (await res.json()) as {
      stances: { counts: Record<string, number> | null } | null
    }
    // null counts: the stance poll withholds its results from this (anonymous) caller.
    if (!body.stances?.counts) continue
    const { results } = await env.DB.prepare(
      `SELECT IFNULL('o_' || stance_option_id, 'none') AS stance, COUNT(*) AS n FROM comments
       WHERE thread_id = ?1 AND parent_id IS NULL AND status = 'published'
       GROUP BY stance_option_id`
    )
      .bind(thread.id)
      .all<{ stance: string; n: number }>()
    const counted = new Map(results.map((row) => [row.stance, row.n]))
    for (const [stance, said] of Object.entries(body.stances.counts)) {
      if (said !== (counted.get(stance) ?? 0)) {
        violations.push(
          `stance ${stance} of ${thread.key}: GET thread says ${said}, rows ${counted.get(stance) ?? 0}`
        )
      }
    }
  }
  return violations
}
