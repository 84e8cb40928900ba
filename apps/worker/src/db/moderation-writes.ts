import type { RemovalReason, StoredCommentStatus } from '@parley/core'
import { ancestorsSql } from './counters.ts'
import { rankSql } from './rank.ts'

// Moderation state changes of one comment (docs/decisions/0008-moderation-pipeline.md). The
// counters (threads.comment_count, reply_count, the descendant_count of every ancestor and through
// them the parent's rank) count published comments only, so a change into or out of 'published'
// moves them by one, in the same batch. Every statement is guarded, inside the batch's
// transaction, by the state the caller saw (`from`): a concurrent change turns the whole
// transition into a no-op instead of counting twice.

/**
 * The moderation state as stored (comments.status: published, pending, removed, spam, shadow);
 * readers see three of them (Comment.status).
 */
export type StoredStatus = StoredCommentStatus

export interface Transition {
  siteId: string
  commentId: string
  from: StoredStatus
  to: StoredStatus
  /** The statement of reasons of a removal (to 'removed' or 'spam'); ignored otherwise. */
  removal?: { reason: RemovalReason; statement: string } | null
  now: number
}

/** The pipeline's reason a state change adds to comments.moderation.reasons. */
export interface AddedReason {
  signal: string
  detail: string
  weight: number
}

export interface TransitionOptions {
  /** Set reviewed_at (a moderator decided). False for automatic changes (reports, edits). */
  reviewed?: boolean
  /** More conditions on the comment (`comments` unaliased), e.g. the report threshold. */
  guard?: { sql: string; params: (string | number | null)[] }
  /** Appended to comments.moderation.reasons. */
  reason?: AddedReason
}

/** The default statement of reasons when a moderator marks a comment as spam without one. */
export const SPAM_STATEMENT =
  'A moderator removed this comment as spam (commercial, repetitive or automated content).'

/**
 * The site's rankSql weight as SQL (?2 is the site id): 0 when reactions are kept out of the
 * ranking, else 1, read from the stored settings as reactionWeight() reads the parsed ones.
 */
const SITE_WEIGHT = `(SELECT IFNULL(json_extract(settings, '$.reactions.inRanking'), 1) = 1
  FROM sites WHERE id = ?2)`

function removalJson(t: Transition): string | null {
  if (t.to !== 'removed' && t.to !== 'spam') return null
  const removal = t.removal ?? { reason: 'spam' as const, statement: SPAM_STATEMENT }
  return JSON.stringify({
    reason: t.to === 'spam' ? 'spam' : removal.reason,
    statement: removal.statement || (t.to === 'spam' ? SPAM_STATEMENT : ''),
    at: t.now,
  })
}

/**
 * The statements of one transition, to run in one batch (with its audit statement: see
 * auditedTransition). The status change comes last, so the batch result at its position tells
 * whether the transition happened (meta.changes 1) or found the comment in another state (0).
 * A deleted placeholder (its author deleted it) has nothing left to moderate and never changes.
 * `from === to` only records the review (reviewed_at); nothing else changes.
 *
 * Any other status than published hides the comment from all but its author, so a pinned
 * comment leaving 'published' is unpinned.
 */
export function transitionStatements(
  db: D1Database,
  t: Transition,
  options: TransitionOptions = {}
): D1PreparedStatement[] {
  const extra = options.guard ?? { sql: '1', params: [] }
  // ?1 comment, ?2 site, ?3 from; the extra guard's parameters follow from ?4.
  const guardParams = [t.commentId, t.siteId, t.from, ...extra.params]
  const shifted = extra.sql.replace(/\?(\d+)/g, (_, n: string) => `?${Number(n) + 3}`)
  const guard = `status = ?3 AND deleted_at IS NULL AND site_id = ?2 AND (${shifted})`
  const own = (column: string) => `(SELECT ${column} FROM comments WHERE id = ?1 AND ${guard})`
  const statements: D1PreparedStatement[] = []
  const delta = (t.to === 'published' ? 1 : 0) - (t.from === 'published' ? 1 : 0)
  if (t.from !== t.to && delta !== 0) {
    const counter = (sql: string) => db.prepare(sql).bind(...guardParams)
    statements.push(
      counter(`UPDATE threads SET comment_count = comment_count + (${delta})
        WHERE id = ${own('thread_id')}`),
      counter(`UPDATE comments SET reply_count = reply_count + (${delta})
        WHERE id = ${own('parent_id')}`),
      // Every ancestor's, up to the top-level comment: each counts its whole subtree.
      counter(`UPDATE comments SET descendant_count = descendant_count + (${delta})
        WHERE id IN (${ancestorsSql('?1')}) AND ${own('1')} = 1`),
      // The parent's rank follows its reply count; recomputing is safe whatever happened.
      db
        .prepare(
          `UPDATE comments SET rank = ${rankSql(SITE_WEIGHT)}
          WHERE id = (SELECT parent_id FROM comments WHERE id = ?1)`
        )
        .bind(t.commentId, t.siteId)
    )
  }
  const n = guardParams.length
  const set =
    t.from === t.to
      ? `reviewed_at = ?${n + 1}`
      : `status = ?${n + 2},
        reviewed_at = CASE WHEN ?${n + 3} = 1 THEN ?${n + 1} ELSE reviewed_at END,
        removal = ?${n + 4},
        pinned_at = CASE WHEN ?${n + 2} = 'published' THEN pinned_at END,
        moderation = CASE WHEN ?${n + 5} IS NULL THEN moderation
          ELSE json_set(moderation, '$.reasons', json_insert(
            IFNULL(json_extract(moderation, '$.reasons'), json('[]')), '$[#]', json(?${n + 5})))
          END`
  statements.push(
    db
      .prepare(`UPDATE comments SET ${set} WHERE id = ?1 AND ${guard}`)
      .bind(
        ...guardParams,
        t.now,
        ...(t.from === t.to
          ? []
          : [
              t.to,
              options.reviewed === false ? 0 : 1,
              removalJson(t),
              options.reason ? JSON.stringify(options.reason) : null,
            ])
      )
  )
  return statements
}

// After [audit INSERT, change UPDATE]: drops the audit row again when the change changed nothing.
// changes() is the UPDATE's, last_insert_rowid() the audit row's (an UPDATE leaves it alone).
const DROP_AUDIT_IF_UNCHANGED = `DELETE FROM audit_log
  WHERE id = last_insert_rowid() AND changes() = 0`

/**
 * One guarded change (a single UPDATE) with its audit row, in this order, for one batch: the
 * audit row stays only if the change changed a row, so a change that a concurrent request made
 * moot leaves no entry behind. `changed(results)` reads the outcome from the batch's results;
 * put these statements last in the batch.
 */
export function auditedChange(
  db: D1Database,
  change: D1PreparedStatement,
  audit: D1PreparedStatement
): { statements: D1PreparedStatement[]; changed: (results: D1Result[]) => boolean } {
  return {
    statements: [audit, change, db.prepare(DROP_AUDIT_IF_UNCHANGED)],
    changed: (results) => results.at(-2)?.meta.changes === 1,
  }
}

/** transitionStatements with its audit row (see auditedChange): all of it, or none of it. */
export function auditedTransition(
  db: D1Database,
  t: Transition,
  audit: D1PreparedStatement,
  options: TransitionOptions = {}
): { statements: D1PreparedStatement[]; changed: (results: D1Result[]) => boolean } {
  const statements = transitionStatements(db, t, options)
  const change = statements.pop()!
  const audited = auditedChange(db, change, audit)
  return { statements: [...statements, ...audited.statements], changed: audited.changed }
}
