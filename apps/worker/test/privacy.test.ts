import { ErasureResultSchema, ReaderDataSchema, type ReaderData } from '@parley/core'
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  commentRow,
  createSites,
  expectBody,
  expectError,
  findInTree,
  getPage,
  getThread,
  OTHER_SITE,
  postComment,
  SITE,
} from './helpers.ts'
import { expectCountersExact } from './moderation-helpers.ts'
import { getPoll } from './polls-helpers.ts'
import {
  debate,
  mePath,
  myDataPath,
  reactionAndRankMismatches,
  rowsNaming,
  setErasure,
  type Debate,
} from './privacy-helpers.ts'

// A reader's own data: GET …/readers/me/data and DELETE …/readers/me (docs/privacy.md).

beforeAll(createSites)
afterEach(() => setErasure('delete'))

const myData = async (token: string) =>
  expectBody(await api(myDataPath(), { token }), 200, ReaderDataSchema.strict())
const eraseMe = async (token: string) =>
  expectBody(await api(mePath(), { method: 'DELETE', token }), 200, ErasureResultSchema)

const pollShares = async (d: Debate) => {
  const poll = await getPoll(d.poll.id)
  return {
    voters: poll.results!.voters,
    options: poll.results!.options.map((o) => [o.votes, o.percent]),
  }
}

describe('GET /v1/sites/:site/readers/me/data', () => {
  it('needs a reader token of the site', async () => {
    await expectError(await api(myDataPath()), 401, 'unauthorized')
    const d = await debate()
    await expectError(await api(myDataPath(OTHER_SITE), { token: d.a }), 401, 'unauthorized')
  })

  it('holds every comment with its history, the vote, reactions, reports and appeals', async () => {
    const d = await debate()
    const data = await myData(d.a)
    expect(data).toMatchObject({ format: 'parley.reader-data', version: 1, site: SITE })
    expect(data.readerId).toBe(d.aId)
    const byId = new Map(data.comments.map((c) => [c.id, c]))
    expect(data.comments.map((c) => c.id)).toEqual([
      d.ids.a1,
      d.ids.a2,
      d.ids.a3,
      d.ids.a4,
      d.ids.a5,
      d.ids.a6,
    ])
    expect(byId.get(d.ids.a1)).toMatchObject({
      thread: d.thread,
      parentId: null,
      authorName: 'Ada',
      text: 'Yes, and the aid should reach women first.',
      status: 'published',
      stance: { poll: d.poll.id, option: 'Yes' },
      removal: null,
      revisions: [],
    })
    expect(byId.get(d.ids.a3)!.parentId).toBe(d.ids.b2)
    expect(byId.get(d.ids.a2)!.text).toBe('Trafficking starts with a debt.')
    expect(byId.get(d.ids.a2)!.revisions).toEqual([
      expect.objectContaining({ text: 'Trafficking starts with debt.', editor: 'author' }),
    ])
    expect(byId.get(d.ids.a6)).toMatchObject({
      status: 'removed',
      removal: { reason: 'illegal', statement: expect.stringContaining('§ 130') },
    })
    expect(data.votes).toEqual([
      expect.objectContaining({ poll: d.poll.id, question: d.poll.question, options: ['Yes'] }),
    ])
    expect(data.reactions).toEqual([expect.objectContaining({ commentId: d.ids.b2, emoji: '❤️' })])
    expect(data.reports).toEqual([
      expect.objectContaining({
        commentId: d.ids.b2,
        reason: 'abuse',
        note: 'Reads like an advert to me',
      }),
    ])
    expect(data.appeals).toEqual([
      expect.objectContaining({
        commentId: d.ids.a6,
        text: 'It was satire, not incitement.',
        status: 'open',
      }),
    ])
    expect(data.signIn).toBeNull()
    // Nobody else's data: B's report on a2 and B's reaction on a1 are B's.
    const other = await myData(d.b)
    expect(other.reports.map((r) => r.commentId)).toEqual([d.ids.a2])
    expect(other.comments.map((c) => c.id)).toEqual([d.ids.b1, d.ids.b2])
  })

  it('is not cached', async () => {
    const d = await debate()
    const res = await api(myDataPath(), { token: d.a })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})

describe('DELETE /v1/sites/:site/readers/me, mode delete (the default)', () => {
  it('deletes or blanks every comment, takes votes, reactions and reports out of the counts', async () => {
    const d = await debate()
    expect(await pollShares(d)).toEqual({
      voters: 3,
      options: [
        [2, 67],
        [1, 33],
      ],
    })
    const before = await getThread(d.thread)
    // a1, a2 and a4 show A's Yes (a6 was removed); b2 shows B's No.
    expect(before.stances!.counts).toMatchObject({ [d.yes]: 3, [d.no]: 1 })

    const result = await eraseMe(d.a)
    expect(result).toEqual({
      readerId: d.aId,
      mode: 'delete',
      // a1 keeps B's reply; a2, a3, a4 with a5, and the removed a6 go.
      comments: { removed: 5, placeholders: 1, anonymised: 0 },
      votes: 1,
      reactions: 1,
      reports: 1,
      appeals: 1,
    })

    // The vote left the poll: one Yes, one No.
    expect(await pollShares(d)).toEqual({
      voters: 2,
      options: [
        [1, 50],
        [1, 50],
      ],
    })
    // a1 is a placeholder holding B's reply; nothing of A's text, name or stance is left.
    const a1 = await commentRow(d.ids.a1)
    expect(a1).toMatchObject({
      text: '',
      html: '',
      author_name: '',
      stance_option_id: null,
      reader_id: 'erased',
      network_hash: null,
      idempotency_key: null,
    })
    expect(a1!.deleted_at).not.toBeNull()
    for (const id of [d.ids.a2, d.ids.a3, d.ids.a4, d.ids.a5, d.ids.a6]) {
      expect(await commentRow(id), id).toBeNull()
    }
    const page = await getPage(d.thread)
    expect(findInTree(page.comments, d.ids.a1)).toMatchObject({ deleted: true, text: '' })
    expect(findInTree(page.comments, d.ids.b1)!.text).toBe('Which programmes do you mean?')
    const b2 = findInTree(page.comments, d.ids.b2)!
    expect(b2).toMatchObject({ replyCount: 0, descendantCount: 0, reactions: { '❤️': 1 } })
    expect((await commentRow(d.ids.b2))!.report_count).toBe(0)
    // The thread counts B's two comments; the stance of a1 left the stance counts.
    const thread = await getThread(d.thread)
    expect(thread.commentCount).toBe(2)
    expect(thread.stances!.counts).toMatchObject({ [d.yes]: 0, [d.no]: 1 })
    await expectCountersExact()
    expect(await reactionAndRankMismatches()).toEqual([])
    expect(await rowsNaming(d.aId)).toEqual([])
  })

  it('leaves a fresh, empty identity behind the old token', async () => {
    const d = await debate()
    await eraseMe(d.a)
    const data: ReaderData = await myData(d.a)
    expect(data).toMatchObject({
      comments: [],
      votes: [],
      reactions: [],
      reports: [],
      appeals: [],
      signIn: null,
    })
    const page = await getPage(d.thread, {}, d.a)
    expect(findInTree(page.comments, d.ids.a1)!.mine).toBe(false)
    // A second erasure finds nothing left; the token may start over.
    expect((await eraseMe(d.a)).comments).toEqual({ removed: 0, placeholders: 0, anonymised: 0 })
    const again = await postComment(d.a, d.thread, { text: 'Starting over.' })
    expect((await myData(d.a)).comments.map((c) => c.id)).toEqual([again.id])
    await expectCountersExact()
  })

  it('removes a placeholder left without replies, and keeps one with them', async () => {
    const d = await debate()
    // B deletes b1: a1 is left without replies; B deletes b2, which has A's reply a3: placeholder.
    for (const id of [d.ids.b1, d.ids.b2]) {
      expect(
        (await api(`/v1/sites/${SITE}/comments/${id}`, { method: 'DELETE', token: d.b })).status
      ).toBe(200)
    }
    expect((await commentRow(d.ids.b2))!.deleted_at).not.toBeNull()
    const result = await eraseMe(d.a)
    expect(result.comments).toEqual({ removed: 6, placeholders: 0, anonymised: 0 })
    // b2 was a placeholder only for a3: it goes with it.
    expect(await commentRow(d.ids.b2)).toBeNull()
    expect(await commentRow(d.ids.a1)).toBeNull()
    expect((await getThread(d.thread)).commentCount).toBe(0)
    await expectCountersExact()
    expect(await reactionAndRankMismatches()).toEqual([])
  })

  it('touches no other reader and no other site', async () => {
    const d = await debate()
    const bBefore = await myData(d.b)
    const another = await postComment(d.a, `${d.thread}-another`, {})
    await eraseMe(d.b)
    expect((await myData(d.a)).comments.map((c) => c.id)).toContain(another.id)
    expect((await myData(d.b)).comments).toEqual([])
    expect(bBefore.comments.length).toBe(2)
    // a1 lost B's reply; A's data is all still there.
    expect((await myData(d.a)).comments).toHaveLength(7)
    await expectCountersExact()
    await expectCountersExact(OTHER_SITE)
    expect(await reactionAndRankMismatches()).toEqual([])
  })
})

describe('DELETE /v1/sites/:site/readers/me, mode anonymise', () => {
  it('keeps the texts under the site’s anonymous name and cuts every link to the reader', async () => {
    await setErasure('anonymise')
    const d = await debate()
    const countBefore = (await getThread(d.thread)).commentCount
    const result = await eraseMe(d.a)
    expect(result).toEqual({
      readerId: d.aId,
      mode: 'anonymise',
      comments: { removed: 0, placeholders: 0, anonymised: 6 },
      votes: 1,
      reactions: 1,
      reports: 1,
      appeals: 1,
    })
    expect(await pollShares(d)).toEqual({
      voters: 2,
      options: [
        [1, 50],
        [1, 50],
      ],
    })
    const page = await getPage(d.thread, {}, d.a)
    const a1 = findInTree(page.comments, d.ids.a1)!
    expect(a1).toMatchObject({
      text: 'Yes, and the aid should reach women first.',
      author: { name: 'Anonymous', badges: [] },
      stance: null,
      mine: false,
      deleted: false,
    })
    expect(findInTree(page.comments, d.ids.a2)).toMatchObject({
      text: 'Trafficking starts with a debt.',
      author: { name: 'Anonymous' },
    })
    // Earlier texts are the reader's too.
    const revisions = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM comment_revisions WHERE comment_id = ?1'
    )
      .bind(d.ids.a2)
      .first<{ n: number }>()
    expect(revisions!.n).toBe(0)
    expect(findInTree(page.comments, d.ids.b2)!.reactions).toEqual({ '❤️': 1 })
    expect((await getThread(d.thread)).commentCount).toBe(countBefore)
    expect((await myData(d.a)).comments).toEqual([])
    await expectCountersExact()
    expect(await reactionAndRankMismatches()).toEqual([])
    expect(await rowsNaming(d.aId)).toEqual([])
  })

  it('uses the name the site chose', async () => {
    await env.DB.prepare(
      `UPDATE sites SET settings = json_patch(settings, '{"privacy":{"erasure":"anonymise","anonymousName":"Anonyme"}}') WHERE id = ?1`
    )
      .bind(SITE)
      .run()
    try {
      const d = await debate()
      await eraseMe(d.a)
      expect((await commentRow(d.ids.a1))!.author_name).toBe('Anonyme')
    } finally {
      await env.DB.prepare(
        `UPDATE sites SET settings = json_remove(settings, '$.privacy.anonymousName') WHERE id = ?1`
      )
        .bind(SITE)
        .run()
    }
  })
})
