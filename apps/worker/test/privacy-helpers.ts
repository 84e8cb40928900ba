import { ROUTES, type AdminPoll, type Comment, type ErasureMode } from '@parley/core'
import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import { putSiteSettings } from '../src/db/settings.ts'
import { removeByNotice, fileAppeal } from './dsa-helpers.ts'
import { api, commentPath, newReader, postComment, SITE } from './helpers.ts'
import { expectCountersExact } from './moderation-helpers.ts'
import { createPoll, vote } from './polls-helpers.ts'

// A debate with one reader who did a bit of everything, for the privacy tests: their export and
// their erasure in both modes.

export const mePath = (site = SITE) => ROUTES.readerMe.replace(':site', site)
export const myDataPath = (site = SITE) => ROUTES.readerMeData.replace(':site', site)

export const react = (id: string, emoji: string, token: string) =>
  api(`${commentPath(id)}/reaction`, { method: 'PUT', token, json: { emoji } })
export const report = (id: string, token: string, note: string | null = null) =>
  api(`${commentPath(id)}/reports`, {
    method: 'POST',
    token,
    json: { reason: 'abuse', ...(note && { note }) },
  })

let seq = 0

export interface Debate {
  thread: string
  poll: AdminPoll
  yes: string
  no: string
  /** The reader who will ask for their data; b and c are two others. */
  a: string
  aId: string
  b: string
  c: string
  /** a1 (A, stance Yes) ← b1 (B); a2 (A, edited, reported by B); b2 (B) ← a3 (A); a4 (A) ← a5 (A); a6 (A, removed, appealed). */
  ids: Record<'a1' | 'b1' | 'a2' | 'b2' | 'a3' | 'a4' | 'a5' | 'a6', string>
}

/** Sets the site's erasure mode (privacy.erasure). */
export const setErasure = (mode: ErasureMode, site = SITE) =>
  putSiteSettings(env.DB, site, { privacy: { erasure: mode } })

export async function debate(): Promise<Debate> {
  const thread = `privacy-${++seq}`
  const poll = await createPoll({
    key: `privacy-poll-${seq}`,
    question: 'Should Europe do more in countries of origin?',
    options: ['Yes', 'No'],
    thread,
  })
  const [yes, no] = poll.options.map((o) => o.id) as [string, string]
  const [ra, rb, rc] = await Promise.all([newReader(), newReader(), newReader()])
  const [a, b, c] = [ra.token, rb.token, rc.token]
  for (const [token, option] of [
    [a, yes],
    [b, no],
    [c, yes],
  ] as const) {
    expect((await vote(poll.id, [option], token)).status).toBe(200)
  }
  const post = (token: string, text: string, parentId?: string): Promise<Comment> =>
    postComment(token, thread, { text, authorName: token === a ? 'Ada' : 'Bo', parentId })
  const a1 = await post(a, 'Yes, and the aid should reach women first.')
  const b1 = await post(b, 'Which programmes do you mean?', a1.id)
  const a2 = await post(a, 'Trafficking starts with debt.')
  const b2 = await post(b, 'Borders alone will not stop it.')
  const a3 = await post(a, 'Agreed, borders move the routes.', b2.id)
  const a4 = await post(a, 'One more thought.')
  const a5 = await post(a, 'And a follow-up to myself.', a4.id)
  const a6 = await post(a, 'A comment a moderator will remove.')
  expect(
    (
      await api(commentPath(a2.id), {
        method: 'PATCH',
        token: a,
        json: { text: 'Trafficking starts with a debt.' },
      })
    ).status
  ).toBe(200)
  expect((await react(a1.id, '👍', b)).status).toBe(200)
  expect((await react(b2.id, '❤️', a)).status).toBe(200)
  expect((await react(b2.id, '❤️', c)).status).toBe(200)
  expect((await report(b2.id, a, 'Reads like an advert to me')).status).toBe(201)
  expect((await report(a2.id, b)).status).toBe(201)
  await removeByNotice(a6.id)
  expect((await fileAppeal(a6.id, a, 'It was satire, not incitement.')).status).toBe(201)
  await expectCountersExact()
  return {
    thread,
    poll,
    yes,
    no,
    a,
    aId: ra.readerId,
    b,
    c,
    ids: { a1: a1.id, b1: b1.id, a2: a2.id, b2: b2.id, a3: a3.id, a4: a4.id, a5: a5.id, a6: a6.id },
  }
}

/** Comments whose reaction counters or rank differ from a recount of their rows. */
export async function reactionAndRankMismatches(site = SITE): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT c.id, c.reaction_count, c.report_count, c.rank,
       (SELECT COUNT(*) FROM reactions x WHERE x.comment_id = c.id) AS reactions,
       (SELECT COUNT(*) FROM reports r WHERE r.comment_id = c.id) AS reports,
       c.created_at / 3600000.0 + 48.0 * (2 * c.reply_count + c.reaction_count)
         / (2 * c.reply_count + c.reaction_count + 5.0) AS expected_rank
     FROM comments c WHERE c.site_id = ?1`
  )
    .bind(site)
    .all<{
      id: string
      reaction_count: number
      report_count: number
      rank: number
      reactions: number
      reports: number
      expected_rank: number
    }>()
  return results.flatMap((row) => [
    ...(row.reaction_count !== row.reactions ? [`reactions ${row.id}`] : []),
    ...(row.report_count !== row.reports ? [`reports ${row.id}`] : []),
    ...(Math.abs(row.rank - row.expected_rank) > 1e-9 ? [`rank ${row.id}`] : []),
  ])
}

/** Every row anywhere that still names the reader id. */
export async function rowsNaming(readerId: string): Promise<string[]> {
  const { results: tables } = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'`
  ).all<{ name: string }>()
  const found: string[] = []
  for (const { name } of tables) {
    const { results: columns } = await env.DB.prepare(`SELECT name FROM pragma_table_info(?1)`)
      .bind(name)
      .all<{ name: string }>()
    const where = columns.map((c) => `instr(CAST("${c.name}" AS TEXT), ?1) > 0`).join(' OR ')
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM "${name}" WHERE ${where}`)
      .bind(readerId)
      .first<{ n: number }>()
    if (row!.n > 0) found.push(`${name}: ${row!.n}`)
  }
  return found
}
