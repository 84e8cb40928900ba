import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { putSiteSettings } from '../src/db/settings.ts'
import { utcDay } from '../src/lib/network.ts'
import worker from '../src/index.ts'
import { runRetention } from '../src/scheduled.ts'
import { fileAppeal, noticeOn, decideNotice, removeByNotice } from './dsa-helpers.ts'
import { byNewReader, commentRow, createSites, OTHER_SITE, SITE } from './helpers.ts'
import { insertBan } from './moderation-helpers.ts'
import { report } from './privacy-helpers.ts'
import { readerToken, vote, createPoll } from './polls-helpers.ts'

// The daily clean-up (src/scheduled.ts): what a site keeps only for privacy.retentionDays, and
// what nobody keeps past its use (ended rate-limit windows, old network salts).

const DAY = 24 * 60 * 60 * 1000
const NETWORK = { 'cf-connecting-ip': '203.0.113.77' }

beforeAll(async () => {
  await createSites()
  // SITE keeps data 30 days (the default), OTHER_SITE 90.
  await putSiteSettings(env.DB, OTHER_SITE, { privacy: { retentionDays: 90 } })
})

/** Moves a row's times back, as if it had been written `days` ago. */
async function age(table: string, where: string, id: string, columns: string[], days: number) {
  const set = columns.map((c) => `${c} = ${c} - ${days * DAY}`).join(', ')
  await env.DB.prepare(`UPDATE ${table} SET ${set} WHERE ${where} = ?1`).bind(id).run()
}

/** Runs the Worker's scheduled handler as the cron trigger would, at `now`. */
async function cron(now: number) {
  const controller = createScheduledController({ scheduledTime: now, cron: '17 3 * * *' })
  const ctx = createExecutionContext()
  await worker.scheduled(controller, env, ctx)
  await waitOnExecutionContext(ctx)
}

describe('the scheduled retention clean-up', () => {
  it('is the Worker’s scheduled handler and clears exactly what is past each site’s period', async () => {
    const old = await byNewReader('retention', { text: 'Old comment' }, NETWORK)
    const fresh = await byNewReader('retention', { text: 'Fresh comment' }, NETWORK)
    const otherSite = await byNewReader('retention', { text: 'Kept 90 days' }, NETWORK, OTHER_SITE)
    for (const c of [old, fresh, otherSite]) {
      expect((await commentRow(c.comment.id))!.network_hash).not.toBeNull()
    }
    await env.DB.prepare('UPDATE comments SET idempotency_key = ?2 WHERE id = ?1')
      .bind(old.comment.id, 'key-old')
      .run()
    await age('comments', 'id', old.comment.id, ['created_at'], 31)
    await age('comments', 'id', otherSite.comment.id, ['created_at'], 31)

    // A report note 31 days old and one from today.
    const reporter = (await byNewReader('retention-reports')).reader
    expect((await report(old.comment.id, reporter.token, 'old note')).status).toBe(201)
    expect((await report(fresh.comment.id, reporter.token, 'fresh note')).status).toBe(201)
    await env.DB.prepare(
      `UPDATE reports SET created_at = created_at - ${31 * DAY} WHERE comment_id = ?1`
    )
      .bind(old.comment.id)
      .run()

    // A notice decided 31 days ago, one decided today, one still open (old but undecided).
    const decided = await noticeOn(old.comment.id)
    expect(
      (await decideNotice(decided.id, { action: 'dismiss', statement: 'Lawful criticism.' })).status
    ).toBe(200)
    await age('notices', 'id', decided.id, ['created_at', 'decided_at'], 31)
    const open = await noticeOn(fresh.comment.id)
    await age('notices', 'id', open.id, ['created_at'], 31)

    // An appeal decided 31 days ago.
    const appealed = await byNewReader('retention-appeals')
    await removeByNotice(appealed.comment.id)
    expect((await fileAppeal(appealed.comment.id, appealed.reader.token, 'Please')).status).toBe(
      201
    )
    await env.DB.prepare(
      `UPDATE appeals SET status = 'upheld', decision = 'Stands', decided_at = ?2 WHERE comment_id = ?1`
    )
      .bind(appealed.comment.id, Date.now() - 31 * DAY)
      .run()

    // Bans: one lifted 31 days ago, one expired 31 days ago, one for good, one lifted yesterday.
    const now = Date.now()
    const lifted = await insertBan({ kind: 'reader', subject: 'r_liftedlongago' })
    const expired = await insertBan({ kind: 'network', subject: 'hash-expired' })
    const forGood = await insertBan({ kind: 'reader', subject: 'r_bannedforgood' })
    const recent = await insertBan({ kind: 'reader', subject: 'r_liftedrecently' })
    await env.DB.prepare('UPDATE bans SET lifted_at = ?2 WHERE id = ?1')
      .bind(lifted, now - 31 * DAY)
      .run()
    await env.DB.prepare('UPDATE bans SET expires_at = ?2 WHERE id = ?1')
      .bind(expired, now - 31 * DAY)
      .run()
    await env.DB.prepare('UPDATE bans SET lifted_at = ?2 WHERE id = ?1')
      .bind(recent, now - DAY)
      .run()

    // Rate-limit windows (votes hash the network under today's salt) and yesterday's salt.
    const poll = await createPoll({ key: 'retention-poll', question: 'Q?', options: ['A', 'B'] })
    expect((await vote(poll.id, [poll.options[0]!.id], await readerToken(), NETWORK)).status).toBe(
      200
    )
    await env.DB.prepare(
      `INSERT INTO rate_counters (key, window_start, count, expires_at)
       VALUES ('news|vote|reader:r_ended', 0, 1, ?1)`
    )
      .bind(now - 1)
      .run()
    await env.DB.prepare(
      `INSERT INTO network_salts (day, salt, created_at) VALUES (?1, 'old-salt', ?2)`
    )
      .bind(utcDay(now - DAY), now - DAY)
      .run()

    await cron(now)

    const comment = (id: string) => commentRow(id)
    expect(await comment(old.comment.id)).toMatchObject({
      network_hash: null,
      idempotency_key: null,
    })
    expect((await comment(old.comment.id))!.text).toBe('Old comment')
    expect((await comment(fresh.comment.id))!.network_hash).not.toBeNull()
    // 31 days is within OTHER_SITE's 90.
    expect((await comment(otherSite.comment.id))!.network_hash).not.toBeNull()

    const notes = await env.DB.prepare(
      'SELECT comment_id, note, reason FROM reports WHERE reader_id = ?1 ORDER BY note'
    )
      .bind(reporter.readerId)
      .all<{ comment_id: string; note: string | null; reason: string }>()
    expect(notes.results).toEqual(
      expect.arrayContaining([
        { comment_id: old.comment.id, note: null, reason: 'abuse' },
        { comment_id: fresh.comment.id, note: 'fresh note', reason: 'abuse' },
      ])
    )

    const notice = (id: string) =>
      env.DB.prepare('SELECT reporter_name, reporter_email, law FROM notices WHERE id = ?1')
        .bind(id)
        .first()
    expect(await notice(decided.id)).toMatchObject({ reporter_name: '', reporter_email: '' })
    expect((await notice(decided.id))!.law).not.toBe('')
    expect(await notice(open.id)).toMatchObject({ reporter_email: 'eva@example.org' })

    const appeal = await env.DB.prepare('SELECT text, decision FROM appeals WHERE comment_id = ?1')
      .bind(appealed.comment.id)
      .first()
    expect(appeal).toEqual({ text: '', decision: 'Stands' })

    const subjects = await env.DB.prepare(
      'SELECT id, subject FROM bans WHERE id IN (?1, ?2, ?3, ?4)'
    )
      .bind(lifted, expired, forGood, recent)
      .all<{ id: string; subject: string }>()
    expect(Object.fromEntries(subjects.results.map((r) => [r.id, r.subject]))).toEqual({
      [lifted]: '',
      [expired]: '',
      [forGood]: 'r_bannedforgood',
      [recent]: 'r_liftedrecently',
    })

    const counters = await env.DB.prepare('SELECT key FROM rate_counters').all<{ key: string }>()
    expect(counters.results.map((r) => r.key)).not.toContain('news|vote|reader:r_ended')
    expect(counters.results.some((r) => r.key.includes('|network:'))).toBe(true)
    const salts = await env.DB.prepare('SELECT day FROM network_salts').all<{ day: string }>()
    expect(salts.results.map((r) => r.day)).toEqual([utcDay(now)])
  })

  it('works in bounded batches and drains a backlog over passes', async () => {
    const readers = []
    for (let i = 0; i < 5; i++) readers.push(await byNewReader('retention-batches', {}, NETWORK))
    for (const r of readers) await age('comments', 'id', r.comment.id, ['created_at'], 400)
    const backlog = async () => {
      const row = await env.DB.prepare(
        `SELECT COUNT(*) AS n FROM comments WHERE site_id = ?1 AND created_at < ?2
           AND (network_hash IS NOT NULL OR idempotency_key IS NOT NULL)`
      )
        .bind(SITE, Date.now() - 30 * DAY)
        .first<{ n: number }>()
      return row!.n
    }
    const before = await backlog()
    expect(before).toBeGreaterThanOrEqual(5)
    const one = await runRetention(env.DB, Date.now(), { limit: 2, passes: 1 })
    expect(one.sites[SITE]!.comments).toBe(2)
    expect(await backlog()).toBe(before - 2)
    const rest = await runRetention(env.DB, Date.now(), { limit: 2, passes: 10 })
    expect(rest.sites[SITE]!.comments).toBe(before - 2)
    expect(await backlog()).toBe(0)
    for (const r of readers) expect((await commentRow(r.comment.id))!.network_hash).toBeNull()
    // Nothing left to do: a third run clears nothing.
    expect((await runRetention(env.DB, Date.now())).sites[SITE]).toEqual({
      comments: 0,
      reportNotes: 0,
      notices: 0,
      appeals: 0,
      bans: 0,
    })
  })
})
