import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  moderationReader,
  PRIOR_COMMENTS_MAX,
  READER_HISTORY_SQL,
  readerHistory,
} from '../src/db/reader-history.ts'
import { ensureThread } from '../src/db/threads.ts'
import { newCommentId, newReaderId } from '../src/lib/ids.ts'
import { createSites, OTHER_SITE, queryPlan, SITE } from './helpers.ts'

const db = env.DB
const T0 = Date.UTC(2026, 10, 1)

// Rows written directly (the route's insert is not what this tests): only the columns the history
// reads, with the status the pipeline or a moderator gave the comment.
const INSERT = `INSERT INTO comments (id, thread_id, site_id, root_id, reader_id, author_name, text,
    html, created_at, status)
  SELECT ?1, id, site_id, ?1, ?2, 'Ada', 'Hello', '<p>Hello</p>', ?3, ?4 FROM threads
  WHERE site_id = ?5 AND key = 'history-thread'`

function insert(readerId: string, createdAt: number, status: string, site: string) {
  return db.prepare(INSERT).bind(newCommentId(), readerId, createdAt, status, site)
}

async function post(
  readerId: string,
  createdAt: number,
  { site = SITE, status = 'published' } = {}
): Promise<void> {
  await db.batch([
    ensureThread(db, site, 'history-thread', T0),
    insert(readerId, createdAt, status, site),
  ])
}

beforeAll(createSites)

describe('readerHistory', () => {
  it('knows nothing of a new reader', async () => {
    expect(await readerHistory(db, SITE, newReaderId(), T0)).toEqual({
      priorComments: 0,
      lastCommentAt: null,
    })
  })

  it("counts the reader's published comments on the site and their latest comment", async () => {
    const reader = newReaderId()
    await post(reader, T0 - 60_000)
    await post(reader, T0 - 30_000)
    await post(reader, T0 - 5_000, { status: 'pending' })
    // Another site's and another reader's comments do not count.
    await post(reader, T0 - 1_000, { site: OTHER_SITE })
    await post(newReaderId(), T0 - 1_000)

    expect(await readerHistory(db, SITE, reader, T0)).toEqual({
      priorComments: 2,
      lastCommentAt: T0 - 5_000,
    })
    expect(await readerHistory(db, OTHER_SITE, reader, T0)).toEqual({
      priorComments: 1,
      lastCommentAt: T0 - 1_000,
    })
  })

  it('does not count held, rejected, shadow or removed comments as a known reader', async () => {
    const reader = newReaderId()
    for (const [i, status] of ['pending', 'spam', 'shadow', 'removed'].entries()) {
      await post(reader, T0 - 10_000 + i, { status })
    }
    expect(await readerHistory(db, SITE, reader, T0)).toEqual({
      priorComments: 0,
      lastCommentAt: T0 - 10_000 + 3,
    })
  })

  it('looks only at comments up to `now`', async () => {
    const reader = newReaderId()
    await post(reader, T0 - 1_000)
    await post(reader, T0 + 1_000)
    expect(await readerHistory(db, SITE, reader, T0)).toEqual({
      priorComments: 1,
      lastCommentAt: T0 - 1_000,
    })
  })

  it(`caps the count at ${PRIOR_COMMENTS_MAX}`, async () => {
    const reader = newReaderId()
    await post(reader, T0 - 100_000)
    const inserts = Array.from({ length: PRIOR_COMMENTS_MAX + 4 }, (_, i) =>
      insert(reader, T0 - 100_000 + i + 1, 'published', SITE)
    )
    await db.batch(inserts)
    const history = await readerHistory(db, SITE, reader, T0)
    expect(history.priorComments).toBe(PRIOR_COMMENTS_MAX)
    expect(history.lastCommentAt).toBe(T0 - 100_000 + PRIOR_COMMENTS_MAX + 4)
  })

  it('reads the comments_by_reader index, never the whole table', async () => {
    const plan = await queryPlan(READER_HISTORY_SQL, SITE, 'r_x', T0)
    expect(plan).toMatch(/comments_by_reader/)
    expect(plan).not.toMatch(/SCAN comments\b/)
  })
})

describe('moderationReader', () => {
  it('gives the pipeline seconds since the last comment', () => {
    expect(moderationReader({ priorComments: 3, lastCommentAt: T0 - 4_500 }, T0)).toEqual({
      priorComments: 3,
      secondsSinceLastComment: 4.5,
    })
    expect(moderationReader({ priorComments: 0, lastCommentAt: null }, T0)).toEqual({
      priorComments: 0,
      secondsSinceLastComment: null,
    })
    // A clock that went backwards is "just now", not negative.
    expect(
      moderationReader({ priorComments: 1, lastCommentAt: T0 + 500 }, T0).secondsSinceLastComment
    ).toBe(0)
  })
})
