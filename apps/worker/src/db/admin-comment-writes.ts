import { PINNED_MAX, type Badge } from '@parley/core'
import { auditedChange } from './moderation-writes.ts'

// The moderator's changes to a comment other than its status (moderation-writes.ts has those):
// an edit, a pin, the author badge. Each is one guarded UPDATE with its audit row (auditedChange),
// so a change a concurrent request made moot leaves neither a change nor an audit entry.

type Audited = ReturnType<typeof auditedChange>

// ?1 comment, ?2 now, ?3 the text the moderator saw. replaced_at is part of the primary key: two
// edits in one millisecond get consecutive times (as in comment-writes.ts).
const SAME_TEXT = 'deleted_at IS NULL AND text = ?3'
const SAVE_REVISION = `INSERT INTO comment_revisions (comment_id, text, replaced_at, editor)
  SELECT id, text,
    MAX(?2, IFNULL((SELECT MAX(replaced_at) + 1 FROM comment_revisions WHERE comment_id = ?1), 0)),
    'moderator'
  FROM comments WHERE id = ?1 AND ${SAME_TEXT}`
const REPLACE_TEXT = `UPDATE comments SET text = ?4, html = ?5, lang = ?6, edited_at = ?2
  WHERE id = ?1 AND ${SAME_TEXT}`

export interface ModeratorEdit {
  id: string
  /** The text the moderator edited: the edit happens only if it is still the current one. */
  previousText: string
  text: string
  html: string
  lang: string | null
  now: number
}

/**
 * A moderator's edit: the current text is kept as a revision by 'moderator', then replaced (with
 * its html and language), all in one batch with the audit row.
 */
export function moderatorEditStatements(
  db: D1Database,
  edit: ModeratorEdit,
  audit: D1PreparedStatement
): Audited {
  const guard = [edit.id, edit.now, edit.previousText]
  const change = auditedChange(
    db,
    db.prepare(REPLACE_TEXT).bind(...guard, edit.text, edit.html, edit.lang),
    audit
  )
  return {
    statements: [db.prepare(SAVE_REVISION).bind(...guard), ...change.statements],
    changed: change.changed,
  }
}

// ?1 comment, ?2 now, ?3 the pin limit. Only a published comment is pinned (a hidden one would
// take a place nobody sees), and a thread holds at most PINNED_MAX (comments_pinned).
const PIN = `UPDATE comments SET pinned_at = ?2
  WHERE id = ?1 AND pinned_at IS NULL AND deleted_at IS NULL AND status = 'published'
    AND (SELECT COUNT(*) FROM comments p
      WHERE p.thread_id = comments.thread_id AND p.pinned_at IS NOT NULL) < ?3`
const UNPIN = 'UPDATE comments SET pinned_at = NULL WHERE id = ?1 AND pinned_at IS NOT NULL'

/** Pins or unpins the comment with its audit row; `changed` is false when nothing changed. */
export function pinStatements(
  db: D1Database,
  pin: { id: string; pinned: boolean; now: number },
  audit: D1PreparedStatement
): Audited {
  const change = pin.pinned
    ? db.prepare(PIN).bind(pin.id, pin.now, PINNED_MAX)
    : db.prepare(UNPIN).bind(pin.id)
  return auditedChange(db, change, audit)
}

/** How many comments of the thread are pinned. */
export async function pinnedCount(db: D1Database, threadId: number): Promise<number> {
  const row = await db
    .prepare('SELECT COUNT(*) AS n FROM comments WHERE thread_id = ?1 AND pinned_at IS NOT NULL')
    .bind(threadId)
    .first<{ n: number }>()
  return row?.n ?? 0
}

// ?1 comment, ?2 the badges the moderator saw (JSON), ?3 the new badges.
const SET_BADGES = `UPDATE comments SET badges = ?3
  WHERE id = ?1 AND badges = ?2 AND deleted_at IS NULL`

/** Replaces the badges, if they are still what the moderator saw, with the audit row. */
export function badgeStatements(
  db: D1Database,
  change: { id: string; before: string; after: Badge[] },
  audit: D1PreparedStatement
): Audited {
  return auditedChange(
    db,
    db.prepare(SET_BADGES).bind(change.id, change.before, JSON.stringify(change.after)),
    audit
  )
}
