import { ADMIN_ROUTES, AdminSiteSchema, DEFAULT_RATE_LIMITS } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseSiteSettings } from '../src/db/settings.ts'
import { admin, route } from './admin-helpers.ts'
import { createSites, expectBody, SITE } from './helpers.ts'

// Found by the admin fuzzing: a PATCH is merged into the stored JSON (json_patch), which holds
// only what was ever set. A partial limit such as { site: {} } was valid against the merged
// defaults but, stored as is, no longer fitted the schema, so every later read silently fell back
// to the default settings of the whole site.

const sitePath = route(ADMIN_ROUTES.site, { site: SITE })

async function storedSettings(): Promise<string> {
  const row = await env.DB.prepare('SELECT settings FROM sites WHERE id = ?1')
    .bind(SITE)
    .first<{ settings: string }>()
  return row!.settings
}

describe('a PATCH that sends part of a setting', () => {
  beforeAll(async () => {
    await createSites()
    await env.DB.prepare(`UPDATE sites SET settings = '{}' WHERE id = ?1`).bind(SITE).run()
  })

  it('keeps the other fields of a rate limit and every other setting', async () => {
    const patches = [
      { rateLimits: { votes: { site: {} } } },
      { rateLimits: { notices: { network: { max: 8 } } } },
      { showStances: false },
    ]
    for (const settings of patches) {
      await expectBody(
        await admin(sitePath, { method: 'PATCH', json: { settings } }),
        200,
        AdminSiteSchema
      )
    }
    const read = parseSiteSettings(await storedSettings())
    expect(read.rateLimits.votes.site).toEqual(DEFAULT_RATE_LIMITS.votes.site)
    expect(read.rateLimits.notices.network).toEqual({
      max: 8,
      windowSeconds: DEFAULT_RATE_LIMITS.notices.network.windowSeconds,
    })
    // Read through the fallback, showStances would be back at its default (true).
    expect(read.showStances).toBe(false)
    const site = await expectBody(await admin(sitePath), 200, AdminSiteSchema)
    expect(site.settings.rateLimits.notices.network.max).toBe(8)
  })
})
