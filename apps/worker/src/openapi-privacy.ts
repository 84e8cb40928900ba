import {
  ADMIN_ROUTES,
  AdminReaderDataSchema,
  AdminReaderQuerySchema,
  EraseReaderQuerySchema,
  ErasureResultSchema,
  ReaderDataSchema,
  ReaderParamsSchema,
  ReaderSearchSchema,
  ROUTES,
  SiteParamsSchema,
} from '@parley/core'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiHelpers } from './openapi-polls.ts'

// A reader's own data, and data-subject requests that reach the publisher (docs/privacy.md,
// docs/decisions/0019-reader-data-and-retention.md).

const ERASURE = `Votes leave the poll counts, reactions the reaction counts, reports go, appeals go; comments are deleted (a comment others replied to stays as a "deleted" placeholder) or, when the site's privacy.erasure is anonymise, keep their text under privacy.anonymousName without any link to the reader. Every counter is recounted from the rows in the same batch.`

export function privacyPaths(h: OpenApiHelpers): ZodOpenApiPathsObject {
  const { toOpenApiPath: path, json, errors, admin } = h
  const readerAuth = [{ readerToken: [] }]
  return {
    [path(ROUTES.readerMeData)]: {
      get: {
        operationId: 'getMyData',
        summary: 'Download everything stored under the calling reader',
        description:
          'Comments of every status with their edit history, votes, reactions, reports, appeals and the sign-in account, as one JSON document (format parley.reader-data, version 1). Needs the reader token; bans do not stop it. Not cached.',
        security: readerAuth,
        requestParams: { path: SiteParamsSchema },
        responses: {
          '200': { description: "The reader's data", ...json(ReaderDataSchema) },
          ...errors(...h.siteErrors, 'unauthorized'),
        },
      },
    },
    [path(ROUTES.readerMe)]: {
      delete: {
        operationId: 'eraseMe',
        summary: 'Erase everything stored under the calling reader',
        description: `One batch. ${ERASURE} Afterwards the token names a reader with no data: the widget forgets it and asks for a new one. Bans do not stop it.`,
        security: readerAuth,
        requestParams: { path: SiteParamsSchema },
        responses: {
          '200': { description: 'What was erased', ...json(ErasureResultSchema) },
          ...errors(...h.writeErrors, 'unauthorized'),
        },
      },
    },
    [path(ADMIN_ROUTES.readers)]: {
      get: admin(
        {
          operationId: 'adminFindReaders',
          summary: 'Find a reader by reader id, by one of their comments or by the site’s user id',
          description:
            'Needs the admin role. Exactly one of `reader`, `comment` or `user` (the subject of a signed-in user). Answers what is stored under each reader found.',
          requestParams: { path: SiteParamsSchema, query: AdminReaderQuerySchema },
          responses: { '200': { description: 'The readers found', ...json(ReaderSearchSchema) } },
        },
        'site_not_found'
      ),
    },
    [path(ADMIN_ROUTES.readerData)]: {
      get: admin(
        {
          operationId: 'adminExportReader',
          summary: "Export a reader's data, with the publisher's records about them",
          description:
            "Needs the admin role. The reader's own export plus the bans on their token or networks and the moderation pipeline's verdict on each comment. Audited (reader.export).",
          requestParams: { path: ReaderParamsSchema },
          responses: { '200': { description: 'The data', ...json(AdminReaderDataSchema) } },
        },
        'site_not_found'
      ),
    },
    [path(ADMIN_ROUTES.reader)]: {
      delete: admin(
        {
          operationId: 'adminEraseReader',
          summary: "Erase a reader's data",
          description: `Needs the admin role. ${ERASURE} \`mode\` overrides the site's setting. Bans stay in force. Audited (reader.erase) in the same batch.`,
          requestParams: { path: ReaderParamsSchema, query: EraseReaderQuerySchema },
          responses: { '200': { description: 'What was erased', ...json(ErasureResultSchema) } },
        },
        'site_not_found'
      ),
    },
  }
}
