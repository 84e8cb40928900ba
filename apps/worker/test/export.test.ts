import {
  ADMIN_ROUTES,
  ImportResultSchema,
  SiteExportSchema,
  type Reader,
  type SiteExport,
} from '@parley/core'
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { putSite } from '../src/db/sites.ts'
import { admin, ADMIN_TOKEN, createKey, sitePath } from './admin-helpers.ts'
import { addResponse, createExpert } from './experts-helpers.ts'
import { callWith } from './fault-db.ts'
import {
  api,
  commentPath,
  createSites,
  expectBody,
  expectError,
  getPage,
  newReader,
  OTHER_SITE,
  postComment,
  setModeration,
  SITE,
  SITE_ORIGIN,
} from './helpers.ts'
import { moderated } from './moderation-helpers.ts'
import { createPoll, vote } from './polls-helpers.ts'

// A site full of data goes out as one document, into an empty database (MIGRATION_TEST_DB, with
// every migration applied) and out again: the two documents are the same.

const empty = (env as unknown as { MIGRATION_TEST_DB: D1Database }).MIGRATION_TEST_DB
const THREAD = '2026/debate'
const exportPath = (site = SITE) => sitePath(ADMIN_ROUTES.siteExport, {}, site)
const importPath = (site = SITE) => sitePath(ADMIN_ROUTES.siteImport, {}, site)

let readers: Reader[]
let original: SiteExport

const react = (id: string, emoji: string, token: string) =>
  api(`${commentPath(id)}/reaction`, { method: 'PUT', token, json: { emoji } })

async function fill(): Promise<void> {
  readers = await Promise.all([newReader(), newReader(), newReader()])
  const [r1, r2, r3] = readers.map((r) => r.token) as [string, string, string]
  const thread = await admin(sitePath(ADMIN_ROUTES.thread, { thread: THREAD }), {
    method: 'PUT',
    json: { title: 'The debate', settings: { reactions: ['👍', '❤️'] } },
  })
  expect(thread.status, await thread.clone().text()).toBe(201)
  const stance = await createPoll({
    key: 'stance',
    question: 'Agree?',
    options: ['Yes', 'No'],
    thread: THREAD,
  })
  const multi = await createPoll({
    key: 'multi',
    question: 'Which?',
    options: ['A', 'B', 'C'],
    kind: 'multiple',
    maxChoices: 2,
  })
  const [yes, no] = stance.options.map((o) => o.id) as [string, string]
  const [a, b, c] = multi.options.map((o) => o.id) as [string, string, string]
  for (const [poll, choice, token] of [
    ['stance', [yes], r1],
    ['stance', [no], r2],
    ['multi', [a, c], r1],
    ['multi', [b], r3],
  ] as const) {
    expect((await vote(poll, [...choice], token)).status).toBe(200)
  }

  const first = await postComment(r1, THREAD, { text: 'I think this is right, for many reasons.' })
  const french = await postComment(r2, THREAD, {
    text: 'Je ne suis pas du tout d’accord avec cette idée, elle est dangereuse.',
  })
  await postComment(r3, THREAD, { text: 'Ik ben het er helemaal mee eens, goed gezegd.' })
  const reply = await postComment(r2, THREAD, { text: 'Why?', parentId: first.id })
  await postComment(r3, THREAD, { text: 'Because.', parentId: reply.id })
  await postComment(r3, 'other/thread', { text: 'Elsewhere.' })
  expect((await react(first.id, '👍', r2)).status).toBe(200)
  expect((await react(first.id, '❤️', r3)).status).toBe(200)
  expect((await react(french.id, '👍', r1)).status).toBe(200)
  const edit = await api(commentPath(first.id), {
    method: 'PATCH',
    token: r1,
    json: { text: 'I think this is right, for several reasons.' },
  })
  expect(edit.status).toBe(200)
  const report = await api(`${commentPath(french.id)}/reports`, {
    method: 'POST',
    token: r3,
    json: { reason: 'abuse', note: 'Too harsh' },
  })
  expect(report.status).toBe(201)
  expect(
    (
      await admin(sitePath(ADMIN_ROUTES.commentPin, { comment: first.id }), {
        method: 'PUT',
        json: { pinned: true },
      })
    ).status
  ).toBe(200)
  await setModeration({ mode: 'pre' })
  await postComment(r1, THREAD, { text: 'Held for review.' }).catch(() => undefined)
  await setModeration({ mode: 'post' })
  const rude = await postComment(r3, THREAD, { text: 'Something a moderator removes.' })
  await moderated(rude.id, 'reject', { reason: 'harassment', statement: 'Insults another reader.' })
  // The author deletes a comment with replies: a placeholder stays.
  expect((await api(commentPath(reply.id), { method: 'DELETE', token: r2 })).status).toBe(200)
  const expert = await createExpert({ name: 'Dr Expert' })
  await createExpert({ name: 'Archived One' })
  await addResponse(first.id, expert.id, 'An **expert** answer.')
}

async function exportOf(db: D1Database, site = SITE): Promise<SiteExport> {
  const res = await callWith(db, exportPath(site), { method: 'GET', token: ADMIN_TOKEN })
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="parley-/)
  return expectBody(res, 200, SiteExportSchema)
}

const importInto = (db: D1Database, doc: unknown, site = SITE, token = ADMIN_TOKEN) =>
  callWith(db, importPath(site), { method: 'POST', token, json: doc })

const withoutTime = ({ exportedAt: _, ...doc }: SiteExport) => doc

beforeAll(async () => {
  await createSites()
  await fill()
  await applyD1Migrations(empty, env.TEST_MIGRATIONS)
  await putSite(empty, { id: SITE, name: 'Placeholder', allowedOrigins: [] })
  await putSite(empty, { id: OTHER_SITE, name: 'Blog', allowedOrigins: [] })
  original = await exportOf(env.DB)
})

describe('GET /v1/admin/sites/:site/export', () => {
  it('holds every kind of data of the site', () => {
    expect(original.format).toBe('parley-site-export')
    expect(original.site).toMatchObject({ id: SITE, allowedOrigins: [SITE_ORIGIN] })
    expect(original.threads.map((t) => t.key).sort()).toEqual([THREAD, 'other/thread'])
    const statuses = original.comments.map((c) => c.status)
    expect(statuses).toEqual(expect.arrayContaining(['published', 'pending', 'removed']))
    expect(original.comments.some((c) => c.deletedAt !== null)).toBe(true)
    expect(original.comments.some((c) => c.pinnedAt !== null)).toBe(true)
    expect(original.comments.some((c) => c.revisions.length === 1)).toBe(true)
    expect(original.comments.some((c) => c.stance?.poll === 'stance')).toBe(true)
    expect(original.comments.some((c) => c.reports.length === 1)).toBe(true)
    expect(new Set(original.comments.map((c) => c.lang)).size).toBeGreaterThanOrEqual(3)
    const multi = original.polls.find((p) => p.key === 'multi')!
    expect(multi.options.map((o) => o.votes)).toEqual([1, 1, 1])
    expect(multi.ballots.map((b) => b.positions)).toEqual(expect.arrayContaining([[0, 2], [1]]))
    expect(original.experts).toHaveLength(2)
    expect(original.expertResponses).toHaveLength(1)
  })

  it('names readers by pseudonyms only, the same one for every row of a reader', () => {
    const text = JSON.stringify(original)
    for (const reader of readers) expect(text).not.toContain(reader.readerId)
    const r1 = original.polls.find((p) => p.key === 'stance')!.ballots[0]!.reader
    const authored = original.comments.filter((c) => c.author === r1)
    expect(authored.length).toBeGreaterThanOrEqual(2)
    expect(original.polls.find((p) => p.key === 'multi')!.ballots.map((b) => b.reader)).toContain(
      r1
    )
  })

  it('is for admins: a moderator key gets 403', async () => {
    const moderator = await createKey('moderator')
    await expectError(await admin(exportPath(), { token: moderator.key }), 403, 'forbidden')
  })
})

describe('POST /v1/admin/sites/:site/import', () => {
  it('fills an empty site of an empty database, and exporting it gives the same document', async () => {
    const result = await expectBody(await importInto(empty, original), 201, ImportResultSchema)
    expect(result).toMatchObject({ site: SITE, comments: original.comments.length, polls: 2 })
    const again = await exportOf(empty)
    expect(withoutTime(again)).toEqual(withoutTime(original))

    // And the imported site serves the same pages.
    const page = await callWith(
      empty,
      `/v1/sites/${SITE}/threads/${encodeURIComponent(THREAD)}/comments?sort=top`,
      {
        method: 'GET',
      }
    )
    const expected = await getPage(THREAD, { sort: 'top' })
    expect((await page.json()) as unknown).toEqual(JSON.parse(JSON.stringify(expected)))
  })

  it('refuses a site that has data with 409 conflict', async () => {
    await expectError(await importInto(empty, original), 409, 'conflict')
  })

  it('refuses ids that exist in the database already with 409, writing nothing', async () => {
    await expectError(await importInto(empty, original, OTHER_SITE), 409, 'conflict')
    const row = await empty
      .prepare('SELECT COUNT(*) AS n FROM threads WHERE site_id = ?1')
      .bind(OTHER_SITE)
      .first<{ n: number }>()
    expect(row?.n).toBe(0)
  })

  it('refuses a document whose references do not hold, naming the fields', async () => {
    const broken = structuredClone(original)
    broken.comments[broken.comments.length - 1]!.parentId = 'c_nosuchcomment00'
    broken.expertResponses[0]!.expertId = 'x_nosuchexpert00'
    const body = await expectError(
      await importInto(empty, broken, OTHER_SITE),
      400,
      'invalid_input'
    )
    expect(body.error.issues?.map((i) => i.path)).toEqual([
      `body.comments.${broken.comments.length - 1}.parentId`,
      'body.expertResponses.0.expertId',
    ])
  })

  it('refuses a document of another format or version', async () => {
    const res = await importInto(empty, { ...original, version: 2 }, OTHER_SITE)
    await expectError(res, 400, 'invalid_input', ['body.version'])
  })

  it('is for the owner: an admin key of the site gets 403', async () => {
    const key = await createKey('admin')
    await expectError(await importInto(env.DB, original, SITE, key.key), 403, 'forbidden')
  })
})
