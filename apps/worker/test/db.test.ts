import { threadReactions, SiteSettingsSchema, ThreadSettingsSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { deleteComment } from '../src/db/comment-deletes.ts'
import { loadCommentPage, loadReplyPage } from '../src/db/comment-pages.ts'
import type { CommentView } from '../src/db/comment-rows.ts'
import { findComment } from '../src/db/comment-targets.ts'
import { editComment, insertComment, type NewCommentRow } from '../src/db/comment-writes.ts'
import { insertReader } from '../src/db/readers.ts'
import { getSite, putSite } from '../src/db/sites.ts'
import { getThread } from '../src/db/threads.ts'
import { newCommentId, newReaderId } from '../src/lib/ids.ts'
import {
  createSites,
  OTHER_SITE,
  queryPlan,
  SITE,
  SITE_ORIGIN,
  WIDE_RATE_LIMITS,
} from './helpers.ts'

const db = env.DB
const view: CommentView = {
  readerId: null,
  reactions: threadReactions(SiteSettingsSchema.parse({}), ThreadSettingsSchema.parse({})),
  showStances: true,
  tombstones: true,
  now: Date.now(),
}

function newComment(overrides: Partial<NewCommentRow> = {}): NewCommentRow {
  return {
    id: newCommentId(),
    siteId: SITE,
    threadKey: 'db-thread',
    parent: null,
    readerId: newReaderId(),
    authorName: 'Ada',
    text: 'Hello',
    html: '<p>Hello</p>',
    lang: null,
    idempotencyKey: null,
    createdAt: Date.now(),
    reactionWeight: 1,
    recordStance: true,
    status: 'published',
    moderation: '{}',
    removal: null,
    networkHash: null,
    ...overrides,
  }
}

async function post(overrides: Partial<NewCommentRow> = {}) {
  const result = await insertComment(db, newComment(overrides))
  return result!.row
}

async function reply(threadKey: string, parentId: string, at = Date.now()) {
  const parent = await findComment(db, SITE, parentId)
  return post({ threadKey, parent, createdAt: at })
}

const counters = (id: string) =>
  db
    .prepare('SELECT reply_count, descendant_count FROM comments WHERE id = ?1')
    .bind(id)
    .first<{ reply_count: number; descendant_count: number }>()

beforeAll(createSites)

describe('sites', () => {
  it('reads a site with its allowed origins and settings, and null for an unknown one', async () => {
    expect(await getSite(db, SITE)).toMatchObject({
      id: SITE,
      allowedOrigins: [SITE_ORIGIN],
      // The defaults, but for the posting-speed rule and the rate limits createSites changes.
      settings: SiteSettingsSchema.parse({
        moderation: { holdRules: { minSecondsBetweenComments: 0 } },
        rateLimits: WIDE_RATE_LIMITS,
      }),
    })
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
    expect(first!.created).toBe(true)
    expect(again).toMatchObject({ created: false, row: { id: first!.row.id, text: 'one' } })
    expect((await getThread(db, SITE, 'idem'))?.comment_count).toBe(1)
  })

  it('records root and depth, so a reply to a reply keeps its top-level ancestor', async () => {
    const top = await post({ threadKey: 'tree' })
    const r1 = await reply('tree', top.id)
    const r2 = await reply('tree', r1.id)
    expect(await findComment(db, SITE, r2.id)).toMatchObject({
      root_id: top.id,
      depth: 2,
      parent_id: r1.id,
    })
    expect(await counters(top.id)).toEqual({ reply_count: 1, descendant_count: 2 })
  })

  it('inserts nothing, counts nothing and returns null when the parent was deleted meanwhile', async () => {
    const top = await post({ threadKey: 'vanished' })
    const parent = await findComment(db, SITE, top.id)
    await db.prepare('UPDATE comments SET deleted_at = 1 WHERE id = ?1').bind(top.id).run()
    expect(await insertComment(db, newComment({ threadKey: 'vanished', parent }))).toBeNull()
    expect(await counters(top.id)).toEqual({ reply_count: 0, descendant_count: 0 })
    expect((await getThread(db, SITE, 'vanished'))?.comment_count).toBe(1)
  })

  it('finds a comment only on its own site', async () => {
    const top = await post({ threadKey: 'scoped' })
    expect(await findComment(db, SITE, top.id)).toMatchObject({ thread_key: 'scoped' })
    expect(await findComment(db, OTHER_SITE, top.id)).toBeNull()
  })
})

describe('comment pages', () => {
  it('nests replies of every depth under the page, oldest first, with their counters', async () => {
    const t = 1_700_000_000_000
    const a = await post({ threadKey: 'nest', createdAt: t })
    const b = await post({ threadKey: 'nest', createdAt: t + 10 })
    const a1 = await reply('nest', a.id, t + 20)
    const a2 = await reply('nest', a.id, t + 30)
    const a1x = await reply('nest', a1.id, t + 40)
    const thread = (await getThread(db, SITE, 'nest'))!
    const page = await loadCommentPage(
      db,
      thread.id,
      { sort: 'oldest', lang: null, stance: null, limit: 10, after: null },
      view
    )
    expect(page.next).toBeNull()
    expect(page.comments.map((c) => [c.id, c.replyCount, c.descendantCount])).toEqual([
      [a.id, 2, 3],
      [b.id, 0, 0],
    ])
    const [first] = page.comments
    expect(first!.replies.map((c) => [c.id, c.replyCount])).toEqual([
      [a1.id, 1],
      [a2.id, 0],
    ])
    expect(first!.replies[0]!.replies.map((c) => c.id)).toEqual([a1x.id])
    expect(thread.comment_count).toBe(5)

    const below = await loadReplyPage(
      db,
      { id: a1.id, parentId: a.id },
      { limit: 10, after: null },
      view
    )
    expect(below.replies.map((c) => c.id)).toEqual([a1x.id])
  })
})

describe('editComment', () => {
  it('changes nothing outside the window, for another reader, or on a placeholder', async () => {
    const readerId = newReaderId()
    const comment = await post({ threadKey: 'edit-guards', readerId })
    const edit = {
      id: comment.id,
      siteId: SITE,
      readerId,
      text: 'x',
      html: '<p>x</p>',
      lang: null,
      now: Date.now(),
      moderation: '{}',
      hold: null,
    }
    expect((await editComment(db, { ...edit, editableSince: Date.now() })).edited).toBe(false)
    expect(
      (await editComment(db, { ...edit, readerId: newReaderId(), editableSince: 0 })).edited
    ).toBe(false)
    const done = await editComment(db, { ...edit, editableSince: 0 })
    expect(done).toMatchObject({ edited: true, row: { text: 'x', edited_at: edit.now } })
  })
})

describe('deleteComment', () => {
  it('decides from the state inside its transaction, not from what the route read', async () => {
    const top = await post({ threadKey: 'stale' })
    const stale = (await findComment(db, SITE, top.id))!
    // A reply arrives between the route's read (no replies) and the delete.
    const late = await reply('stale', top.id)
    expect(await deleteComment(db, stale, { now: Date.now(), reactionWeight: 1 })).toBe(
      'placeholder'
    )
    expect(await findComment(db, SITE, late.id)).not.toBeNull()
    expect((await getThread(db, SITE, 'stale'))?.comment_count).toBe(1)
    // And a second delete with the same stale view does nothing at all.
    expect(await deleteComment(db, stale, { now: Date.now(), reactionWeight: 1 })).toBeNull()
    expect((await getThread(db, SITE, 'stale'))?.comment_count).toBe(1)
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
