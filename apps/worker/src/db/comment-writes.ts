import type { Badge } from '@parley/core'
import { commentColumns, type CommentRow } from './comment-rows.ts'
import { ancestorsSql } from './counters.ts'
import type { CommentTarget } from './comment-targets.ts'
import { transitionStatements, type StoredStatus } from './moderation-writes.ts'
import { RERANK_COMMENT } from './rank.ts'
import { ballotOptionSql } from './stances.ts'
import { ensureThread } from './threads.ts'

export interface NewCommentRow {
  id: string
  siteId: string
  threadKey: string
  parent: Pick<CommentTarget, 'id' | 'root_id' | 'depth'> | null
  readerId: string
  authorName: string
  /** Badges the author has from the start ('verified' for a publisher's signed-in user). */
  badges?: Badge[]
  text: string
  html: string
  lang: string | null
  idempotencyKey: string | null
  createdAt: number
  /** rankSql's weight for the site. */
  reactionWeight: number
  /** Store the author's current vote in the stance poll as the comment's stance. */
  recordStance: boolean
  /** What the pipeline (and a shadow ban) decided: only a published comment counts. */
  status: StoredStatus
  /** The verdict, JSON {decision, score, reasons}, kept in comments.moderation. */
  moderation: string
  /** The statement of reasons of a comment rejected as spam (JSON {reason, statement, at}). */
  removal: string | null
  /** networkBanHash() of the poster's network, for bans by network. */
  networkHash: string | null
}

// Skipped on a replayed Idempotency-Key (the UNIQUE constraint decides, also for concurrent
// duplicates) and when the parent was deleted since the route looked it up. The stance is read in
// the same statement, so it is the author's vote at the moment the comment is stored.
const INSERT_COMMENT = `INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth,
    reader_id, author_name, text, html, lang, idempotency_key, created_at, stance_option_id,
    status, moderation, removal, network_hash, badges)
  SELECT ?1, t.id, t.site_id, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
    CASE WHEN ?14 = 1 THEN ${ballotOptionSql('t.id', '?7')} END, ?15, ?16, ?17, ?18, ?19
  FROM threads t WHERE t.site_id = ?2 AND t.key = ?3
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM comments p WHERE p.id = ?4 AND p.deleted_at IS NULL))
  ON CONFLICT (reader_id, idempotency_key) DO NOTHING`

// ?1 the new comment, ?2 the comment whose counter grows: only if the insert above happened, and
// only for a published comment (the counters count nothing else).
const INSERTED = "EXISTS (SELECT 1 FROM comments WHERE id = ?1 AND status = 'published')"
const COUNT_REPLY = `UPDATE comments SET reply_count = reply_count + 1 WHERE id = ?2 AND ${INSERTED}`
// Every ancestor, however deep the reply: descendant_count counts the whole subtree.
const COUNT_DESCENDANT = `UPDATE comments SET descendant_count = descendant_count + 1
  WHERE id IN (${ancestorsSql('?1')}) AND ${INSERTED}`
const COUNT_IN_THREAD = `UPDATE threads SET comment_count = comment_count + 1
  WHERE id = (SELECT thread_id FROM comments WHERE id = ?1 AND status = 'published')`

// The new comment, or the original one of a replayed Idempotency-Key (?2), with its thread.
const SELECT_POSTED = `SELECT ${commentColumns('?3')}, t.key AS thread_key,
    t.settings AS thread_settings
  FROM comments c JOIN threads t ON t.id = c.thread_id
  WHERE c.id = ?1 OR (c.reader_id = ?3 AND c.idempotency_key = ?2)`

export interface PostedRow extends CommentRow {
  thread_key: string
  thread_settings: string
}

/**
 * Creates the thread if needed, inserts the comment with its stance and moderation state, and in
 * the same batch (one transaction) bumps the parent's reply count and rank, the descendant count of
 * every ancestor and the thread's comment count when it is published. Returns the new row
 * (`created`), the original row of a replayed Idempotency-Key (not `created`), or null when the
 * parent was deleted meanwhile.
 */
export async function insertComment(
  db: D1Database,
  c: NewCommentRow
): Promise<{ created: boolean; row: PostedRow } | null> {
  const counters = c.parent
    ? [
        db.prepare(COUNT_REPLY).bind(c.id, c.parent.id),
        db.prepare(COUNT_DESCENDANT).bind(c.id),
        db.prepare(RERANK_COMMENT).bind(c.parent.id, c.reactionWeight),
      ]
    : []
  const results = await db.batch<PostedRow>([
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
        c.html,
        c.lang,
        c.idempotencyKey,
        c.createdAt,
        c.recordStance ? 1 : 0,
        c.status,
        c.moderation,
        c.removal,
        c.networkHash,
        JSON.stringify(c.badges ?? [])
      ),
    ...counters,
    db.prepare(COUNT_IN_THREAD).bind(c.id),
    db.prepare(RERANK_COMMENT).bind(c.id, c.reactionWeight),
    db.prepare(SELECT_POSTED).bind(c.id, c.idempotencyKey, c.readerId),
  ])
  const row = results.at(-1)?.results[0]
  return row ? { created: row.id === c.id, row } : null
}

// ?1 id, ?2 now, ?3 reader id, ?4 the earliest creation time still in the edit window. A comment a
// moderator removed (or rejected as spam) is no longer the author's to change.
const EDITABLE = `deleted_at IS NULL AND reader_id = ?3 AND created_at > ?4
  AND status IN ('published', 'pending', 'shadow')`
// replaced_at is part of the primary key: two edits in one millisecond get consecutive times.
const SAVE_REVISION = `INSERT INTO comment_revisions (comment_id, text, replaced_at, editor)
  SELECT id, text,
    MAX(?2, IFNULL((SELECT MAX(replaced_at) + 1 FROM comment_revisions WHERE comment_id = ?1), 0)),
    'author'
  FROM comments WHERE id = ?1 AND ${EDITABLE}`
const REPLACE_TEXT = `UPDATE comments SET text = ?5, html = ?6, lang = ?7, edited_at = ?2,
    moderation = ?8
  WHERE id = ?1 AND ${EDITABLE}`
const SELECT_COMMENT = `SELECT ${commentColumns('?2')} FROM comments c WHERE c.id = ?1`

export interface CommentEdit {
  id: string
  siteId: string
  readerId: string
  text: string
  html: string
  lang: string | null
  now: number
  editableSince: number
  /** The pipeline's verdict on the new text, JSON for comments.moderation. */
  moderation: string
  /** A published comment whose new text the pipeline holds (pending) or rejects (spam). */
  hold: { from: StoredStatus; to: StoredStatus } | null
}

/**
 * Keeps the old text as a revision and replaces it, in one batch, only while the comment is the
 * reader's, not deleted, not removed and in its edit window (checked again here, in the
 * transaction). With `hold`, the same batch moves it out of 'published' with its counters, only if
 * this edit happened. Returns whether it was edited, and the comment as it now is.
 */
export async function editComment(
  db: D1Database,
  edit: CommentEdit
): Promise<{ edited: boolean; row: CommentRow | undefined }> {
  const window = [edit.id, edit.now, edit.readerId, edit.editableSince]
  const hold = edit.hold
    ? transitionStatements(
        db,
        { siteId: edit.siteId, commentId: edit.id, ...edit.hold, now: edit.now },
        { reviewed: false, guard: { sql: 'edited_at = ?1', params: [edit.now] } }
      )
    : []
  const results = await db.batch<CommentRow>([
    db.prepare(SAVE_REVISION).bind(...window),
    db.prepare(REPLACE_TEXT).bind(...window, edit.text, edit.html, edit.lang, edit.moderation),
    ...hold,
    db.prepare(SELECT_COMMENT).bind(edit.id, edit.readerId),
  ])
  return { edited: results[1]?.meta.changes === 1, row: results.at(-1)?.results[0] }
}

/** One comment as the calling reader sees it. */
export async function getCommentRow(
  db: D1Database,
  id: string,
  readerId: string | null
): Promise<CommentRow | null> {
  return db.prepare(SELECT_COMMENT).bind(id, readerId).first<CommentRow>()
}

/** Whether the reader already stored a comment under this Idempotency-Key. */
export async function postedUnderKey(
  db: D1Database,
  readerId: string,
  idempotencyKey: string
): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS found FROM comments WHERE reader_id = ?1 AND idempotency_key = ?2')
    .bind(readerId, idempotencyKey)
    .first()
  return row !== null
}
