import {
  BADGES,
  EDIT_WINDOW_MS,
  type Badge,
  type Comment,
  type Stance,
  type ThreadReactions,
} from '@parley/core'
import { toOptionId } from '../lib/ids.ts'
import { renderMarkdownLite } from '../lib/render.ts'

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
}

/**
 * The CommentRow columns of `comments c`. `readerParam` is the parameter holding the calling
 * reader's id (NULL for anonymous calls): their reaction is one primary-key lookup per row, and
 * so is the stance's poll and current label, in the same statement.
 */
export const commentColumns = (readerParam: string): string =>
  `c.id, c.thread_id, c.parent_id, c.root_id, c.reader_id, c.author_name, c.text, c.html, c.lang,
  c.badges, c.created_at, c.edited_at, c.deleted_at, c.reply_count, c.descendant_count,
  c.reaction_counts, c.rank, c.stance_option_id,
  (SELECT json_array(p.key, o.label) FROM poll_options o JOIN polls p ON p.id = o.poll_id
    WHERE o.id = c.stance_option_id) AS stance,
  (SELECT x.emoji FROM reactions x WHERE x.comment_id = c.id AND x.reader_id = ${readerParam})
    AS my_reaction`

/**
 * What shapes a comment for one response: who asks, when, the thread's reaction settings and
 * whether the site shows stances.
 */
export interface CommentView {
  readerId: string | null
  reactions: ThreadReactions
  showStances: boolean
  now: number
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

/**
 * A deleted placeholder keeps its place in the tree and its reactions, and shows nothing its
 * author wrote. Rows written before html was stored are rendered here.
 */
export function rowToComment(row: CommentRow, view: CommentView): Comment {
  const deleted = row.deleted_at !== null
  const mine = !deleted && view.readerId !== null && row.reader_id === view.readerId
  const editableUntil = row.created_at + EDIT_WINDOW_MS
  return {
    id: row.id,
    parentId: row.parent_id,
    author: {
      name: deleted ? '' : row.author_name,
      badges: deleted ? [] : parseBadges(row.badges),
    },
    text: deleted ? '' : row.text,
    html: deleted ? '' : (row.html ?? renderMarkdownLite(row.text)),
    lang: deleted ? null : row.lang,
    createdAt: iso(row.created_at),
    editedAt: deleted || row.edited_at === null ? null : iso(row.edited_at),
    deleted,
    reactions: visibleReactions(row.reaction_counts, view.reactions),
    myReaction: visibleReaction(row.my_reaction, view.reactions),
    mine,
    editableUntil: mine && view.now < editableUntil ? iso(editableUntil) : null,
    stance: deleted ? null : visibleStance(row, view),
    replyCount: row.reply_count,
    descendantCount: row.descendant_count,
    status: 'published',
    removal: null,
    pinned: false,
    expertResponses: [],
    replies: [],
  }
}
