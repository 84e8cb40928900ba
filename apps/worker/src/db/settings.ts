import {
  mergePatch,
  SiteSettingsPatchSchema,
  SiteSettingsSchema,
  ThreadSettingsSchema,
  type SiteSettings,
  type SiteSettingsPatch,
  type ThreadSettings,
} from '@parley/core'
import type { z } from 'zod'
import { rankSql } from './rank.ts'
import { runAll, type SqlStatement } from './sql.ts'
import { ENSURE_THREAD } from './threads.ts'

/**
 * Stored settings as the contract reads them. JSON that does not fit the schema (hand-edited, or
 * written by a newer version) falls back to the defaults rather than failing every request.
 */
function parseStored<S extends z.ZodType>(schema: S, json: string, what: string): z.output<S> {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    value = undefined
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  console.warn(`[parley] ${what} settings do not fit the schema; using the defaults`)
  return schema.parse({})
}

export const parseSiteSettings = (json: string): SiteSettings =>
  parseStored(SiteSettingsSchema, json, 'site')

export const parseThreadSettings = (json: string): ThreadSettings =>
  parseStored(ThreadSettingsSchema, json, 'thread')

/** The fields to change, at any depth; those left out keep their stored value. */
export type { SiteSettingsPatch }

// json_patch (RFC 7396) merges the given fields into the stored object.
const PATCH_SITE_SETTINGS = 'UPDATE sites SET settings = json_patch(settings, ?2) WHERE id = ?1'
const RERANK_SITE = `UPDATE comments SET rank = ${rankSql('?2')} WHERE site_id = ?1`
const PATCH_THREAD_SETTINGS =
  'UPDATE threads SET settings = json_patch(settings, ?3) WHERE site_id = ?1 AND key = ?2'

/**
 * Validates the patch with the contract (throws on invalid input: an unknown field, a bad value,
 * or a result the whole schema refuses once merged into `stored`, the site's settings, or the
 * defaults for a new site) and returns its writes. Changing whether reactions count towards "top"
 * re-ranks every comment of the site in one UPDATE.
 */
export function siteSettingsWrites(
  siteId: string,
  patch: SiteSettingsPatch,
  stored: SiteSettings = SiteSettingsSchema.parse({})
): SqlStatement[] {
  // Merged into what is stored: a patch may lean on it (turnstile.enabled on a site whose
  // siteKey was set before), which the defaults alone would refuse.
  SiteSettingsSchema.parse(mergePatch(stored, SiteSettingsPatchSchema.parse(patch)))
  const writes: SqlStatement[] = [
    { sql: PATCH_SITE_SETTINGS, params: [siteId, JSON.stringify(patch)] },
  ]
  const inRanking = patch.reactions?.inRanking
  if (inRanking !== undefined)
    writes.push({ sql: RERANK_SITE, params: [siteId, inRanking ? 1 : 0] })
  return writes
}

/**
 * Creates the thread if needed and merges the patch into its settings. `reactions: null` goes back
 * to the site's set (JSON merge patch removes the field, and the schema's default is null).
 */
export function threadSettingsWrites(
  siteId: string,
  threadKey: string,
  patch: Partial<ThreadSettings>,
  now: number
): SqlStatement[] {
  ThreadSettingsSchema.parse(patch)
  return [
    { sql: ENSURE_THREAD, params: [siteId, threadKey, now] },
    { sql: PATCH_THREAD_SETTINGS, params: [siteId, threadKey, JSON.stringify(patch)] },
  ]
}

export async function putSiteSettings(
  db: D1Database,
  siteId: string,
  patch: SiteSettingsPatch
): Promise<void> {
  await runAll(db, siteSettingsWrites(siteId, patch))
}

export async function putThreadSettings(
  db: D1Database,
  siteId: string,
  threadKey: string,
  patch: Partial<ThreadSettings>,
  now = Date.now()
): Promise<void> {
  await runAll(db, threadSettingsWrites(siteId, threadKey, patch, now))
}
