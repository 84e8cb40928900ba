import { threadReactions, type ThreadReactions } from '@parley/core'
import type { CommentView } from '../db/comment-rows.ts'
import { findComment, type CommentTarget } from '../db/comment-targets.ts'
import { parseThreadSettings } from '../db/settings.ts'
import type { Site } from '../db/sites.ts'
import { ApiError } from '../errors.ts'
import {
  decodeBalancedCursor,
  decodeCursor,
  type BalancedCursor,
  type Cursor,
  type CursorOrder,
  type StanceKey,
} from '../lib/cursor.ts'

// The checks the comment routes share, each with its one error code.

/** The comment of this site: 404 comment_not_found for an unknown id or another site's comment. */
export async function requireComment(
  db: D1Database,
  site: Site,
  id: string
): Promise<CommentTarget> {
  const comment = await findComment(db, site.id, id)
  if (!comment) throw new ApiError('comment_not_found', `There is no comment ${id} on this site`)
  return comment
}

/** 403 forbidden unless the reader wrote the comment. */
export function requireAuthor(comment: CommentTarget, readerId: string): void {
  if (comment.reader_id !== readerId) {
    throw new ApiError('forbidden', 'Only the author of this comment may do that')
  }
}

export const commentDeleted = () =>
  new ApiError('comment_deleted', 'This comment was deleted by its author')

/** 409 comment_deleted for a deleted placeholder. */
export function requireNotDeleted(comment: CommentTarget): void {
  if (comment.deleted_at !== null) throw commentDeleted()
}

/** The reactions a thread offers: the site's set narrowed by the thread's settings. */
export const reactionsOf = (site: Site, threadSettings: string | undefined): ThreadReactions =>
  threadReactions(site.settings, parseThreadSettings(threadSettings ?? '{}'))

export const commentView = (
  site: Site,
  threadSettings: string | undefined,
  readerId: string | null
): CommentView => ({
  readerId,
  reactions: reactionsOf(site, threadSettings),
  showStances: site.settings.showStances,
  tombstones: site.settings.moderation.tombstones,
  now: Date.now(),
})

/**
 * For what readers do to a comment (reply, react, report): 404 comment_not_found when the reader
 * may not see it (held, spam or shadow, unless it is theirs; a removed one without tombstones), so
 * a hidden comment's id reveals nothing; 409 conflict for a removed comment's tombstone, which is
 * there to be read, not answered.
 */
export function requireVisible(comment: CommentTarget, site: Site, readerId: string | null): void {
  if (comment.status === 'published') return
  const mine = readerId !== null && comment.reader_id === readerId
  // Its author sees a comment rejected as spam as removed too.
  const removedForThem =
    (comment.status === 'removed' && (mine || site.settings.moderation.tombstones)) ||
    (comment.status === 'spam' && mine)
  if (removedForThem) throw new ApiError('conflict', 'This comment was removed by a moderator')
  if (!mine) {
    throw new ApiError('comment_not_found', `There is no comment ${comment.id} on this site`)
  }
}

const invalidCursor = () =>
  new ApiError('invalid_input', 'Invalid query.cursor', {
    issues: [{ path: 'query.cursor', message: 'is not a nextCursor of this listing' }],
  })

/** The cursor of a nextCursor of the same listing; 400 naming query.cursor for anything else. */
export function cursorParam(
  text: string | undefined,
  order: CursorOrder,
  filters: { lang: string | null; stance: StanceKey | null } = { lang: null, stance: null }
): Cursor | null {
  if (text === undefined) return null
  const cursor = decodeCursor(text)
  if (!cursor || cursor.order !== order) throw invalidCursor()
  if (cursor.lang !== filters.lang || cursor.stance !== filters.stance) throw invalidCursor()
  return cursor
}

/** The cursor of a nextCursor of the balanced sort; 400 naming query.cursor for anything else. */
export function balancedCursorParam(text: string | undefined): BalancedCursor | null {
  if (text === undefined) return null
  const cursor = decodeBalancedCursor(text)
  if (!cursor) throw invalidCursor()
  return cursor
}
