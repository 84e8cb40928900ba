import { zValidator } from '@hono/zod-validator'
import {
  ADMIN_ROUTES,
  ApiKeyParamsSchema,
  NewApiKeySchema,
  SiteParamsSchema,
  type AdminMe,
  type AdminSiteList,
  type ApiKeyList,
  type CreatedApiKey,
} from '@parley/core'
import { Hono } from 'hono'
import {
  getApiKey,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  toApiKey,
  type ApiKeyRow,
} from '../../db/api-keys.ts'
import { getSite, listSites } from '../../db/sites.ts'
import { ApiError, validationHook } from '../../errors.ts'
import { newApiKey } from '../../lib/api-keys.ts'
import { adminGuard, adminSite, requireRole, type AdminEnv } from '../../middleware/admin.ts'
import { jsonBody } from '../../middleware/json-body.ts'
import { auditOf } from './audited.ts'

// Who am I, which sites may I administer, and the per-site API keys
// (docs/decisions/0009-admin-keys-and-roles.md).

export const adminKeys = new Hono<AdminEnv>()
  .use('/v1/admin/*', adminGuard)
  .use('/v1/admin/sites/:site/*', adminSite)
  .get(ADMIN_ROUTES.me, (c) => {
    const { role, siteScope, actor } = c.var.admin
    const body: AdminMe = { role, site: siteScope === '*' ? null : siteScope, actor }
    return c.json(body)
  })
  .get(ADMIN_ROUTES.sites, async (c) => {
    const { siteScope } = c.var.admin
    let sites: AdminSiteList['sites']
    if (siteScope === '*') {
      sites = await listSites(c.env.DB)
    } else {
      const site = await getSite(c.env.DB, siteScope)
      sites = site ? [{ id: site.id, name: site.name }] : []
    }
    const body: AdminSiteList = { sites }
    return c.json(body)
  })
  .get(
    ADMIN_ROUTES.keys,
    requireRole('admin'),
    zValidator('param', SiteParamsSchema, validationHook),
    async (c) => {
      const body: ApiKeyList = { keys: (await listApiKeys(c.env.DB, c.var.site.id)).map(toApiKey) }
      return c.json(body)
    }
  )
  .post(
    ADMIN_ROUTES.keys,
    requireRole('admin'),
    jsonBody(),
    zValidator('param', SiteParamsSchema, validationHook),
    zValidator('json', NewApiKeySchema, validationHook),
    async (c) => {
      const { name, role } = c.req.valid('json')
      const site = c.var.site.id
      const { id, key, secretHash } = await newApiKey()
      const now = Date.now()
      const row: ApiKeyRow = {
        id,
        site_id: site,
        name,
        role,
        secret_hash: secretHash,
        created_by: c.var.admin.actor,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      }
      await c.env.DB.batch([
        insertApiKey(c.env.DB, row),
        auditOf(
          c,
          {
            action: 'key.create',
            targetType: 'key',
            targetId: id,
            details: { name, role },
          },
          now
        ),
      ])
      const body: CreatedApiKey = { ...toApiKey(row), key }
      const location = ADMIN_ROUTES.key.replace(':site', site).replace(':key', id)
      return c.json(body, 201, { Location: location })
    }
  )
  .delete(
    ADMIN_ROUTES.key,
    requireRole('admin'),
    zValidator('param', ApiKeyParamsSchema, validationHook),
    async (c) => {
      const { key: id } = c.req.valid('param')
      const site = c.var.site.id
      const row = await getApiKey(c.env.DB, id)
      if (!row || row.site_id !== site) {
        throw new ApiError('not_found', `There is no API key "${id}" on this site`)
      }
      // Revoking twice is harmless and answers the same; only the first is audited.
      if (row.revoked_at === null) {
        const now = Date.now()
        await c.env.DB.batch([
          revokeApiKey(c.env.DB, site, id, now),
          auditOf(
            c,
            {
              action: 'key.revoke',
              targetType: 'key',
              targetId: id,
              details: { name: row.name, role: row.role },
            },
            now
          ),
        ])
      }
      return c.json(toApiKey((await getApiKey(c.env.DB, id)) ?? row))
    }
  )
