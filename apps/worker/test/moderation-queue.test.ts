import {
  AdminCommentPageSchema,
  MODERATION_SCAN_MAX,
  MODERATION_SEARCH_MAX,
  type AdminCommentPage,
  type ModerationView,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { queueSql, type QueueRequest } from '../src/db/admin-comments.ts'
import type { StoredStatus } from '../src/db/moderation-writes.ts'
import { ENSURE_THREAD } from '../src/db/threads.ts'
import { createSites, expectBody, expectError, queryPlan, SITE } from './helpers.ts'
import { adminCommentsPath } from './moderation-helpers.ts'
import { admin } from './admin-helpers.ts'

// The queue over a site with TOTAL comments in three threads, inserted straight into D1: every
// view, filter and search, paged, against the same rules computed here from the rows.

const TOTAL = 2400
const FIRST = Date.UTC(2026, 0, 1)
const THREADS = ['queue-a', 'queue-b', 'queue-c']

interface Row {
  i: number
  id: string
  thread: string
  status: StoredStatus
  reader: string
  reportCount: number
  reviewedAt: number | null
  createdAt: number
  text: string
}

const STATUS = (i: number): StoredStatus =>
  (['pending', 'removed', 'spam', 'shadow'] as const)[i % 10] ?? 'published'

/** The rows as the SQL below writes them. Times repeat in pairs, so the rowid breaks ties. */
const ROWS: Row[] = Array.from({ length: TOTAL }, (_, i) => ({
  i,
  id: `c_queue${String(i).padStart(8, '0')}`,
  thread: THREADS[i % 3]!,
  status: STATUS(i),
  reader: `r_queuereader${i % 5}`,
  reportCount: i % 7 === 0 ? 2 : 0,
  // Every 14th comment was reviewed after its reports, every 21st before a newer report.
  reviewedAt: i % 14 === 0 ? FIRST + 10_000_000 : i % 21 === 0 ? FIRST : null,
  createdAt: FIRST + Math.floor(i / 2) * 1000,
  text: `Comment ${i}${i % 97 === 0 ? ' with a Needle_100% in it' : ''}`,
}))

beforeAll(async () => {
  await createSites()
  for (const key of THREADS) await env.DB.prepare(ENSURE_THREAD).bind(SITE, key, FIRST).run()
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?2)
     INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id,
       author_name, text, html, created_at, status, report_count, reviewed_at)
     SELECT id, (SELECT t.id FROM threads t WHERE t.site_id = ?1
         AND t.key = 'queue-' || char(97 + i % 3)), ?1, NULL, id, 0,
       'r_queuereader' || (i % 5), 'Reader ' || (i % 5), text, NULL, ?3 + (i / 2) * 1000,
       CASE i % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'removed' WHEN 2 THEN 'spam'
         WHEN 3 THEN 'shadow' ELSE 'published' END,
       CASE WHEN i % 7 = 0 THEN 2 ELSE 0 END,
       CASE WHEN i % 14 = 0 THEN ?3 + 10000000 WHEN i % 21 = 0 THEN ?3 END
     FROM (SELECT i, 'c_queue' || printf('%08d', i) AS id,
       'Comment ' || i || CASE WHEN i % 97 = 0 THEN ' with a Needle_100% in it' ELSE '' END AS text
       FROM n)`
  )
    .bind(SITE, TOTAL, FIRST)
    .run()
  // Reports for the reported ones: one before any review, one (for every 21st) after it.
  await env.DB.prepare(
    `INSERT INTO reports (comment_id, reader_id, reason, created_at)
     SELECT id, 'r_reporter1', 'spam', ?2 - 1 FROM comments WHERE site_id = ?1 AND report_count > 0
     UNION ALL
     SELECT id, 'r_reporter2', 'abuse', ?2 + 5000000 FROM comments
       WHERE site_id = ?1 AND report_count > 0`
  )
    .bind(SITE, FIRST)
    .run()
})

const newestFirst = (a: Row, b: Row) => b.createdAt - a.createdAt || b.i - a.i

/** The view's rule, as the contract describes it. */
function inView(row: Row, view: ModerationView): boolean {
  switch (view) {
    case 'recent':
      return true
    case 'reported': {
      if (row.reportCount === 0 || !['published', 'pending'].includes(row.status)) return false
      const lastReport = FIRST + 5_000_000
      return row.reviewedAt === null || lastReport > row.reviewedAt
    }
    default:
      return row.status === view
  }
}

async function getQueue(query: Record<string, string | number>): Promise<AdminCommentPage> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))
  return expectBody(await admin(`${adminCommentsPath()}?${qs}`), 200, AdminCommentPageSchema)
}

/** Every page of a query; how many pages it took and how many came back short. */
async function walk(query: Record<string, string | number>) {
  const ids: string[] = []
  let cursor: string | null = null
  let pages = 0
  let short = 0
  do {
    const page: AdminCommentPage = await getQueue({ ...query, ...(cursor ? { cursor } : {}) })
    ids.push(...page.comments.map((c) => c.id))
    cursor = page.nextCursor
    pages++
    if (cursor && page.comments.length < Number(query.limit)) short++
    expect(pages).toBeLessThan(200)
  } while (cursor)
  return { ids, pages, short }
}

const expectedIds = (keep: (row: Row) => boolean) =>
  ROWS.filter(keep)
    .sort(newestFirst)
    .map((row) => row.id)

describe('GET …/comments: the queue', () => {
  it.each<ModerationView>(['pending', 'reported', 'recent', 'removed', 'spam', 'shadow'])(
    'pages through view=%s, newest first, each comment once',
    async (view) => {
      const { ids } = await walk({ view, limit: 97 })
      expect(ids).toEqual(expectedIds((row) => inView(row, view)))
    }
  )

  it('defaults to the pending view', async () => {
    const page = await getQueue({ limit: 5 })
    expect(page.comments.every((c) => c.status === 'pending')).toBe(true)
    expect(page.comments[0]?.id).toBe(expectedIds((row) => row.status === 'pending')[0])
  })

  it('filters by thread and by reader', async () => {
    const byThread = await walk({ view: 'recent', thread: 'queue-b', limit: 100 })
    expect(byThread.ids).toEqual(expectedIds((row) => row.thread === 'queue-b'))
    const byReader = await walk({ view: 'spam', reader: 'r_queuereader2', limit: 20 })
    expect(byReader.ids).toEqual(
      expectedIds((row) => row.status === 'spam' && row.reader === 'r_queuereader2')
    )
    const both = await walk({
      view: 'recent',
      reader: 'r_queuereader1',
      thread: 'queue-c',
      limit: 50,
    })
    expect(both.ids).toEqual(
      expectedIds((row) => row.reader === 'r_queuereader1' && row.thread === 'queue-c')
    )
  })

  it(`searches text and author names, examining at most ${MODERATION_SCAN_MAX} comments a request`, async () => {
    // "needle_100%": case-insensitive, and _ and % match themselves.
    const { ids, pages, short } = await walk({ view: 'recent', q: 'needle_100%', limit: 20 })
    expect(ids).toEqual(expectedIds((row) => row.text.includes('Needle_100%')))
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(TOTAL / MODERATION_SCAN_MAX))
    expect(short).toBeGreaterThan(0)
    const byName = await walk({ view: 'pending', q: 'reader 3', limit: 100 })
    expect(byName.ids).toEqual(
      expectedIds((row) => row.status === 'pending' && row.reader === 'r_queuereader3')
    )
    expect((await walk({ view: 'recent', q: 'needle_1000', limit: 10 })).ids).toEqual([])
  })

  it('searches for the longest text allowed, wildcards and all (D1 refuses long LIKE patterns)', async () => {
    // Found by test/fuzz: a search of a few dozen characters made a LIKE pattern over D1's 50
    // bytes and a 500.
    const q = `${'%_'.repeat(40)}${'é'.repeat(100)}needle`.slice(0, MODERATION_SEARCH_MAX)
    expect((await getQueue({ view: 'recent', q, limit: 10 })).comments).toEqual([])
    const long = 'needle_100%'.padStart(MODERATION_SEARCH_MAX, ' x')
    expect((await getQueue({ view: 'recent', q: long, limit: 10 })).comments).toEqual([])
  })

  it('shows what moderators need on each comment', async () => {
    const page = await getQueue({ view: 'reported', limit: 1 })
    const first = ROWS.filter((row) => inView(row, 'reported')).sort(newestFirst)[0]!
    expect(page.comments[0]).toMatchObject({
      id: first.id,
      thread: { key: first.thread, title: null },
      author: { readerId: first.reader, name: `Reader ${first.i % 5}` },
      status: first.status,
      reportCount: 2,
      reportReasons: { spam: 1, abuse: 1 },
      revisionCount: 0,
      verdict: null,
    })
  })

  it.each([
    ['view', { view: 'hidden' }, 'query.view'],
    ['cursor', { cursor: 'abc' }, 'query.cursor'],
    ['reader', { reader: 'bob' }, 'query.reader'],
    ['limit', { limit: 1000 }, 'query.limit'],
  ])('rejects a bad %s with 400 naming it', async (_, query, path) => {
    const qs = new URLSearchParams(query as Record<string, string>)
    await expectError(await admin(`${adminCommentsPath()}?${qs}`), 400, 'invalid_input', [path])
  })
})

describe('queue query plans', () => {
  const base: QueueRequest = {
    view: 'pending',
    thread: null,
    q: null,
    readerId: null,
    limit: 50,
    after: { createdAt: FIRST, rid: 10 },
  }
  const params = [SITE, FIRST, 10, 1000, 51, 'queue-a', 'r_queuereader1', 'x']
  const bound = (sql: string) =>
    params.slice(0, Math.max(...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1]))))

  it.each<[string, Partial<QueueRequest>, string]>([
    ['pending', { view: 'pending' }, 'comments_by_status'],
    ['spam, searched', { view: 'spam', q: 'x' }, 'comments_by_status'],
    ['reported', { view: 'reported' }, 'comments_reported'],
    ['recent in a thread', { view: 'recent', thread: 'queue-a' }, 'comments_by_site'],
    ['one reader', { view: 'removed', readerId: 'r_queuereader1' }, 'comments_by_reader'],
  ])('scans %s as a range of %s, without reading the whole table', async (_, request, index) => {
    const sql = queueSql({ ...base, ...request })
    for (const statement of [sql.page, sql.scanEnd]) {
      const detail = await queryPlan(statement, ...bound(statement))
      expect(detail).toMatch(new RegExp(`SEARCH c USING (COVERING )?INDEX ${index} \\(site_id=\\?`))
      expect(detail).not.toMatch(/SCAN c\b|SCAN comments/)
    }
  })
})
