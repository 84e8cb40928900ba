import { REPLIES_INLINE_MAX, ReplyPageSchema, type Comment, type ReplyPage } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { recountThreadWrites } from '../src/db/counters.ts'
import { runAll } from '../src/db/sql.ts'
import { encodeCursor } from '../src/lib/cursor.ts'
import { insertReplies } from './fixtures.ts'
import {
  api,
  commentPath,
  createSites,
  expectBody,
  expectError,
  getPage,
  newReader,
  OTHER_SITE,
  postComment,
  SITE,
} from './helpers.ts'

const THREAD = 'big-subtree'
let token: string
let big: Comment
let small: Comment
let smallReplies: string[]
/** The big subtree in time order: 60 direct replies, then 60 replies to the 10th of them. */
let subtree: string[]
let nestedUnder: string

async function getReplies(id: string, query: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))
  return expectBody(await api(`${commentPath(id)}/replies?${qs}`), 200, ReplyPageSchema)
}

async function walkReplies(
  id: string,
  limit: number,
  between: () => Promise<void> = async () => {}
) {
  const seen: string[] = []
  const pages: ReplyPage[] = []
  let cursor: string | null = null
  do {
    const page = await getReplies(id, { limit, ...(cursor ? { cursor } : {}) })
    pages.push(page)
    seen.push(...page.replies.map((r) => r.id))
    cursor = page.nextCursor
    await between()
  } while (cursor)
  return { seen, pages }
}

beforeAll(async () => {
  await createSites()
  token = (await newReader()).token
  big = await postComment(token, THREAD, { text: 'big' })
  small = await postComment(token, THREAD, { text: 'small' })
  smallReplies = []
  for (let i = 0; i < 3; i++) {
    smallReplies.push((await postComment(token, THREAD, { parentId: small.id })).id)
  }
  // Back an hour, so that replies posted by the tests come after every seeded one.
  const hour = 3_600_000
  await env.DB.prepare('UPDATE comments SET created_at = created_at - ?1 WHERE root_id IN (?2, ?3)')
    .bind(hour, big.id, small.id)
    .run()
  const start = Date.parse(big.createdAt) - hour + 1000
  const direct = await insertReplies({ id: big.id, rootId: big.id, depth: 0 }, 60, {
    idPrefix: 'dr',
    firstCreatedAt: start,
  })
  nestedUnder = direct[9]!
  const nested = await insertReplies({ id: nestedUnder, rootId: big.id, depth: 1 }, 60, {
    idPrefix: 'nr',
    firstCreatedAt: start + 60_000,
  })
  subtree = [...direct, ...nested]
  await runAll(env.DB, recountThreadWrites(SITE, THREAD, 1))
})

describe('replies that come with a page', () => {
  it(`carry at most REPLIES_INLINE_MAX (${REPLIES_INLINE_MAX}) per top-level comment, the oldest, nested`, async () => {
    const { comments } = await getPage(THREAD, { sort: 'oldest' })
    const [first, second] = comments
    expect(first!.id).toBe(big.id)
    expect(first).toMatchObject({ replyCount: 60, descendantCount: 120 })
    // The first 50 of the subtree are the first 50 direct replies (nested ones come later).
    expect(first!.replies.map((r) => r.id)).toEqual(subtree.slice(0, REPLIES_INLINE_MAX))
    expect(first!.replies[9]).toMatchObject({ id: nestedUnder, replyCount: 60, replies: [] })
    // The cap is per top-level comment: the small one still has all of its replies.
    expect(second!.replies.map((r) => r.id)).toEqual(smallReplies)
  })
})

describe('GET /v1/sites/:site/comments/:comment/replies', () => {
  it('pages through the whole subtree, flat, oldest first, each reply once', async () => {
    const { seen, pages } = await walkReplies(big.id, 40)
    expect(seen).toEqual(subtree)
    expect(pages.map((p) => p.replies.length)).toEqual([40, 40, 40])
    expect(pages.at(-1)!.nextCursor).toBeNull()
    const nested = pages[2]!.replies[0]!
    expect(nested.parentId).toBe(nestedUnder)
  })

  it('stays stable while new replies arrive: they come at the end, nothing twice', async () => {
    const posted: string[] = []
    const { seen } = await walkReplies(big.id, 25, async () => {
      if (posted.length < 3) {
        posted.push((await postComment(token, THREAD, { parentId: nestedUnder })).id)
      }
    })
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual([...subtree, ...posted])
  })

  it('pages the subtree of a reply too', async () => {
    const { seen } = await walkReplies(nestedUnder, 7)
    expect(seen.slice(0, 60)).toEqual(subtree.slice(60))
    expect(seen.slice(60)).toHaveLength(3) // the replies posted by the previous test
  })

  it('answers an empty page for a comment without replies', async () => {
    expect(await getReplies(smallReplies[0]!)).toEqual({ replies: [], nextCursor: null })
  })

  it.each([
    ['garbage', { cursor: 'garbage' }, ['query.cursor']],
    [
      'a cursor of a comment page',
      {
        cursor: encodeCursor({
          order: 'oldest',
          lang: null,
          stance: null,
          key: 1,
          id: 'c_0123456789',
        }),
      },
      ['query.cursor'],
    ],
    ['a limit of 0', { limit: 0 }, ['query.limit']],
  ])('rejects %s with 400 naming the query field', async (_, query, paths) => {
    const qs = new URLSearchParams(query as Record<string, string>)
    const res = await api(`${commentPath(big.id)}/replies?${qs}`)
    await expectError(res, 400, 'invalid_input', paths)
  })

  it('answers 404 comment_not_found for an unknown comment or one of another site', async () => {
    await expectError(
      await api(`${commentPath('c_0123456789abc')}/replies`),
      404,
      'comment_not_found'
    )
    await expectError(
      await api(`${commentPath(big.id, OTHER_SITE)}/replies`),
      404,
      'comment_not_found'
    )
    await expectError(await api(`${commentPath('nope')}/replies`), 400, 'invalid_input', [
      'params.comment',
    ])
  })
})
