import { ADMIN_ROUTES, ImportResultSchema, SiteExportSchema, SiteParamsSchema } from '@parley/core'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiHelpers } from './openapi-polls.ts'

// A site's data out and back in (docs/export-format.md, docs/decisions/0020-faults-and-portability.md).

export function portabilityPaths(h: OpenApiHelpers): ZodOpenApiPathsObject {
  const { toOpenApiPath: path, json, admin } = h
  return {
    [path(ADMIN_ROUTES.siteExport)]: {
      get: admin(
        {
          operationId: 'adminExportSite',
          summary: "Download the site's data as one JSON document",
          description:
            'Needs the admin role (or the owner token). Site settings, threads, comments of every status with their revisions, reactions and reports, polls with options, counts and ballots, experts and expert responses; every reader id replaced by a stable pseudonym. Not exported: API keys, the audit log, bans, DSA notices and appeals, invitations, sign-in secrets, network hashes. The export is audited (site.export). Format: docs/export-format.md.',
          requestParams: { path: SiteParamsSchema },
          responses: {
            '200': { description: 'The document, as an attachment', ...json(SiteExportSchema) },
          },
        },
        'site_not_found'
      ),
    },
    [path(ADMIN_ROUTES.siteImport)]: {
      post: admin(
        {
          operationId: 'adminImportSite',
          summary: 'Import an export document into a site that has no data',
          description:
            'Needs the owner token. The site must exist and have no threads, comments, polls or experts (409 conflict otherwise, also when ids of the file exist in this database). The document is validated (400 naming each field, references included), written in one batch (all or nothing), and the counters are recounted from the rows. Bodies up to 50 MiB.',
          requestParams: { path: SiteParamsSchema },
          requestBody: { content: { 'application/json': { schema: SiteExportSchema } } },
          responses: { '201': { description: 'What was written', ...json(ImportResultSchema) } },
        },
        'site_not_found',
        'conflict',
        'invalid_input',
        'invalid_json',
        'payload_too_large',
        'unsupported_media_type'
      ),
    },
  }
}
