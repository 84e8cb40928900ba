import {
  BAN_REASON_MAX,
  BanPageSchema,
  BanSchema,
  BansCreatedSchema,
  ReactionStateSchema,
  ReportSchema,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { findActiveBan } from '../src/db/bans.ts'
import { networkBanHash } from '../src/lib/network-ban-hash.ts'
import { admin, auditOf, createKey } from './admin-helpers.ts'
import { ban, banPath, bansPath } from './dsa-helpers.ts'
import {
  api,
  commentPath,
  commentRow,
  countRows,
  byNewReader,
  createSites,
  expectBody,
  expectError,
  findInTree,
  getPage,
  newReader,
  OTHER_SITE,
  postComment,
  sendComment,
  SITE,
} from './helpers.ts'
import { createPoll, getPoll, vote, withdraw } from './polls-helpers.ts'

const from = (ip: string) => ({ 'cf-connecting-ip': ip })
const react = (id: string, token: string, headers: Record<string, string> = {}) =>
  api(`${commentPath(id)}/reaction`, { method: 'PUT', token, json: { emoji: '👍' }, headers })
const unreact = (id: string, token: string) =>
  api(`${commentPath(id)}/reaction`, { method: 'DELETE', token })
const report = (id: string, token: string, headers: Record<string, string> = {}) =>
  api(`${commentPath(id)}/reports`, { method: 'POST', token, json: { reason: 'spam' }, headers })
const postAs = (token: string, thread: string, headers: Record<string, string> = {}) =>
  sendComment(token, thread, { text: 'Hello again' }, headers)
const postBan = (json: unknown, token?: string) =>
  admin(bansPath(), { method: 'POST', json, ...(token && { token }) })

let seq = 0
const nextThread = () => `bans-${++seq}`

/** A comment by a fresh reader, posted from `ip` when given. */
const authored = (ip?: string) => byNewReader(nextThread(), {}, ip ? from(ip) : {})

/** A comment by another reader to react to or report. */
const someComment = async () => (await authored()).comment

const setExpiry = (id: string, expiresAt: number) =>
  env.DB.prepare('UPDATE bans SET expires_at = ?2 WHERE id = ?1').bind(id, expiresAt).run()

beforeAll(async () => {
  await createSites()
})

describe('POST /v1/admin/sites/:site/bans', () => {
  it('bans the author of a comment by token, for a set duration, with an audit entry', async () => {
    const { reader, comment } = await authored()
    const before = Date.now()
    const res = await postBan({
      commentId: comment.id,
      scope: 'reader',
      durationSeconds: 3600,
      shadow: false,
      reason: ' Hate speech ',
    })
    const { bans } = await expectBody(res, 201, BansCreatedSchema)
    expect(bans).toHaveLength(1)
    const [made] = bans
    expect(made).toMatchObject({
      kind: 'reader',
      subject: reader.readerId,
      commentId: comment.id,
      shadow: false,
      reason: 'Hate speech',
      createdBy: 'owner',
      liftedAt: null,
      active: true,
    })
    const expires = Date.parse(made!.expiresAt!)
    expect(expires).toBeGreaterThanOrEqual(before + 3600_000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000)
    const [entry] = await auditOf('ban', made!.id)
    expect(entry).toMatchObject({ actor: 'owner', action: 'ban.create', reason: 'Hate speech' })
    expect(entry!.details).toMatchObject({
      kind: 'reader',
      readerId: reader.readerId,
      commentId: comment.id,
    })
  })

  it('bans a reader id directly, for good', async () => {
    const reader = await newReader()
    const [made] = await ban({ readerId: reader.readerId, durationSeconds: null })
    expect(made).toMatchObject({ kind: 'reader', subject: reader.readerId, expiresAt: null })
    expect(made!.commentId).toBeNull()
    const found = await findActiveBan(
      env.DB,
      SITE,
      { readerId: reader.readerId, networkHash: null },
      Date.now()
    )
    expect(found).toEqual({ id: made!.id, shadow: false, expiresAt: null })
  })

  it('makes a reader ban and a network ban for scope "both"', async () => {
    const { reader, comment } = await authored('198.51.100.7')
    const bans = await ban({ commentId: comment.id, scope: 'both' })
    expect(bans.map((b) => b.kind)).toEqual(['reader', 'network'])
    expect(bans[0]!.subject).toBe(reader.readerId)
    // The network's HMAC, as stored with the comment: never the address.
    const hash = await networkBanHash(env.READER_TOKEN_SECRET, new Headers(from('198.51.100.7')))
    expect(bans[1]!.subject).toBe(hash)
    expect(JSON.stringify(bans)).not.toContain('198.51')
    expect((await auditOf('ban', bans[1]!.id))[0]!.details).not.toHaveProperty('readerId')
  })

  it('refuses a network ban when the comment has no known network (422 naming body.scope)', async () => {
    const { comment } = await authored()
    await expectError(
      await postBan({
        commentId: comment.id,
        scope: 'network',
        durationSeconds: null,
        reason: 'x',
      }),
      422,
      'network_unknown',
      ['body.scope']
    )
    const reader = await newReader()
    await expectError(
      await postBan({
        readerId: reader.readerId,
        scope: 'both',
        durationSeconds: null,
        reason: 'x',
      }),
      422,
      'network_unknown',
      ['body.scope']
    )
  })

  it('answers 404 for a comment of another site', async () => {
    const reader = await newReader(OTHER_SITE)
    const other = await postComment(reader.token, 'elsewhere', {}, {}, OTHER_SITE)
    await expectError(
      await postBan({ commentId: other.id, durationSeconds: null, reason: 'x' }),
      404,
      'comment_not_found',
      ['body.commentId']
    )
  })

  const R = { readerId: 'r_abcdefghjk', durationSeconds: null, reason: 'x' }
  it.each([
    ['neither commentId nor readerId', { durationSeconds: null, reason: 'x' }, 'body.commentId'],
    ['both commentId and readerId', { ...R, commentId: 'c_abcdefghjk' }, 'body.commentId'],
    ['no durationSeconds', { readerId: R.readerId, reason: 'x' }, 'body.durationSeconds'],
    ['durationSeconds 0', { ...R, durationSeconds: 0 }, 'body.durationSeconds'],
    ['a fractional duration', { ...R, durationSeconds: 1.5 }, 'body.durationSeconds'],
    ['a blank reason', { ...R, reason: '   ' }, 'body.reason'],
    ['a too long reason', { ...R, reason: 'x'.repeat(BAN_REASON_MAX + 1) }, 'body.reason'],
    ['a malformed readerId', { ...R, readerId: 'nobody' }, 'body.readerId'],
    ['an unknown scope', { ...R, scope: 'ip' }, 'body.scope'],
    ['a non-boolean shadow', { ...R, shadow: 'yes' }, 'body.shadow'],
    ['an unknown field', { ...R, ip: '1.2.3.4' }, 'body'],
  ])('refuses %s with 400 naming %s', async (_, body, path) => {
    await expectError(await postBan(body), 400, 'invalid_input', [path])
  })

  it('is open to moderators', async () => {
    const { key } = await createKey('moderator')
    const reader = await newReader()
    const res = await postBan(
      { readerId: reader.readerId, durationSeconds: 60, reason: 'Spam' },
      key
    )
    const { bans } = await expectBody(res, 201, BansCreatedSchema)
    expect(bans[0]!.createdBy).not.toBe('owner')
  })
})

describe('a ban in force', () => {
  it("refuses the reader's reactions, reports and votes with 403 banned", async () => {
    const reader = await newReader()
    const target = await someComment()
    await createPoll({ key: 'banned-vote', question: 'Q?', options: ['A', 'B'] })
    const poll = await getPoll('banned-vote')
    await ban({ readerId: reader.readerId, durationSeconds: 600 })
    const refused = await expectError(await react(target.id, reader.token), 403, 'banned')
    expect(refused.error.message).toMatch(/until \d{4}-/)
    await expectError(await unreact(target.id, reader.token), 403, 'banned')
    await expectError(await report(target.id, reader.token), 403, 'banned')
    await expectError(await vote('banned-vote', [poll.options[0]!.id], reader.token), 403, 'banned')
    await expectError(await withdraw('banned-vote', reader.token), 403, 'banned')
    expect(await countRows('reactions', target.id)).toBe(0)
    expect(await countRows('reports', target.id)).toBe(0)
  })

  it('leaves other readers alone', async () => {
    const banned = await newReader()
    await ban({ readerId: banned.readerId })
    const other = await newReader()
    const target = await someComment()
    await expectBody(await react(target.id, other.token), 200, ReactionStateSchema)
    await expectBody(await report(target.id, other.token), 201, ReportSchema)
  })

  it('is per site', async () => {
    const reader = await newReader()
    await ban({ readerId: reader.readerId })
    expect(
      await findActiveBan(
        env.DB,
        OTHER_SITE,
        { readerId: reader.readerId, networkHash: null },
        Date.now()
      )
    ).toBeNull()
  })

  it('no longer applies once expired', async () => {
    const reader = await newReader()
    const [made] = await ban({ readerId: reader.readerId, durationSeconds: 60 })
    const target = await someComment()
    await expectError(await react(target.id, reader.token), 403, 'banned')
    await setExpiry(made!.id, Date.now() - 1)
    await expectBody(await react(target.id, reader.token), 200, ReactionStateSchema)
    const res = await admin(`${bansPath()}?active=false&limit=100`)
    const page = await expectBody(res, 200, BanPageSchema)
    expect(page.bans.find((b) => b.id === made!.id)).toMatchObject({
      active: false,
      liftedAt: null,
    })
  })

  it('prefers a full ban over a shadow ban when both match', async () => {
    const reader = await newReader()
    await ban({ readerId: reader.readerId, shadow: true })
    const [full] = await ban({ readerId: reader.readerId, durationSeconds: 60 })
    const found = await findActiveBan(
      env.DB,
      SITE,
      { readerId: reader.readerId, networkHash: null },
      Date.now()
    )
    expect(found).toMatchObject({ id: full!.id, shadow: false })
  })
})

describe('network bans', () => {
  it('refuse every reader of the same IPv6 /64, not the next /64', async () => {
    const { comment } = await authored('2001:db8:1:2::1')
    const row = await commentRow(comment.id)
    expect(row!.network_hash).toBe(
      await networkBanHash(env.READER_TOKEN_SECRET, new Headers(from('2001:db8:1:2::1')))
    )
    await ban({ commentId: comment.id, scope: 'network', durationSeconds: 3600 })
    const target = await someComment()
    const neighbour = await newReader()
    const sameNetwork = from('2001:db8:1:2:aaaa:bbbb:cccc:dddd')
    await expectError(await react(target.id, neighbour.token, sameNetwork), 403, 'banned')
    await expectError(await report(target.id, neighbour.token, sameNetwork), 403, 'banned')
    await expectError(await postAs(neighbour.token, nextThread(), sameNetwork), 403, 'banned')
    // The same token from another network is not the banned network.
    const elsewhere = from('2001:db8:1:3::1')
    await expectBody(await react(target.id, neighbour.token, elsewhere), 200, ReactionStateSchema)
    expect((await postAs(neighbour.token, nextThread(), elsewhere)).status).toBe(201)
  })

  it('match an IPv4 address exactly', async () => {
    const { comment } = await authored('203.0.113.10')
    await ban({ commentId: comment.id, scope: 'network' })
    const other = await newReader()
    const target = await someComment()
    await expectError(await react(target.id, other.token, from('203.0.113.10')), 403, 'banned')
    await expectBody(
      await react(target.id, other.token, from('203.0.113.11')),
      200,
      ReactionStateSchema
    )
  })
})

describe('a banned reader posting comments', () => {
  it('is refused with 403 banned, from any network', async () => {
    const { reader, thread } = await authored()
    await ban({ readerId: reader.readerId })
    await expectError(await postAs(reader.token, thread), 403, 'banned')
    await expectError(await postAs(reader.token, thread, from('192.0.2.44')), 403, 'banned')
  })
})

describe('shadow bans', () => {
  it("keep the reader's new comments visible to them only", async () => {
    const { reader, thread } = await authored()
    await ban({ readerId: reader.readerId, shadow: true })
    const res = await postAs(reader.token, thread)
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    expect((await commentRow(id))!.status).toBe('shadow')
    const own = findInTree((await getPage(thread, {}, reader.token)).comments, id)
    expect(own).toMatchObject({ status: 'published', mine: true })
    const someoneElse = await newReader()
    expect(findInTree((await getPage(thread, {}, someoneElse.token)).comments, id)).toBeUndefined()
    expect(findInTree((await getPage(thread)).comments, id)).toBeUndefined()
  })

  it('accept reactions and reports but store nothing', async () => {
    const reader = await newReader()
    await ban({ readerId: reader.readerId, shadow: true })
    const target = await someComment()
    const state = await expectBody(await react(target.id, reader.token), 200, ReactionStateSchema)
    expect(state).toEqual({ reactions: {}, myReaction: '👍' })
    expect(await countRows('reactions', target.id)).toBe(0)
    await expectBody(await unreact(target.id, reader.token), 200, ReactionStateSchema)
    await expectBody(await report(target.id, reader.token), 201, ReportSchema)
    expect(await countRows('reports', target.id)).toBe(0)
    expect((await commentRow(target.id))!.report_count).toBe(0)
  })

  it('let votes count as usual', async () => {
    const reader = await newReader()
    await ban({ readerId: reader.readerId, shadow: true })
    await createPoll({ key: 'shadow-vote', question: 'Q?', options: ['A', 'B'] })
    const poll = await getPoll('shadow-vote')
    const res = await vote('shadow-vote', [poll.options[0]!.id], reader.token)
    expect(res.status).toBe(200)
    expect((await getPoll('shadow-vote')).results?.options[0]?.votes).toBe(1)
  })
})

describe('GET /v1/admin/sites/:site/bans', () => {
  it('pages through bans newest first, filtered by active', async () => {
    await createSites()
    const made = []
    for (let i = 0; i < 3; i++) {
      const reader = await newReader()
      made.push((await ban({ readerId: reader.readerId, reason: `page ${i}` }))[0]!)
    }
    const first = await expectBody(await admin(`${bansPath()}?limit=2`), 200, BanPageSchema)
    expect(first.bans.map((b) => b.id)).toEqual([made[2]!.id, made[1]!.id])
    expect(first.nextCursor).not.toBeNull()
    const second = await expectBody(
      await admin(`${bansPath()}?limit=2&cursor=${first.nextCursor}`),
      200,
      BanPageSchema
    )
    expect(second.bans[0]!.id).toBe(made[0]!.id)
    await admin(banPath(made[1]!.id), { method: 'DELETE' })
    const active = await expectBody(
      await admin(`${bansPath()}?active=true&limit=100`),
      200,
      BanPageSchema
    )
    expect(active.bans.every((b) => b.active)).toBe(true)
    expect(active.bans.map((b) => b.id)).not.toContain(made[1]!.id)
    const inactive = await expectBody(
      await admin(`${bansPath()}?active=false&limit=100`),
      200,
      BanPageSchema
    )
    expect(inactive.bans.map((b) => b.id)).toContain(made[1]!.id)
    expect(inactive.bans.every((b) => !b.active)).toBe(true)
  })

  it.each([
    ['active=yes', 'query.active'],
    ['cursor=nonsense', 'query.cursor'],
    ['limit=0', 'query.limit'],
  ])('refuses ?%s naming %s', async (query, path) => {
    await expectError(await admin(`${bansPath()}?${query}`), 400, 'invalid_input', [path])
  })

  it("shows only the site's own bans", async () => {
    const reader = await newReader(OTHER_SITE)
    const [other] = await ban({ readerId: reader.readerId }, OTHER_SITE)
    const page = await expectBody(await admin(`${bansPath()}?limit=100`), 200, BanPageSchema)
    expect(page.bans.map((b) => b.id)).not.toContain(other!.id)
  })
})

describe('DELETE /v1/admin/sites/:site/bans/:ban', () => {
  it('lifts a ban once, with an audit entry, and the reader may act again', async () => {
    const reader = await newReader()
    const [made] = await ban({ readerId: reader.readerId })
    const target = await someComment()
    await expectError(await react(target.id, reader.token), 403, 'banned')
    const lifted = await expectBody(
      await admin(banPath(made!.id), { method: 'DELETE' }),
      200,
      BanSchema
    )
    expect(lifted).toMatchObject({ id: made!.id, active: false })
    expect(lifted.liftedAt).not.toBeNull()
    await expectBody(await react(target.id, reader.token), 200, ReactionStateSchema)
    // Lifting again changes nothing and leaves no second entry.
    const again = await expectBody(
      await admin(banPath(made!.id), { method: 'DELETE' }),
      200,
      BanSchema
    )
    expect(again.liftedAt).toBe(lifted.liftedAt)
    expect((await auditOf('ban', made!.id)).map((e) => e.action)).toEqual([
      'ban.create',
      'ban.lift',
    ])
  })

  it('answers 404 for an unknown ban or one of another site, 400 for a malformed id', async () => {
    await expectError(
      await admin(banPath('b_abcdefghjkmnpqrs'), { method: 'DELETE' }),
      404,
      'not_found'
    )
    const reader = await newReader(OTHER_SITE)
    const [other] = await ban({ readerId: reader.readerId }, OTHER_SITE)
    await expectError(await admin(banPath(other!.id), { method: 'DELETE' }), 404, 'not_found')
    await expectError(await admin(banPath('nope'), { method: 'DELETE' }), 400, 'invalid_input', [
      'params.ban',
    ])
  })
})
