import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  countReactions,
  findParent,
  insertComment,
  listReplies,
  listTopLevel,
  loadCommentPage,
  type NewCommentRow,
} from '../src/db/comments.ts'
import { castVote, createPoll, getPollByKey, loadPolls } from '../src/db/polls.ts'
import { insertReader } from '../src/db/readers.ts'
import { getSite, putSite } from '../src/db/sites.ts'
import { getThread } from '../src/db/threads.ts'
import { newCommentId, newReaderId, parseOptionId } from '../src/lib/ids.ts'
import { createSites, SITE, SITE_ORIGIN } from './helpers.ts'

const db = env.DB

function newComment(overrides: Partial<NewCommentRow> = {}): NewCommentRow {
  return {
    id: newCommentId(),
    siteId: SITE,
    threadKey: 'db-thread',
    parent: null,
    readerId: newReaderId(),
    authorName: 'Ada',
    text: 'Hello',
    lang: null,
    idempotencyKey: null,
    createdAt: Date.now(),
    ...overrides,
  }
}

async function post(overrides: Partial<NewCommentRow> = {}) {
  const result = await insertComment(db, newComment(overrides))
  return result.comment
}

async function reply(threadKey: string, parentId: string, at: number) {
  const parent = await findParent(db, SITE, threadKey, parentId)
  return post({ threadKey, parent, createdAt: at })
}

async function queryPlan(sql: string, ...params: unknown[]): Promise<string> {
  const { results } = await db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>()
  return results.map((r) => r.detail).join('\n')
}

beforeAll(createSites)

describe('sites', () => {
  it('reads a site with its allowed origins, and null for an unknown one', async () => {
    expect(await getSite(db, SITE)).toMatchObject({ id: SITE, allowedOrigins: [SITE_ORIGIN] })
    expect(await getSite(db, 'nope')).toBeNull()
  })

  it('updates the name and origins of an existing site', async () => {
    await putSite(db, { id: 'temp', name: 'Temp', allowedOrigins: [] })
    await putSite(db, { id: 'temp', name: 'Temp 2', allowedOrigins: ['https://t.example'] })
    expect(await getSite(db, 'temp')).toMatchObject({
      name: 'Temp 2',
      allowedOrigins: ['https://t.example'],
    })
  })
})

describe('insertComment', () => {
  it('creates the thread with the first comment and keeps the count exact', async () => {
    expect(await getThread(db, SITE, 'fresh')).toBeNull()
    await post({ threadKey: 'fresh' })
    await post({ threadKey: 'fresh' })
    expect(await getThread(db, SITE, 'fresh')).toMatchObject({ comment_count: 2, title: null })
  })

  it('returns the original comment for a reused idempotency key, without counting it', async () => {
    const readerId = newReaderId()
    const first = await insertComment(
      db,
      newComment({ threadKey: 'idem', readerId, idempotencyKey: 'key-12345', text: 'one' })
    )
    const again = await insertComment(
      db,
      newComment({ threadKey: 'idem', readerId, idempotencyKey: 'key-12345', text: 'two' })
    )
    expect(first.created).toBe(true)
    expect(again).toMatchObject({ created: false, threadKey: 'idem' })
    expect(again.comment).toMatchObject({ id: first.comment.id, text: 'one' })
    expect((await getThread(db, SITE, 'idem'))?.comment_count).toBe(1)
  })

  it('lets different readers use the same idempotency key', async () => {
    const a = await post({ threadKey: 'idem2', idempotencyKey: 'same-key-1' })
    const b = await post({ threadKey: 'idem2', idempotencyKey: 'same-key-1' })
    expect(a.id).not.toBe(b.id)
  })

  it('records root and depth, so a reply to a reply keeps its top-level ancestor', async () => {
    const top = await post({ threadKey: 'tree' })
    const r1 = await reply('tree', top.id, Date.now())
    const r2 = await reply('tree', r1.id, Date.now())
    const row = await db
      .prepare('SELECT root_id, depth, parent_id FROM comments WHERE id = ?1')
      .bind(r2.id)
      .first()
    expect(row).toEqual({ root_id: top.id, depth: 2, parent_id: r1.id })
  })

  it('finds a parent only in its own thread', async () => {
    const top = await post({ threadKey: 'parent-a' })
    expect(await findParent(db, SITE, 'parent-a', top.id)).toMatchObject({ id: top.id })
    expect(await findParent(db, SITE, 'parent-b', top.id)).toBeNull()
    expect(await findParent(db, 'blog', 'parent-a', top.id)).toBeNull()
  })
})

describe('comment pages', () => {
  it('orders top-level comments by time, then id, in both directions', async () => {
    const t = 1_700_000_000_000
    const ids = [await post({ threadKey: 'order', createdAt: t })]
    ids.push(await post({ threadKey: 'order', createdAt: t + 1 }))
    ids.push(await post({ threadKey: 'order', createdAt: t + 1 }))
    const thread = (await getThread(db, SITE, 'order'))!
    const tied = ids.slice(1).sort((a, b) => (a.id < b.id ? -1 : 1))
    const oldest = await listTopLevel(db, thread.id, { sort: 'oldest', limit: 10, after: null })
    expect(oldest.map((r) => r.id)).toEqual([ids[0]!.id, ...tied.map((c) => c.id)])
    const newest = await listTopLevel(db, thread.id, { sort: 'newest', limit: 10, after: null })
    expect(newest.map((r) => r.id)).toEqual(oldest.map((r) => r.id).reverse())
    const after = { sort: 'newest' as const, createdAt: t + 1, id: newest[0]!.id }
    const rest = await listTopLevel(db, thread.id, { sort: 'newest', limit: 10, after })
    expect(rest.map((r) => r.id)).toEqual(newest.slice(1).map((r) => r.id))
  })

  it('nests replies of every depth under the page, oldest first, with direct reply counts', async () => {
    const t = 1_700_000_000_000
    const a = await post({ threadKey: 'nest', createdAt: t })
    const b = await post({ threadKey: 'nest', createdAt: t + 10 })
    const a1 = await reply('nest', a.id, t + 20)
    const a2 = await reply('nest', a.id, t + 30)
    const a1x = await reply('nest', a1.id, t + 40)
    const thread = (await getThread(db, SITE, 'nest'))!
    const page = await loadCommentPage(db, thread.id, { sort: 'oldest', limit: 10, after: null })
    expect(page.next).toBeNull()
    expect(page.comments.map((c) => [c.id, c.replyCount])).toEqual([
      [a.id, 2],
      [b.id, 0],
    ])
    const [first] = page.comments
    expect(first!.replies.map((c) => [c.id, c.replyCount])).toEqual([
      [a1.id, 1],
      [a2.id, 0],
    ])
    expect(first!.replies[0]!.replies.map((c) => c.id)).toEqual([a1x.id])
    expect(thread.comment_count).toBe(5)
  })

  it('loads replies of several roots in one query, capped', async () => {
    const a = await post({ threadKey: 'cap' })
    const b = await post({ threadKey: 'cap' })
    for (let i = 0; i < 3; i++) await reply('cap', a.id, 1000 + i)
    for (let i = 0; i < 3; i++) await reply('cap', b.id, 2000 + i)
    expect(await listReplies(db, [a.id, b.id])).toHaveLength(6)
    const capped = await listReplies(db, [a.id, b.id], 4)
    expect(capped.map((r) => r.created_at)).toEqual([1000, 1001, 1002, 2000])
  })

  it('counts reactions per emoji for many comments at once', async () => {
    const a = await post({ threadKey: 'react' })
    const b = await post({ threadKey: 'react' })
    const add = (commentId: string, emoji: string) =>
      db
        .prepare(
          'INSERT INTO reactions (comment_id, reader_id, emoji, created_at) VALUES (?1, ?2, ?3, 0)'
        )
        .bind(commentId, newReaderId(), emoji)
    await db.batch([add(a.id, '👍'), add(a.id, '👍'), add(a.id, '❤️'), add(b.id, '😮')])
    const counts = await countReactions(db, [a.id, b.id, newCommentId()])
    expect(Object.fromEntries(counts)).toEqual({
      [a.id]: { '👍': 2, '❤️': 1 },
      [b.id]: { '😮': 1 },
    })
  })
})

describe('polls', () => {
  it('keeps one vote per reader, changes it on a second vote and tallies exactly', async () => {
    const poll = await createPoll(db, {
      siteId: SITE,
      key: 'db-poll',
      threadId: null,
      question: 'Q?',
      options: ['Yes', 'No', 'Maybe'],
    })
    const [initial] = await loadPolls(db, [poll], null)
    const [yes, no] = initial!.options.map((o) => parseOptionId(o.id)!)
    const reader = newReaderId()
    const vote = (readerId: string, optionId: number) =>
      castVote(db, { pollId: poll.id, readerId, optionId, now: Date.now() })
    expect(await vote(reader, yes!)).toBe(true)
    expect(await vote(reader, no!)).toBe(true)
    expect(await vote(newReaderId(), no!)).toBe(true)
    const [result] = await loadPolls(db, [poll], reader)
    expect(result).toMatchObject({ totalVotes: 2, myVote: `o_${no}` })
    expect(result!.options.map((o) => [o.label, o.votes, o.percent])).toEqual([
      ['Yes', 0, 0],
      ['No', 2, 100],
      ['Maybe', 0, 0],
    ])
  })

  it('refuses an option of another poll', async () => {
    const a = await createPoll(db, {
      siteId: SITE,
      key: 'poll-a',
      threadId: null,
      question: 'A?',
      options: ['1', '2'],
    })
    const b = await createPoll(db, {
      siteId: SITE,
      key: 'poll-b',
      threadId: null,
      question: 'B?',
      options: ['1', '2'],
    })
    const [pollB] = await loadPolls(db, [b], null)
    const foreign = parseOptionId(pollB!.options[0]!.id)!
    expect(
      await castVote(db, { pollId: a.id, readerId: newReaderId(), optionId: foreign, now: 1 })
    ).toBe(false)
    expect(await getPollByKey(db, SITE, 'poll-a')).toMatchObject({ id: a.id })
  })

  it('lets the database refuse a second vote row for the same reader', async () => {
    const poll = await getPollByKey(db, SITE, 'poll-a')
    const option = await db
      .prepare('SELECT id FROM poll_options WHERE poll_id = ?1 LIMIT 1')
      .bind(poll!.id)
      .first<{ id: number }>()
    const insert = () =>
      db
        .prepare(
          `INSERT INTO votes (poll_id, reader_id, option_id, created_at, updated_at)
           VALUES (?1, 'r_sameeeeeeeee', ?2, 0, 0)`
        )
        .bind(poll!.id, option!.id)
        .run()
    await insert()
    await expect(insert()).rejects.toThrow(/UNIQUE constraint failed/)
  })
})

describe('readers', () => {
  it('stores a reader of a site', async () => {
    const id = newReaderId()
    await insertReader(db, { id, siteId: SITE, createdAt: 1 })
    expect(await db.prepare('SELECT site_id FROM readers WHERE id = ?1').bind(id).first()).toEqual({
      site_id: SITE,
    })
  })
})

describe('indexes', () => {
  it('serve every list query without a table scan or a sort', async () => {
    const topLevel = await queryPlan(
      `SELECT id FROM comments c WHERE c.thread_id = ?1 AND c.parent_id IS NULL
       AND (c.created_at, c.id) < (?2, ?3) ORDER BY c.created_at DESC, c.id DESC LIMIT 20`,
      1,
      Date.now(),
      'c_zzzzzzzzzz'
    )
    expect(topLevel).toMatch(/USING (COVERING )?INDEX comments_top_level/)
    expect(topLevel).not.toMatch(/TEMP B-TREE/)

    const replies = await queryPlan(
      `SELECT id FROM comments c WHERE c.root_id IN (SELECT value FROM json_each(?1))
       AND c.parent_id IS NOT NULL`,
      '["c_aaaaaaaaaa"]'
    )
    expect(replies).toMatch(/USING (COVERING )?INDEX comments_by_root/)

    const replyCount = await queryPlan(
      'SELECT COUNT(*) FROM comments r WHERE r.parent_id = ?1',
      'c_aaaaaaaaaa'
    )
    expect(replyCount).toMatch(/USING COVERING INDEX comments_by_parent/)

    const tally = await queryPlan(
      'SELECT COUNT(*) FROM votes WHERE poll_id = ?1 AND option_id = ?2',
      1,
      1
    )
    expect(tally).toMatch(/USING COVERING INDEX votes_by_option/)
  })
})
