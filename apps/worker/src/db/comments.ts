import { REPLIES_PER_PAGE_MAX, type Comment, type CommentSort } from '@parley/core'
import type { Cursor } from '../lib/cursor.ts'
import { nestReplies } from '../lib/thread-tree.ts'
import { ensureThread } from './threads.ts'

export interface CommentRow {
  id: string
  thread_id: number
  site_id: string
  parent_id: string | null
  root_id: string
  depth: number
  reader_id: string
  author_name: string
  text: string
  lang: string | null
  idempotency_key: string | null
  created_at: number
}

/** A comment as listed, with its number of direct replies. */
export interface ListedCommentRow extends CommentRow {
  reply_count: number
}

export type ReactionCounts = Record<string, number>

export function rowToComment(row: ListedCommentRow, reactions: ReactionCounts = {}): Comment {
  return {
    id: row.id,
    parentId: row.parent_id,
    author: { name: row.author_name },
    text: row.text,
    lang: row.lang,
    createdAt: new Date(row.created_at).toISOString(),
    reactions,
    replyCount: row.reply_count,
    replies: [],
  }
}

const LISTED_COLUMNS = `c.id, c.thread_id, c.site_id, c.parent_id, c.root_id, c.depth, c.reader_id,
  c.author_name, c.text, c.lang, c.idempotency_key, c.created_at,
  (SELECT COUNT(*) FROM comments r WHERE r.parent_id = c.id) AS reply_count`

// One statement per sort and cursor presence, so each is a plain range scan of comments_top_level
// (an `?2 IS NULL OR …` condition would keep SQLite from seeking to the cursor).
const TOP_LEVEL = (sort: CommentSort, afterCursor: boolean) => {
  const [dir, cmp] = sort === 'newest' ? ['DESC', '<'] : ['ASC', '>']
  return `SELECT ${LISTED_COLUMNS} FROM comments c
    WHERE c.thread_id = ?1 AND c.parent_id IS NULL
    ${afterCursor ? `AND (c.created_at, c.id) ${cmp} (?3, ?4)` : ''}
    ORDER BY c.created_at ${dir}, c.id ${dir} LIMIT ?2`
}
const LIST_TOP_LEVEL = {
  newest: { first: TOP_LEVEL('newest', false), next: TOP_LEVEL('newest', true) },
  oldest: { first: TOP_LEVEL('oldest', false), next: TOP_LEVEL('oldest', true) },
} as const

const LIST_REPLIES = `SELECT ${LISTED_COLUMNS} FROM comments c
  WHERE c.root_id IN (SELECT value FROM json_each(?1)) AND c.parent_id IS NOT NULL
  ORDER BY c.created_at, c.id LIMIT ?2`

const COUNT_REACTIONS = `SELECT comment_id, emoji, COUNT(*) AS count FROM reactions
  WHERE comment_id IN (SELECT value FROM json_each(?1))
  GROUP BY comment_id, emoji ORDER BY comment_id, count DESC, emoji`

/** One page of top-level comments, `limit` rows after the cursor in the cursor's order. */
export async function listTopLevel(
  db: D1Database,
  threadId: number,
  page: { sort: CommentSort; limit: number; after: Cursor | null }
): Promise<ListedCommentRow[]> {
  const sql = LIST_TOP_LEVEL[page.sort]
  const statement = page.after
    ? db.prepare(sql.next).bind(threadId, page.limit, page.after.createdAt, page.after.id)
    : db.prepare(sql.first).bind(threadId, page.limit)
  return (await statement.all<ListedCommentRow>()).results
}

/** Every reply below the given top-level comments, all depths, oldest first, in one query. */
export async function listReplies(
  db: D1Database,
  rootIds: string[],
  limit = REPLIES_PER_PAGE_MAX
): Promise<ListedCommentRow[]> {
  if (rootIds.length === 0) return []
  const { results } = await db
    .prepare(LIST_REPLIES)
    .bind(JSON.stringify(rootIds), limit)
    .all<ListedCommentRow>()
  return results
}

/** Reaction counts per emoji for many comments, in one query. */
export async function countReactions(
  db: D1Database,
  commentIds: string[]
): Promise<Map<string, ReactionCounts>> {
  const counts = new Map<string, ReactionCounts>()
  if (commentIds.length === 0) return counts
  const { results } = await db
    .prepare(COUNT_REACTIONS)
    .bind(JSON.stringify(commentIds))
    .all<{ comment_id: string; emoji: string; count: number }>()
  for (const row of results) {
    const forComment = counts.get(row.comment_id) ?? {}
    forComment[row.emoji] = row.count
    counts.set(row.comment_id, forComment)
  }
  return counts
}

/**
 * A page of top-level comments with their replies nested, in three queries whatever the page
 * size: the page (limit + 1 rows, to know whether another page follows), every reply below it
 * (by root_id), and the reaction counts of all of them.
 */
export async function loadCommentPage(
  db: D1Database,
  threadId: number,
  page: { sort: CommentSort; limit: number; after: Cursor | null }
): Promise<{ comments: Comment[]; next: Cursor | null }> {
  const rows = await listTopLevel(db, threadId, { ...page, limit: page.limit + 1 })
  const hasMore = rows.length > page.limit
  const top = rows.slice(0, page.limit)
  const replies = await listReplies(
    db,
    top.map((row) => row.id)
  )
  const reactions = await countReactions(
    db,
    [...top, ...replies].map((row) => row.id)
  )
  const toComment = (row: ListedCommentRow) => rowToComment(row, reactions.get(row.id))
  const last = top.at(-1)
  return {
    comments: nestReplies(top.map(toComment), replies.map(toComment)),
    next: hasMore && last ? { sort: page.sort, createdAt: last.created_at, id: last.id } : null,
  }
}

export async function getComment(db: D1Database, id: string): Promise<Comment | null> {
  const row = await db
    .prepare(`SELECT ${LISTED_COLUMNS} FROM comments c WHERE c.id = ?1`)
    .bind(id)
    .first<ListedCommentRow>()
  if (!row) return null
  const reactions = await countReactions(db, [id])
  return rowToComment(row, reactions.get(id))
}

export interface ParentRow {
  id: string
  root_id: string
  depth: number
}

/** The comment `id` if it belongs to this thread of this site, else null. */
export async function findParent(
  db: D1Database,
  siteId: string,
  threadKey: string,
  id: string
): Promise<ParentRow | null> {
  return db
    .prepare(
      `SELECT c.id, c.root_id, c.depth FROM comments c JOIN threads t ON t.id = c.thread_id
       WHERE c.id = ?1 AND t.site_id = ?2 AND t.key = ?3`
    )
    .bind(id, siteId, threadKey)
    .first<ParentRow>()
}

export interface NewCommentRow {
  id: string
  siteId: string
  threadKey: string
  parent: ParentRow | null
  readerId: string
  authorName: string
  text: string
  lang: string | null
  idempotencyKey: string | null
  createdAt: number
}

const INSERT_COMMENT = `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth,
    reader_id, author_name, text, lang, idempotency_key, created_at)
  SELECT ?1, t.id, t.site_id, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12
  FROM threads t WHERE t.site_id = ?2 AND t.key = ?3
  ON CONFLICT (reader_id, idempotency_key) DO NOTHING`

// Counts the comment only if the insert above really happened (it is skipped on a replayed key).
const COUNT_COMMENT = `UPDATE threads SET comment_count = comment_count + 1
  WHERE id = (SELECT thread_id FROM comments WHERE id = ?1)`

const FIND_BY_IDEMPOTENCY_KEY = `SELECT ${LISTED_COLUMNS}, t.key AS thread_key
  FROM comments c JOIN threads t ON t.id = c.thread_id
  WHERE c.reader_id = ?1 AND c.idempotency_key = ?2`

export type InsertResult =
  { created: true; comment: Comment } | { created: false; comment: Comment; threadKey: string }

/**
 * Creates the thread if needed, inserts the comment and bumps the thread's count in one batch (one
 * transaction), so the count stays exact. A comment with an Idempotency-Key this reader already
 * used is not inserted (the UNIQUE constraint decides, also for concurrent duplicates): the
 * original comment is returned instead, with `created: false`.
 */
export async function insertComment(db: D1Database, c: NewCommentRow): Promise<InsertResult> {
  const [, inserted] = await db.batch([
    ensureThread(db, c.siteId, c.threadKey, c.createdAt),
    db
      .prepare(INSERT_COMMENT)
      .bind(
        c.id,
        c.siteId,
        c.threadKey,
        c.parent?.id ?? null,
        c.parent?.root_id ?? c.id,
        c.parent ? c.parent.depth + 1 : 0,
        c.readerId,
        c.authorName,
        c.text,
        c.lang,
        c.idempotencyKey,
        c.createdAt
      ),
    db.prepare(COUNT_COMMENT).bind(c.id),
  ])
  if (inserted?.meta.changes === 1) {
    const comment: Comment = {
      id: c.id,
      parentId: c.parent?.id ?? null,
      author: { name: c.authorName },
      text: c.text,
      lang: c.lang,
      createdAt: new Date(c.createdAt).toISOString(),
      reactions: {},
      replyCount: 0,
      replies: [],
    }
    return { created: true, comment }
  }
  const original = c.idempotencyKey
    ? await db
        .prepare(FIND_BY_IDEMPOTENCY_KEY)
        .bind(c.readerId, c.idempotencyKey)
        .first<ListedCommentRow & { thread_key: string }>()
    : null
  if (!original) throw new Error(`comment ${c.id} was not inserted and has no original`)
  const reactions = await countReactions(db, [original.id])
  return {
    created: false,
    comment: rowToComment(original, reactions.get(original.id)),
    threadKey: original.thread_key,
  }
}
