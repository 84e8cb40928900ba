import {
  BADGES,
  EDIT_WINDOW_MS,
  REMOVAL_REASONS,
  type Badge,
  type Comment,
  type Removal,
  type RemovalReason,
  type Stance,
  type ThreadReactions,
} from '@parley/core'
import { toOptionId } from '../lib/ids.ts'
import { renderMarkdownLite } from '../lib/render.ts'
import type { StoredStatus } from './moderation-writes.ts'

/** A comment as the listings read it (commentColumns). */
export interface CommentRow {
  id: string
  thread_id: number
  parent_id: string | null
  root_id: string
  reader_id: string
  author_name: string
  text: string
  html: string | null
  lang: string | null
  badges: string
  created_at: number
  edited_at: number | null
  deleted_at: number | null
  reply_count: number
  descendant_count: number
  reaction_counts: string
  rank: number
  stance_option_id: number | null
  /** JSON [poll key, option label] of the stance option, read with the row. */
  stance: string | null
  /** The calling reader's reaction, if any. */
  my_reaction: string | null
  status: StoredStatus
  /** JSON {reason, statement, at} of a removal (removed or spam). */
  removal: string | null
  pinned_at: number | null
  /** The author's appeal against the removal; read only when the caller is the author. */
  appeal: 'open' | 'upheld' | 'reversed' | null
}

/**
 * The CommentRow columns of `comments c`. `readerParam` is the parameter holding the calling
 * reader's id (NULL for anonymous calls): their reaction is one primary-key lookup per row, and
 * so is the stance's poll and current label, in the same statement; so is the appeal, and only
 * on the author's own removed comments.
 */
export const commentColumns = (readerParam: string): string =>
  `c.id, c.thread_id, c.parent_id, c.root_id, c.reader_id, c.author_name, c.text, c.html, c.lang,
  c.badges, c.created_at, c.edited_at, c.deleted_at, c.reply_count, c.descendant_count,
  c.reaction_counts, c.rank, c.stance_option_id, c.status, c.removal, c.pinned_at,
  (SELECT json_array(p.key, o.label) FROM poll_options o JOIN polls p ON p.id = o.poll_id
    WHERE o.id = c.stance_option_id) AS stance,
  (SELECT x.emoji FROM reactions x WHERE x.comment_id = c.id AND x.reader_id = ${readerParam})
    AS my_reaction,
  CASE WHEN c.status IN ('removed', 'spam') AND c.reader_id = ${readerParam}
    THEN (SELECT a.status FROM appeals a WHERE a.comment_id = c.id) END AS appeal`

/**
 * What shapes a comment for one response: who asks, when, the thread's reaction settings,
 * whether the site shows stances and whether removed comments leave a tombstone.
 */
export interface CommentView {
  readerId: string | null
  reactions: ThreadReactions
  showStances: boolean
  /** settings.moderation.tombstones of the site. */
  tombstones: boolean
  now: number
}

// Who sees what, by stored status (migrations/0008_moderation.sql; Comment.status in @parley/core):
//   published  everyone;
//   pending    its author, as "pending" (awaiting review);
//   shadow     its author, as "published" (a shadow ban): nobody else;
//   spam       its author, as "removed" with the reason spam;
//   removed    everyone as a tombstone when the site keeps tombstones, else its author only;
//              the author always sees the text and where their appeal stands.
// A comment hidden from the caller (or deleted by its author) that has visible comments below it
// is not left out: they would lose their context, and nestReplies drops a reply without its
// parent. It is listed as a bare placeholder, like a comment its author deleted: it shows that a
// comment stood there, nothing of what it said, who wrote it or why it is hidden. The SQL knows
// which ones from descendant_count, which every row keeps: the published, not deleted comments
// at every depth below it (src/db/counters.ts). However many hidden levels lie between a
// published reply and its top-level comment, each of them counts it, so the whole path is listed.
// The caller's own comments that nobody else sees (pending, shadow, spam, removed) count nowhere;
// their hidden ancestors are found by a walk down the subtree of each hidden row left without
// counted descendants, for a caller with a reader id only. A placeholder whose every comment
// below was hidden later is left out like any hidden comment.

/**
 * The rows of `comments c` a caller sees, as an SQL condition for the listings: their own, the
 * published ones, tombstones if the site keeps them, and placeholders (see above). A filter on
 * the rows each listing reads anyway, so every sort stays the range scan of its index; only a
 * hidden row without counted descendants, for a known caller, costs a walk of its (hidden)
 * subtree. `readerParam` holds the caller's id (NULL when anonymous).
 */
export function visibleSql(readerParam: string, view: Pick<CommentView, 'tombstones'>): string {
  const tombstone = view.tombstones ? " OR c.status = 'removed'" : ''
  const ownBelow = `EXISTS (WITH RECURSIVE below(id) AS (
      SELECT b.id FROM comments b WHERE b.parent_id = c.id
      UNION ALL SELECT b.id FROM comments b JOIN below ON b.parent_id = below.id
    ) SELECT 1 FROM below JOIN comments m ON m.id = below.id
    WHERE m.reader_id = ${readerParam} AND m.deleted_at IS NULL)`
  return `((c.deleted_at IS NULL AND (c.status = 'published' OR c.reader_id = ${readerParam}${tombstone}))
    OR c.descendant_count > 0 OR (${readerParam} IS NOT NULL AND ${ownBelow}))`
}

/** What the caller sees of a row: the comment itself, a tombstone, or only a placeholder. */
export type Appearance = 'comment' | 'tombstone' | 'placeholder'

export function appearanceOf(
  row: Pick<CommentRow, 'status' | 'reader_id'>,
  view: Pick<CommentView, 'readerId' | 'tombstones'>
): Appearance {
  if (row.status === 'published') return 'comment'
  if (view.readerId !== null && row.reader_id === view.readerId) return 'comment'
  if (row.status === 'removed' && view.tombstones) return 'tombstone'
  return 'placeholder'
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    return null
  }
}

function parseBadges(json: string): Badge[] {
  const value = parseJson(json)
  return Array.isArray(value)
    ? value.filter((b): b is Badge => (BADGES as readonly unknown[]).includes(b))
    : []
}

/**
 * Counts of the reactions the thread offers. A reaction the publisher has since switched off for
 * the thread (or the site) is not shown, so narrowing the set also hides what was given before.
 */
export function visibleReactions(json: string, reactions: ThreadReactions) {
  if (!reactions.showCounts) return null
  const counts = parseJson(json)
  const visible: Record<string, number> = {}
  if (counts === null || typeof counts !== 'object') return visible
  for (const emoji of reactions.available) {
    const count = (counts as Record<string, unknown>)[emoji]
    if (typeof count === 'number' && count > 0) visible[emoji] = count
  }
  return visible
}

export function visibleReaction(emoji: string | null, reactions: ThreadReactions): string | null {
  return emoji !== null && reactions.available.includes(emoji) ? emoji : null
}

/** "Voted: …": the stored stance with its poll's key and the option's current label. */
function visibleStance(row: CommentRow, view: CommentView): Stance | null {
  if (!view.showStances || row.stance_option_id === null || row.stance === null) return null
  const value = parseJson(row.stance)
  if (!Array.isArray(value)) return null
  const [poll, label] = value as unknown[]
  if (typeof poll !== 'string' || typeof label !== 'string') return null
  return { poll, optionId: toOptionId(row.stance_option_id), label }
}

const iso = (ms: number) => new Date(ms).toISOString()

/** The stored removal JSON ({reason, statement, at}); a spam row without one gets a bare one. */
export function parseRemoval(
  row: Pick<CommentRow, 'removal' | 'status' | 'created_at'>
): { reason: RemovalReason; statement: string; at: number } | null {
  const value = row.removal === null ? null : parseJson(row.removal)
  if (value !== null && typeof value === 'object') {
    const { reason, statement, at } = value as Record<string, unknown>
    if ((REMOVAL_REASONS as readonly unknown[]).includes(reason)) {
      return {
        reason: reason as RemovalReason,
        statement: typeof statement === 'string' ? statement : '',
        at: typeof at === 'number' ? at : row.created_at,
      }
    }
  }
  if (row.status === 'removed' || row.status === 'spam') {
    return { reason: row.status === 'spam' ? 'spam' : 'other', statement: '', at: row.created_at }
  }
  return null
}

/** Comment.status and Comment.removal as the caller sees the row (see the table above). */
function moderationOf(
  row: CommentRow,
  mine: boolean
): { status: Comment['status']; removal: Removal | null } {
  if (row.status === 'published' || row.status === 'shadow') {
    return { status: 'published', removal: null }
  }
  if (row.status === 'pending') return { status: 'pending', removal: null }
  const removal = parseRemoval(row)!
  return {
    status: 'removed',
    removal: {
      reason: removal.reason,
      statement: removal.statement,
      removedAt: iso(removal.at),
      appeal: mine ? (row.appeal ?? 'none') : null,
    },
  }
}

/**
 * A deleted placeholder keeps its place in the tree and its reactions, and shows nothing its
 * author wrote; so do a tombstone and the placeholder of a hidden comment with visible replies
 * (see appearanceOf). Rows written before html was stored are rendered here.
 */
export function rowToComment(row: CommentRow, view: CommentView): Comment {
  const deleted = row.deleted_at !== null
  const appearance = deleted ? 'placeholder' : appearanceOf(row, view)
  const mine = !deleted && view.readerId !== null && row.reader_id === view.readerId
  const shown = appearance === 'comment'
  const { status, removal } =
    appearance === 'placeholder'
      ? { status: 'published' as const, removal: null }
      : moderationOf(row, mine)
  const editableUntil = row.created_at + EDIT_WINDOW_MS
  const editable = mine && status !== 'removed' && view.now < editableUntil
  return {
    id: row.id,
    parentId: row.parent_id,
    author: {
      name: shown ? row.author_name : '',
      badges: shown ? parseBadges(row.badges) : [],
    },
    text: shown ? row.text : '',
    html: shown ? (row.html ?? renderMarkdownLite(row.text)) : '',
    lang: shown ? row.lang : null,
    createdAt: iso(row.created_at),
    editedAt: !shown || row.edited_at === null ? null : iso(row.edited_at),
    // A hidden comment's placeholder looks like a deleted one: nothing more is known about it.
    deleted: deleted || appearance === 'placeholder',
    reactions: visibleReactions(row.reaction_counts, view.reactions),
    myReaction: visibleReaction(row.my_reaction, view.reactions),
    mine,
    editableUntil: editable ? iso(editableUntil) : null,
    stance: shown ? visibleStance(row, view) : null,
    replyCount: row.reply_count,
    descendantCount: row.descendant_count,
    status,
    removal,
    pinned: shown && status === 'published' && row.pinned_at !== null,
    expertResponses: [],
    replies: [],
  }
}
