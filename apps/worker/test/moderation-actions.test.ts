import { AdminCommentSchema, PINNED_MAX, type AdminComment } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditStatement } from '../src/db/audit.ts'
import { auditedTransition } from '../src/db/moderation-writes.ts'
import type { AdminPrincipal } from '../src/lib/admin-credentials.ts'
import { admin, auditOf, createKey } from './admin-helpers.ts'
import {
  commentRow,
  createSites,
  expectBody,
  expectError,
  findInTree,
  getPage,
  getThread,
  newReader,
  postComment,
  SITE,
} from './helpers.ts'
import {
  adminCommentPath,
  adminDetail,
  expectCountersExact,
  moderate,
  moderated,
  statusOf,
  transition,
} from './moderation-helpers.ts'

const OWNER: AdminPrincipal = { siteScope: '*', role: 'owner', actor: 'owner' }
let seq = 0
const thread = () => `actions-${++seq}`

/** A comment with a reply, both published, in a fresh thread. */
async function commentWithReply() {
  const key = thread()
  const author = (await newReader()).token
  const comment = await postComment(author, key, { text: 'Something to moderate' })
  const replier = (await newReader()).token
  const reply = await postComment(replier, key, { text: 'A reply', parentId: comment.id })
  return { key, author, replier, comment, reply }
}

beforeAll(createSites)

describe('POST …/reject', () => {
  it('removes with a statement of reasons, counts it out, and audits who and why', async () => {
    const { key, replier, comment, reply } = await commentWithReply()
    const moderator = await createKey('moderator')
    const res = await admin(`${adminCommentPath(reply.id)}/reject`, {
      method: 'POST',
      token: moderator.key,
      json: { reason: 'harassment', statement: 'Personal attack on another reader.' },
    })
    const body = await expectBody(res, 200, AdminCommentSchema)
    expect(body).toMatchObject({
      status: 'removed',
      removal: {
        reason: 'harassment',
        statement: 'Personal attack on another reader.',
        appeal: 'none',
      },
    })
    expect(body.reviewedAt).not.toBeNull()
    await expectCountersExact()
    expect((await getThread(key)).commentCount).toBe(1)
    expect((await commentRow(comment.id))?.reply_count).toBe(0)
    // The author sees the statement of reasons and may appeal; others see the tombstone.
    const mine = findInTree((await getPage(key, {}, replier)).comments, reply.id)
    expect(mine).toMatchObject({
      status: 'removed',
      text: 'A reply',
      removal: { statement: 'Personal attack on another reader.', appeal: 'none' },
    })
    const tombstone = findInTree((await getPage(key)).comments, reply.id)
    expect(tombstone).toMatchObject({
      status: 'removed',
      text: '',
      removal: { reason: 'harassment' },
    })
    expect(await auditOf('comment', reply.id)).toEqual([
      {
        actor: moderator.id,
        actor_role: 'moderator',
        action: 'comment.reject',
        reason: 'Personal attack on another reader.',
        details: { from: 'published', to: 'removed', removalReason: 'harassment' },
      },
    ])
  })

  it('names the fields a bad body misses', async () => {
    const { comment } = await commentWithReply()
    const res = await moderate(comment.id, 'reject', { reason: 'rude', statement: '' })
    await expectError(res, 400, 'invalid_input', ['body.reason', 'body.statement'])
    expect(await statusOf(comment.id)).toBe('published')
  })
})

describe('POST …/approve and …/restore', () => {
  it('approve publishes a held comment and counts it in', async () => {
    const { key, comment } = await commentWithReply()
    await transition(comment.id, 'published', 'pending')
    expect((await getThread(key)).commentCount).toBe(1)
    const body = await moderated(comment.id, 'approve', { reason: 'Fine after all' })
    expect(body.status).toBe('published')
    expect((await getThread(key)).commentCount).toBe(2)
    await expectCountersExact()
    expect((await auditOf('comment', comment.id)).map((r) => [r.action, r.reason])).toEqual([
      ['comment.approve', 'Fine after all'],
    ])
  })

  it('approve of a published comment records the review (reports no longer hide it)', async () => {
    const { comment } = await commentWithReply()
    const body = await moderated(comment.id, 'approve')
    expect(body.status).toBe('published')
    expect(body.reviewedAt).not.toBeNull()
    await expectCountersExact()
  })

  it('restore brings back a removed or spam comment, without its removal', async () => {
    const { key, reply } = await commentWithReply()
    await moderated(reply.id, 'reject', { reason: 'off_topic', statement: 'Off topic.' })
    const restored = await moderated(reply.id, 'restore', { reason: 'Appeal granted' })
    expect(restored).toMatchObject({ status: 'published', removal: null })
    await moderated(reply.id, 'spam')
    expect((await moderated(reply.id, 'restore')).status).toBe('published')
    expect((await getThread(key)).commentCount).toBe(2)
    await expectCountersExact()
    expect((await auditOf('comment', reply.id)).map((r) => r.action)).toEqual([
      'comment.reject',
      'comment.restore',
      'comment.spam',
      'comment.restore',
    ])
  })
})

describe('POST …/spam', () => {
  it('hides the comment from all but its author, who sees it removed as spam', async () => {
    const { key, author, comment } = await commentWithReply()
    const body = await moderated(comment.id, 'spam', {})
    expect(body.status).toBe('spam')
    expect(body.removal?.reason).toBe('spam')
    expect(body.removal?.statement).toMatch(/spam/)
    const mine = findInTree((await getPage(key, {}, author)).comments, comment.id)
    expect(mine).toMatchObject({ status: 'removed', removal: { reason: 'spam', appeal: 'none' } })
    // Others keep the reply, under a bare placeholder.
    const theirs = findInTree((await getPage(key)).comments, comment.id)
    expect(theirs).toMatchObject({ deleted: true, text: '', status: 'published' })
    await expectCountersExact()
  })
})

describe('invalid transitions', () => {
  it.each<[string, 'approve' | 'reject' | 'spam' | 'restore', string, string, RegExp]>([
    ['restore a published comment', 'restore', 'published', 'not_removed', /published/],
    ['approve a removed comment', 'approve', 'removed', 'conflict', /restore it first/],
    ['approve a spam comment', 'approve', 'spam', 'conflict', /restore it first/],
    ['reject a removed comment', 'reject', 'removed', 'conflict', /already removed/],
    ['mark spam as spam', 'spam', 'spam', 'conflict', /already spam/],
  ])('refuses to %s with 409', async (_, action, from, code, message) => {
    const { comment } = await commentWithReply()
    if (from !== 'published') await transition(comment.id, 'published', from as 'removed')
    const json = action === 'reject' ? { reason: 'spam', statement: 'x' } : undefined
    const body = await expectError(
      await moderate(comment.id, action, json),
      409,
      code as 'conflict'
    )
    expect(body.error.message).toMatch(message)
    expect(await statusOf(comment.id)).toBe(from)
    expect(await auditOf('comment', comment.id)).toEqual([])
  })

  it('answers 404 for another site or an unknown comment, 409 for a deleted placeholder', async () => {
    const { author, comment } = await commentWithReply()
    await expectError(
      await admin(`${adminCommentPath(comment.id, 'blog')}/approve`, { method: 'POST' }),
      404,
      'comment_not_found'
    )
    await expectError(await moderate('c_0000000000', 'approve'), 404, 'comment_not_found')
    const { api, commentPath } = await import('./helpers.ts')
    expect((await api(commentPath(comment.id), { method: 'DELETE', token: author })).status).toBe(
      200
    )
    await expectError(await moderate(comment.id, 'spam'), 409, 'comment_deleted')
  })

  it('an action on a state changed meanwhile changes nothing and leaves no audit row', async () => {
    const { key, comment } = await commentWithReply()
    // A moderator saw it published; another held it meanwhile.
    await transition(comment.id, 'published', 'pending')
    const audit = auditStatement(env.DB, OWNER, {
      siteId: SITE,
      action: 'comment.reject',
      targetType: 'comment',
      targetId: comment.id,
    })
    const stale = auditedTransition(
      env.DB,
      { siteId: SITE, commentId: comment.id, from: 'published', to: 'removed', now: Date.now() },
      audit
    )
    const results = await env.DB.batch(stale.statements)
    expect(stale.changed(results)).toBe(false)
    expect(await statusOf(comment.id)).toBe('pending')
    expect(await auditOf('comment', comment.id)).toEqual([])
    expect((await getThread(key)).commentCount).toBe(1)
    await expectCountersExact()
    // The same with the state it really is in goes through, with its audit row.
    const fresh = auditedTransition(
      env.DB,
      { siteId: SITE, commentId: comment.id, from: 'pending', to: 'removed', now: Date.now() },
      audit
    )
    expect(fresh.changed(await env.DB.batch(fresh.statements))).toBe(true)
    expect(await auditOf('comment', comment.id)).toHaveLength(1)
  })
})

describe('PATCH …/comments/:comment (a moderator edit)', () => {
  it('keeps the original as a moderator revision and re-renders the text', async () => {
    const { key, comment } = await commentWithReply()
    const res = await admin(adminCommentPath(comment.id), {
      method: 'PATCH',
      json: { text: 'Something **edited** by staff', reason: 'Removed a phone number' },
    })
    const body = await expectBody(res, 200, AdminCommentSchema)
    expect(body).toMatchObject({
      text: 'Something **edited** by staff',
      html: '<p>Something <strong>edited</strong> by staff</p>',
      revisionCount: 1,
    })
    const detail = await adminDetail(comment.id)
    expect(detail.revisions).toMatchObject([{ text: 'Something to moderate', editor: 'moderator' }])
    expect(detail.audit.map((a) => [a.action, a.reason])).toEqual([
      ['comment.edit', 'Removed a phone number'],
    ])
    const shown = findInTree((await getPage(key)).comments, comment.id)
    expect(shown?.text).toBe('Something **edited** by staff')
    expect(shown?.editedAt).not.toBeNull()
  })

  it('requires a reason', async () => {
    const { comment } = await commentWithReply()
    const res = await admin(adminCommentPath(comment.id), { method: 'PATCH', json: { text: 'x' } })
    await expectError(res, 400, 'invalid_input', ['body.reason'])
  })
})

describe('PUT …/pin', () => {
  it(`pins up to PINNED_MAX (${PINNED_MAX}) comments per thread, then answers 409 naming the limit`, async () => {
    const key = thread()
    const token = (await newReader()).token
    const comments = []
    for (let i = 0; i <= PINNED_MAX; i++)
      comments.push(await postComment(token, key, { text: `C${i}` }))
    const pin = (id: string, pinned: boolean) =>
      admin(`${adminCommentPath(id)}/pin`, { method: 'PUT', json: { pinned } })
    for (const c of comments.slice(0, PINNED_MAX)) {
      expect((await expectBody(await pin(c.id, true), 200, AdminCommentSchema)).pinned).toBe(true)
    }
    const refused = await expectError(await pin(comments[PINNED_MAX]!.id, true), 409, 'conflict')
    expect(refused.error.message).toContain(String(PINNED_MAX))
    expect(await auditOf('comment', comments[PINNED_MAX]!.id)).toEqual([])
    // Pinning again is a no-op; unpinning frees a place.
    expect((await pin(comments[0]!.id, true)).status).toBe(200)
    expect(
      (await expectBody(await pin(comments[0]!.id, false), 200, AdminCommentSchema)).pinned
    ).toBe(false)
    expect((await pin(comments[PINNED_MAX]!.id, true)).status).toBe(200)
    expect((await auditOf('comment', comments[0]!.id)).map((r) => r.action)).toEqual([
      'comment.pin',
      'comment.unpin',
    ])
    const page = await getPage(key)
    expect(page.comments.filter((c) => c.pinned)).toHaveLength(PINNED_MAX)
  })

  it('refuses to pin a comment that is not published, and unpins one that is removed', async () => {
    const { comment, reply } = await commentWithReply()
    await transition(comment.id, 'published', 'pending')
    const res = await admin(`${adminCommentPath(comment.id)}/pin`, {
      method: 'PUT',
      json: { pinned: true },
    })
    await expectError(res, 409, 'conflict')
    await admin(`${adminCommentPath(reply.id)}/pin`, { method: 'PUT', json: { pinned: true } })
    const removed = await moderated(reply.id, 'reject', { reason: 'other', statement: 'x' })
    expect(removed.pinned).toBe(false)
  })
})

describe('PUT …/badges', () => {
  it('sets and clears the author-of-the-article badge', async () => {
    const { key, comment } = await commentWithReply()
    const set = async (author: boolean): Promise<AdminComment> =>
      expectBody(
        await admin(`${adminCommentPath(comment.id)}/badges`, { method: 'PUT', json: { author } }),
        200,
        AdminCommentSchema
      )
    expect((await set(true)).author.badges).toEqual(['author'])
    expect(findInTree((await getPage(key)).comments, comment.id)?.author.badges).toEqual(['author'])
    expect((await set(true)).author.badges).toEqual(['author'])
    expect((await set(false)).author.badges).toEqual([])
    expect((await auditOf('comment', comment.id)).map((r) => [r.action, r.details])).toEqual([
      ['comment.badges', { author: true }],
      ['comment.badges', { author: false }],
    ])
  })

  const putBadges = (id: string, json: unknown) =>
    admin(`${adminCommentPath(id)}/badges`, { method: 'PUT', json })

  it('sets and clears the expert badge, leaving the author badge as it is', async () => {
    const { key, comment } = await commentWithReply()
    const set = async (json: Record<string, unknown>): Promise<string[]> =>
      (await expectBody(await putBadges(comment.id, json), 200, AdminCommentSchema)).author.badges
    expect(await set({ expert: true, reason: 'Migration researcher' })).toEqual(['expert'])
    expect(findInTree((await getPage(key)).comments, comment.id)?.author.badges).toEqual(['expert'])
    expect(await set({ author: true })).toEqual(['author', 'expert'])
    expect(await set({ author: true, expert: true })).toEqual(['author', 'expert'])
    expect(await set({ expert: false })).toEqual(['author'])
    expect(await set({ author: false, expert: true })).toEqual(['expert'])
    expect(findInTree((await getPage(key)).comments, comment.id)?.author.badges).toEqual(['expert'])
    // Each change audited as it was made; a request that changes nothing leaves no entry.
    const audit = await auditOf('comment', comment.id)
    expect(audit.map((r) => [r.action, r.details])).toEqual([
      ['comment.badges', { expert: true }],
      ['comment.badges', { author: true }],
      ['comment.badges', { expert: false }],
      ['comment.badges', { author: false, expert: true }],
    ])
    expect(audit[0]!.reason).toBe('Migration researcher')
  })

  it('answers 400 invalid_input naming the body without a badge to set, or for a non-boolean', async () => {
    const { comment } = await commentWithReply()
    const none = await expectError(
      await putBadges(comment.id, { reason: 'x' }),
      400,
      'invalid_input',
      ['body']
    )
    expect(none.error.issues?.[0]?.message).toBe('must set author, expert or both')
    await expectError(await putBadges(comment.id, { expert: 'yes' }), 400, 'invalid_input', [
      'body.expert',
    ])
    expect(await auditOf('comment', comment.id)).toEqual([])
  })
})

describe('GET …/comments/:comment', () => {
  it('shows the stored comment with its verdict, reports, revisions and audit entries', async () => {
    const { comment } = await commentWithReply()
    const reporter = (await newReader()).token
    const { api, commentPath } = await import('./helpers.ts')
    await api(`${commentPath(comment.id)}/reports`, {
      method: 'POST',
      token: reporter,
      json: { reason: 'abuse', note: 'Rude' },
    })
    await moderated(comment.id, 'spam', { statement: 'Advertising.' })
    const detail = await adminDetail(comment.id)
    expect(detail).toMatchObject({
      id: comment.id,
      status: 'spam',
      text: 'Something to moderate',
      reportCount: 1,
      reportReasons: { abuse: 1 },
      reports: [{ reason: 'abuse', note: 'Rude' }],
      removal: { reason: 'spam', statement: 'Advertising.', appeal: 'none' },
      revisions: [],
    })
    expect(detail.verdict?.decision).toBe('publish')
    expect(detail.audit).toMatchObject([
      { action: 'comment.spam', actor: 'owner', actorRole: 'owner' },
    ])
  })
})
