import {
  ADMIN_ROUTES,
  AdminCommentDetailSchema,
  AdminCommentSchema,
  type AdminComment,
  type AdminCommentDetail,
  type RemovalReason,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import { transitionStatements, type StoredStatus } from '../src/db/moderation-writes.ts'
import { newBanId } from '../src/lib/ids.ts'
import { expectBody, SITE } from './helpers.ts'
import { admin, sitePath } from './admin-helpers.ts'

/** Back to the test sites' moderation settings (createSites): defaults, no posting-speed rule. */
export async function resetModeration(site = SITE): Promise<void> {
  await env.DB.prepare(
    "UPDATE sites SET settings = json_set(settings, '$.moderation', json(?2)) WHERE id = ?1"
  )
    .bind(site, JSON.stringify({ holdRules: { minSecondsBetweenComments: 0 } }))
    .run()
}

/** Moves a comment to `to` as a moderator would, straight through transitionStatements. */
export async function transition(
  commentId: string,
  from: StoredStatus,
  to: StoredStatus,
  removal: { reason: RemovalReason; statement: string } | null = null
): Promise<boolean> {
  const statements = transitionStatements(env.DB, {
    siteId: SITE,
    commentId,
    from,
    to,
    removal,
    now: Date.now(),
  })
  const results = await env.DB.batch(statements)
  return results.at(-1)?.meta.changes === 1
}

/** The stored status of a comment. */
export async function statusOf(id: string): Promise<StoredStatus | undefined> {
  const row = await env.DB.prepare('SELECT status FROM comments WHERE id = ?1')
    .bind(id)
    .first<{ status: StoredStatus }>()
  return row?.status
}

/**
 * Every counter of the site's comments and threads that differs from a recount of the rows:
 * threads.comment_count = published comments that are not deleted placeholders; reply_count =
 * published direct replies (placeholders included); descendant_count of every comment = its
 * published replies at every depth, deleted placeholders left out. [] when all are exact.
 */
export async function counterMismatches(site = SITE): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT 'thread ' || t.key AS what, t.comment_count AS stored,
       (SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id AND c.status = 'published'
         AND c.deleted_at IS NULL) AS counted
     FROM threads t WHERE t.site_id = ?1
     UNION ALL
     SELECT 'reply_count ' || p.id, p.reply_count,
       (SELECT COUNT(*) FROM comments r WHERE r.parent_id = p.id AND r.status = 'published')
     FROM comments p WHERE p.site_id = ?1
     UNION ALL
     SELECT 'descendant_count ' || p.id, p.descendant_count,
       (WITH RECURSIVE below(id) AS (SELECT id FROM comments WHERE parent_id = p.id
           UNION ALL SELECT b.id FROM comments b JOIN below ON b.parent_id = below.id)
         SELECT COUNT(*) FROM below JOIN comments d ON d.id = below.id
         WHERE d.status = 'published' AND d.deleted_at IS NULL)
     FROM comments p WHERE p.site_id = ?1`
  )
    .bind(site)
    .all<{ what: string; stored: number; counted: number }>()
  return results
    .filter((row) => row.stored !== row.counted)
    .map((row) => `${row.what}: stored ${row.stored}, counted ${row.counted}`)
}

export async function expectCountersExact(site = SITE): Promise<void> {
  expect(await counterMismatches(site)).toEqual([])
}

/** A ban row, as H4's API would store it. */
export async function insertBan(ban: {
  kind: 'reader' | 'network'
  subject: string
  shadow?: boolean
  expiresAt?: number | null
  site?: string
}): Promise<string> {
  const id = newBanId()
  await env.DB.prepare(
    `INSERT INTO bans (id, site_id, kind, subject, shadow, reason, created_by, created_at,
       expires_at)
     VALUES (?1, ?2, ?3, ?4, ?5, 'test', 'owner', ?6, ?7)`
  )
    .bind(
      id,
      ban.site ?? SITE,
      ban.kind,
      ban.subject,
      ban.shadow ? 1 : 0,
      Date.now(),
      ban.expiresAt ?? null
    )
    .run()
  return id
}

export const adminCommentsPath = (site = SITE) => sitePath(ADMIN_ROUTES.comments, {}, site)
export const adminCommentPath = (id: string, site = SITE) =>
  sitePath(ADMIN_ROUTES.comment, { comment: id }, site)

export type ModerationAction = 'approve' | 'reject' | 'spam' | 'restore'

/** POST …/comments/:comment/<action> as the owner; returns the response. */
export const moderate = (id: string, action: ModerationAction, json?: unknown, token?: string) =>
  admin(`${adminCommentPath(id)}/${action}`, {
    method: 'POST',
    ...(json === undefined ? {} : { json }),
    ...(token ? { token } : {}),
  })

/** A successful action: its AdminComment. */
export async function moderated(
  id: string,
  action: ModerationAction,
  json?: unknown
): Promise<AdminComment> {
  return expectBody(await moderate(id, action, json), 200, AdminCommentSchema)
}

export async function adminDetail(id: string): Promise<AdminCommentDetail> {
  return expectBody(await admin(adminCommentPath(id)), 200, AdminCommentDetailSchema)
}

/** The reader id inside a reader token (its payload before the signature). */
export async function readerIdOf(commentId: string): Promise<string> {
  const row = await env.DB.prepare('SELECT reader_id FROM comments WHERE id = ?1')
    .bind(commentId)
    .first<{ reader_id: string }>()
  return row!.reader_id
}
