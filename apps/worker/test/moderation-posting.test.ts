import { AdminCommentPageSchema, CommentSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { networkBanHash } from '../src/lib/network-ban-hash.ts'
import {
  api,
  commentPath,
  commentRow,
  commentsPath,
  createSites,
  expectBody,
  expectError,
  findInTree,
  getPage,
  getThread,
  newReader,
  postComment,
  setModeration,
} from './helpers.ts'
import {
  adminCommentsPath,
  expectCountersExact,
  insertBan,
  moderated,
  resetModeration,
  statusOf,
} from './moderation-helpers.ts'
import { admin } from './admin-helpers.ts'
import { readerToken } from './polls-helpers.ts'

let seq = 0
const thread = () => `posting-${++seq}`

const post = (token: string, key: string, body: Record<string, unknown> = {}, headers = {}) =>
  api(commentsPath(key), {
    method: 'POST',
    token,
    headers,
    json: { authorName: 'Ada', text: 'Hello there', ...body },
  })

const storedModeration = async (id: string) =>
  JSON.parse(String((await commentRow(id))?.moderation)) as {
    decision: string
    reasons: { signal: string; detail: string }[]
  }

async function queueIds(view: string) {
  const res = await admin(`${adminCommentsPath()}?view=${view}&limit=100`)
  return (await expectBody(res, 200, AdminCommentPageSchema)).comments.map((c) => c.id)
}

beforeAll(createSites)
afterEach(() => resetModeration())

describe('pre-moderation', () => {
  it('holds every comment: its author sees it awaiting review, nobody else, and it counts nowhere', async () => {
    await setModeration({ mode: 'pre' })
    const key = thread()
    const author = (await newReader()).token
    const held = await postComment(author, key, { text: 'Please publish me' })
    expect(held).toMatchObject({ status: 'pending', mine: true, removal: null })
    expect(held.editableUntil).not.toBeNull()
    expect(await getPage(key)).toEqual({ comments: [], nextCursor: null })
    expect(findInTree((await getPage(key, {}, author)).comments, held.id)?.status).toBe('pending')
    expect((await getThread(key)).commentCount).toBe(0)
    expect(await queueIds('pending')).toContain(held.id)
    expect(await storedModeration(held.id)).toMatchObject({
      decision: 'hold',
      reasons: [{ signal: 'pre_moderation' }],
    })
    // A reply of its author's stays held too, and is not counted under its parent.
    const reply = await postComment(author, key, { text: 'And a reply', parentId: held.id })
    expect(reply.status).toBe('pending')
    expect((await commentRow(held.id))?.reply_count).toBe(0)
    await expectCountersExact()

    await moderated(held.id, 'approve')
    expect(findInTree((await getPage(key)).comments, held.id)?.status).toBe('published')
    expect((await getThread(key)).commentCount).toBe(1)
    await expectCountersExact()
  })

  it('replays an Idempotency-Key with the original, still held, counted once', async () => {
    await setModeration({ mode: 'pre' })
    const key = thread()
    const token = await readerToken()
    const headers = { 'Idempotency-Key': `held-${seq}-retry` }
    const first = await expectBody(await post(token, key, {}, headers), 201, CommentSchema)
    const again = await expectBody(await post(token, key, {}, headers), 200, CommentSchema)
    expect(again).toMatchObject({ id: first.id, status: 'pending' })
    const { n } = (await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.key = ?1'
    )
      .bind(key)
      .first<{ n: number }>())!
    expect(n).toBe(1)
    await expectCountersExact()
  })
})

describe('the pipeline on POST', () => {
  it("holds a comment with one of the site's banned terms, and publishes the others", async () => {
    await setModeration({ bannedTerms: ['scumbag'] })
    const key = thread()
    const token = await readerToken()
    const held = await postComment(token, key, { text: 'You are a total scumb4g, frankly.' })
    expect(held.status).toBe('pending')
    expect((await storedModeration(held.id)).reasons.map((r) => r.signal)).toContain('banned_term')
    const fine = await postComment(token, key, { text: 'A perfectly civil remark.' })
    expect(fine.status).toBe('published')
    expect((await getPage(key)).comments.map((c) => c.id)).toEqual([fine.id])
    await expectCountersExact()
  })

  it('rejects spam: its author sees it removed with the statement of reasons, others nothing', async () => {
    await setModeration({ holdRules: { maxLinks: 0, holdScore: 0.5, rejectScore: 1 } })
    const key = thread()
    const token = await readerToken()
    const spam = await postComment(token, key, {
      text: 'Buy now https://spam.example/a and https://spam.example/b',
    })
    expect(spam).toMatchObject({ status: 'removed', removal: { reason: 'spam', appeal: 'none' } })
    expect(spam.removal?.statement).toMatch(/automatic filter.*links/)
    expect(await statusOf(spam.id)).toBe('spam')
    expect(await getPage(key)).toEqual({ comments: [], nextCursor: null })
    expect((await getThread(key)).commentCount).toBe(0)
    expect(await queueIds('spam')).toContain(spam.id)
    await expectCountersExact()
  })

  it('counts a comment posted within holdRules.minSecondsBetweenComments, holding it with a second signal', async () => {
    await setModeration({ holdRules: { minSecondsBetweenComments: 30 } })
    const key = thread()
    const token = await readerToken()
    expect((await postComment(token, key, { text: 'First thought' })).status).toBe('published')
    const quick = await postComment(token, key, { text: 'Second thought' })
    expect(quick.status).toBe('published')
    expect((await storedModeration(quick.id)).reasons.map((r) => r.signal)).toEqual(['speed'])
    const spammy = await postComment(token, key, { text: 'Look look look look look look here' })
    expect(spammy.status).toBe('pending')
    expect((await storedModeration(spammy.id)).reasons.map((r) => r.signal).sort()).toEqual([
      'repeated',
      'speed',
    ])
  })
})

describe('bans', () => {
  it('refuses a banned reader with 403 banned and stores nothing', async () => {
    const key = thread()
    const { token, readerId } = await newReader()
    await insertBan({ kind: 'reader', subject: readerId })
    const body = await expectError(await post(token, key), 403, 'banned')
    expect(body.error.message).toMatch(/banned/)
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM comments WHERE reader_id = ?1')
      .bind(readerId)
      .first<{ n: number }>()
    expect(rows?.n).toBe(0)
  })

  it('lets a reader whose ban expired post again', async () => {
    const { token, readerId } = await newReader()
    await insertBan({ kind: 'reader', subject: readerId, expiresAt: Date.now() - 1 })
    expect((await post(token, thread())).status).toBe(201)
  })

  it('refuses every reader of a banned network, and stores the hash with each comment', async () => {
    const key = thread()
    const from = (ip: string) => ({ 'cf-connecting-ip': ip })
    const headers = new Headers(from('203.0.113.7'))
    const hash = await networkBanHash(env.READER_TOKEN_SECRET, headers)
    const before = await expectBody(
      await post(await readerToken(), key, {}, from('203.0.113.7')),
      201,
      CommentSchema
    )
    expect((await commentRow(before.id))?.network_hash).toBe(hash)
    await insertBan({ kind: 'network', subject: hash! })
    await expectError(await post(await readerToken(), key, {}, from('203.0.113.7')), 403, 'banned')
    expect((await post(await readerToken(), key, {}, from('198.51.100.1'))).status).toBe(201)
  })

  it("stores a shadow-banned reader's comment as shadow: published to them, absent for others", async () => {
    const key = thread()
    const { token, readerId } = await newReader()
    const banId = await insertBan({ kind: 'reader', subject: readerId, shadow: true })
    const shadow = await postComment(token, key, { text: 'Nobody will read this' })
    expect(shadow).toMatchObject({ status: 'published', mine: true, removal: null })
    expect(await statusOf(shadow.id)).toBe('shadow')
    expect((await storedModeration(shadow.id)).reasons).toContainEqual(
      expect.objectContaining({ signal: 'shadow_ban', detail: `ban ${banId}` })
    )
    expect(findInTree((await getPage(key, {}, token)).comments, shadow.id)?.status).toBe(
      'published'
    )
    expect(await getPage(key)).toEqual({ comments: [], nextCursor: null })
    expect((await getThread(key)).commentCount).toBe(0)
    expect(await queueIds('shadow')).toContain(shadow.id)
    await expectCountersExact()
  })
})

describe("the author's edit", () => {
  it('goes through the pipeline again: a published comment it now holds goes back to review', async () => {
    const key = thread()
    const token = await readerToken()
    const comment = await postComment(token, key, { text: 'Harmless at first' })
    expect((await getThread(key)).commentCount).toBe(1)
    await setModeration({ bannedTerms: ['scumbag'] })
    const res = await api(commentPath(comment.id), {
      method: 'PATCH',
      token,
      json: { text: 'Now with scumbag in it' },
    })
    const edited = await expectBody(res, 200, CommentSchema)
    expect(edited).toMatchObject({ status: 'pending', text: 'Now with scumbag in it' })
    expect((await getThread(key)).commentCount).toBe(0)
    expect((await storedModeration(comment.id)).decision).toBe('hold')
    await expectCountersExact()
    // Clean text again does not release it: a moderator does.
    const again = await api(commentPath(comment.id), {
      method: 'PATCH',
      token,
      json: { text: 'Harmless again' },
    })
    expect((await expectBody(again, 200, CommentSchema)).status).toBe('pending')
  })

  it('is refused with 409 once a moderator removed the comment', async () => {
    const token = await readerToken()
    const comment = await postComment(token, thread(), { text: 'Soon removed' })
    await moderated(comment.id, 'reject', { reason: 'other', statement: 'Removed.' })
    const res = await api(commentPath(comment.id), {
      method: 'PATCH',
      token,
      json: { text: 'Let me fix it' },
    })
    await expectError(res, 409, 'conflict')
  })
})

describe('reports', () => {
  const report = (id: string, token: string) =>
    api(`${commentPath(id)}/reports`, { method: 'POST', token, json: { reason: 'abuse' } })

  it('hide a published comment pending review once they reach holdRules.reportThreshold', async () => {
    await setModeration({ holdRules: { reportThreshold: 2 } })
    const key = thread()
    const author = await readerToken()
    const comment = await postComment(author, key, { text: 'Controversial' })
    expect((await report(comment.id, await readerToken())).status).toBe(201)
    expect(await statusOf(comment.id)).toBe('published')
    expect((await report(comment.id, await readerToken())).status).toBe(201)
    expect(await statusOf(comment.id)).toBe('pending')
    expect((await storedModeration(comment.id)).reasons).toContainEqual(
      expect.objectContaining({ signal: 'reports' })
    )
    expect((await commentRow(comment.id))?.reviewed_at).toBeNull()
    expect(await getPage(key)).toEqual({ comments: [], nextCursor: null })
    expect(findInTree((await getPage(key, {}, author)).comments, comment.id)?.status).toBe(
      'pending'
    )
    expect(await queueIds('reported')).toContain(comment.id)
    await expectCountersExact()
    // Others can no longer report what they cannot see.
    await expectError(await report(comment.id, await readerToken()), 404, 'comment_not_found')
  })

  it('no longer hide a comment a moderator approved', async () => {
    await setModeration({ holdRules: { reportThreshold: 1 } })
    const key = thread()
    const comment = await postComment(await readerToken(), key, { text: 'Fine, really' })
    await report(comment.id, await readerToken())
    expect(await statusOf(comment.id)).toBe('pending')
    await moderated(comment.id, 'approve')
    expect((await report(comment.id, await readerToken())).status).toBe(201)
    expect(await statusOf(comment.id)).toBe('published')
    // Reported again since the review: back in the reported view.
    expect(await queueIds('reported')).toContain(comment.id)
    await expectCountersExact()
  })

  it('hide a reply too, with its parent and top-level counters', async () => {
    await setModeration({ holdRules: { reportThreshold: 1 } })
    const key = thread()
    const top = await postComment(await readerToken(), key, { text: 'Top' })
    const reply = await postComment(await readerToken(), key, { text: 'Reply', parentId: top.id })
    expect((await commentRow(top.id))?.descendant_count).toBe(1)
    await report(reply.id, await readerToken())
    expect(await commentRow(top.id)).toMatchObject({ reply_count: 0, descendant_count: 0 })
    await expectCountersExact()
  })
})

describe('a reply', () => {
  it('to a held comment of someone else is refused as if the parent did not exist', async () => {
    await setModeration({ mode: 'pre' })
    const key = thread()
    const held = await postComment(await readerToken(), key, { text: 'Held' })
    const res = await post(await readerToken(), key, { parentId: held.id })
    await expectError(res, 422, 'parent_not_found', ['body.parentId'])
  })
})
