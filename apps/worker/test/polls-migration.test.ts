import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { castBallot } from '../src/db/ballots.ts'
import { readPollState } from '../src/db/polls.ts'

// Migration 0006 on a database that holds data of the old model: one row per vote in `votes`.
const db = (env as unknown as { MIGRATION_TEST_DB: D1Database }).MIGRATION_TEST_DB

describe('migration 0006_polls_v2', () => {
  it('carries every old vote over as a one-option ballot, with exact counters', async () => {
    await applyD1Migrations(
      db,
      env.TEST_MIGRATIONS.filter((m) => m.name < '0006')
    )
    await db.batch([
      db.prepare("INSERT INTO sites (id, name, created_at) VALUES ('old', 'Old', 1)"),
      db.prepare(
        "INSERT INTO polls (id, site_id, key, question, created_at) VALUES (1, 'old', 'p', 'Q?', 5)"
      ),
      db.prepare(
        "INSERT INTO poll_options (id, poll_id, label, position) VALUES (11, 1, 'Yes', 0), (12, 1, 'No', 1)"
      ),
      db.prepare(
        `INSERT INTO votes (poll_id, reader_id, option_id, created_at, updated_at) VALUES
           (1, 'r_aaaaaaaaaa', 11, 10, 10), (1, 'r_bbbbbbbbbb', 12, 20, 30), (1, 'r_cccccccccc', 12, 40, 40)`
      ),
    ])

    await applyD1Migrations(db, env.TEST_MIGRATIONS)

    const ballots = await db
      .prepare('SELECT reader_id, created_at, updated_at FROM ballots ORDER BY reader_id')
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

    // And the migrated ballots behave like new ones.
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
