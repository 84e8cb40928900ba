import type { CommentPage, ListCommentsQuerySchema } from '@parley/core'
import type { z } from 'zod'
import { loadBalancedPage, type BalancedPageRequest } from '../db/balanced-pages.ts'
import { commentPageOf, commentPageReads, type PageRequest } from '../db/comment-pages.ts'
import type { CommentRow, CommentView } from '../db/comment-rows.ts'
import {
  pageResponsesRead,
  withExpertResponses,
  withResponseRows,
  type ExpertResponseRow,
} from '../db/expert-responses.ts'
import type { Site } from '../db/sites.ts'
import { stanceGroups, type StancePoll } from '../db/stances.ts'
import { threadRead, type ThreadRow } from '../db/threads.ts'
import { ApiError } from '../errors.ts'
import { encodeBalancedCursor, encodeCursor } from '../lib/cursor.ts'
import { balancedCursorParam, commentView, cursorParam } from './comment-access.ts'

// What GET …/comments lists: one sorted order (newest, oldest, top) with at most one filter, or the
// balanced sort. See docs/decisions/0007-stance-and-balanced-sort.md for the stance rules.

type ListQuery = z.output<typeof ListCommentsQuerySchema>

export type Listing =
  { kind: 'balanced'; request: BalancedPageRequest } | { kind: 'sorted'; request: PageRequest }

/** 422 invalid_option: a filter or sort this thread or site does not offer. */
const refused = (message: string, issues: Record<string, string>) =>
  new ApiError('invalid_option', message, {
    issues: Object.entries(issues).map(([path, why]) => ({ path, message: why })),
  })

/**
 * 422 for the language filter with a stance filter or the balanced sort. Either combination needs
 * two more indexes (thread, lang, stance, key), each written by every comment and re-rank, for a
 * use nobody asked for yet.
 */
export function refuseLangWithStances(query: ListQuery): void {
  if (query.lang === undefined) return
  if (query.sort === 'balanced') {
    throw refused('The language filter cannot be combined with the balanced sort', {
      'query.lang': 'cannot be combined with sort=balanced',
      'query.sort': 'balanced cannot be combined with lang',
    })
  }
  if (query.stance !== undefined) {
    throw refused('The language filter cannot be combined with a stance filter', {
      'query.lang': 'cannot be combined with stance',
      'query.stance': 'cannot be combined with lang',
    })
  }
}

/** Whether the listing depends on the thread's stance poll. */
export const usesStances = (query: ListQuery): boolean =>
  query.sort === 'balanced' || query.stance !== undefined

/** 422 naming query.stance unless it is "none" or an option of the stance poll. */
function requireStance(stance: string, stancePoll: StancePoll | null, showStances: boolean) {
  if (!showStances) {
    throw refused('This site does not show stances', { 'query.stance': 'stances are hidden' })
  }
  if (!stancePoll) {
    throw refused('This thread has no stance poll (a single-choice poll)', {
      'query.stance': 'the thread has no stance poll',
    })
  }
  if (!stanceGroups(stancePoll).includes(stance)) {
    const why = `is not an option of the stance poll "${stancePoll.key}"`
    throw refused(`${stance} ${why}`, { 'query.stance': why })
  }
}

/**
 * The listing a query asks for, given the thread's stance poll (null when it has none or the site
 * hides stances). With no stances to balance, or a single stance asked for, balanced is top: its
 * order within one group, and an order that reveals nothing about hidden stances.
 */
export function listingOf(
  query: ListQuery,
  stancePoll: StancePoll | null,
  showStances: boolean
): Listing {
  const { sort, limit, cursor, lang = null, stance = null } = query
  if (stance !== null) requireStance(stance, stancePoll, showStances)
  if (sort === 'balanced' && stancePoll && stance === null) {
    const after = balancedCursorParam(cursor)
    return { kind: 'balanced', request: { groups: stanceGroups(stancePoll), limit, after } }
  }
  const order = sort === 'balanced' ? 'top' : sort
  const after = cursorParam(cursor, order, { lang, stance })
  return { kind: 'sorted', request: { sort: order, lang, stance, limit, after } }
}

/** One page of the listing, with its nextCursor and the experts' answers under its comments. */
export async function loadListing(
  db: D1Database,
  threadId: number,
  listing: Listing,
  view: CommentView
): Promise<CommentPage> {
  if (listing.kind === 'sorted') {
    const reads = commentPageReads(db, threadId, listing.request, view)
    const results = await db.batch([...reads.statements, pageResponsesRead(db, reads)])
    return sortedPageOf(results, listing.request, view)
  }
  const page = await loadBalancedPage(db, threadId, listing.request, view)
  // Experts' published answers under every comment of the page, replies included: one query.
  await withExpertResponses(db, page.comments)
  return { comments: page.comments, nextCursor: page.next && encodeBalancedCursor(page.next) }
}

/** A sorted page from the results of its statements and pageResponsesRead, in that order. */
function sortedPageOf(
  [topLevel, replies, responses]: D1Result[],
  request: PageRequest,
  view: CommentView
): CommentPage {
  const page = commentPageOf([topLevel, replies] as D1Result<CommentRow>[], request, view)
  withResponseRows(page.comments, (responses?.results ?? []) as ExpertResponseRow[])
  return { comments: page.comments, nextCursor: page.next && encodeCursor(page.next) }
}

/**
 * A sorted listing (newest, oldest, top; no stance poll needed) with the thread's row and the
 * experts' answers, in one round trip: the statements find the thread by its key themselves.
 * Null when the thread does not exist yet.
 */
export async function readSortedListing(
  db: D1Database,
  site: Site,
  key: string,
  request: PageRequest,
  readerId: string | null
): Promise<CommentPage | null> {
  // What the SQL depends on (reader, tombstones) is known before the thread's settings are.
  const sqlView = commentView(site, undefined, readerId)
  const reads = commentPageReads(db, { siteId: site.id, key }, request, sqlView)
  const [thread, ...page] = await db.batch([
    threadRead(db, site.id, key),
    ...reads.statements,
    pageResponsesRead(db, reads),
  ])
  const row = thread?.results[0] as ThreadRow | undefined
  if (!row) return null
  return sortedPageOf(page, request, commentView(site, row.settings, readerId))
}
