import { DEFAULT_REACTIONS, SiteSettingsSchema, ThreadSettingsSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  parseSiteSettings,
  parseThreadSettings,
  putSiteSettings,
  putThreadSettings,
} from '../src/db/settings.ts'
import { getSite, putSite } from '../src/db/sites.ts'
import { getThread as getThreadRow } from '../src/db/threads.ts'
import { getThread, newReader, postComment } from './helpers.ts'

const SITE_ID = 'configured'
const DEFAULTS = SiteSettingsSchema.parse({})

beforeAll(async () => {
  await putSite(env.DB, { id: SITE_ID, name: 'Configured', allowedOrigins: [] })
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('stored settings', () => {
  it('default to the contract’s defaults', async () => {
    expect((await getSite(env.DB, SITE_ID))!.settings).toEqual(DEFAULTS)
    expect(DEFAULTS.reactions).toEqual({
      set: [...DEFAULT_REACTIONS],
      showCounts: true,
      inRanking: true,
    })
  })

  it.each([
    ['not JSON', 'nope'],
    ['a wrong type', '{"reactions":{"set":"👍"}}'],
    ['a non-emoji reaction', '{"reactions":{"set":["like"]}}'],
    ['too many reactions', JSON.stringify({ reactions: { set: Array(13).fill('👍') } })],
  ])('fall back to the defaults when %s, with a warning', (_, json) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(parseSiteSettings(json)).toEqual(DEFAULTS)
    expect(parseThreadSettings(json)).toEqual(ThreadSettingsSchema.parse({}))
    expect(warn).toHaveBeenCalledTimes(2)
  })

  it('never turn a request into a 500: a site with unusable settings still serves', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    await env.DB.prepare(`UPDATE sites SET settings = '{"reactions":{"set":42}}' WHERE id = ?1`)
      .bind(SITE_ID)
      .run()
    try {
      const reader = await newReader(SITE_ID)
      await postComment(reader.token, 'broken', {}, {}, SITE_ID)
      await env.DB.prepare(
        `UPDATE threads SET settings = '{"reactions":"x"}' WHERE key = 'broken'`
      ).run()
      const thread = await getThread('broken', SITE_ID)
      expect(thread.reactions).toEqual({ available: [...DEFAULT_REACTIONS], showCounts: true })
    } finally {
      await env.DB.prepare(`UPDATE sites SET settings = '{}' WHERE id = ?1`).bind(SITE_ID).run()
    }
  })
})

describe('putSiteSettings and putThreadSettings', () => {
  it('change only the given fields', async () => {
    await putSiteSettings(env.DB, SITE_ID, { reactions: { showCounts: false } })
    await putSiteSettings(env.DB, SITE_ID, { reactions: { set: ['👍', '😢'] } })
    expect((await getSite(env.DB, SITE_ID))!.settings.reactions).toEqual({
      set: ['👍', '😢'],
      showCounts: false,
      inRanking: true,
    })
    await putSiteSettings(env.DB, SITE_ID, {
      reactions: { set: [...DEFAULT_REACTIONS], showCounts: true },
    })
    expect((await getSite(env.DB, SITE_ID))!.settings).toEqual(DEFAULTS)
  })

  it('refuse settings the contract refuses', async () => {
    await expect(
      putSiteSettings(env.DB, SITE_ID, { reactions: { set: ['👍', '👍'] } })
    ).rejects.toThrow(/must not repeat an emoji/)
    await expect(
      putThreadSettings(env.DB, SITE_ID, 't', { reactions: ['not an emoji'] })
    ).rejects.toThrow(/single emoji/)
  })

  it('create the thread when needed, and null goes back to the site’s set', async () => {
    await putThreadSettings(env.DB, SITE_ID, 'fresh-thread', { reactions: ['❤️'] })
    const row = await getThreadRow(env.DB, SITE_ID, 'fresh-thread')
    expect(JSON.parse(row!.settings)).toEqual({ reactions: ['❤️'] })
    expect(row!.comment_count).toBe(0)
    await putThreadSettings(env.DB, SITE_ID, 'fresh-thread', { reactions: null })
    const reset = await getThreadRow(env.DB, SITE_ID, 'fresh-thread')
    expect(parseThreadSettings(reset!.settings)).toEqual({ reactions: null })
  })
})
