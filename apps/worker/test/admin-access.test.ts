import {
  ADMIN_ROUTES,
  AdminMeSchema,
  AdminSiteListSchema,
  AdminSiteSchema,
  AdminThreadPageSchema,
  AdminThreadSchema,
  ApiKeyListSchema,
  ApiKeySchema,
  AuditPageSchema,
  DEFAULT_REACTIONS,
  SiteSettingsSchema,
  type AuditEntry,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { hashSecret } from '../src/lib/api-keys.ts'
import {
  admin,
  ADMIN_TOKEN,
  createKey,
  keyPath,
  keysPath,
  revokeKey,
  route,
} from './admin-helpers.ts'
import {
  api,
  createSites,
  expectBody,
  expectError,
  getThread,
  newReader,
  OTHER_SITE,
  postComment,
  SITE,
  WIDE_RATE_LIMITS,
} from './helpers.ts'

/** OTHER_SITE's settings: the defaults, but for the rate limits of the test sites (createSites). */
const DEFAULTS = SiteSettingsSchema.parse({ rateLimits: WIDE_RATE_LIMITS })
const sitePath = (site = SITE) => route(ADMIN_ROUTES.site, { site })
const threadPath = (thread: string, site = SITE) => route(ADMIN_ROUTES.thread, { site, thread })
const threadsPath = (query = '', site = SITE) => `${route(ADMIN_ROUTES.threads, { site })}${query}`

async function audit(query = '', token = ADMIN_TOKEN, site = SITE) {
  const res = await admin(`${route(ADMIN_ROUTES.audit, { site })}${query}`, { token })
  return expectBody(res, 200, AuditPageSchema)
}

/** A site of its own (no origins, default settings), so its lists hold only what a test makes. */
const bareSite = (id: string, name: string) =>
  env.DB.prepare(
    `INSERT INTO sites (id, name, allowed_origins, created_at) VALUES (?1, ?2, '[]', 0)`
  )
    .bind(id, name)
    .run()

const keyRow = (id: string) =>
  env.DB.prepare('SELECT * FROM api_keys WHERE id = ?1').bind(id).first<Record<string, unknown>>()

beforeAll(createSites)

describe('API keys', () => {
  it('shows the secret once, as pk_<id>_<secret>, and stores only its SHA-256', async () => {
    const created = await createKey('moderator', SITE, ADMIN_TOKEN, '  Night   desk ')
    expect(created).toMatchObject({
      name: 'Night desk',
      role: 'moderator',
      createdBy: 'owner',
      lastUsedAt: null,
      revokedAt: null,
    })
    const [, id, secret] = /^pk_([0-9a-z]{16})_([0-9a-z]{32})$/.exec(created.key)!
    expect(id).toBe(created.id)

    const row = await keyRow(created.id)
    expect(row).toMatchObject({ site_id: SITE, secret_hash: await hashSecret(secret!) })
    expect(JSON.stringify(row)).not.toContain(secret)

    const list = await expectBody(await admin(keysPath()), 200, ApiKeyListSchema.strict())
    const listed = list.keys.find((k) => k.id === created.id)!
    expect(listed).toEqual(ApiKeySchema.strict().parse(listed))
    expect(JSON.stringify(list)).not.toContain(secret)
    expect(JSON.stringify(list)).not.toContain(row!.secret_hash as string)
  })

  it('gives every key its own random secret', async () => {
    const keys = await Promise.all([createKey('admin'), createKey('admin')])
    expect(keys[0].key).not.toBe(keys[1].key)
    expect(keys[0].id).not.toBe(keys[1].id)
  })

  it('identifies the key: GET me and sites answer its role, site and id', async () => {
    const { id, key } = await createKey('moderator')
    const me = await expectBody(await admin(ADMIN_ROUTES.me, { token: key }), 200, AdminMeSchema)
    expect(me).toEqual({ role: 'moderator', site: SITE, actor: id })
    const sites = await expectBody(
      await admin(ADMIN_ROUTES.sites, { token: key }),
      200,
      AdminSiteListSchema
    )
    expect(sites.sites).toEqual([{ id: SITE, name: 'News' }])

    const owner = await expectBody(await admin(ADMIN_ROUTES.me), 200, AdminMeSchema)
    expect(owner).toEqual({ role: 'owner', site: null, actor: 'owner' })
    const all = await expectBody(await admin(ADMIN_ROUTES.sites), 200, AdminSiteListSchema)
    expect(all.sites.map((s) => s.id)).toEqual(expect.arrayContaining([SITE, OTHER_SITE]))
  })

  it('stops working at once when revoked; revoking again changes nothing', async () => {
    const { id, key } = await createKey('admin')
    expect((await admin(ADMIN_ROUTES.me, { token: key })).status).toBe(200)
    const res = await admin(keyPath(id), { method: 'DELETE' })
    const revoked = await expectBody(res, 200, ApiKeySchema)
    expect(revoked.revokedAt).not.toBeNull()
    await expectError(await admin(ADMIN_ROUTES.me, { token: key }), 401, 'unauthorized')
    await expectError(await admin(keysPath(), { token: key }), 401, 'unauthorized')

    const again = await expectBody(
      await admin(keyPath(id), { method: 'DELETE' }),
      200,
      ApiKeySchema
    )
    expect(again).toEqual(revoked)
    const entries = await audit(`?targetType=key&targetId=${id}`)
    expect(entries.entries.map((e) => e.action)).toEqual(['key.revoke', 'key.create'])
  })

  it('answers 404 for a key that is not of this site, and 400 for a malformed id', async () => {
    const other = await createKey('admin', OTHER_SITE)
    await expectError(await admin(keyPath(other.id)), 405, 'method_not_allowed')
    await expectError(await admin(keyPath(other.id), { method: 'DELETE' }), 404, 'not_found')
    expect((await keyRow(other.id))!.revoked_at).toBeNull()
    await expectError(await admin(keyPath('nope'), { method: 'DELETE' }), 400, 'invalid_input', [
      'params.key',
    ])
  })

  it('records when a key was last used, at most once a minute', async () => {
    const { id, key } = await createKey('moderator')
    expect((await keyRow(id))!.last_used_at).toBeNull()
    const before = Date.now()
    await admin(ADMIN_ROUTES.me, { token: key })
    const first = (await keyRow(id))!.last_used_at as number
    expect(first).toBeGreaterThanOrEqual(before)

    // Within the minute: no write.
    const recent = Date.now() - 30_000
    await env.DB.prepare('UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1')
      .bind(id, recent)
      .run()
    await admin(ADMIN_ROUTES.me, { token: key })
    expect((await keyRow(id))!.last_used_at).toBe(recent)

    // Over a minute ago: written again, and shown in the list.
    const stale = Date.now() - 61_000
    await env.DB.prepare('UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1')
      .bind(id, stale)
      .run()
    await admin(ADMIN_ROUTES.me, { token: key })
    const touched = (await keyRow(id))!.last_used_at as number
    expect(touched).toBeGreaterThan(stale + 60_000)
    const list = await expectBody(await admin(keysPath()), 200, ApiKeyListSchema)
    expect(list.keys.find((k) => k.id === id)!.lastUsedAt).toBe(new Date(touched).toISOString())
  })

  it('keeps a key to its own site', async () => {
    const { key } = await createKey('admin')
    await expectError(await admin(keysPath(OTHER_SITE), { token: key }), 403, 'forbidden')
    await expectError(await admin(sitePath(OTHER_SITE), { token: key }), 403, 'forbidden')
    await expectError(
      await admin(sitePath(OTHER_SITE), { token: key, method: 'PATCH', json: { name: 'Mine' } }),
      403,
      'forbidden'
    )
    expect((await admin(sitePath(), { token: key })).status).toBe(200)
  })

  it('lets an admin key manage its site’s keys, and a moderator key only moderate', async () => {
    const adminKey = await createKey('admin')
    const made = await createKey('admin', SITE, adminKey.key)
    expect(made.createdBy).toBe(adminKey.id)
    await revokeKey(made.id)

    const moderator = await createKey('moderator')
    for (const [path, init] of [
      [keysPath(), {}],
      [keysPath(), { method: 'POST', json: { name: 'x', role: 'admin' } }],
      [keyPath(adminKey.id), { method: 'DELETE' }],
      [sitePath(), {}],
      [sitePath(), { method: 'PATCH', json: { name: 'x' } }],
      [threadPath('t'), { method: 'PUT', json: { title: null } }],
    ] as const) {
      const res = await admin(path, { ...init, token: moderator.key })
      const body = await expectError(res, 403, 'forbidden')
      expect(body.error.message).toMatch(/admin role/)
    }
    expect((await admin(threadsPath(), { token: moderator.key })).status).toBe(200)
    expect(
      (await admin(route(ADMIN_ROUTES.audit, { site: SITE }), { token: moderator.key })).status
    ).toBe(200)
  })

  it('validates the new key and names the field', async () => {
    for (const [json, field] of [
      [{ name: '  ', role: 'admin' }, 'body.name'],
      [{ name: 'x'.repeat(81), role: 'admin' }, 'body.name'],
      [{ name: 'x', role: 'owner' }, 'body.role'],
      [{ name: 'x' }, 'body.role'],
    ] as const) {
      await expectError(await admin(keysPath(), { method: 'POST', json }), 400, 'invalid_input', [
        field,
      ])
    }
    await expectError(
      await admin(keysPath(), { method: 'POST', json: { name: 'x', role: 'admin', site: 'blog' } }),
      400,
      'invalid_input'
    )
  })
})

describe('site administration', () => {
  it('reads the site with its full settings, defaults filled in', async () => {
    const site = await expectBody(await admin(sitePath(OTHER_SITE)), 200, AdminSiteSchema.strict())
    expect(site).toEqual({
      id: OTHER_SITE,
      name: 'Blog',
      allowedOrigins: ['https://blog.example'],
      settings: DEFAULTS,
    })
  })

  it('changes only what is sent, at once, and audits what changed', async () => {
    const { id, key } = await createKey('admin', OTHER_SITE)
    const res = await admin(sitePath(OTHER_SITE), {
      method: 'PATCH',
      token: key,
      json: {
        name: ' The  Blog ',
        allowedOrigins: ['https://blog.example', 'https://www.blog.example/'],
        settings: {
          reactions: { set: ['👍', '😮'] },
          uiLanguages: ['nl', 'fr'],
          moderation: { mode: 'pre', holdRules: { maxLinks: 0 } },
        },
      },
    })
    const site = await expectBody(res, 200, AdminSiteSchema)
    expect(site.name).toBe('The Blog')
    expect(site.allowedOrigins).toEqual(['https://blog.example', 'https://www.blog.example'])
    expect(site.settings).toEqual({
      ...DEFAULTS,
      reactions: { ...DEFAULTS.reactions, set: ['👍', '😮'] },
      uiLanguages: ['nl', 'fr'],
      moderation: {
        ...DEFAULTS.moderation,
        mode: 'pre',
        holdRules: { ...DEFAULTS.moderation.holdRules, maxLinks: 0 },
      },
    })

    // The next public request reads it: reactions, languages and the new origin's CORS.
    const thread = await getThread('settings-now', OTHER_SITE)
    expect(thread.reactions.available).toEqual(['👍', '😮'])
    expect(thread.uiLanguages).toEqual(['nl', 'fr'])
    const cors = await api(`/v1/sites/${OTHER_SITE}/threads/settings-now`, {
      headers: { origin: 'https://www.blog.example' },
    })
    expect(cors.headers.get('access-control-allow-origin')).toBe('https://www.blog.example')

    const [entry] = (await audit('?action=site.update', ADMIN_TOKEN, OTHER_SITE)).entries
    expect(entry).toMatchObject({
      actor: id,
      actorRole: 'admin',
      targetType: 'site',
      targetId: OTHER_SITE,
    })
    expect(entry!.details.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: 'Blog', to: 'The Blog' },
        { field: 'settings.moderation.mode', from: 'post', to: 'pre' },
        { field: 'settings.moderation.holdRules.maxLinks', from: 2, to: 0 },
        { field: 'settings.uiLanguages', from: [], to: ['nl', 'fr'] },
      ])
    )
    expect(entry!.details.changes).toHaveLength(6)

    // Later patches keep what they do not name.
    const later = await admin(sitePath(OTHER_SITE), {
      method: 'PATCH',
      json: { settings: { moderation: { holdRules: { reportThreshold: 5 } } } },
    })
    const after = await expectBody(later, 200, AdminSiteSchema)
    expect(after.settings.moderation).toMatchObject({
      mode: 'pre',
      holdRules: { maxLinks: 0, reportThreshold: 5 },
    })
    expect(after.name).toBe('The Blog')

    // Back as it was, for the other tests.
    await admin(sitePath(OTHER_SITE), {
      method: 'PATCH',
      json: { name: 'Blog', allowedOrigins: ['https://blog.example'], settings: DEFAULTS },
    })
    expect(
      (await expectBody(await admin(sitePath(OTHER_SITE)), 200, AdminSiteSchema)).settings
    ).toEqual(DEFAULTS)
  })

  it('writes nothing and audits nothing when nothing changes', async () => {
    const before = (await audit('?action=site.update')).entries.length
    const res = await admin(sitePath(), {
      method: 'PATCH',
      json: { name: 'News', settings: { showStances: true } },
    })
    expect(res.status).toBe(200)
    expect((await audit('?action=site.update')).entries.length).toBe(before)
  })

  it.each([
    [
      { settings: { moderation: { holdRules: { maxLinks: -1 } } } },
      ['body.settings.moderation.holdRules.maxLinks'],
    ],
    [{ settings: { moderation: { mode: 'later' } } }, ['body.settings.moderation.mode']],
    [{ settings: { reactions: { set: ['👍', '👍'] } } }, ['body.settings.reactions.set']],
    [{ settings: { uiLanguages: ['English'] } }, ['body.settings.uiLanguages.0']],
    [
      { settings: { moderation: { bannedTerms: ['  '] } } },
      ['body.settings.moderation.bannedTerms.0'],
    ],
    [{ settings: { moderaton: { mode: 'pre' } } }, ['body.settings']],
    [{ allowedOrigins: ['https://news.example/comments'] }, ['body.allowedOrigins.0']],
    [{ allowedOrigins: ['news.example'] }, ['body.allowedOrigins.0']],
    [{ allowedOrigins: 'https://news.example' }, ['body.allowedOrigins']],
    [{ name: '' }, ['body.name']],
    [{ id: 'other' }, ['body']],
  ])('refuses %j with 400 naming %j, and changes nothing', async (json, paths) => {
    const before = await expectBody(await admin(sitePath()), 200, AdminSiteSchema)
    const res = await admin(sitePath(), { method: 'PATCH', json })
    const body = await expectError(res, 400, 'invalid_input', paths)
    expect(body.error.message).toContain(paths[0])
    expect(await expectBody(await admin(sitePath()), 200, AdminSiteSchema)).toEqual(before)
  })

  it('re-ranks the site when reactions stop counting towards "top"', async () => {
    const res = await admin(sitePath(), {
      method: 'PATCH',
      json: { settings: { reactions: { inRanking: false } } },
    })
    expect((await expectBody(res, 200, AdminSiteSchema)).settings.reactions.inRanking).toBe(false)
    await admin(sitePath(), {
      method: 'PATCH',
      json: { settings: { reactions: { inRanking: true } } },
    })
  })
})

describe('threads administration', () => {
  it('creates a thread with a slash in its key, then edits it, and the public API shows it', async () => {
    const key = '2026/11/admin-created'
    const res = await admin(threadPath(key), {
      method: 'PUT',
      json: { title: '  Europe and  trafficking ', settings: { reactions: ['👍'] } },
    })
    const created = await expectBody(res, 201, AdminThreadSchema.strict())
    expect(res.headers.get('location')).toBe(threadPath(key))
    expect(created).toMatchObject({
      key,
      title: 'Europe and trafficking',
      commentCount: 0,
      pendingCount: 0,
      settings: { reactions: ['👍'] },
    })
    let thread = await getThread(key)
    expect(thread.title).toBe('Europe and trafficking')
    expect(thread.reactions.available).toEqual(['👍'])

    const edited = await admin(threadPath(key), { method: 'PUT', json: { title: null } })
    expect(await expectBody(edited, 200, AdminThreadSchema)).toMatchObject({
      title: null,
      settings: { reactions: ['👍'] },
    })
    const reset = await admin(threadPath(key), {
      method: 'PUT',
      json: { title: 'Back', settings: { reactions: null } },
    })
    expect(reset.status).toBe(200)
    thread = await getThread(key)
    expect(thread.title).toBe('Back')
    expect(thread.reactions.available).toEqual([...DEFAULT_REACTIONS])

    const entries = (await audit(`?targetType=thread&targetId=${encodeURIComponent(key)}`)).entries
    expect(entries.map((e) => e.action)).toEqual([
      'thread.update',
      'thread.update',
      'thread.create',
    ])
    expect(entries[0]!.details.changes).toEqual([
      { field: 'title', from: null, to: 'Back' },
      { field: 'settings.reactions', from: ['👍'], to: null },
    ])
    expect(entries[2]!.details).toEqual({
      title: 'Europe and trafficking',
      settings: { reactions: ['👍'] },
    })
  })

  it('edits a thread that readers created, keeping its comments', async () => {
    const reader = await newReader()
    await postComment(reader.token, 'reader-made')
    const res = await admin(threadPath('reader-made'), { method: 'PUT', json: { title: 'Named' } })
    expect(await expectBody(res, 200, AdminThreadSchema)).toMatchObject({
      title: 'Named',
      commentCount: 1,
      settings: { reactions: null },
    })
  })

  it('validates the key and the body, naming the field', async () => {
    await expectError(
      await admin(threadPath('has space'), { method: 'PUT', json: { title: null } }),
      400,
      'invalid_input',
      ['params.thread']
    )
    await expectError(
      await admin(threadPath('t'), { method: 'PUT', json: {} }),
      400,
      'invalid_input',
      ['body.title']
    )
    await expectError(
      await admin(threadPath('t'), {
        method: 'PUT',
        json: { title: 'x', settings: { reactions: ['no'] } },
      }),
      400,
      'invalid_input',
      ['body.settings.reactions.0']
    )
  })

  it('lists threads newest first with counts, searches key and title, and pages', async () => {
    const site = 'threads-admin'
    await bareSite(site, 'T')
    for (let i = 1; i <= 5; i++) {
      const res = await admin(threadPath(`page/${i}`, site), {
        method: 'PUT',
        json: { title: i === 2 ? 'Budget 50% cut' : `Article ${i}` },
      })
      expect(res.status).toBe(201)
    }
    const reader = await newReader(site)
    const comment = await postComment(reader.token, 'page/3', {}, {}, site)
    await postComment(reader.token, 'page/3', {}, {}, site)
    await env.DB.prepare(`UPDATE comments SET status = 'pending' WHERE id = ?1`)
      .bind(comment.id)
      .run()

    const first = await expectBody(
      await admin(threadsPath('?limit=2', site)),
      200,
      AdminThreadPageSchema
    )
    expect(first.threads.map((t) => t.key)).toEqual(['page/5', 'page/4'])
    const second = await expectBody(
      await admin(threadsPath(`?limit=2&cursor=${first.nextCursor}`, site)),
      200,
      AdminThreadPageSchema
    )
    expect(second.threads.map((t) => t.key)).toEqual(['page/3', 'page/2'])
    expect(second.threads[0]).toMatchObject({ commentCount: 2, pendingCount: 1 })
    const last = await expectBody(
      await admin(threadsPath(`?limit=2&cursor=${second.nextCursor}`, site)),
      200,
      AdminThreadPageSchema
    )
    expect(last).toMatchObject({ threads: [{ key: 'page/1' }], nextCursor: null })

    const search = async (q: string) =>
      (
        await expectBody(
          await admin(threadsPath(`?q=${encodeURIComponent(q)}`, site)),
          200,
          AdminThreadPageSchema
        )
      ).threads.map((t) => t.key)
    expect(await search('budget')).toEqual(['page/2'])
    expect(await search('PAGE/4')).toEqual(['page/4'])
    expect(await search('50%')).toEqual(['page/2'])
    expect(await search('%')).toEqual(['page/2'])
    expect(await search('_')).toEqual([])
    expect(await search('nothing')).toEqual([])
    // Found by test/fuzz: a long search made a LIKE pattern over D1's 50 bytes and a 500.
    expect(await search('%_\\'.repeat(66))).toEqual([])
    expect(await search(`${'ü'.repeat(190)}budget`)).toEqual([])

    await expectError(await admin(threadsPath('?cursor=abc', site)), 400, 'invalid_input', [
      'query.cursor',
    ])
    await expectError(await admin(threadsPath('?limit=0', site)), 400, 'invalid_input', [
      'query.limit',
    ])
  })
})

describe('the audit log', () => {
  it('lists the site’s entries newest first, filtered and paged, naming the key that acted', async () => {
    const site = 'audited'
    await bareSite(site, 'A')
    const adminKey = await createKey('admin', site, ADMIN_TOKEN, 'Desk')
    const moderator = await createKey('moderator', site, adminKey.key)
    await admin(threadPath('a', site), { method: 'PUT', token: adminKey.key, json: { title: 'A' } })
    await admin(threadPath('a', site), { method: 'PUT', token: adminKey.key, json: { title: 'B' } })
    await admin(keyPath(moderator.id, site), { method: 'DELETE', token: adminKey.key })

    const all = await audit('', ADMIN_TOKEN, site)
    expect(all.entries.map((e) => e.action)).toEqual([
      'key.revoke',
      'thread.update',
      'thread.create',
      'key.create',
      'key.create',
    ])
    const ids = all.entries.map((e) => Number(e.id))
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    const byKey: AuditEntry = all.entries[0]!
    expect(byKey).toMatchObject({
      actor: adminKey.id,
      actorName: 'Desk',
      actorRole: 'admin',
      targetType: 'key',
      targetId: moderator.id,
      reason: null,
      details: { name: moderator.name, role: 'moderator' },
    })
    expect(all.entries.at(-1)).toMatchObject({
      actor: 'owner',
      actorName: null,
      actorRole: 'owner',
    })
    expect(Date.parse(byKey.createdAt)).toBeLessThanOrEqual(Date.now())

    const filtered = async (query: string) =>
      (await audit(query, ADMIN_TOKEN, site)).entries.map((e) => e.action)
    expect(await filtered('?action=key.create')).toEqual(['key.create', 'key.create'])
    expect(await filtered('?targetType=thread&targetId=a')).toEqual([
      'thread.update',
      'thread.create',
    ])
    expect(await filtered(`?actor=${adminKey.id}`)).toEqual([
      'key.revoke',
      'thread.update',
      'thread.create',
      'key.create',
    ])
    expect(await filtered('?actor=owner')).toEqual(['key.create'])

    const page1 = await audit('?limit=2', ADMIN_TOKEN, site)
    const page2 = await audit(`?limit=2&cursor=${page1.nextCursor}`, ADMIN_TOKEN, site)
    const page3 = await audit(`?limit=2&cursor=${page2.nextCursor}`, ADMIN_TOKEN, site)
    expect([...page1.entries, ...page2.entries, ...page3.entries]).toEqual(all.entries)
    expect(page3.nextCursor).toBeNull()

    // Other sites' entries never show, and a key of this site cannot read another's log.
    expect(
      (await audit('', ADMIN_TOKEN, SITE)).entries.every((e) => e.targetId !== moderator.id)
    ).toBe(true)
    await expectError(
      await admin(route(ADMIN_ROUTES.audit, { site: SITE }), { token: adminKey.key }),
      403,
      'forbidden'
    )
  })

  it('validates the query', async () => {
    const path = route(ADMIN_ROUTES.audit, { site: SITE })
    await expectError(await admin(`${path}?limit=101`), 400, 'invalid_input', ['query.limit'])
    await expectError(await admin(`${path}?cursor=-1`), 400, 'invalid_input', ['query.cursor'])
  })
})
