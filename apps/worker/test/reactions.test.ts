import { DEFAULT_REACTIONS, ReactionStateSchema, type Comment } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { putSiteSettings, putThreadSettings } from '../src/db/settings.ts'
import { putSite } from '../src/db/sites.ts'
import { expectedRank } from './fixtures.ts'
import {
  api,
  commentPath,
  commentRow,
  countRows,
  createSites,
  expectBody,
  expectError,
  getPage,
  getThread,
  newReader,
  OTHER_SITE,
  postComment,
  SITE,
  withoutSpeedRule,
} from './helpers.ts'

let token: string

const react = (id: string, emoji: string, as = token, site = SITE) =>
  api(`${commentPath(id, site)}/reaction`, { method: 'PUT', token: as, json: { emoji } })
const unreact = (id: string, as = token) =>
  api(`${commentPath(id)}/reaction`, { method: 'DELETE', token: as })
const state = (res: Response) => expectBody(res, 200, ReactionStateSchema)

beforeAll(async () => {
  await createSites()
  token = (await newReader()).token
})

describe('PUT and DELETE /v1/sites/:site/comments/:comment/reaction', () => {
  it('sets, changes and removes the one reaction of a reader', async () => {
    const comment = await postComment(token, 'react')
    expect(await state(await react(comment.id, '👍'))).toEqual({
      reactions: { '👍': 1 },
      myReaction: '👍',
    })
    expect(await state(await react(comment.id, '❤️'))).toEqual({
      reactions: { '❤️': 1 },
      myReaction: '❤️',
    })
    const other = await newReader()
    await state(await react(comment.id, '❤️', other.token))
    expect(await state(await unreact(comment.id))).toEqual({
      reactions: { '❤️': 1 },
      myReaction: null,
    })
    // Removing what is not there is fine.
    expect(await state(await unreact(comment.id))).toEqual({
      reactions: { '❤️': 1 },
      myReaction: null,
    })
    expect(await countRows('reactions', comment.id)).toBe(1)
  })

  it('lists the counts and, with a token, the reader’s own reaction', async () => {
    const comment = await postComment(token, 'react-list')
    await react(comment.id, '😮')
    await react(comment.id, '😮', (await newReader()).token)
    await react(comment.id, '😢', (await newReader()).token)
    const [mine] = (await getPage('react-list', {}, token)).comments
    expect(mine).toMatchObject({ reactions: { '😮': 2, '😢': 1 }, myReaction: '😮' })
    const [anonymous] = (await getPage('react-list')).comments
    expect(anonymous!.myReaction).toBeNull()
  })

  it('keeps reaction_count and rank exact: rank = hours + 48 × s / (s + 5)', async () => {
    const comment = await postComment(token, 'react-rank')
    await postComment(token, 'react-rank', { parentId: comment.id })
    await react(comment.id, '👍')
    await react(comment.id, '👍', (await newReader()).token)
    const row = await commentRow(comment.id)
    expect(row).toMatchObject({ reaction_count: 2, reply_count: 1 })
    expect(row!.rank).toBe(expectedRank(Date.parse(comment.createdAt), 1, 2))
  })

  it.each([
    ['text', 'like', 400, 'invalid_input'],
    ['two emoji', '👍👍 x', 400, 'invalid_input'],
    ['an emoji outside the set', '🎉', 422, 'reaction_not_allowed'],
  ] as const)('refuses %s, naming body.emoji', async (_, emoji, status, code) => {
    const comment = await postComment(token, 'react-invalid')
    await expectError(await react(comment.id, emoji), status, code, ['body.emoji'])
  })

  it('refuses a reaction to a deleted placeholder with 409 comment_deleted', async () => {
    const comment = await postComment(token, 'react-deleted')
    await postComment(token, 'react-deleted', { parentId: comment.id })
    await api(commentPath(comment.id), { method: 'DELETE', token })
    await expectError(await react(comment.id, '👍'), 409, 'comment_deleted')
  })

  it('answers 404 for a comment of another site, whatever token', async () => {
    const comment = await postComment(token, 'react-site')
    const foreign = await newReader(OTHER_SITE)
    await expectError(
      await react(comment.id, '👍', foreign.token, OTHER_SITE),
      404,
      'comment_not_found'
    )
  })
})

describe('concurrent reactions', () => {
  it('counts 100 readers reacting at once exactly', async () => {
    const comment = await postComment(token, 'react-crowd')
    const readers = await Promise.all(Array.from({ length: 100 }, () => newReader()))
    const responses = await Promise.all(
      readers.map((r, i) => react(comment.id, DEFAULT_REACTIONS[i % 2]!, r.token))
    )
    expect(responses.map((r) => r.status)).toEqual(readers.map(() => 200))
    expect(await countRows('reactions', comment.id)).toBe(100)
    expect(await commentRow(comment.id)).toMatchObject({ reaction_count: 100 })
    const [listed] = (await getPage('react-crowd')).comments
    expect(listed!.reactions).toEqual({ '👍': 50, '❤️': 50 })
  })

  it('keeps exactly one reaction when one reader fires 20 different ones at once', async () => {
    const comment = await postComment(token, 'react-burst')
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => react(comment.id, DEFAULT_REACTIONS[i % 6]!))
    )
    expect(responses.every((r) => r.status === 200)).toBe(true)
    expect(await countRows('reactions', comment.id)).toBe(1)
    const row = await commentRow(comment.id)
    expect(row).toMatchObject({ reaction_count: 1 })
    const [listed] = (await getPage('react-burst', {}, token)).comments
    const [[emoji, count]] = Object.entries(listed!.reactions!) as [[string, number]]
    expect(count).toBe(1)
    expect(listed!.myReaction).toBe(emoji)
  })

  it('ends with counts equal to the rows after mixed concurrent sets and removals', async () => {
    const comment = await postComment(token, 'react-mixed')
    const readers = await Promise.all(Array.from({ length: 30 }, () => newReader()))
    await Promise.all(
      readers.flatMap((r, i) => [
        react(comment.id, DEFAULT_REACTIONS[i % 6]!, r.token),
        i % 3 === 0 ? unreact(comment.id, r.token) : react(comment.id, '😮', r.token),
      ])
    )
    const { results } = await env.DB.prepare(
      'SELECT emoji, COUNT(*) AS n FROM reactions WHERE comment_id = ?1 GROUP BY emoji'
    )
      .bind(comment.id)
      .all<{ emoji: string; n: number }>()
    const fromRows = Object.fromEntries(results.map((r) => [r.emoji, r.n]))
    const [listed] = (await getPage('react-mixed')).comments
    expect(listed!.reactions).toEqual(fromRows)
    expect((await commentRow(comment.id))!.reaction_count).toBe(
      await countRows('reactions', comment.id)
    )
  })
})

describe('reaction settings', () => {
  const SETTINGS_SITE = 'governed'
  let reader: string
  const reactOn = (comment: Comment, emoji: string) =>
    react(comment.id, emoji, reader, SETTINGS_SITE)

  beforeAll(async () => {
    await putSite(env.DB, { id: SETTINGS_SITE, name: 'Governed', allowedOrigins: [] })
    await withoutSpeedRule(SETTINGS_SITE)
    reader = (await newReader(SETTINGS_SITE)).token
  })

  const postHere = (thread: string) => postComment(reader, thread, {}, {}, SETTINGS_SITE)

  it('narrows a thread’s set: the thread shows it, others are refused and their counts hidden', async () => {
    const comment = await postHere('narrowed')
    await state(await reactOn(comment, '😂'))
    await putThreadSettings(env.DB, SETTINGS_SITE, 'narrowed', { reactions: ['😢', '👍', '🎉'] })
    const thread = await getThread('narrowed', SETTINGS_SITE)
    // In the site's order; emoji the site does not offer are ignored.
    expect(thread.reactions).toEqual({ available: ['👍', '😢'], showCounts: true })
    await expectError(await reactOn(comment, '😂'), 422, 'reaction_not_allowed')
    expect(await state(await reactOn(comment, '😢'))).toEqual({
      reactions: { '😢': 1 },
      myReaction: '😢',
    })
    expect(await state(await reactOn(comment, '👍'))).toEqual({
      reactions: { '👍': 1 },
      myReaction: '👍',
    })
  })

  it('switches reactions off for one thread', async () => {
    const comment = await postHere('silent')
    await putThreadSettings(env.DB, SETTINGS_SITE, 'silent', { reactions: [] })
    expect((await getThread('silent', SETTINGS_SITE)).reactions.available).toEqual([])
    await expectError(await reactOn(comment, '👍'), 422, 'reaction_not_allowed')
    await putThreadSettings(env.DB, SETTINGS_SITE, 'silent', { reactions: null })
    expect((await getThread('silent', SETTINGS_SITE)).reactions.available).toEqual([
      ...DEFAULT_REACTIONS,
    ])
  })

  it('hides the counts site-wide but keeps the reader’s own reaction', async () => {
    const comment = await postHere('hidden-counts')
    await putSiteSettings(env.DB, SETTINGS_SITE, { reactions: { showCounts: false } })
    try {
      expect(await state(await reactOn(comment, '❤️'))).toEqual({
        reactions: null,
        myReaction: '❤️',
      })
      const { comments } = await getPage('hidden-counts', {}, reader, SETTINGS_SITE)
      expect(comments[0]).toMatchObject({ reactions: null, myReaction: '❤️' })
      expect((await getThread('hidden-counts', SETTINGS_SITE)).reactions.showCounts).toBe(false)
    } finally {
      await putSiteSettings(env.DB, SETTINGS_SITE, { reactions: { showCounts: true } })
    }
  })

  it('switches reactions off site-wide', async () => {
    const comment = await postHere('site-off')
    await putSiteSettings(env.DB, SETTINGS_SITE, { reactions: { set: [] } })
    try {
      await expectError(await reactOn(comment, '👍'), 422, 'reaction_not_allowed')
    } finally {
      await putSiteSettings(env.DB, SETTINGS_SITE, { reactions: { set: [...DEFAULT_REACTIONS] } })
    }
  })

  it('keeps reactions out of "top" when the site says so, re-ranking what is there', async () => {
    // An older comment with five reactions, a newer one without any.
    const popular = await postHere('ranking')
    const fresh = await postHere('ranking')
    await env.DB.prepare('UPDATE comments SET created_at = created_at - 3600000 WHERE id = ?1')
      .bind(popular.id)
      .run()
    for (let i = 0; i < 5; i++) {
      await react(popular.id, '👍', (await newReader(SETTINGS_SITE)).token, SETTINGS_SITE)
    }
    const topOrder = async () =>
      (await getPage('ranking', { sort: 'top' }, undefined, SETTINGS_SITE)).comments.map(
        (c) => c.id
      )
    expect(await topOrder()).toEqual([popular.id, fresh.id])

    await putSiteSettings(env.DB, SETTINGS_SITE, { reactions: { inRanking: false } })
    expect(await topOrder()).toEqual([fresh.id, popular.id])
    const created = (await commentRow(popular.id))!.created_at as number
    expect((await commentRow(popular.id))!.rank).toBe(expectedRank(created, 0, 0))
    // A new reaction does not count either, until the site lets reactions rank again.
    await reactOn(popular, '❤️')
    expect(await topOrder()).toEqual([fresh.id, popular.id])

    await putSiteSettings(env.DB, SETTINGS_SITE, { reactions: { inRanking: true } })
    expect(await topOrder()).toEqual([popular.id, fresh.id])
    expect((await commentRow(popular.id))!.rank).toBe(expectedRank(created, 0, 6))
  })
})
