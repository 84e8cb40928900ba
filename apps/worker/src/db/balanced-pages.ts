import { REPLIES_INLINE_MAX, type Comment } from '@parley/core'
import type { BalancedCursor, GroupPosition, StanceKey } from '../lib/cursor.ts'
import { inlineRepliesSql, nestPage, stanceCondition, type Visibility } from './comment-pages.ts'
import { commentColumns, visibleSql, type CommentRow, type CommentView } from './comment-rows.ts'
import type { SqlValue } from './sql.ts'
import { stanceOptionId } from './stances.ts'

// The balanced sort: the best comments ("top", by the stored rank) of each stance group taken in
// turn, each group in the order of the stance poll's options, then "none". Each group is walked
// on its own keyset, so new comments never cause duplicates or gaps in any of them; the cursor
// records each group's position and whose turn is next. See
// docs/decisions/0007-stance-and-balanced-sort.md.

export interface BalancedPageRequest {
  /** The stance groups in turn order: the stance poll's options by position, then "none". */
  groups: StanceKey[]
  limit: number
  after: BalancedCursor | null
}

interface Turn {
  group: StanceKey
  position: GroupPosition | undefined
}

/** This page's turns: the groups in order, starting after the group the last page ended with. */
export function turnsOf(request: BalancedPageRequest): Turn[] {
  const { groups, after } = request
  const start = after ? groups.indexOf(after.last) + 1 : 0
  return [...groups.slice(start), ...groups.slice(0, start)].map((group) => ({
    group,
    position: after?.positions.find((p) => p.group === group),
  }))
}

/**
 * The page's order, as SQL with its parameters appended to `params`. Each turn's candidates are
 * its group's next `?2` (page size + 1) comments the reader sees, a range scan of
 * comments_top_stance_rank, numbered in that order: the number is the round. (round, turn) is
 * then the round-robin order, and groups with no comments left simply drop out of the rounds. Only
 * turns × (page size + 1) candidates are ever sorted, whatever the thread's size. Whether the
 * reader sees a comment (visibleSql) takes a look at its row, so each candidate costs a
 * primary-key lookup besides its index entry.
 */
function balancedOrderSql(turns: Turn[], params: SqlValue[], visibility: Visibility): string {
  const param = (value: SqlValue) => `?${params.push(value)}`
  const candidates = turns.map(({ group, position }, turn) => {
    const stance = stanceCondition(group, () => param(stanceOptionId(group)))
    const after = position
      ? `AND (c.rank, c.id) < (${param(position.key)}, ${param(position.id)})`
      : ''
    return `SELECT id, ${turn} AS turn, ROW_NUMBER() OVER (ORDER BY rank DESC, id DESC) AS round
      FROM (SELECT c.id, c.rank FROM comments c
        WHERE c.thread_id = ?1 AND c.parent_id IS NULL AND ${stance} ${after}
          AND ${visibleSql('?6', visibility)}
        ORDER BY c.rank DESC, c.id DESC LIMIT ?2)`
  })
  return `WITH candidates AS (${candidates.join('\n    UNION ALL ')})
    SELECT id, turn, round FROM candidates ORDER BY round, turn`
}

/** Both statements of a page, sharing `params` (to which the groups' parameters are added). */
export function balancedPageSql(turns: Turn[], params: SqlValue[], visibility: Visibility) {
  const order = balancedOrderSql(turns, params, visibility)
  return {
    topLevel: `WITH page AS (${order} LIMIT ?2)
      SELECT ${commentColumns('?6')}, page.turn FROM page JOIN comments c ON c.id = page.id
      ORDER BY page.round, page.turn`,
    replies: inlineRepliesSql(`${order} LIMIT ?2 - 1`, visibility),
  }
}

type BalancedRow = CommentRow & { turn: number }

/**
 * The cursor after `page` (the first rows of the order): each group's last comment on it becomes
 * the group's position; groups without one keep theirs.
 */
function cursorAfter(turns: Turn[], page: BalancedRow[]): BalancedCursor | null {
  const last = page.at(-1)
  if (!last) return null
  const positions = new Map<StanceKey, GroupPosition>()
  for (const { group, position } of turns) if (position) positions.set(group, position)
  for (const row of page) {
    const group = turns[row.turn]!.group
    positions.set(group, { group, key: row.rank, id: row.id })
  }
  return { order: 'balanced', last: turns[last.turn]!.group, positions: [...positions.values()] }
}

/**
 * A page of the balanced sort with its first replies nested: one round trip of two statements,
 * like the other sorts (comment-pages.ts), whatever the page size and the number of groups.
 */
export async function loadBalancedPage(
  db: D1Database,
  threadId: number,
  request: BalancedPageRequest,
  view: CommentView
): Promise<{ comments: Comment[]; next: BalancedCursor | null }> {
  const turns = turnsOf(request)
  // The numbering of comment-pages.ts (?3–?5 unused here), then the groups' own parameters. The
  // stance poll has at least two options, so both statements use the groups' parameters and
  // can take the same list.
  const params: SqlValue[] = [
    threadId,
    request.limit + 1,
    null,
    null,
    null,
    view.readerId,
    REPLIES_INLINE_MAX,
  ]
  const sql = balancedPageSql(turns, params, view)
  const [topLevel, replies] = await db.batch<BalancedRow>([
    db.prepare(sql.topLevel).bind(...params),
    db.prepare(sql.replies).bind(...params),
  ])
  const rows = topLevel!.results
  const page = rows.slice(0, request.limit)
  return {
    comments: nestPage(page, replies!.results, view),
    next: rows.length > request.limit ? cursorAfter(turns, page) : null,
  }
}
