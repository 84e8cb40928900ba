import { CommentSchema, PollSchema, ReactionStateSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { isTransientDbFailure, UNAVAILABLE_RETRY_AFTER } from '../src/errors.ts'
import { callWith, D1_MESSAGES, faultyDb, type DbCall, type FaultPlan } from './fault-db.ts'
import {
  commentPath,
  commentRow,
  commentsPath,
  countRows,
  createSites,
  expectBody,
  expectError,
  newReader,
  postComment,
  SITE,
} from './helpers.ts'
import { countRows as pollRows, createPoll, pollPath } from './polls-helpers.ts'

// The database fails in workerd: a proxy around the real D1 binding makes one chosen call fail,
// before it reaches D1 (nothing written) or after it committed (the answer lost). The reader gets
// 503 unavailable with Retry-After, and the same request again changes the data exactly once.

beforeAll(createSites)

const writes = (table: string) => (call: DbCall) =>
  call.kind === 'batch' && call.sql.some((sql) => sql.includes(table))

const BOTH: FaultPlan['at'][] = ['before', 'after']

async function expectUnavailable(res: Response) {
  await expectError(res, 503, 'unavailable')
  expect(res.headers.get('retry-after')).toBe(String(UNAVAILABLE_RETRY_AFTER))
}

async function threadCount(key: string): Promise<number | null> {
  const row = await env.DB.prepare(
    'SELECT comment_count FROM threads WHERE site_id = ?1 AND key = ?2'
  )
    .bind(SITE, key)
    .first<{ comment_count: number }>()
  return row?.comment_count ?? null
}

async function commentsBy(readerId: string): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT id FROM comments WHERE reader_id = ?1')
    .bind(readerId)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

describe('a write that meets a database failure', () => {
  it.each(BOTH)(
    'posting, failing %s commit: 503, then the retry creates exactly one comment',
    async (at) => {
      const thread = `faults/post-${at}`
      const reader = await newReader()
      const faulty = faultyDb({ when: writes('INSERT INTO comments'), at })
      const init = {
        method: 'POST',
        token: reader.token,
        headers: { 'Idempotency-Key': `key-${at}` },
        json: { authorName: 'Ada', text: 'Kept through an outage' },
      }
      await expectUnavailable(await callWith(faulty.db, commentsPath(thread), init))
      expect(faulty.failed()).toBe(true)
      // Before: nothing was written. After: the comment is there, and the reader does not know.
      expect(await commentsBy(reader.readerId)).toHaveLength(at === 'before' ? 0 : 1)

      const retry = await callWith(env.DB, commentsPath(thread), init)
      const comment = await expectBody(retry, at === 'before' ? 201 : 200, CommentSchema)
      const again = await expectBody(
        await callWith(env.DB, commentsPath(thread), init),
        200,
        CommentSchema
      )
      expect(again.id).toBe(comment.id)
      expect(await commentsBy(reader.readerId)).toEqual([comment.id])
      expect(await threadCount(thread)).toBe(1)
    }
  )

  it.each(BOTH)('replying, failing %s commit: one reply, counters exact', async (at) => {
    const thread = `faults/reply-${at}`
    const parent = await postComment((await newReader()).token, thread)
    const reader = await newReader()
    const init = {
      method: 'POST',
      token: reader.token,
      headers: { 'Idempotency-Key': `reply-${at}` },
      json: { authorName: 'Bo', text: 'A reply', parentId: parent.id },
    }
    const faulty = faultyDb({ when: writes('INSERT INTO comments'), at })
    await expectUnavailable(await callWith(faulty.db, commentsPath(thread), init))
    await expectBody(
      await callWith(env.DB, commentsPath(thread), init),
      at === 'before' ? 201 : 200,
      CommentSchema
    )
    await expectBody(await callWith(env.DB, commentsPath(thread), init), 200, CommentSchema)
    expect(await commentsBy(reader.readerId)).toHaveLength(1)
    expect(await commentRow(parent.id)).toMatchObject({ reply_count: 1, descendant_count: 1 })
    expect(await threadCount(thread)).toBe(2)
  })

  it('a failure of the first read, before any write, writes nothing', async () => {
    const thread = 'faults/early'
    const reader = await newReader()
    const faulty = faultyDb({ when: (call) => call.kind !== 'batch', at: 'before' })
    const init = { method: 'POST', token: reader.token, json: { authorName: 'Ada', text: 'Hi' } }
    await expectUnavailable(await callWith(faulty.db, commentsPath(thread), init))
    expect(await commentsBy(reader.readerId)).toEqual([])
    expect(await threadCount(thread)).toBeNull()
  })

  it.each(BOTH)('voting, failing %s commit: one ballot, counters exact', async (at) => {
    const key = `faults-vote-${at}`
    const poll = await createPoll({ key, question: 'Q?', options: ['Yes', 'No'] })
    const reader = await newReader()
    const init = { method: 'PUT', token: reader.token, json: { optionIds: [poll.options[0]!.id] } }
    const faulty = faultyDb({ when: writes('ballots'), at })
    await expectUnavailable(await callWith(faulty.db, `${pollPath(key)}/vote`, init))
    expect(faulty.failed()).toBe(true)
    const voted = await expectBody(
      await callWith(env.DB, `${pollPath(key)}/vote`, init),
      200,
      PollSchema
    )
    expect(voted.myChoices).toEqual([poll.options[0]!.id])
    expect(await pollRows(key)).toEqual({ ballots: 1, votes: 1, voter_count: 1, counted_votes: 1 })
  })

  it.each(BOTH)('reacting, failing %s commit: one reaction, counters exact', async (at) => {
    const comment = await postComment((await newReader()).token, `faults/react-${at}`)
    const reader = await newReader()
    const path = `${commentPath(comment.id)}/reaction`
    const init = { method: 'PUT', token: reader.token, json: { emoji: '👍' } }
    const faulty = faultyDb({ when: writes('reactions'), at })
    await expectUnavailable(await callWith(faulty.db, path, init))
    expect(faulty.failed()).toBe(true)
    const state = await expectBody(await callWith(env.DB, path, init), 200, ReactionStateSchema)
    expect(state.myReaction).toBe('👍')
    expect(await countRows('reactions', comment.id)).toBe(1)
    expect(await commentRow(comment.id)).toMatchObject({
      reaction_count: 1,
      reaction_counts: JSON.stringify({ '👍': 1 }),
    })
  })

  it.each(BOTH)('editing, failing %s commit: one revision', async (at) => {
    const reader = await newReader()
    const comment = await postComment(reader.token, `faults/edit-${at}`, { text: 'First words' })
    const init = { method: 'PATCH', token: reader.token, json: { text: 'Second words' } }
    const faulty = faultyDb({ when: writes('comment_revisions'), at })
    await expectUnavailable(await callWith(faulty.db, commentPath(comment.id), init))
    expect(faulty.failed()).toBe(true)
    const edited = await expectBody(
      await callWith(env.DB, commentPath(comment.id), init),
      200,
      CommentSchema
    )
    expect(edited.text).toBe('Second words')
    expect(await countRows('comment_revisions', comment.id)).toBe(1)
  })

  it('a read that fails answers 503 too, never a 500', async () => {
    const faulty = faultyDb({
      when: () => true,
      at: 'before',
      message: 'D1 DB is overloaded. Too many requests queued.',
    })
    await expectUnavailable(
      await callWith(faulty.db, commentsPath('faults/read'), { method: 'GET' })
    )
  })

  it('a bug in SQL stays a 500 internal, without a stack', async () => {
    const faulty = faultyDb({
      when: () => true,
      at: 'before',
      message: 'D1_ERROR: no such column: nope: SQLITE_ERROR',
    })
    const res = await callWith(faulty.db, commentsPath('faults/bug'), { method: 'GET' })
    const body = await expectError(res, 500, 'internal')
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|at |\.ts/)
  })
})

describe('isTransientDbFailure', () => {
  it.each([
    D1_MESSAGES.before,
    D1_MESSAGES.after,
    'D1 DB is overloaded. Requests queued for too long.',
    'D1_ERROR: D1 DB reset because its code was updated.',
    'D1_ERROR: Internal error while starting up D1 DB storage caused object to be reset.',
    'D1_ERROR: Cannot resolve D1 DB due to transient issue on remote node.',
  ])('retries %s', (message) => {
    expect(isTransientDbFailure(new Error(message))).toBe(true)
    expect(isTransientDbFailure(new Error('D1_ERROR', { cause: new Error(message) }))).toBe(true)
  })

  it.each([
    'D1_ERROR: UNIQUE constraint failed: comments.id: SQLITE_CONSTRAINT',
    'D1_ERROR: no such table: nope: SQLITE_ERROR',
    'D1_TYPE_ERROR: Type undefined is not supported',
    'Cannot read properties of undefined',
  ])('does not retry %s', (message) => {
    expect(isTransientDbFailure(new Error(message))).toBe(false)
  })
})
