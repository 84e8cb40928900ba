import {
  AdminAppealPageSchema,
  AdminAppealSchema,
  AdminNoticePageSchema,
  AdminNoticeSchema,
  AppealSchema,
  NoticeReceiptSchema,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  adminAppealsPath,
  adminNoticesPath,
  appealDecisionPath,
  decideNotice,
  fileAppeal,
  fileNotice,
  NOTICE,
  noticeOn,
  removeByNotice,
} from './dsa-helpers.ts'
import {
  commentRow,
  byNewReader,
  createSites,
  expectBody,
  expectError,
  findInTree,
  getPage,
  getThread,
  newReader,
  OTHER_ORIGIN,
  OTHER_SITE,
  postComment,
  SITE_ORIGIN,
} from './helpers.ts'
import { admin, auditOf } from './admin-helpers.ts'

let seq = 0

/** A comment by a fresh reader in a fresh thread. */
const authored = (text = 'The new border policy will not stop the smugglers.') =>
  byNewReader(`dsa-${++seq}`, { text })

const decideAppeal = (comment: string, body: unknown) =>
  admin(appealDecisionPath(comment), { method: 'POST', json: body })

const setStatus = (id: string, status: string) =>
  env.DB.prepare('UPDATE comments SET status = ?2 WHERE id = ?1').bind(id, status).run()

beforeAll(async () => {
  await createSites()
})

describe('POST /v1/sites/:site/comments/:comment/notices', () => {
  it('takes a notice from anyone, without a reader token', async () => {
    const { comment } = await authored()
    const before = Date.now()
    const receipt = await expectBody(await fileNotice(comment.id), 201, NoticeReceiptSchema)
    expect(receipt.id).toMatch(/^n_/)
    expect(Date.parse(receipt.receivedAt)).toBeGreaterThanOrEqual(before)
    const row = await env.DB.prepare('SELECT * FROM notices WHERE id = ?1').bind(receipt.id).first()
    expect(row).toMatchObject({
      site_id: 'news',
      comment_id: comment.id,
      law: NOTICE.law,
      reporter_name: 'Eva Example',
      reporter_email: 'eva@example.org',
      status: 'open',
    })
  })

  it("takes it from the site's own pages and refuses other origins", async () => {
    const { comment } = await authored()
    await expectBody(
      await fileNotice(comment.id, NOTICE, { origin: SITE_ORIGIN }),
      201,
      NoticeReceiptSchema
    )
    await expectError(
      await fileNotice(comment.id, NOTICE, { origin: OTHER_ORIGIN }),
      403,
      'forbidden_origin'
    )
  })

  it('names every missing field', async () => {
    const { comment } = await authored()
    await expectError(await fileNotice(comment.id, {}), 400, 'invalid_input', [
      'body.law',
      'body.explanation',
      'body.name',
      'body.email',
      'body.goodFaith',
    ])
  })

  it.each([
    ['a malformed email', { email: 'not an address' }, 'body.email'],
    ['goodFaith false', { goodFaith: false }, 'body.goodFaith'],
    ['a blank law', { law: '   ' }, 'body.law'],
    ['a too long explanation', { explanation: 'x'.repeat(5001) }, 'body.explanation'],
    ['an empty name', { name: '' }, 'body.name'],
  ])('refuses %s naming %s', async (_, change, path) => {
    const { comment } = await authored()
    await expectError(
      await fileNotice(comment.id, { ...NOTICE, ...change }),
      400,
      'invalid_input',
      [path]
    )
  })

  it('answers 404 for a comment of another site or none', async () => {
    const reader = await newReader(OTHER_SITE)
    const other = await postComment(reader.token, 'elsewhere', {}, {}, OTHER_SITE)
    await expectError(await fileNotice(other.id), 404, 'comment_not_found')
    await expectError(await fileNotice('c_abcdefghjkmnpqrs'), 404, 'comment_not_found')
    await expectError(await fileNotice('nope'), 400, 'invalid_input', ['params.comment'])
  })

  it('limits notices per network', async () => {
    const { comment } = await authored()
    const headers = { 'cf-connecting-ip': '192.0.2.200' }
    for (let i = 0; i < 20; i++) {
      expect((await fileNotice(comment.id, NOTICE, headers)).status).toBe(201)
    }
    const refused = await expectError(
      await fileNotice(comment.id, NOTICE, headers),
      429,
      'rate_limited'
    )
    expect(refused.error.message).toMatch(/notices/)
    expect(
      (await fileNotice(comment.id, NOTICE, { 'cf-connecting-ip': '192.0.2.201' })).status
    ).toBe(201)
  })
})

describe('GET /v1/admin/sites/:site/notices', () => {
  it('lists notices newest first with the comment excerpt, filtered by status', async () => {
    const long = `${'Word '.repeat(100)}end`
    const { comment, thread } = await authored(long)
    const first = await noticeOn(comment.id)
    const second = await noticeOn(comment.id)
    const page = await expectBody(
      await admin(`${adminNoticesPath()}?status=open&limit=2`),
      200,
      AdminNoticePageSchema
    )
    expect(page.notices.map((n) => n.id)).toEqual([second.id, first.id])
    expect(page.notices[0]).toMatchObject({
      law: NOTICE.law,
      explanation: NOTICE.explanation,
      name: NOTICE.name,
      email: NOTICE.email,
      status: 'open',
      decision: null,
      decidedAt: null,
      comment: { id: comment.id, thread, authorName: 'Ada', status: 'published', deleted: false },
    })
    expect(page.notices[0]!.comment.excerpt).toBe(long.slice(0, 280))
    const next = await expectBody(
      await admin(`${adminNoticesPath()}?status=open&limit=2&cursor=${page.nextCursor}`),
      200,
      AdminNoticePageSchema
    )
    expect(next.notices.map((n) => n.id)).not.toContain(second.id)
    const dismissed = await expectBody(
      await admin(`${adminNoticesPath()}?status=dismissed`),
      200,
      AdminNoticePageSchema
    )
    expect(dismissed.notices.map((n) => n.id)).not.toContain(first.id)
  })

  it('refuses an unknown status naming query.status', async () => {
    await expectError(await admin(`${adminNoticesPath()}?status=closed`), 400, 'invalid_input', [
      'query.status',
    ])
  })

  it("shows only the site's own notices", async () => {
    const reader = await newReader(OTHER_SITE)
    const other = await postComment(reader.token, 'elsewhere', {}, {}, OTHER_SITE)
    const receipt = await noticeOn(other.id, OTHER_SITE)
    const page = await expectBody(
      await admin(`${adminNoticesPath()}?limit=100`),
      200,
      AdminNoticePageSchema
    )
    expect(page.notices.map((n) => n.id)).not.toContain(receipt.id)
  })
})

describe('POST /v1/admin/sites/:site/notices/:notice/decision', () => {
  it('removes the comment with a statement of reasons, in one audited batch', async () => {
    const { comment, thread } = await authored()
    expect(comment.status).toBe('published')
    const countBefore = (await getThread(thread)).commentCount
    const { id } = await noticeOn(comment.id)
    const statement = 'Removed: incitement to hatred (German Criminal Code § 130). You may appeal.'
    const decided = await expectBody(
      await decideNotice(id, { action: 'remove', reason: 'illegal', statement }),
      200,
      AdminNoticeSchema
    )
    expect(decided).toMatchObject({ status: 'actioned', decision: statement })
    expect(decided.comment).toMatchObject({
      status: 'removed',
      removal: { reason: 'illegal', statement },
    })
    const row = await commentRow(comment.id)
    expect(row!.status).toBe('removed')
    expect(JSON.parse(row!.removal as string)).toMatchObject({ reason: 'illegal', statement })
    expect((await getThread(thread)).commentCount).toBe(countBefore - 1)
    expect((await auditOf('notice', id)).map((e) => e.action)).toEqual(['notice.action'])
    const [removal] = await auditOf('comment', comment.id)
    expect(removal).toMatchObject({ action: 'comment.remove', reason: statement, actor: 'owner' })
  })

  it('leaves a tombstone with the statement for readers', async () => {
    const { comment, thread } = await authored()
    await removeByNotice(comment.id, 'Hate speech is not allowed here.')
    const seen = findInTree((await getPage(thread)).comments, comment.id)
    expect(seen).toMatchObject({
      status: 'removed',
      text: '',
      html: '',
      removal: { reason: 'illegal', statement: 'Hate speech is not allowed here.', appeal: null },
    })
  })

  it('dismisses a notice and leaves the comment published', async () => {
    const { comment } = await authored('A sharp but lawful opinion.')
    const { id } = await noticeOn(comment.id)
    const decided = await expectBody(
      await decideNotice(id, { action: 'dismiss', statement: 'Lawful criticism.' }),
      200,
      AdminNoticeSchema
    )
    expect(decided).toMatchObject({ status: 'dismissed', decision: 'Lawful criticism.' })
    expect(decided.decidedAt).not.toBeNull()
    expect((await commentRow(comment.id))!.status).toBe('published')
    expect((await auditOf('notice', id)).map((e) => e.action)).toEqual(['notice.dismiss'])
    expect(await auditOf('comment', comment.id)).toEqual([])
  })

  it('actions a second notice on a removed comment without removing it twice', async () => {
    const { comment } = await authored()
    await removeByNotice(comment.id)
    const { id } = await noticeOn(comment.id)
    await expectBody(
      await decideNotice(id, { action: 'remove', reason: 'hate', statement: 'Also hateful.' }),
      200,
      AdminNoticeSchema
    )
    expect((await auditOf('comment', comment.id)).map((e) => e.action)).toEqual(['comment.remove'])
  })

  it('refuses to decide a notice twice (409 conflict)', async () => {
    const { comment } = await authored()
    const { id } = await noticeOn(comment.id)
    await decideNotice(id, { action: 'dismiss', statement: 'Lawful.' })
    await expectError(
      await decideNotice(id, { action: 'remove', reason: 'hate', statement: 'Changed my mind.' }),
      409,
      'conflict'
    )
    expect((await commentRow(comment.id))!.status).toBe('published')
  })

  it.each([
    ['remove without a reason', { action: 'remove', statement: 'None given.' }, 'body.reason'],
    ['an unknown reason', { action: 'remove', reason: 'rude', statement: 'x' }, 'body.reason'],
    ['an unknown action', { action: 'delete', statement: 'x' }, 'body.action'],
    ['no statement', { action: 'dismiss' }, 'body.statement'],
    ['a too long statement', { action: 'dismiss', statement: 'x'.repeat(2001) }, 'body.statement'],
  ])('refuses %s naming %s', async (_, body, path) => {
    const { comment } = await authored()
    const { id } = await noticeOn(comment.id)
    await expectError(await decideNotice(id, body), 400, 'invalid_input', [path])
  })

  it('answers 404 for an unknown notice', async () => {
    await expectError(
      await decideNotice('n_abcdefghjkmnpqrs', { action: 'dismiss', statement: 'x' }),
      404,
      'not_found'
    )
  })
})

describe('POST /v1/sites/:site/comments/:comment/appeal', () => {
  it("takes the author's appeal against a removal, once", async () => {
    const { reader, comment, thread } = await authored()
    await removeByNotice(comment.id)
    const appeal = await expectBody(
      await fileAppeal(comment.id, reader.token, ' It was satire. '),
      201,
      AppealSchema
    )
    expect(appeal).toMatchObject({ commentId: comment.id, status: 'open', text: 'It was satire.' })
    await expectError(await fileAppeal(comment.id, reader.token, 'Again'), 409, 'appeal_exists')
    // The author sees the appeal on their comment; others see only the tombstone.
    const own = findInTree((await getPage(thread, {}, reader.token)).comments, comment.id)
    expect(own).toMatchObject({ status: 'removed', removal: { appeal: 'open' } })
    expect(own!.text).not.toBe('')
    const publicView = findInTree((await getPage(thread)).comments, comment.id)
    expect(publicView!.removal!.appeal).toBeNull()
  })

  it('takes an appeal against a spam verdict', async () => {
    const { reader, comment } = await authored()
    await setStatus(comment.id, 'spam')
    await expectBody(await fileAppeal(comment.id, reader.token, 'Not spam.'), 201, AppealSchema)
  })

  it('refuses other readers (403), no token (401), and a comment not removed (409)', async () => {
    const { reader, comment } = await authored()
    await expectError(await fileAppeal(comment.id, reader.token, 'Why?'), 409, 'not_removed')
    await removeByNotice(comment.id)
    const other = await newReader()
    await expectError(await fileAppeal(comment.id, other.token, 'Why?'), 403, 'forbidden')
    await expectError(await fileAppeal(comment.id, undefined, 'Why?'), 401, 'unauthorized')
    await expectError(await fileAppeal(comment.id, reader.token, '  '), 400, 'invalid_input', [
      'body.text',
    ])
    await expectError(
      await fileAppeal('c_abcdefghjkmnpqrs', reader.token, 'Why?'),
      404,
      'comment_not_found'
    )
  })
})

describe('appeal decisions', () => {
  async function appealed() {
    const made = await authored()
    await removeByNotice(made.comment.id)
    await expectBody(
      await fileAppeal(made.comment.id, made.reader.token, 'Please reconsider.'),
      201,
      AppealSchema
    )
    return made
  }

  it('lists appeals with the removed comment, filtered by status', async () => {
    const { comment } = await appealed()
    const page = await expectBody(
      await admin(`${adminAppealsPath()}?status=open`),
      200,
      AdminAppealPageSchema
    )
    const listed = page.appeals.find((a) => a.comment.id === comment.id)
    expect(listed).toMatchObject({
      text: 'Please reconsider.',
      status: 'open',
      decision: null,
      comment: { status: 'removed', removal: { reason: 'illegal' } },
    })
    const reversed = await expectBody(
      await admin(`${adminAppealsPath()}?status=reversed`),
      200,
      AdminAppealPageSchema
    )
    expect(reversed.appeals.map((a) => a.comment.id)).not.toContain(comment.id)
  })

  it('pages appeals with a cursor', async () => {
    await appealed()
    await appealed()
    const first = await expectBody(
      await admin(`${adminAppealsPath()}?limit=1`),
      200,
      AdminAppealPageSchema
    )
    expect(first.appeals).toHaveLength(1)
    const second = await expectBody(
      await admin(`${adminAppealsPath()}?limit=1&cursor=${first.nextCursor}`),
      200,
      AdminAppealPageSchema
    )
    expect(second.appeals[0]!.comment.id).not.toBe(first.appeals[0]!.comment.id)
  })

  it('upholds a removal: the comment stays removed and the author sees "upheld"', async () => {
    const { reader, comment, thread } = await appealed()
    const decided = await expectBody(
      await decideAppeal(comment.id, { outcome: 'upheld', decision: 'The removal stands.' }),
      200,
      AdminAppealSchema
    )
    expect(decided).toMatchObject({ status: 'upheld', decision: 'The removal stands.' })
    expect((await commentRow(comment.id))!.status).toBe('removed')
    const own = findInTree((await getPage(thread, {}, reader.token)).comments, comment.id)
    expect(own!.removal!.appeal).toBe('upheld')
    expect((await auditOf('appeal', comment.id)).map((e) => e.action)).toEqual(['appeal.uphold'])
  })

  it('reverses a removal: the comment is published again and counted', async () => {
    const { comment, thread } = await appealed()
    const countBefore = (await getThread(thread)).commentCount
    const decided = await expectBody(
      await decideAppeal(comment.id, { outcome: 'reversed', decision: 'On reflection, satire.' }),
      200,
      AdminAppealSchema
    )
    expect(decided).toMatchObject({
      status: 'reversed',
      comment: { status: 'published', removal: null },
    })
    expect((await commentRow(comment.id))!.status).toBe('published')
    expect((await getThread(thread)).commentCount).toBe(countBefore + 1)
    const seen = findInTree((await getPage(thread)).comments, comment.id)
    expect(seen).toMatchObject({ status: 'published', removal: null })
    expect((await auditOf('appeal', comment.id)).map((e) => e.action)).toEqual(['appeal.reverse'])
    expect((await auditOf('comment', comment.id)).map((e) => e.action)).toEqual([
      'comment.remove',
      'comment.restore',
    ])
  })

  it('refuses a second decision (409), an unknown appeal (404) and bad bodies (400)', async () => {
    const { comment } = await appealed()
    await expectError(
      await decideAppeal(comment.id, { outcome: 'maybe', decision: 'x' }),
      400,
      'invalid_input',
      ['body.outcome']
    )
    await expectError(await decideAppeal(comment.id, { outcome: 'upheld' }), 400, 'invalid_input', [
      'body.decision',
    ])
    await decideAppeal(comment.id, { outcome: 'upheld', decision: 'Stands.' })
    await expectError(
      await decideAppeal(comment.id, { outcome: 'reversed', decision: 'Changed.' }),
      409,
      'conflict'
    )
    expect((await commentRow(comment.id))!.status).toBe('removed')
    await expectError(
      await decideAppeal('c_abcdefghjkmnpqrs', { outcome: 'upheld', decision: 'x' }),
      404,
      'not_found'
    )
  })
})
