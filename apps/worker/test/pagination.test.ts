import { PAGE_SIZE_MAX, type CommentSort } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  commentPageReads,
  inlineRepliesSql,
  topLevelIdsSql,
  topLevelPageSql,
  type PageRequest,
} from '../src/db/comment-pages.ts'
import { pageResponsesSql } from '../src/db/expert-responses.ts'
import { expectedRank, insertBulkThread, type BulkRow } from './fixtures.ts'
import { createSites, getPage, newReader, postComment, queryPlan } from './helpers.ts'

const THREAD = 'ten-thousand'
const TOTAL = 10_000
// Ends an hour ago, so the comments posted during the walks rank among the seeded ones in "top".
const FIRST = Date.now() - 60 * 60_000 - Math.ceil(TOTAL / 3) * 1000
const NEW_TEXT: Record<string, string> = {
  en: 'A new comment written while somebody else is reading the older pages of this thread.',
  fr: "Un nouveau commentaire écrit pendant que quelqu'un d'autre lit les pages plus anciennes.",
}

let rows: BulkRow[] = []
let token: string
/** Every comment the walks posted, so later walks can tell them from the seeded ones. */
const postedByWalks = new Set<string>()

beforeAll(async () => {
  await createSites()
  token = (await newReader()).token
  rows = await insertBulkThread(THREAD, TOTAL, {
    idPrefix: 'tk',
    firstCreatedAt: FIRST,
    stepMs: 1000,
  })
})

const byTimeThenId = (a: BulkRow, b: BulkRow) =>
  a.created_at - b.created_at || (a.id < b.id ? -1 : 1)
const rankOf = (row: BulkRow) => expectedRank(row.created_at, 0, row.reaction_count)
const byRankThenIdDescending = (a: BulkRow, b: BulkRow) =>
  rankOf(b) - rankOf(a) || (a.id < b.id ? 1 : -1)

function expectedOrder(sort: CommentSort, lang: string | null): string[] {
  const subset = rows.filter((row) => lang === null || row.lang === lang)
  if (sort === 'top') return subset.sort(byRankThenIdDescending).map((row) => row.id)
  const oldest = subset.sort(byTimeThenId).map((row) => row.id)
  return sort === 'oldest' ? oldest : oldest.reverse()
}

/** Pages through with limit 100, posting a new top-level comment before each next page. */
async function walkWhileOthersPost(sort: CommentSort, lang: string | null) {
  const seen: string[] = []
  const posted = new Set<string>()
  let cursor: string | null = null
  let pages = 0
  do {
    const query = {
      sort,
      limit: PAGE_SIZE_MAX,
      ...(lang ? { lang } : {}),
      ...(cursor ? { cursor } : {}),
    }
    const page = await getPage(THREAD, query)
    expect(page.comments.length).toBeLessThanOrEqual(PAGE_SIZE_MAX)
    seen.push(...page.comments.map((c) => c.id))
    cursor = page.nextCursor
    pages++
    const { id } = await postComment(token, THREAD, { text: NEW_TEXT[lang ?? 'en'] })
    posted.add(id)
    postedByWalks.add(id)
  } while (cursor)
  return { seen, posted, pages }
}

describe('10,000 top-level comments, paged by 100 while new comments arrive', () => {
  describe.each<[CommentSort, string | null]>([
    ['newest', null],
    ['oldest', null],
    ['top', null],
    ['newest', 'fr'],
    ['oldest', 'fr'],
    ['top', 'fr'],
  ])('sort %s, lang %s', (sort, lang) => {
    // About 200 requests (a page and a post each round): more than the default 5 s allows on a
    // busy two-core machine, now that every post also goes through the moderation pipeline.
    it('returns every original comment exactly once, in order, and nothing twice', async () => {
      const expected = expectedOrder(sort, lang)
      const { seen, posted, pages } = await walkWhileOthersPost(sort, lang)
      expect(new Set(seen).size).toBe(seen.length)
      const original = new Set(expected)
      expect(seen.filter((id) => original.has(id))).toEqual(expected)
      // Whatever else the walk met was posted by a walk; newest first never meets its own.
      expect(seen.filter((id) => !original.has(id)).every((id) => postedByWalks.has(id))).toBe(true)
      if (sort === 'newest') expect(seen.some((id) => posted.has(id))).toBe(false)
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected.length / PAGE_SIZE_MAX))
    }, 30_000)
  })

  it('ranks by the documented formula in SQL', async () => {
    const sample = rows.filter((_, i) => i % 997 === 0)
    const stored = await env.DB.prepare(
      'SELECT id, rank FROM comments WHERE id IN (SELECT value FROM json_each(?1))'
    )
      .bind(JSON.stringify(sample.map((row) => row.id)))
      .all<{ id: string; rank: number }>()
    const byId = new Map(stored.results.map((row) => [row.id, row.rank]))
    for (const row of sample) expect(byId.get(row.id)).toBe(rankOf(row))
  })
})

describe('10,000 top-level comments, paged while new comments and replies arrive', () => {
  /**
   * Pages through with limit 100; before each next page, posts a new top-level comment and two
   * replies: one to an original comment the walk has not reached yet (its subtree and, in "top",
   * its rank change) and one to the new comment. Runs after the walks above: the replies change
   * the ranks those expect.
   */
  async function walkWhileOthersReply(sort: 'newest' | 'oldest') {
    const expected = expectedOrder(sort, null)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query = { sort, limit: PAGE_SIZE_MAX, ...(cursor ? { cursor } : {}) }
      const page = await getPage(THREAD, query)
      seen.push(...page.comments.map((c) => c.id))
      cursor = page.nextCursor
      const ahead = expected[Math.min(seen.length + 50, expected.length - 1)]!
      const { id } = await postComment(token, THREAD, { text: NEW_TEXT.en })
      postedByWalks.add(id)
      await postComment(token, THREAD, { text: 'A reply ahead', parentId: ahead })
      await postComment(token, THREAD, { text: 'A reply to the new one', parentId: id })
    } while (cursor)
    return { expected, seen }
  }

  it.each(['newest', 'oldest'] as const)(
    'sort %s returns every original comment exactly once, in order',
    async (sort) => {
      const { expected, seen } = await walkWhileOthersReply(sort)
      expect(new Set(seen).size).toBe(seen.length)
      const original = new Set(expected)
      expect(seen.filter((id) => original.has(id))).toEqual(expected)
      expect(seen.filter((id) => !original.has(id)).every((id) => postedByWalks.has(id))).toBe(true)
    },
    60_000
  )
})

describe('the limit of "top" paging (docs/decisions/0005-top-sort-and-counters.md)', () => {
  it('a reply can lift a comment the walk has not reached above the cursor: it is missed', async () => {
    const thread = 'top-rerank'
    const a = await postComment(token, thread, { text: 'A' })
    const b = await postComment(token, thread, { text: 'B' })
    const c = await postComment(token, thread, { text: 'C' })
    const first = await getPage(thread, { sort: 'top', limit: 1 })
    expect(first.comments.map((x) => x.id)).toEqual([c.id])
    // A new top-level comment ranks by its creation time alone: above the cursor, never met.
    const d = await postComment(token, thread, { text: 'D' })
    await postComment(token, thread, { text: 'A reply', parentId: a.id })
    const rest = await getPage(thread, { sort: 'top', limit: 10, cursor: first.nextCursor! })
    expect(rest.comments.map((x) => x.id)).toEqual([b.id])
    const again = await getPage(thread, { sort: 'top', limit: 10 })
    expect(again.comments.map((x) => x.id)).toEqual([a.id, d.id, c.id, b.id])
  })
})

describe('query plans', () => {
  const INDEXES: Record<PageRequest['sort'], Record<string, string>> = {
    newest: { all: 'comments_top_level', lang: 'comments_top_lang', stance: 'comments_top_stance' },
    oldest: { all: 'comments_top_level', lang: 'comments_top_lang', stance: 'comments_top_stance' },
    top: {
      all: 'comments_top_rank',
      lang: 'comments_top_lang_rank',
      stance: 'comments_top_stance_rank',
    },
  }
  const FILTERS = [
    { filter: 'all', lang: null, stance: null },
    { filter: 'lang', lang: 'fr', stance: null },
    { filter: 'stance', lang: null, stance: 'o_1' },
    { filter: 'stance', lang: null, stance: 'none' },
  ] as const

  // With and without tombstones: the visibility condition (visibleSql) differs.
  describe.each(
    (['newest', 'oldest', 'top'] as const).flatMap((sort) =>
      FILTERS.flatMap((filter) =>
        [false, true].flatMap((after) =>
          [true, false].map((tombstones) => ({ sort, ...filter, after, tombstones }))
        )
      )
    )
  )(
    '$sort, lang $lang, stance $stance, after a cursor: $after, tombstones: $tombstones',
    ({ sort, filter, lang, stance, after, tombstones }) => {
      const page: PageRequest = {
        sort,
        lang,
        stance,
        limit: 20,
        after: after ? { order: sort, lang, stance, key: Date.now(), id: 'c_zzzzzzzzzz' } : null,
      }
      const filterValue = lang ?? (stance === 'o_1' ? 1 : null)
      const params = [1, 21, filterValue, page.after?.key ?? null, page.after?.id ?? null, 'r_x']

      it('reads the page as a range of its index, without a scan or a sort', async () => {
        const detail = await queryPlan(topLevelPageSql(page, { tombstones }, 1), ...params)
        const index = INDEXES[sort][filter]!
        expect(detail).toMatch(new RegExp(`SEARCH c USING (COVERING )?INDEX ${index} \\(`))
        expect(detail).not.toMatch(/SCAN c\b|SCAN comments/)
        expect(detail).not.toMatch(/TEMP B-TREE/)
      })

      it("reads the page's replies by root, without a scan of comments", async () => {
        const detail = await queryPlan(
          inlineRepliesSql(topLevelIdsSql(page, { tombstones }, 1), { tombstones }),
          ...params,
          50
        )
        expect(detail).toMatch(
          /SEARCH c USING INDEX comments_by_root \(root_id=\? AND \(created_at,id\)<\(\?,\?\)\)/
        )
        expect(detail).toMatch(/SEARCH r USING (COVERING )?INDEX comments_by_root \(root_id=\?\)/)
        expect(detail).not.toMatch(/SCAN (c|r|s|comments)\b/)
      })

      // The listing route reads the thread by its key inside the page's own statements.
      const byKey = { siteId: 'news', key: 'k' }
      const byKeyParams = [null, ...params.slice(1), 50, 'news', 'k']

      it('reads the same index range with the thread found by its key', async () => {
        const detail = await queryPlan(topLevelPageSql(page, { tombstones }, byKey), ...byKeyParams)
        expect(detail).toMatch(/SEARCH th USING (COVERING )?INDEX \S+ \(site_id=\? AND key=\?\)/)
        const index = INDEXES[sort][filter]!
        expect(detail).toMatch(new RegExp(`SEARCH c USING (COVERING )?INDEX ${index} \\(`))
        expect(detail).not.toMatch(/SCAN (c|th)\b|SCAN comments|TEMP B-TREE/)
      })

      it("reads the page's expert answers by thread, without a scan", async () => {
        const reads = commentPageReads(env.DB, byKey, page, { tombstones, readerId: 'r_x' })
        const detail = await queryPlan(
          `SELECT * FROM (${pageResponsesSql(reads)})`,
          ...reads.params
        )
        expect(detail).toMatch(
          /SEARCH r USING INDEX expert_responses_by_thread \(thread_id=\? AND status=\?\)/
        )
        expect(detail).not.toMatch(/SCAN (c|r|e|t|th|comments)\b/)
      })
    }
  )
})
