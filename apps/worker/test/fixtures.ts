import { env } from 'cloudflare:workers'
import { rankSql } from '../src/db/rank.ts'
import { ENSURE_THREAD } from '../src/db/threads.ts'
import { SITE } from './helpers.ts'

export interface BulkRow {
  id: string
  lang: string | null
  created_at: number
  reaction_count: number
  stance_option_id: number | null
}

/**
 * Inserts `count` top-level comments straight into D1 with one recursive CTE (a 10,000-row thread
 * takes well under a second), then ranks them with the Worker's own rank expression. Times repeat
 * in runs of three so the id tie-break is exercised; ids are scrambled so they do not follow time;
 * languages cycle through en, fr, nl and none; reaction counts vary so "top" differs from "newest".
 * Stances, when given, cycle through `stances` (option row ids, null for none).
 */
export async function insertBulkThread(
  threadKey: string,
  count: number,
  options: {
    idPrefix: string
    firstCreatedAt: number
    stepMs: number
    stances?: (number | null)[]
  }
): Promise<BulkRow[]> {
  await env.DB.prepare(ENSURE_THREAD).bind(SITE, threadKey, Date.now()).run()
  const thread = await env.DB.prepare('SELECT id FROM threads WHERE site_id = ?1 AND key = ?2')
    .bind(SITE, threadKey)
    .first<{ id: number }>()
  await env.DB.batch([
    env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?3)
       INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id,
         author_name, text, html, lang, created_at, reaction_count, stance_option_id)
       SELECT id, ?1, ?2, NULL, id, 0, 'r_bulkbulkbulk', 'Bulk', 'bulk', '<p>bulk</p>', lang,
         created_at, reaction_count, stance_option_id
       FROM (SELECT 'c_' || ?4 || printf('%08d', (i * 7919) % 100003) AS id,
           CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN 'fr' WHEN 2 THEN 'nl' ELSE 'en' END AS lang,
           ?5 + (i / 3) * ?6 AS created_at,
           (i * 37) % 11 AS reaction_count,
           json_extract(?7, '$[' || (i % json_array_length(?7)) || ']') AS stance_option_id
         FROM n)`
    ).bind(
      thread!.id,
      SITE,
      count,
      options.idPrefix,
      options.firstCreatedAt,
      options.stepMs,
      JSON.stringify(options.stances ?? [null])
    ),
    env.DB.prepare(
      `UPDATE comments SET rank = ${rankSql('1')} WHERE thread_id = ?1 AND parent_id IS NULL`
    ).bind(thread!.id),
    env.DB.prepare('UPDATE threads SET comment_count = ?2 WHERE id = ?1').bind(thread!.id, count),
  ])
  const { results } = await env.DB.prepare(
    `SELECT id, lang, created_at, reaction_count, stance_option_id FROM comments
     WHERE thread_id = ?1`
  )
    .bind(thread!.id)
    .all<BulkRow>()
  return results
}

/** The documented formula (COMMENT_SORTS in @parley/core), computed independently of SQL. */
export const expectedRank = (createdAt: number, replies: number, reactions: number) => {
  const s = 2 * replies + reactions
  return createdAt / 3_600_000 + (48 * s) / (s + 5)
}

/**
 * Inserts `count` replies to one parent straight into D1, one second apart from `firstCreatedAt`;
 * run recountThreadWrites afterwards to bring the counters in line.
 */
export async function insertReplies(
  parent: { id: string; rootId: string; depth: number },
  count: number,
  options: { idPrefix: string; firstCreatedAt: number }
): Promise<string[]> {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?2)
     INSERT INTO comments (id, thread_id, site_id, parent_id, root_id, depth, reader_id,
       author_name, text, html, created_at)
     SELECT 'c_' || ?3 || printf('%08d', i), p.thread_id, p.site_id, p.id, ?4, ?5,
       'r_bulkbulkbulk', 'Bulk', 'reply', '<p>reply</p>', ?6 + i * 1000
     FROM n, comments p WHERE p.id = ?1`
  )
    .bind(
      parent.id,
      count,
      options.idPrefix,
      parent.rootId,
      parent.depth + 1,
      options.firstCreatedAt
    )
    .run()
  return Array.from(
    { length: count },
    (_, i) => `c_${options.idPrefix}${String(i).padStart(8, '0')}`
  )
}
