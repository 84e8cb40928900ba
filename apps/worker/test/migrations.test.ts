import { applyD1Migrations, type D1Migration } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { castBallot } from '../src/db/ballots.ts'
import { readPollState } from '../src/db/polls.ts'

// Migrations only move forward, and each keeps the data already there. The test applies them one
// at a time to an empty database (MIGRATION_TEST_DB); before migration N it writes rows that are
// valid for the schema N-1 left behind. After the last one, every row written is still there with
// every value it was written with, unless TRANSFORMED below says what a migration does to it on
// purpose. A migration added later runs on all of these rows too.

const db = (env as unknown as { MIGRATION_TEST_DB: D1Database }).MIGRATION_TEST_DB
const MIGRATIONS: D1Migration[] = env.TEST_MIGRATIONS

/** Rows written before the migration whose number prefixes the key: SQL valid for the schema before it. */
const SEEDS: Record<string, string[]> = {
  '0002': [
    "INSERT INTO sites (id, name, allowed_origins, created_at) VALUES ('old', 'Old', '[\"https://old.example\"]', 1)",
    "INSERT INTO readers (id, site_id, created_at) VALUES ('r_aaaaaaaaaa', 'old', 2), ('r_bbbbbbbbbb', 'old', 3), ('r_cccccccccc', 'old', 4)",
  ],
  '0003': [
    "INSERT INTO threads (id, site_id, key, title, comment_count, created_at) VALUES (1, 'old', 'page/1', 'Page', 2, 10)",
    `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id, author_name, text, lang, idempotency_key, created_at) VALUES
      ('c_top0000001', 1, 'old', NULL, 'c_top0000001', 0, 'r_aaaaaaaaaa', 'Ada', 'First', 'en', 'k1', 11),
      ('c_reply00001', 1, 'old', 'c_top0000001', 'c_top0000001', 1, 'r_bbbbbbbbbb', 'Bo', 'Réponse', 'fr', NULL, 12)`,
    "INSERT INTO reactions (comment_id, reader_id, emoji, created_at) VALUES ('c_top0000001', 'r_bbbbbbbbbb', '👍', 13), ('c_top0000001', 'r_cccccccccc', '❤️', 14)",
  ],
  '0004': [
    "INSERT INTO polls (id, site_id, key, thread_id, question, created_at) VALUES (1, 'old', 'p', 1, 'Q?', 5)",
    "INSERT INTO poll_options (id, poll_id, label, position) VALUES (11, 1, 'Yes', 0), (12, 1, 'No', 1)",
    `INSERT INTO votes (poll_id, reader_id, option_id, created_at, updated_at) VALUES
      (1, 'r_aaaaaaaaaa', 11, 10, 10), (1, 'r_bbbbbbbbbb', 12, 20, 30), (1, 'r_cccccccccc', 12, 40, 40)`,
  ],
  '0005': [
    `UPDATE sites SET settings = '{"showStances":false}' WHERE id = 'old'`,
    `UPDATE threads SET settings = '{"reactions":["👍"]}' WHERE id = 1`,
    `UPDATE comments SET html = '<p>First</p>', edited_at = 15, badges = '["author"]' WHERE id = 'c_top0000001'`,
    "INSERT INTO comment_revisions (comment_id, text, replaced_at, editor) VALUES ('c_top0000001', 'Frist', 15, 'author')",
    "INSERT INTO reports (comment_id, reader_id, reason, note, created_at) VALUES ('c_reply00001', 'r_cccccccccc', 'abuse', 'Rude', 16)",
  ],
  '0006': [
    "INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES ('vote|old|reader|r_a', 100, 3, 200)",
    "INSERT INTO network_salts (day, salt, created_at) VALUES ('2026-11-29', 'salt', 17)",
  ],
  '0007': [
    `INSERT INTO polls (id, site_id, key, question, created_at, kind, max_choices, opens_at, closes_at, results_visibility, allow_vote_change, updated_at)
      VALUES (2, 'old', 'multi', 'Which?', 18, 'multiple', 2, 19, 99999, 'after_vote', 0, 20)`,
    "INSERT INTO poll_options (id, poll_id, label, position, hidden) VALUES (21, 2, 'A', 0, 0), (22, 2, 'B', 1, 1), (23, 2, 'C', 2, 0)",
    "INSERT INTO ballots (id, poll_id, reader_id, created_at, updated_at) VALUES (100, 2, 'r_aaaaaaaaaa', 21, 22)",
    'INSERT INTO votes (ballot_id, poll_id, option_id) VALUES (100, 2, 21), (100, 2, 23)',
  ],
  '0008': [
    `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id, author_name, text, created_at, stance_option_id)
      VALUES ('c_stance0001', 1, 'old', NULL, 'c_stance0001', 0, 'r_bbbbbbbbbb', 'Bo', 'No!', 23, 12)`,
  ],
  '0009': [
    `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id, author_name, text, created_at, status, moderation, reviewed_at, removal, pinned_at, network_hash)
      VALUES ('c_removed001', 1, 'old', NULL, 'c_removed001', 0, 'r_cccccccccc', 'Cy', 'Rude', 24, 'removed', '{"score":2}', 25, '{"reason":"abuse","statement":"No.","at":25}', NULL, 'nh')`,
    "UPDATE comments SET pinned_at = 26 WHERE id = 'c_top0000001'",
    "INSERT INTO api_keys (id, site_id, name, role, secret_hash, created_by, created_at) VALUES ('k_1', 'old', 'Key', 'admin', 'hash', 'owner', 27)",
    "INSERT INTO audit_log (id, site_id, actor, actor_role, action, target_type, target_id, details, created_at) VALUES (1, 'old', 'owner', 'owner', 'comment.reject', 'comment', 'c_removed001', '{}', 28)",
    "INSERT INTO bans (id, site_id, kind, subject, shadow, reason, created_by, created_at) VALUES ('b_1', 'old', 'reader', 'r_cccccccccc', 0, 'Rude', 'owner', 29)",
    "INSERT INTO notices (id, site_id, comment_id, law, explanation, reporter_name, reporter_email, created_at) VALUES ('n_1', 'old', 'c_reply00001', 'Law', 'Why', 'Ann', 'ann@example.org', 30)",
    "INSERT INTO appeals (comment_id, site_id, reader_id, text, created_at) VALUES ('c_removed001', 'old', 'r_cccccccccc', 'Please', 31)",
    "INSERT INTO experts (id, site_id, name, title, organisation, created_at) VALUES ('x_1', 'old', 'Dr X', 'Prof', 'Uni', 32)",
    "INSERT INTO expert_responses (id, site_id, thread_id, comment_id, expert_id, text, html, status, invitation_id, created_at, updated_at) VALUES ('xr_1', 'old', 1, 'c_top0000001', 'x_1', 'Answer', '<p>Answer</p>', 'published', 'xi_1', 33, 33)",
    "INSERT INTO expert_invitations (id, site_id, comment_id, expert_id, created_by, created_at, expires_at, answered_at) VALUES ('xi_1', 'old', 'c_top0000001', 'x_1', 'owner', 32, 99999, 33)",
  ],
  '0016': [
    // A chain under the first comment: published → pending → published → deleted placeholder →
    // published, with descendant_count as the API kept it before (top-level comments only,
    // placeholders included).
    `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id, author_name, text, created_at, status, deleted_at) VALUES
      ('c_chain00001', 1, 'old', 'c_reply00001', 'c_top0000001', 2, 'r_aaaaaaaaaa', 'Ada', 'Held', 40, 'pending', NULL),
      ('c_chain00002', 1, 'old', 'c_chain00001', 'c_top0000001', 3, 'r_bbbbbbbbbb', 'Bo', 'Below', 41, 'published', NULL),
      ('c_chain00003', 1, 'old', 'c_chain00002', 'c_top0000001', 4, 'r_aaaaaaaaaa', '', '', 42, 'published', 43),
      ('c_chain00004', 1, 'old', 'c_chain00003', 'c_top0000001', 5, 'r_cccccccccc', 'Cy', 'Deep', 44, 'published', NULL)`,
    "UPDATE comments SET descendant_count = 4 WHERE id = 'c_top0000001'",
  ],
}

/** What a row is found by after all migrations, per table. */
const KEYS: Record<string, string[]> = {
  sites: ['id'],
  readers: ['id'],
  threads: ['id'],
  comments: ['id'],
  reactions: ['comment_id', 'reader_id'],
  polls: ['id'],
  poll_options: ['id'],
  comment_revisions: ['comment_id', 'replaced_at'],
  reports: ['comment_id', 'reader_id'],
  rate_counters: ['key'],
  network_salts: ['day'],
  ballots: ['poll_id', 'reader_id'],
  votes: ['ballot_id', 'option_id'],
  api_keys: ['id'],
  audit_log: ['id'],
  bans: ['id'],
  notices: ['id'],
  appeals: ['comment_id'],
  experts: ['id'],
  expert_responses: ['id'],
  expert_invitations: ['id'],
}

/**
 * What a migration does to existing data on purpose: "table.column" of rows written before it.
 * 0004 recounts the counters it adds; 0006 turns one-row votes into ballots (checked apart below).
 */
const TRANSFORMED: Record<string, string[]> = {
  '0006': ['votes.*'],
}

interface Snapshot {
  before: string
  table: string
  row: Record<string, unknown>
}

const tablesOf = (sql: string) =>
  [...sql.matchAll(/^\s*(?:INSERT INTO|UPDATE)\s+(\w+)/gim)].map((m) => m[1]!)

async function snapshot(before: string, statements: string[]): Promise<Snapshot[]> {
  const tables = [...new Set(statements.flatMap(tablesOf))]
  const rows = await Promise.all(
    tables.map(async (table) => {
      const { results } = await db.prepare(`SELECT * FROM ${table}`).all()
      return results.map((row) => ({ before, table, row }))
    })
  )
  return rows.flat()
}

const transformedBy = (snap: Snapshot, applied: string[]) =>
  applied.some((n) => n > snap.before && TRANSFORMED[n]?.includes(`${snap.table}.*`))

describe('migrations', () => {
  it('are numbered, in order, once each', () => {
    const names = MIGRATIONS.map((m) => m.name)
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z0-9_]+\.sql$/)
    const numbers = names.map((n) => n.slice(0, 4))
    expect(new Set(numbers).size, 'a number used twice').toBe(numbers.length)
    expect([...numbers].sort()).toEqual(numbers)
  })

  it('only move forward: no table dropped without its rows copied, no column dropped, no row deleted', () => {
    const problems: string[] = []
    for (const { name, queries } of MIGRATIONS) {
      const sql = queries.join(';\n').replace(/--[^\n]*/g, '')
      for (const [, table] of sql.matchAll(/DROP TABLE\s+(?:IF EXISTS\s+)?(\w+)/gi)) {
        const copied = new RegExp(`INSERT INTO\\s+\\w+[^;]*?\\bFROM\\s+${table}\\b`, 'i').test(sql)
        if (!copied) problems.push(`${name}: DROP TABLE ${table} without copying its rows first`)
      }
      if (/ALTER TABLE[^;]*DROP COLUMN/i.test(sql)) problems.push(`${name}: DROP COLUMN`)
      if (/\bDELETE FROM\b/i.test(sql)) problems.push(`${name}: DELETE FROM`)
      if (/\bDROP TRIGGER\b/i.test(sql) && !/\bCREATE TRIGGER\b/i.test(sql)) {
        problems.push(`${name}: DROP TRIGGER without a replacement`)
      }
    }
    expect(problems).toEqual([])
  })

  it('keep every row written under an older schema, applied one at a time', async () => {
    const snapshots: Snapshot[] = []
    const applied: string[] = []
    for (const migration of MIGRATIONS) {
      const number = migration.name.slice(0, 4)
      const seed = SEEDS[number] ?? []
      if (seed.length > 0) {
        await db.batch(seed.map((sql) => db.prepare(sql)))
        snapshots.push(...(await snapshot(number, seed)))
      }
      await applyD1Migrations(db, [migration])
      applied.push(number)
    }
    expect(
      Object.keys(SEEDS).every((n) => applied.includes(n)),
      'a seed for no migration'
    ).toBe(true)

    const lost: string[] = []
    for (const snap of snapshots) {
      if (transformedBy(snap, applied)) continue
      const keys = KEYS[snap.table]
      expect(keys, `KEYS has no entry for ${snap.table}`).toBeDefined()
      const where = keys!.map((k, i) => `${k} = ?${i + 1}`).join(' AND ')
      const now = await db
        .prepare(`SELECT * FROM ${snap.table} WHERE ${where}`)
        .bind(...keys!.map((k) => snap.row[k]))
        .first()
      const label = `${snap.table} ${keys!.map((k) => String(snap.row[k])).join('/')}`
      if (!now) {
        lost.push(`${label}: gone`)
        continue
      }
      for (const [column, value] of Object.entries(snap.row)) {
        // Counters and ranks that later migrations add or recount are theirs to set.
        if (!(column in now)) lost.push(`${label}: column ${column} gone`)
        else if (now[column] !== value && !isCounter(snap.table, column)) {
          lost.push(`${label}: ${column} ${JSON.stringify(value)} → ${JSON.stringify(now[column])}`)
        }
      }
    }
    expect(lost).toEqual([])

    // 0006: every vote of the old model is a one-option ballot now, with exact counters.
    const ballots = await db
      .prepare(
        'SELECT reader_id, created_at, updated_at FROM ballots WHERE poll_id = 1 ORDER BY reader_id'
      )
      .all()
    expect(ballots.results).toEqual([
      { reader_id: 'r_aaaaaaaaaa', created_at: 10, updated_at: 10 },
      { reader_id: 'r_bbbbbbbbbb', created_at: 20, updated_at: 30 },
      { reader_id: 'r_cccccccccc', created_at: 40, updated_at: 40 },
    ])
    const state = await readPollState(db, { siteId: 'old', key: 'p' }, 'r_bbbbbbbbbb')
    expect(state?.poll).toMatchObject({
      kind: 'single',
      max_choices: 1,
      results_visibility: 'always',
      allow_vote_change: 1,
      voter_count: 3,
      updated_at: 5,
    })
    expect(state?.options.map((o) => [o.id, o.vote_count, o.hidden])).toEqual([
      [11, 1, 0],
      [12, 2, 0],
    ])
    expect(state?.myChoices).toEqual([12])
    // 0004 counted what was there: one reply and two reactions under the first comment.
    const top = await db
      .prepare('SELECT reply_count, descendant_count, reaction_count FROM comments WHERE id = ?1')
      .bind('c_top0000001')
      .first()
    // (descendant_count: 1 then; 0016 counts the chain seeded before it too, see below.)
    expect(top).toEqual({ reply_count: 1, descendant_count: 3, reaction_count: 2 })

    // 0016 recounted descendant_count on every row: published, not deleted, at every depth.
    const { results: descendants } = await db
      .prepare(
        `SELECT id, descendant_count AS n FROM comments
         WHERE id IN ('c_top0000001', 'c_reply00001') OR id LIKE 'c_chain%' ORDER BY id`
      )
      .all()
    expect(descendants).toEqual([
      { id: 'c_chain00001', n: 2 },
      { id: 'c_chain00002', n: 1 },
      { id: 'c_chain00003', n: 1 },
      { id: 'c_chain00004', n: 0 },
      { id: 'c_reply00001', n: 2 },
      { id: 'c_top0000001', n: 3 },
    ])

    // And migrated ballots behave like new ones.
    const changed = await castBallot(db, {
      pollId: 1,
      readerId: 'r_bbbbbbbbbb',
      optionIds: [11],
      now: Date.now(),
    })
    expect(changed.written).toBe(true)
    expect(changed.state?.options.map((o) => o.vote_count)).toEqual([2, 1])
    expect(changed.state?.poll.voter_count).toBe(3)
  })
})

/** Stored counters that migrations (and triggers) recount from the rows. */
function isCounter(table: string, column: string): boolean {
  return (
    (table === 'threads' && column === 'comment_count') ||
    (table === 'comments' && column === 'descendant_count') ||
    (table === 'polls' && column === 'voter_count') ||
    (table === 'poll_options' && column === 'vote_count')
  )
}
