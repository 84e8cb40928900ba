import { COUNTS_THREADS_MAX, CountsSchema, REPORT_NOTE_MAX, ReportSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  commentPath,
  commentRow,
  createSites,
  expectBody,
  expectError,
  newReader,
  OTHER_SITE,
  postComment,
  queryPlan,
  SITE,
} from './helpers.ts'

let token: string

const report = (id: string, json: unknown, as = token) =>
  api(`${commentPath(id)}/reports`, { method: 'POST', token: as, json })

beforeAll(async () => {
  await createSites()
  token = (await newReader()).token
})

describe('POST /v1/sites/:site/comments/:comment/reports', () => {
  it('files one report per reader and counts them', async () => {
    const comment = await postComment(token, 'reports')
    const before = Date.now()
    const filed = await expectBody(
      await report(comment.id, { reason: 'abuse', note: '  Targets a\u200B group ' }),
      201,
      ReportSchema
    )
    expect(filed.reason).toBe('abuse')
    expect(Date.parse(filed.createdAt)).toBeGreaterThanOrEqual(before - 1000)
    const stored = await env.DB.prepare('SELECT reason, note FROM reports WHERE comment_id = ?1')
      .bind(comment.id)
      .first()
    expect(stored).toEqual({ reason: 'abuse', note: 'Targets a group' })

    await expectError(await report(comment.id, { reason: 'spam' }), 409, 'already_reported')
    const other = await newReader()
    await expectBody(
      await report(comment.id, { reason: 'off_topic' }, other.token),
      201,
      ReportSchema
    )
    expect(await commentRow(comment.id)).toMatchObject({ report_count: 2 })
  })

  it('files exactly one report when the same reader sends five at once', async () => {
    const comment = await postComment(token, 'reports-race')
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => report(comment.id, { reason: 'spam' }))
    )
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409])
    expect(await commentRow(comment.id)).toMatchObject({ report_count: 1 })
  })

  it.each([
    ['an unknown reason', { reason: 'boring' }, ['body.reason']],
    ['a missing reason', { note: 'x' }, ['body.reason']],
    [
      'a note over the limit',
      { reason: 'other', note: 'x'.repeat(REPORT_NOTE_MAX + 1) },
      ['body.note'],
    ],
  ])('rejects %s with 400 naming the field', async (_, json, paths) => {
    const comment = await postComment(token, 'reports-invalid')
    await expectError(await report(comment.id, json), 400, 'invalid_input', paths)
  })

  it('answers 409 comment_deleted for a deleted placeholder', async () => {
    const comment = await postComment(token, 'reports-deleted')
    await postComment(token, 'reports-deleted', { parentId: comment.id })
    await api(commentPath(comment.id), { method: 'DELETE', token })
    await expectError(await report(comment.id, { reason: 'spam' }), 409, 'comment_deleted')
  })
})

describe('GET /v1/sites/:site/counts', () => {
  const counts = async (threads: string, site = SITE) =>
    (await expectBody(await api(`/v1/sites/${site}/counts?threads=${threads}`), 200, CountsSchema))
      .counts

  it('answers the visible comments of each thread, 0 for unknown ones, replies included', async () => {
    const top = await postComment(token, 'counted-a')
    await postComment(token, 'counted-a', { parentId: top.id })
    await postComment(token, 'counted-b')
    expect(await counts('counted-a,counted-b,never-commented')).toEqual({
      'counted-a': 2,
      'counted-b': 1,
      'never-commented': 0,
    })
    await api(commentPath(top.id), { method: 'DELETE', token })
    expect(await counts('counted-a')).toEqual({ 'counted-a': 1 })
  })

  it("counts only this site's threads", async () => {
    await postComment(token, 'site-only')
    expect(await counts('site-only', OTHER_SITE)).toEqual({ 'site-only': 0 })
  })

  it('accepts keys with slashes and repeats, answering each once', async () => {
    await postComment(token, '2026/11/debate')
    expect(await counts(`${encodeURIComponent('2026/11/debate')},2026/11/debate`)).toEqual({
      '2026/11/debate': 1,
    })
  })

  it.each([
    ['no threads parameter', ''],
    ['an empty list', '?threads=,,'],
    ['a key with a space', '?threads=a%20b'],
    [
      `more than ${COUNTS_THREADS_MAX} threads`,
      `?threads=${Array.from({ length: COUNTS_THREADS_MAX + 1 }, (_, i) => `t${i}`).join(',')}`,
    ],
  ])('rejects %s with 400 naming query.threads', async (_, query) => {
    const res = await api(`/v1/sites/${SITE}/counts${query}`)
    const body = await expectError(res, 400, 'invalid_input')
    expect(body.error.issues?.[0]?.path).toMatch(/^query\.threads/)
  })
})

describe('query plans of the thread statistics', () => {
  it('counts threads by their unique key and languages from an index, without sorting', async () => {
    const counts = await queryPlan(
      `SELECT key, comment_count FROM threads
       WHERE site_id = ?1 AND key IN (SELECT value FROM json_each(?2))`,
      SITE,
      '["a"]'
    )
    expect(counts).toMatch(
      /SEARCH threads USING INDEX sqlite_autoindex_threads_1 \(site_id=\? AND key=\?\)/
    )
    const languages = await queryPlan(
      `SELECT lang, COUNT(*) AS count FROM comments
       WHERE thread_id = ?1 AND parent_id IS NULL AND lang IS NOT NULL AND status = 'published'
       GROUP BY lang`,
      1
    )
    expect(languages).toMatch(/SEARCH comments USING COVERING INDEX comments_top_lang \(/)
    expect(languages).not.toMatch(/TEMP B-TREE/)
  })
})
