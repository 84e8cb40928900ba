import {
  ADMIN_ROUTES,
  AdminMeSchema,
  AdminSiteListSchema,
  AdminSiteSchema,
  AdminThreadListQuerySchema,
  AdminThreadPageSchema,
  AdminThreadSchema,
  ApiKeyListSchema,
  ApiKeyParamsSchema,
  ApiKeySchema,
  AuditPageSchema,
  AuditQuerySchema,
  CreatedApiKeySchema,
  EditSiteSchema,
  NewApiKeySchema,
  PutThreadSchema,
  SiteParamsSchema,
  ThreadParamsSchema,
  type ErrorCode,
} from '@parley/core'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiHelpers } from './openapi-polls.ts'

// The access operations of the admin API: who am I, sites, API keys, site settings, threads and
// the audit log (docs/decisions/0009-admin-keys-and-roles.md).

const ADMIN_ROLE = 'Needs the admin role (an admin key of this site, or the owner).'
const MODERATOR_ROLE = 'Any key of this site, or the owner.'

export function adminAccessPaths(h: OpenApiHelpers): ZodOpenApiPathsObject {
  const { toOpenApiPath: path, json, errors, admin } = h
  const security = [{ adminToken: [] }]
  const authErrors: ErrorCode[] = ['unauthorized', 'forbidden_origin', 'internal']
  return {
    [path(ADMIN_ROUTES.me)]: {
      get: {
        operationId: 'adminMe',
        summary: 'Who the credential is',
        description:
          'The role, the site of an API key (null for the owner) and the actor the audit log records. A console signs in with a key by calling this.',
        security,
        responses: {
          '200': { description: 'The caller', ...json(AdminMeSchema) },
          ...errors(...authErrors),
        },
      },
    },
    [path(ADMIN_ROUTES.sites)]: {
      get: {
        operationId: 'adminListSites',
        summary: 'The sites the credential may administer',
        description: 'Every site for the owner; the one site of an API key.',
        security,
        responses: {
          '200': { description: 'The sites', ...json(AdminSiteListSchema) },
          ...errors(...authErrors),
        },
      },
    },
    [path(ADMIN_ROUTES.site)]: {
      get: admin({
        operationId: 'adminGetSite',
        summary: 'The site: name, allowed origins and settings',
        description: `Settings in full, defaults filled in. ${ADMIN_ROLE}`,
        requestParams: { path: SiteParamsSchema },
        responses: {
          '200': { description: 'The site', ...json(AdminSiteSchema) },
        },
      }),
      patch: admin({
        operationId: 'adminEditSite',
        summary: 'Change the name, allowed origins or settings',
        description: `Only the fields sent change, and the next request reads them. \`settings\` is any part of SiteSettings at any depth (arrays are replaced whole); the result is validated as a whole and errors name the field, e.g. \`body.settings.moderation.holdRules.maxLinks\`. Unknown fields are refused. Audited as site.update with each changed field's old and new value. ${ADMIN_ROLE}`,
        requestParams: { path: SiteParamsSchema },
        requestBody: { required: true, ...json(EditSiteSchema) },
        responses: {
          '200': { description: 'The site afterwards', ...json(AdminSiteSchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.keys)]: {
      get: admin({
        operationId: 'adminListKeys',
        summary: "The site's API keys",
        description: `Newest first, revoked ones included; never the secret. ${ADMIN_ROLE}`,
        requestParams: { path: SiteParamsSchema },
        responses: {
          '200': { description: 'The keys', ...json(ApiKeyListSchema) },
        },
      }),
      post: admin({
        operationId: 'adminCreateKey',
        summary: 'Create an API key for this site',
        description: `The answer holds the key (\`pk_<id>_<secret>\`) this once; only a SHA-256 of the secret is stored. Audited as key.create. ${ADMIN_ROLE}`,
        requestParams: { path: SiteParamsSchema },
        requestBody: { required: true, ...json(NewApiKeySchema) },
        responses: {
          '201': { description: 'The key, with its secret', ...json(CreatedApiKeySchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.key)]: {
      delete: admin(
        {
          operationId: 'adminRevokeKey',
          summary: 'Revoke an API key',
          description: `It answers 401 from the next request on. Revoking a revoked key changes nothing. Audited as key.revoke. ${ADMIN_ROLE}`,
          requestParams: { path: ApiKeyParamsSchema },
          responses: {
            '200': { description: 'The revoked key', ...json(ApiKeySchema) },
          },
        },
        'not_found'
      ),
    },
    [path(ADMIN_ROUTES.threads)]: {
      get: admin({
        operationId: 'adminListThreads',
        summary: "The site's threads, newest first",
        description: `With their published and held comment counts. \`q\` searches keys and titles (case-insensitive for ASCII). Keyset pagination with \`nextCursor\`. ${MODERATOR_ROLE}`,
        requestParams: { path: SiteParamsSchema, query: AdminThreadListQuerySchema },
        responses: {
          '200': { description: 'A page of threads', ...json(AdminThreadPageSchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.thread)]: {
      put: admin({
        operationId: 'adminPutThread',
        summary: 'Create or edit a thread',
        description: `Sets the title and, when sent, replaces the thread's settings. Thread keys may contain slashes: percent-encode them (%2F), as for the public thread route. Audited as thread.create or thread.update. ${ADMIN_ROLE}`,
        requestParams: { path: ThreadParamsSchema },
        requestBody: { required: true, ...json(PutThreadSchema) },
        responses: {
          '200': { description: 'The edited thread', ...json(AdminThreadSchema) },
          '201': { description: 'The new thread', ...json(AdminThreadSchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.audit)]: {
      get: admin({
        operationId: 'adminAuditLog',
        summary: "The site's audit log, newest first",
        description: `Every admin action: who (the owner or a key, with its name), what, on what, when and why. Filters combine; keyset pagination with \`nextCursor\`. ${MODERATOR_ROLE}`,
        requestParams: { path: SiteParamsSchema, query: AuditQuerySchema },
        responses: {
          '200': { description: 'A page of entries', ...json(AuditPageSchema) },
        },
      }),
    },
  }
}
