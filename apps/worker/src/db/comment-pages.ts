import { REPLIES_INLINE_MAX, type Comment } from '@parley/core'
import { nestReplies } from '@parley/core/tree'
import type { Cursor, StanceKey } from '../lib/cursor.ts'
import {
  commentColumns,
  rowToComment,
  visibleSql,
  type CommentRow,
  type CommentView,
} from './comment-rows.ts'
import { stanceOptionId } from './stances.ts'

// Each sort is a range scan of its own partial index, (thread_id[, lang | stance], key, id) WHERE
// parent_id IS NULL, in index order, so no page ever sorts or skips rows: see
// docs/decisions/0003-comment-tree-and-pagination.md. The balanced sort interleaves several such
// scans (balanced-pages.ts).
const SORT_KEYS = {
  newest: { column: 'created_at', direction: 'DESC', after: '<' },
  oldest: { column: 'created_at', direction: 'ASC', after: '>' },
  top: { column: 'rank', direction: 'DESC', after: '<' },
} as const

// The largest created_at a cursor can hold: "no upper bound" for the replies cut-off below.
const MAX_TIME = Number.MAX_SAFE_INTEGER

export interface PageRequest {
  sort: keyof typeof SORT_KEYS
  lang: string | null
  /** Only top-level comments of this stance ("o_12" or "none"); validated by the route. */
  stance: StanceKey | null
  limit: number
  after: Cursor | null
}

/** Whether removed comments are listed (as tombstones): the one part of the view in the SQL. */
export type Visibility = Pick<CommentView, 'tombstones'>

/** The stance condition on `comments c`; `optionParam` gives the parameter of its option id. */
export const stanceCondition = (stance: StanceKey, optionParam: () => string): string =>
  stance === 'none' ? 'c.stance_option_id IS NULL' : `c.stance_option_id = ${optionParam()}`

/** At most one filter applies (the route refuses lang with stance), so both share ?3. */
function filterCondition(page: PageRequest): string {
  if (page.lang !== null) return 'AND c.lang = ?3'
  if (page.stance !== null) return `AND ${stanceCondition(page.stance, () => '?3')}`
  return ''
}

const filterValue = (page: PageRequest) =>
  page.lang ?? (page.stance === null ? null : stanceOptionId(page.stance))

/** A thread by its id, or by its site and key when the page is read with the thread's row. */
export type ThreadRef = number | { siteId: string; key: string }

// By key, the statements find the thread's id themselves (a constant subquery, read once), so
// the thread's row, the page and the answers under it come in one round trip (readListing).
const THREAD_BY_KEY = '(SELECT th.id FROM threads th WHERE th.site_id = ?8 AND th.key = ?9)'

/** The SQL that stands for the thread's id in a page's statements. */
export const threadIdSql = (thread: ThreadRef): string =>
  typeof thread === 'number' ? '?1' : THREAD_BY_KEY

/**
 * Parameters of both page statements: ?1 thread id, ?2 page size + 1, ?3 language or stance
 * option id, ?4 cursor key, ?5 cursor id, ?6 reader id, ?7 replies per top-level comment; ?8 site
 * id and ?9 thread key for a thread by key. One SQL text per sort, filter, cursor presence and
 * tombstone setting, because an `?3 IS NULL OR …` condition would keep SQLite from seeking.
 * Hidden comments are skipped by a condition on the rows of the index range (visibleSql), which
 * the page reads anyway.
 */
function topLevelQuery(thread: ThreadRef, page: PageRequest, visibility: Visibility): string {
  const { column, direction, after } = SORT_KEYS[page.sort]
  return `FROM comments c WHERE c.thread_id = ${threadIdSql(thread)} AND c.parent_id IS NULL
    ${filterCondition(page)}
    ${page.after === null ? '' : `AND (c.${column}, c.id) ${after} (?4, ?5)`}
    AND ${visibleSql('?6', visibility)}
    ORDER BY c.${column} ${direction}, c.id ${direction}`
}

/** One page of top-level comments (one more than asked, to tell whether another page follows). */
export const topLevelPageSql = (
  page: PageRequest,
  visibility: Visibility,
  thread: ThreadRef
): string => `SELECT ${commentColumns('?6')} ${topLevelQuery(thread, page, visibility)} LIMIT ?2`

/** The ids of the page's top-level comments, without the extra one, for inlineRepliesSql. */
export const topLevelIdsSql = (
  page: PageRequest,
  visibility: Visibility,
  thread: ThreadRef
): string => `SELECT c.id ${topLevelQuery(thread, page, visibility)} LIMIT ?2 - 1`

/**
 * The first REPLIES_INLINE_MAX replies (all depths, oldest first) below each top-level comment of
 * a page, whose ids `pageIds` selects (with ?6 the reader and ?7 the cap). For each root, one
 * index step finds the first reply past the cap (the "stop"); then each root's replies are a
 * range scan of comments_by_root up to it. The work is bounded by the cap, however large a subtree
 * grows. The stop counts hidden replies too (finding it reads the index alone), so a subtree with
 * hidden replies among its first ones comes with fewer than the cap; the replies route pages on.
 */
export const inlineRepliesSql = (pageIds: string, visibility: Visibility): string =>
  `WITH page AS (${pageIds}),
  stops AS (
    SELECT page.id AS root_id,
      (SELECT r.id FROM comments r WHERE r.root_id = page.id AND r.parent_id IS NOT NULL
       ORDER BY r.created_at, r.id LIMIT 1 OFFSET ?7) AS stop_id
    FROM page
  )
  SELECT ${commentColumns('?6')} FROM stops
  LEFT JOIN comments s ON s.id = stops.stop_id
  JOIN comments c ON c.root_id = stops.root_id AND c.parent_id IS NOT NULL
    AND (c.created_at, c.id) < (IFNULL(s.created_at, ${MAX_TIME}), IFNULL(s.id, ''))
  WHERE ${visibleSql('?6', visibility)}
  ORDER BY c.root_id, c.created_at, c.id`

/** The first `limit` rows, and the cursor after the last of them when more rows followed. */
function splitPage<Row extends CommentRow, Next>(
  rows: Row[],
  limit: number,
  cursorAfter: (row: Row) => Next
) {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { page, next: rows.length > limit && last ? cursorAfter(last) : null }
}

/** Top-level rows with their replies nested, as the calling reader sees them. */
export function nestPage(top: CommentRow[], replies: CommentRow[], view: CommentView): Comment[] {
  const toComment = (row: CommentRow) => rowToComment(row, view)
  return nestReplies(top.map(toComment), replies.map(toComment))
}

/** The reads of one page: its top-level comments and the capped replies below them. */
export interface PageReads {
  statements: [topLevel: D1PreparedStatement, replies: D1PreparedStatement]
  /** The SQL selecting the ids of the page's top-level comments, and its parameters. */
  pageIdsSql: string
  params: unknown[]
  /** The SQL that stands for the thread's id, with the same parameters. */
  threadIdSql: string
}

/** The two statements of a page, for a batch of the caller's (see loadCommentPage). */
export function commentPageReads(
  db: D1Database,
  thread: ThreadRef,
  page: PageRequest,
  visibility: Visibility & Pick<CommentView, 'readerId'>
): PageReads {
  const byKey = typeof thread === 'number' ? [] : [thread.siteId, thread.key]
  const params = [
    typeof thread === 'number' ? thread : null,
    page.limit + 1,
    filterValue(page),
    page.after?.key ?? null,
    page.after?.id ?? null,
    visibility.readerId,
    REPLIES_INLINE_MAX,
    ...byKey,
  ]
  // Without ?7 (the replies cap) and a thread by id, a statement ends at ?6, and D1 refuses a
  // parameter past a statement's last one.
  const pageParams = byKey.length ? params : params.slice(0, 6)
  const pageIdsSql = topLevelIdsSql(page, visibility, thread)
  return {
    statements: [
      db.prepare(topLevelPageSql(page, visibility, thread)).bind(...pageParams),
      db.prepare(inlineRepliesSql(pageIdsSql, visibility)).bind(...params),
    ],
    pageIdsSql,
    params: pageParams,
    threadIdSql: threadIdSql(thread),
  }
}

/** The page from the results of commentPageReads' statements. */
export function commentPageOf(
  [topLevel, replies]: D1Result<CommentRow>[],
  page: PageRequest,
  view: CommentView
): { comments: Comment[]; next: Cursor | null } {
  const { page: top, next } = splitPage(topLevel?.results ?? [], page.limit, (last) => ({
    order: page.sort,
    lang: page.lang,
    stance: page.stance,
    key: page.sort === 'top' ? last.rank : last.created_at,
    id: last.id,
  }))
  return { comments: nestPage(top, replies?.results ?? [], view), next }
}

/**
 * A page of top-level comments with their first replies nested, in one round trip of two
 * statements whatever the page size: the page, and the capped replies below it.
 */
export async function loadCommentPage(
  db: D1Database,
  threadId: number,
  page: PageRequest,
  view: CommentView
): Promise<{ comments: Comment[]; next: Cursor | null }> {
  const { statements } = commentPageReads(db, threadId, page, view)
  return commentPageOf(await db.batch<CommentRow>(statements), page, view)
}

// Below a top-level comment its subtree is a range of comments_by_root; below a reply it is
// collected by walking parent_id (comments_by_parent), which only subtrees of replies need.
const SUBTREE_OF_ROOT = 'c.root_id = ?1 AND c.parent_id IS NOT NULL'
const SUBTREE_OF_REPLY = `c.id IN (WITH RECURSIVE subtree(id) AS (
    SELECT id FROM comments WHERE parent_id = ?1
    UNION ALL SELECT r.id FROM comments r JOIN subtree ON r.parent_id = subtree.id
  ) SELECT id FROM subtree)`

/** ?1 comment id, ?2 cursor created_at, ?3 cursor id, ?4 reader id, ?5 page size + 1. */
export const repliesPageSql = (topLevel: boolean, afterCursor: boolean, visibility: Visibility) =>
  `SELECT ${commentColumns('?4')} FROM comments c
  WHERE ${topLevel ? SUBTREE_OF_ROOT : SUBTREE_OF_REPLY}
    ${afterCursor ? 'AND (c.created_at, c.id) > (?2, ?3)' : ''}
    AND ${visibleSql('?4', visibility)}
  ORDER BY c.created_at, c.id LIMIT ?5`

/** One page of the replies below a comment, every depth, flat, oldest first. */
export async function loadReplyPage(
  db: D1Database,
  comment: { id: string; parentId: string | null },
  page: { limit: number; after: Cursor | null },
  view: CommentView
): Promise<{ replies: Comment[]; next: Cursor | null }> {
  const { results } = await db
    .prepare(repliesPageSql(comment.parentId === null, page.after !== null, view))
    .bind(
      comment.id,
      page.after?.key ?? null,
      page.after?.id ?? null,
      view.readerId,
      page.limit + 1
    )
    .all<CommentRow>()
  const { page: replies, next } = splitPage(results, page.limit, (last) => ({
    order: 'replies' as const,
    lang: null,
    stance: null,
    key: last.created_at,
    id: last.id,
  }))
  return { replies: replies.map((row) => rowToComment(row, view)), next }
}
