// bench:list-100k — how long listing a 100,000-comment thread takes: the first page and a deep
// page (page 500) of every sort, and the first page of one language.
//
//   pnpm --filter @parley/bench bench:list-100k [-- --runs 200]
//
// 1. Seeds a local D1 (Miniflare, the simulator `wrangler dev` runs on) with the Worker's
//    migrations and 100,000 comments: 25,000 top-level in four languages and 75,000 replies up to
//    four levels deep, a few subtrees larger than one page, reactions, and the counters and
//    "top" rank the API keeps (each stage is one INSERT … SELECT from a recursive CTE).
// 2. Times, per case, over --runs runs:
//    - the Worker's own listing function (apps/worker/src/db/comments.ts, imported, so the SQL is
//      exactly what the API runs), called on the D1 binding; for each of its statements the time
//      D1 reports for the SQL and the round trip through the binding;
//    - the same statements, with the same parameters, replayed on node:sqlite, whose clock
//      resolves microseconds (D1 reports whole milliseconds);
//    - the whole HTTP route, GET …/comments, through the Worker's own bundle in the same Miniflare.
//    It also prints each statement's query plan, so a full table scan shows.
// The target (targets.md): p99 < 20 ms per query. See README.md for how to read the output.
import { Miniflare, convertV4MiniflareOptions } from 'miniflare'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { DEFAULT_REACTIONS, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@parley/core/limits'
import {
  run,
  scriptArgs,
  stopAfter,
  stopAll,
  stopChildrenOnExit,
  WRANGLER,
} from './lib/processes.ts'
import { machine, ms, percentile, table } from './lib/stats.ts'

const { values: args } = parseArgs({
  args: scriptArgs(),
  options: {
    runs: { type: 'string', default: '200' },
    'time-limit': { type: 'string', default: '175' },
  },
})
const RUNS = Number(args.runs)
/** Untimed runs first, per case: the JIT and SQLite's page cache warm up. */
const WARMUP = 20
const WORKER_DIR = resolve(import.meta.dirname, '../../apps/worker')
const SITE = 'bench'
const THREAD = 'big-thread'
const TOTAL = 100_000
const TOP_LEVEL = 25_000
const DEEP_PAGE = 500
const PAGE = PAGE_SIZE_DEFAULT
const TARGET_P99_MS = 20

// ---------------------------------------------------------------------------------------------
// The D1 surface the Worker's query modules use, typed here so the bench needs no Workers types.

interface D1Meta {
  duration?: number
  rows_read?: number
}
interface D1Result<T = Record<string, unknown>> {
  results: T[]
  meta: D1Meta
}
interface D1Statement {
  bind(...values: unknown[]): D1Statement
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>
  first<T = Record<string, unknown>>(column?: string): Promise<T | null>
  run(): Promise<D1Result>
  raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[]>
}
interface D1 {
  prepare(sql: string): D1Statement
  batch(statements: D1Statement[]): Promise<D1Result[]>
  exec(sql: string): Promise<unknown>
}

interface Cursor {
  [key: string]: unknown
}
/** The listing function of apps/worker/src/db/comment-pages.ts, as the route calls it. */
type LoadPage = (
  db: D1,
  threadId: number,
  page: {
    sort: string
    lang: string | null
    stance: string | null
    limit: number
    after: Cursor | null
  },
  view: {
    readerId: string | null
    reactions: { available: string[]; showCounts: boolean }
    now: number
  }
) => Promise<{ comments: unknown[] }>

/** …and its function for the rest of a subtree ("Show N more replies"). */
type LoadReplies = (
  db: D1,
  comment: { id: string; parentId: string | null },
  page: { limit: number; after: Cursor | null },
  view: Parameters<LoadPage>[3]
) => Promise<{ replies: unknown[] }>

/** …and the balanced sort's (apps/worker/src/db/balanced-pages.ts). */
type LoadBalanced = (
  db: D1,
  threadId: number,
  request: { groups: string[]; limit: number; after: Cursor | null },
  view: Parameters<LoadPage>[3]
) => Promise<{ comments: unknown[] }>

// ---------------------------------------------------------------------------------------------
// Schema and seed.

/**
 * The statements of a migration file, as wrangler applies them: split on `;` outside comments,
 * string literals and the BEGIN … END body of a CREATE TRIGGER (where CASE … END also nests).
 */
export function splitSql(sql: string): string[] {
  const out: string[] = []
  let current = ''
  let triggerDepth = 0
  let caseDepth = 0
  let i = 0
  const isWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_$]/.test(ch)
  while (i < sql.length) {
    const ch = sql[i]!
    if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++
      continue
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2)
      i = close === -1 ? sql.length : close + 2
      continue
    }
    if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      const closing = ch === '[' ? ']' : ch
      let j = i + 1
      while (j < sql.length) {
        if (sql[j] === closing) {
          if (closing !== ']' && sql[j + 1] === closing) j += 2
          else break
        } else j++
      }
      current += sql.slice(i, j + 1)
      i = j + 1
      continue
    }
    if (isWord(ch) && !isWord(sql[i - 1])) {
      let j = i
      while (isWord(sql[j])) j++
      const word = sql.slice(i, j).toUpperCase()
      if (word === 'BEGIN' && /^\s*CREATE\s+(TEMP\w*\s+)?TRIGGER\b/i.test(current)) triggerDepth++
      else if (word === 'CASE' && triggerDepth > 0) caseDepth++
      else if (word === 'END' && caseDepth > 0) caseDepth--
      else if (word === 'END' && triggerDepth > 0) triggerDepth--
      current += sql.slice(i, j)
      i = j
      continue
    }
    if (ch === ';' && triggerDepth === 0) {
      if (current.trim()) out.push(current.trim())
      current = ''
      i++
      continue
    }
    current += ch
    i++
  }
  if (current.trim()) out.push(current.trim())
  return out
}

function migrations(): { name: string; sql: string }[] {
  const dir = join(WORKER_DIR, 'migrations')
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }))
}

const BASE_TIME = Date.UTC(2026, 0, 1)
const seq = (from: number, to: number) =>
  `WITH RECURSIVE seq(k) AS (SELECT ${from} UNION ALL SELECT k + 1 FROM seq WHERE k < ${to})`
const TEXTS: Record<string, string> = {
  en: 'Prevention starts with schools, helplines and labour inspections that actually visit farms and kitchens.',
  fr: "La prévention commence à l'école, avec des lignes d'écoute et des inspections du travail dans les fermes.",
  nl: 'Preventie begint op school, met hulplijnen en arbeidsinspecties die echt langs boerderijen en keukens gaan.',
  de: 'Prävention beginnt in der Schule, mit Hotlines und Arbeitsinspektionen, die Höfe und Küchen wirklich besuchen.',
}
/** en 60 %, fr 20 %, nl 10 %, de 10 %, spread evenly over time. */
const langOf = (n: string) =>
  `(CASE ${n} % 10 WHEN 0 THEN 'fr' WHEN 1 THEN 'fr' WHEN 2 THEN 'nl' WHEN 3 THEN 'de' ELSE 'en' END)`
const textOf = (n: string, prefix: string) =>
  `'${prefix} ' || ${n} || ': ' || (CASE ${langOf(n)} ${Object.entries(TEXTS)
    .map(([lang, text]) => `WHEN '${lang}' THEN '${text.replace(/'/g, "''")}'`)
    .join(' ')} END)`
const COLUMNS = `id, thread_id, site_id, parent_id, root_id, depth, reader_id, author_name, text, html,
  lang, created_at`

/**
 * 25,000 top-level comments one minute apart; 75,000 replies: 45,000 at depth 1 (1,200 of them
 * under three of the newest comments, so some subtrees exceed what one page carries inline),
 * 20,000 at depth 2, 5,000 at depth 3 and 5,000 at depth 4. Then reactions, counters and ranks.
 */
function seedStatements(threadId: number, columns: string[]): { label: string; sql: string }[] {
  const replies = (from: number, to: number, parentIndex: string) => `${seq(from, to)}
    INSERT INTO comments (${COLUMNS})
    SELECT printf('c_rep%08d', k), p.thread_id, p.site_id, p.id, p.root_id, p.depth + 1,
      'r_bench' || (k % 5000), 'Reader ' || (k % 5000), ${textOf('k', 'Reply')},
      '<p>' || ${textOf('k', 'Reply')} || '</p>', ${langOf('k')},
      p.created_at + 1000 * (1 + k % 3600)
    FROM seq JOIN comments p ON p.id = printf('c_rep%08d', ${parentIndex})`
  return [
    {
      label: 'site and thread',
      sql: `INSERT INTO sites (id, name, allowed_origins, created_at)
        VALUES ('${SITE}', 'Bench', '[]', ${BASE_TIME})`,
    },
    {
      label: 'site and thread',
      sql: `INSERT INTO threads (id, site_id, key, title, comment_count, created_at)
        VALUES (${threadId}, '${SITE}', '${THREAD}', 'A very long debate', ${TOTAL}, ${BASE_TIME})`,
    },
    {
      label: '25,000 top-level comments',
      sql: `${seq(0, TOP_LEVEL - 1)}
        INSERT INTO comments (${COLUMNS})
        SELECT printf('c_top%08d', k), ${threadId}, '${SITE}', NULL, printf('c_top%08d', k), 0,
          'r_bench' || (k % 5000), 'Reader ' || (k % 5000), ${textOf('k', 'Comment')},
          '<p>' || ${textOf('k', 'Comment')} || '</p>', ${langOf('k')}, ${BASE_TIME} + k * 60000
        FROM seq`,
    },
    {
      label: '45,000 replies at depth 1',
      sql: `${seq(0, 44_999)}
        INSERT INTO comments (${COLUMNS})
        SELECT printf('c_rep%08d', k), p.thread_id, p.site_id, p.id, p.id, 1,
          'r_bench' || (k % 5000), 'Reader ' || (k % 5000), ${textOf('k', 'Reply')},
          '<p>' || ${textOf('k', 'Reply')} || '</p>', ${langOf('k')},
          p.created_at + 1000 * (1 + k % 3600)
        FROM seq JOIN comments p ON p.id = printf('c_top%08d',
          CASE WHEN k < 1200 THEN ${TOP_LEVEL - 1} - (k % 3) * 5 ELSE (k * 7919) % ${TOP_LEVEL} END)`,
    },
    {
      label: '20,000 replies at depth 2',
      sql: replies(45_000, 64_999, '((k - 45000) * 2) % 45000'),
    },
    { label: '5,000 replies at depth 3', sql: replies(65_000, 69_999, 'k - 20000') },
    { label: '5,000 replies at depth 4', sql: replies(70_000, 74_999, 'k - 5000') },
    {
      label: 'reactions',
      // Every fourth top-level comment and every tenth reply get 0–6 reactions from distinct readers.
      sql: `WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 5)
        INSERT INTO reactions (comment_id, reader_id, emoji, created_at)
        SELECT c.id, 'r_fan' || r.i,
          CASE (c.created_at / 60000 + r.i) % 6 WHEN 0 THEN '👍' WHEN 1 THEN '❤️' WHEN 2 THEN '😂'
            WHEN 3 THEN '😮' WHEN 4 THEN '😢' ELSE '😠' END,
          c.created_at + 1000
        FROM comments c JOIN r ON r.i < (c.created_at / 60000) % 7
        WHERE c.thread_id = ${threadId}
          AND ((c.parent_id IS NULL AND (c.created_at / 60000) % 4 = 0)
            OR (c.parent_id IS NOT NULL AND (c.created_at / 1000) % 10 = 0))`,
    },
    {
      label: 'counters',
      sql: `UPDATE comments SET
        reply_count = (SELECT COUNT(*) FROM comments r WHERE r.parent_id = comments.id),
        reaction_count = (SELECT COUNT(*) FROM reactions x WHERE x.comment_id = comments.id)
        ${
          columns.includes('reaction_counts')
            ? `, reaction_counts = (SELECT json_group_object(emoji, n) FROM (SELECT emoji,
                COUNT(*) AS n FROM reactions x WHERE x.comment_id = comments.id GROUP BY emoji))`
            : ''
        }
        WHERE thread_id = ${threadId}`,
    },
    {
      // Every comment's descendants at every depth (all seeded comments are published), from
      // each reply's chain of ancestors, as the Worker's writes keep it.
      label: 'descendant counts',
      sql: `WITH RECURSIVE up(id, ancestor) AS (
          SELECT id, parent_id FROM comments WHERE thread_id = ${threadId} AND parent_id IS NOT NULL
          UNION ALL
          SELECT up.id, p.parent_id FROM up JOIN comments p ON p.id = up.ancestor
          WHERE p.parent_id IS NOT NULL
        )
        UPDATE comments SET descendant_count = below.n
        FROM (SELECT ancestor, COUNT(*) AS n FROM up GROUP BY ancestor) AS below
        WHERE comments.id = below.ancestor`,
    },
    { label: 'ranks', sql: '' }, // filled in from the Worker's rankSql() below
    ...(columns.includes('stance_option_id')
      ? [
          // The thread's stance poll (its first single-choice poll) with three options; three
          // quarters of the top-level comments show one of them, the rest none.
          {
            label: 'stance poll',
            sql: `INSERT INTO polls (id, site_id, key, thread_id, question, created_at)
              VALUES (1, '${SITE}', 'stance', ${threadId}, 'Should Europe do more?', ${BASE_TIME})`,
          },
          {
            label: 'stance poll',
            sql: `INSERT INTO poll_options (id, poll_id, label, position)
              VALUES (1, 1, 'Yes', 0), (2, 1, 'No', 1), (3, 1, 'Not sure', 2)`,
          },
          {
            label: 'stances',
            sql: `UPDATE comments SET stance_option_id = CASE (created_at / 60000) % 4
                WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 3 THEN 3 END
              WHERE thread_id = ${threadId} AND parent_id IS NULL`,
          },
        ]
      : []),
  ]
}

// ---------------------------------------------------------------------------------------------
// Recording what the Worker's code sends to D1.

interface Executed {
  sql: string
  params: unknown[]
  rows: number
  /** What D1 reports as the SQL's duration (whole milliseconds). */
  d1Ms: number
  /** The call through the binding, Node → workerd → D1 and back (a whole batch: one round trip). */
  wallMs: number
  /** Its place in a batch (0 = first or alone): later statements of a batch share its round trip. */
  inBatch: number
}

function recording(db: D1, log: Executed[]): D1 {
  type Wrapped = D1Statement & { inner: D1Statement; sql: string; params: unknown[] }
  const wrap = (sql: string, inner: D1Statement, params: unknown[]): Wrapped => {
    const timed = async () => {
      const t = performance.now()
      const result = await inner.all()
      log.push({
        sql,
        params,
        rows: result.results.length,
        d1Ms: result.meta.duration ?? Number.NaN,
        wallMs: performance.now() - t,
        inBatch: 0,
      })
      return result
    }
    return {
      inner,
      sql,
      params,
      bind: (...values: unknown[]) => wrap(sql, inner.bind(...values), values),
      all: timed as D1Statement['all'],
      run: timed as D1Statement['run'],
      first: (async (column?: string) => {
        const row = (await timed()).results[0] ?? null
        return column && row ? (row[column] ?? null) : row
      }) as D1Statement['first'],
      raw: (async () =>
        (await timed()).results.map((row) => Object.values(row))) as D1Statement['raw'],
    }
  }
  return {
    prepare: (sql) => wrap(sql, db.prepare(sql), []),
    batch: async (statements) => {
      const t = performance.now()
      const results = await db.batch(statements.map((s) => (s as Wrapped).inner))
      const wall = performance.now() - t
      results.forEach((result, i) => {
        const s = statements[i] as Wrapped
        log.push({
          sql: s.sql,
          params: s.params,
          rows: result.results.length,
          d1Ms: result.meta.duration ?? Number.NaN,
          wallMs: wall,
          inBatch: i,
        })
      })
      return results
    },
    exec: (sql) => db.exec(sql),
  }
}

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim()

/** A short name for a statement: what it selects from and how it is filtered. */
function label(sql: string): string {
  const s = oneLine(sql)
  if (/\bstops\b/i.test(s)) return 'replies of the page'
  if (/WITH candidates/i.test(s)) return 'top-level comments of the page (balanced)'
  if (/WITH RECURSIVE subtree/i.test(s)) return 'replies below a reply (recursive)'
  if (/parent_id IS NULL/i.test(s)) return 'top-level comments of the page'
  if (/c\.root_id = \?1/i.test(s)) return 'replies of one subtree'
  return s.slice(0, 48)
}

// ---------------------------------------------------------------------------------------------

async function main() {
  stopChildrenOnExit()
  const cancelDeadline = stopAfter(Number(args['time-limit']))
  const t0 = performance.now()
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`
  const scratch = mkdtempSync(join(tmpdir(), 'parley-bench-100k-'))
  // Also on Ctrl-C, which ends the process without running the finally below.
  process.once('exit', () => rmSync(scratch, { recursive: true, force: true }))
  let mf: Miniflare | null = null
  try {
    console.log(`[bench] machine: ${machine()}`)

    // The Worker's bundle, as `wrangler deploy` would upload it, into a folder of our own.
    await run(
      WRANGLER,
      [
        'deploy',
        '--dry-run',
        '--outdir',
        join(scratch, 'bundle'),
        '--config',
        join(WORKER_DIR, 'wrangler.jsonc'),
      ],
      { cwd: WORKER_DIR }
    )
    const config = readFileSync(join(WORKER_DIR, 'wrangler.jsonc'), 'utf8')
    const compatibilityDate =
      /"compatibility_date"\s*:\s*"([^"]+)"/.exec(config)?.[1] ?? '2026-10-01'
    const flags = /"compatibility_flags"\s*:\s*\[([^\]]*)\]/.exec(config)?.[1]
    const compatibilityFlags = flags ? [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) : []
    mf = new Miniflare(
      convertV4MiniflareOptions({
        modules: true,
        modulesRoot: join(scratch, 'bundle'),
        scriptPath: join(scratch, 'bundle', 'index.js'),
        compatibilityDate,
        compatibilityFlags,
        d1Databases: { DB: 'parley-bench-100k' },
        bindings: { READER_TOKEN_SECRET: 'bench-only-secret' },
      })
    )
    const db = (await mf.getD1Database('DB')) as unknown as D1
    const sqlite = new DatabaseSync(':memory:')
    console.log(`[bench] Worker bundled and started (${elapsed()})`)

    // Each migration in one batch (a transaction), as `wrangler d1 migrations apply` does; the
    // node:sqlite copy runs the file as is, and both must end with the same schema.
    for (const migration of migrations()) {
      await db.batch(splitSql(migration.sql).map((s) => db.prepare(s)))
      sqlite.exec(migration.sql)
    }
    const SCHEMA = `SELECT type, name FROM sqlite_master
      WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'
      ORDER BY type, name`
    const inD1 = JSON.stringify((await db.prepare(SCHEMA).all()).results)
    const inSqlite = JSON.stringify(
      sqlite
        .prepare(SCHEMA)
        .all()
        .map((row) => ({ ...row }))
    )
    if (inD1 !== inSqlite) throw new Error(`the two schemas differ:\n${inD1}\n${inSqlite}`)

    // The "top" rank, with the Worker's own formula.
    const rank = (await import(pathToFileURL(join(WORKER_DIR, 'src/db/rank.ts')).href)) as {
      rankSql(reactionWeight: string): string
    }
    const THREAD_ID = 1
    const columns = (
      await db.prepare("SELECT name FROM pragma_table_info('comments')").all<{ name: string }>()
    ).results.map((row) => row.name)
    const seed = seedStatements(THREAD_ID, columns)
    seed.find((stage) => stage.label === 'ranks')!.sql =
      `UPDATE comments SET rank = ${rank.rankSql('1')} WHERE thread_id = ${THREAD_ID}`
    for (const { label: what, sql } of seed) {
      const t = performance.now()
      await db.prepare(sql).run()
      sqlite.exec(sql)
      console.log(`[bench] seeded ${what} in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    }
    const count = await db
      .prepare('SELECT COUNT(*) AS n, MAX(depth) AS depth FROM comments')
      .first<{ n: number; depth: number }>()
    const reactions = await db.prepare('SELECT COUNT(*) AS n FROM reactions').first<{ n: number }>()
    if (count?.n !== TOTAL) throw new Error(`seeded ${count?.n} comments instead of ${TOTAL}`)
    console.log(
      `[bench] ${count.n.toLocaleString('en')} comments (depth ≤ ${count.depth}), ` +
        `${reactions?.n.toLocaleString('en')} reactions (${elapsed()})`
    )

    // The Worker's listing function: the code the route runs, with its SQL.
    const queries = (await import(
      pathToFileURL(join(WORKER_DIR, 'src/db/comment-pages.ts')).href
    )) as {
      loadCommentPage: LoadPage
      loadReplyPage: LoadReplies
    }
    // A reader who has a token: the page then also looks up their own reaction on each comment.
    const view = {
      readerId: 'r_fan1',
      reactions: { available: [...DEFAULT_REACTIONS], showCounts: true },
      now: Date.now(),
    }
    const cursors = (await import(pathToFileURL(join(WORKER_DIR, 'src/lib/cursor.ts')).href)) as {
      decodeCursor(text: string): Cursor | null
      decodeBalancedCursor(text: string): Cursor | null
    }
    const routeUrl = (query: Record<string, string>) =>
      `http://bench.localhost/v1/sites/${SITE}/threads/${THREAD}/comments?${new URLSearchParams(query)}`

    /** The nextCursor after `pages` pages of PAGE comments, walked 100 at a time through the route. */
    async function deepCursor(sort: string, pages: number): Promise<string> {
      let cursor: string | null = null
      let skipped = 0
      while (skipped < pages * PAGE) {
        const limit = Math.min(100, pages * PAGE - skipped)
        const res = await mf!.dispatchFetch(
          routeUrl({ sort, limit: String(limit), ...(cursor ? { cursor } : {}) })
        )
        if (!res.ok) throw new Error(`GET comments ${sort}: ${res.status} ${await res.text()}`)
        const page = (await res.json()) as { comments: unknown[]; nextCursor: string | null }
        skipped += page.comments.length
        cursor = page.nextCursor
        if (!cursor) throw new Error(`the ${sort} listing ended after ${skipped} comments`)
      }
      return cursor!
    }

    interface Case {
      name: string
      /** The Worker's function for this listing, on the given binding. */
      invoke: (on: D1) => Promise<unknown>
      /** The same listing through the route. */
      url: string
    }
    const decode = (cursor: string | null) => {
      if (cursor === null) return null
      const after = cursors.decodeCursor(cursor)
      if (!after) throw new Error(`cannot decode the cursor ${cursor}`)
      return after
    }
    const pageCase = (
      name: string,
      sort: string,
      lang: string | null,
      cursor: string | null
    ): Case => ({
      name,
      invoke: (on) =>
        queries.loadCommentPage(
          on,
          THREAD_ID,
          { sort, lang, stance: null, limit: PAGE, after: decode(cursor) },
          view
        ),
      url: routeUrl({ sort, ...(lang ? { lang } : {}), ...(cursor ? { cursor } : {}) }),
    })
    const cases: Case[] = []
    for (const sort of ['newest', 'oldest', 'top']) {
      cases.push(pageCase(`${sort}, page 1`, sort, null, null))
      cases.push(
        pageCase(`${sort}, page ${DEEP_PAGE + 1}`, sort, null, await deepCursor(sort, DEEP_PAGE))
      )
    }
    cases.push(pageCase('newest, French only, page 1', 'newest', 'fr', null))

    // The balanced sort (issue 4) takes the best of each stance group in turn; it needs the
    // stance poll seeded above.
    if (columns.includes('stance_option_id')) {
      const balanced = (await import(
        pathToFileURL(join(WORKER_DIR, 'src/db/balanced-pages.ts')).href
      )) as { loadBalancedPage: LoadBalanced }
      const groups = ['o_1', 'o_2', 'o_3', 'none']
      const balancedCase = (name: string, cursor: string | null): Case => ({
        name,
        invoke: (on) => {
          const after = cursor === null ? null : cursors.decodeBalancedCursor(cursor)
          if (cursor !== null && !after) throw new Error(`cannot decode the cursor ${cursor}`)
          return balanced.loadBalancedPage(on, THREAD_ID, { groups, limit: PAGE, after }, view)
        },
        url: routeUrl({ sort: 'balanced', ...(cursor ? { cursor } : {}) }),
      })
      cases.push(balancedCase('balanced, page 1', null))
      cases.push(
        balancedCase(`balanced, page ${DEEP_PAGE + 1}`, await deepCursor('balanced', DEEP_PAGE))
      )
      cases.push({
        name: 'top, stance "No" only, page 1',
        invoke: (on) =>
          queries.loadCommentPage(
            on,
            THREAD_ID,
            { sort: 'top', lang: null, stance: 'o_2', limit: PAGE, after: null },
            view
          ),
        url: routeUrl({ sort: 'top', stance: 'o_2' }),
      })
    }

    // "Show N more replies": the rest of a large subtree, on demand (…/comments/{id}/replies).
    const subtree = await db
      .prepare(
        `SELECT id, descendant_count AS n FROM comments WHERE thread_id = ?1 AND parent_id IS NULL
         ORDER BY descendant_count DESC LIMIT 1`
      )
      .bind(THREAD_ID)
      .first<{ id: string; n: number }>()
    const repliesUrl = (id: string, cursor: string | null) =>
      `http://bench.localhost/v1/sites/${SITE}/comments/${id}/replies${cursor ? `?cursor=${cursor}` : ''}`
    const firstReplies = (await (await mf.dispatchFetch(repliesUrl(subtree!.id, null))).json()) as {
      nextCursor: string | null
    }
    const replyCase = (
      name: string,
      comment: { id: string; parentId: string | null },
      cursor: string | null
    ): Case => ({
      name,
      invoke: (on) =>
        queries.loadReplyPage(on, comment, { limit: PAGE_SIZE_MAX, after: decode(cursor) }, view),
      url: repliesUrl(comment.id, cursor),
    })
    cases.push(
      replyCase(
        `replies of the largest subtree (${subtree!.n}), page 1`,
        { id: subtree!.id, parentId: null },
        null
      )
    )
    if (firstReplies.nextCursor) {
      cases.push(
        replyCase(
          `replies of the largest subtree (${subtree!.n}), page 2`,
          { id: subtree!.id, parentId: null },
          firstReplies.nextCursor
        )
      )
    }
    const reply = await db
      .prepare(
        `SELECT c.id, c.parent_id AS parentId FROM comments c
         WHERE c.thread_id = ?1 AND c.depth = 1 ORDER BY c.reply_count DESC LIMIT 1`
      )
      .bind(THREAD_ID)
      .first<{ id: string; parentId: string }>()
    cases.push(replyCase('replies below a reply (walks parent_id), page 1', reply!, null))
    console.log(`[bench] walked to page ${DEEP_PAGE + 1} of each sort (${elapsed()})`)

    const rows: (string | number)[][] = [
      ['case / statement', 'rows', 'SQLite p50', 'p99', 'D1 p50', 'p99', 'binding p50', 'p99'],
    ]
    /** Each distinct plan once, with the cases it serves. */
    const plans = new Map<string, string[]>()
    let worstSqlite = 0
    let worstD1 = 0
    const statementsPerPage = new Set<number>()
    for (const c of cases) {
      for (let i = 0; i < WARMUP; i++) {
        await c.invoke(db)
        await (await mf.dispatchFetch(c.url)).arrayBuffer()
      }
      const calls: Executed[][] = []
      for (let i = 0; i < RUNS; i++) {
        const log: Executed[] = []
        await c.invoke(recording(db, log))
        calls.push(log)
      }
      statementsPerPage.add(calls[0]!.length)
      const route: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now()
        const res = await mf.dispatchFetch(c.url)
        await res.arrayBuffer()
        if (!res.ok) throw new Error(`GET ${c.url} (${c.name}): ${res.status}`)
        route.push(performance.now() - t)
      }

      rows.push([c.name, '', '', '', '', '', '', ''])
      calls[0]!.forEach((first, s) => {
        const d1 = calls.map((log) => log[s]?.d1Ms ?? Number.NaN)
        const binding = calls.map((log) => log[s]?.wallMs ?? Number.NaN)
        // The same statement with the same parameters, on node:sqlite with a µs clock.
        const statement = sqlite.prepare(first.sql)
        const params = first.params as (string | number | null)[]
        const local: number[] = []
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now()
          statement.all(...params)
          local.push(performance.now() - t)
        }
        const plan = sqlite
          .prepare(`EXPLAIN QUERY PLAN ${first.sql}`)
          .all(...params)
          .map((row) => `      ${String((row as { detail: string }).detail)}`)
        const key = `  ${label(first.sql)}\n${plan.join('\n')}`
        plans.set(key, [...(plans.get(key) ?? []), c.name])
        worstSqlite = Math.max(worstSqlite, percentile(local, 99))
        worstD1 = Math.max(worstD1, percentile(d1, 99))
        rows.push([
          `  ${label(first.sql)}`,
          first.rows,
          ms(percentile(local, 50)),
          ms(percentile(local, 99)),
          ms(percentile(d1, 50), 0),
          ms(percentile(d1, 99), 0),
          first.inBatch > 0 ? '(same' : ms(percentile(binding, 50), 1),
          first.inBatch > 0 ? 'batch)' : ms(percentile(binding, 99), 1),
        ])
      })
      rows.push([
        `  = GET …/comments through the Worker`,
        '',
        '',
        '',
        '',
        '',
        ms(percentile(route, 50), 1),
        ms(percentile(route, 99), 1),
      ])
      console.log(`[bench] ${c.name}: done (${elapsed()})`)
    }

    console.log(
      `\nListing a ${TOTAL.toLocaleString('en')}-comment thread (${TOP_LEVEL.toLocaleString('en')} top-level), ` +
        `${PAGE} top-level comments per page, ${RUNS} runs per case; times in ms\n` +
        `machine: ${machine()}\n\n${table(rows)}\n`
    )
    console.log(
      `Query plans (node:sqlite ${String((sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v)}):\n` +
        [...plans]
          .map(([plan, names]) => plan.replace('\n', ` (${names.join('; ')})\n`))
          .join('\n') +
        '\n'
    )
    console.log(
      `statements per listing: ${[...statementsPerPage].join(', ')} (constant = no N+1)\n` +
        `worst p99 per query: ${ms(worstSqlite)} ms in SQLite, ${ms(worstD1, 0)} ms as D1 reports it; ` +
        `target p99 < ${TARGET_P99_MS} ms: ${
          Math.max(worstSqlite, worstD1) < TARGET_P99_MS ? 'met' : 'NOT met'
        }`
    )
    const scans = [...plans.keys()].filter((p) =>
      /\bSCAN (c|comments|r|reactions)\b(?! USING)/.test(p)
    )
    if (scans.length) console.log(`full scans without an index:\n${scans.join('\n')}`)
  } finally {
    await mf?.dispose()
    await stopAll()
    rmSync(scratch, { recursive: true, force: true })
    cancelDeadline()
    console.log(`[bench] done in ${elapsed()}`)
  }
}

main().catch(async (e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e)
  await stopAll()
  process.exit(1)
})
