import {
  AdminReaderDataSchema,
  ADMIN_ROUTES,
  ErasureResultSchema,
  ReaderSearchSchema,
} from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin, auditOf, createKey, sitePath } from './admin-helpers.ts'
import { ban } from './dsa-helpers.ts'
import { commentRow, createSites, expectBody, expectError, OTHER_SITE } from './helpers.ts'
import { expectCountersExact } from './moderation-helpers.ts'
import { getPoll } from './polls-helpers.ts'
import { debate, reactionAndRankMismatches, rowsNaming } from './privacy-helpers.ts'

// The publisher's side of a data-subject request: find the reader, export, erase (admin role).

beforeAll(createSites)

const find = (query: string, token?: string) =>
  admin(`${sitePath(ADMIN_ROUTES.readers)}?${query}`, token ? { token } : {})
const dataPath = (reader: string, site?: string) =>
  sitePath(ADMIN_ROUTES.readerData, { reader }, site)
const readerPath = (reader: string) => sitePath(ADMIN_ROUTES.reader, { reader })

describe('GET /v1/admin/sites/:site/readers', () => {
  it('finds a reader by id or by one of their comments, with what is stored', async () => {
    const d = await debate()
    const byId = await expectBody(await find(`reader=${d.aId}`), 200, ReaderSearchSchema)
    expect(byId.readers).toEqual([
      expect.objectContaining({
        readerId: d.aId,
        comments: 6,
        votes: 1,
        reactions: 1,
        reports: 1,
        appeals: 1,
      }),
    ])
    expect(byId.readers[0]!.firstSeen! <= byId.readers[0]!.lastSeen!).toBe(true)
    const byComment = await expectBody(await find(`comment=${d.ids.b1}`), 200, ReaderSearchSchema)
    expect(byComment.readers.map((r) => r.readerId)).toHaveLength(1)
    expect(byComment.readers[0]!.comments).toBe(2)
    // An unknown comment, or a site's user nobody signed in as: nobody.
    expect(
      (await expectBody(await find('comment=c_nothinghere00'), 200, ReaderSearchSchema)).readers
    ).toEqual([])
    expect((await expectBody(await find('user=nobody'), 200, ReaderSearchSchema)).readers).toEqual(
      []
    )
  })

  it('asks for exactly one well-formed criterion', async () => {
    await expectError(await find(''), 400, 'invalid_input')
    await expectError(
      await find('reader=r_abcdefghijk&comment=c_abcdefghijk'),
      400,
      'invalid_input'
    )
    await expectError(await find('reader=alice'), 400, 'invalid_input', ['query.reader'])
  })

  it('is for admins only', async () => {
    const moderator = await createKey('moderator')
    await expectError(await find('user=x', moderator.key), 403, 'forbidden')
  })
})

describe('GET /v1/admin/sites/:site/readers/:reader/data', () => {
  it('exports the reader’s data with the publisher’s records, and audits the export', async () => {
    const d = await debate()
    const [b] = await ban({ readerId: d.aId, scope: 'reader' })
    const data = await expectBody(await admin(dataPath(d.aId)), 200, AdminReaderDataSchema.strict())
    expect(data.comments).toHaveLength(6)
    expect(data.votes.map((v) => v.options)).toEqual([['Yes']])
    expect(data.bans.map((x) => x.id)).toEqual([b!.id])
    expect(data.moderation.map((m) => m.commentId)).toEqual(data.comments.map((c) => c.id))
    expect(await auditOf('reader', d.aId)).toEqual([
      expect.objectContaining({ action: 'reader.export', actor: 'owner' }),
    ])
  })

  it('exports nothing of another site', async () => {
    const d = await debate()
    const data = await expectBody(
      await admin(dataPath(d.aId, OTHER_SITE)),
      200,
      AdminReaderDataSchema
    )
    expect(data.comments).toEqual([])
    expect(data.votes).toEqual([])
  })
})

describe('DELETE /v1/admin/sites/:site/readers/:reader', () => {
  it('erases in the site’s mode, or the one asked for, and audits it in the same batch', async () => {
    const d = await debate()
    const result = await expectBody(
      await admin(`${readerPath(d.aId)}?mode=anonymise`, { method: 'DELETE' }),
      200,
      ErasureResultSchema
    )
    expect(result).toMatchObject({ mode: 'anonymise', comments: { anonymised: 6 }, votes: 1 })
    expect((await commentRow(d.ids.a1))!.author_name).toBe('Anonymous')
    expect((await getPoll(d.poll.id)).results!.voters).toBe(2)
    expect(await auditOf('reader', d.aId)).toEqual([
      expect.objectContaining({ action: 'reader.erase', details: { mode: 'anonymise' } }),
    ])
    await expectCountersExact()
    expect(await reactionAndRankMismatches()).toEqual([])
    // Only the audit log names the reader now: who erased whose data, and when.
    expect(await rowsNaming(d.aId)).toEqual(['audit_log: 1'])

    const d2 = await debate()
    const deleted = await expectBody(
      await admin(readerPath(d2.aId), { method: 'DELETE' }),
      200,
      ErasureResultSchema
    )
    expect(deleted).toMatchObject({ mode: 'delete', comments: { removed: 5, placeholders: 1 } })
    await expectCountersExact()
  })

  it('keeps a ban in force on the reader’s token', async () => {
    const d = await debate()
    await ban({ readerId: d.aId, scope: 'reader' })
    await expectBody(await admin(readerPath(d.aId), { method: 'DELETE' }), 200, ErasureResultSchema)
    const data = await expectBody(await admin(dataPath(d.aId)), 200, AdminReaderDataSchema)
    expect(data.comments).toEqual([])
    expect(data.bans).toEqual([expect.objectContaining({ active: true })])
  })

  it('refuses a malformed reader id and an unknown mode', async () => {
    await expectError(await admin(readerPath('nope'), { method: 'DELETE' }), 400, 'invalid_input', [
      'params.reader',
    ])
    await expectError(
      await admin(`${readerPath('r_abcdefghijk')}?mode=shred`, { method: 'DELETE' }),
      400,
      'invalid_input',
      ['query.mode']
    )
  })
})
