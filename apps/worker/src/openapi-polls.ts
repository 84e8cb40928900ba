import {
  ADMIN_ROUTES,
  AdminPollListQuerySchema,
  AdminPollOptionParamsSchema,
  AdminPollPageSchema,
  AdminPollSchema,
  EditPollSchema,
  NewPollSchema,
  PollExportQuerySchema,
  PollExportSchema,
  PollParamsSchema,
  PollSchema,
  ROUTES,
  SiteParamsSchema,
  DEFAULT_RATE_LIMITS,
  VoteSchema,
  type ErrorCode,
} from '@parley/core'
import { z } from 'zod'
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi'

// The poll and admin poll operations of the OpenAPI document (src/openapi.ts builds the rest and
// hands in its helpers, so both halves describe errors the same way).

export interface OpenApiHelpers {
  toOpenApiPath: (route: string) => string
  json: (schema: z.ZodType) => { content: { 'application/json': { schema: z.ZodType } } }
  errors: (...codes: ErrorCode[]) => ZodOpenApiOperationObject['responses']
  siteErrors: readonly ErrorCode[]
  writeErrors: readonly ErrorCode[]
  /** An admin operation: the admin token, the errors of every admin call and then `codes`. */
  admin: (operation: ZodOpenApiOperationObject, ...codes: ErrorCode[]) => ZodOpenApiOperationObject
}

export const ADMIN_SECURITY_SCHEME = {
  adminToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'The ADMIN_TOKEN Worker secret (the owner: every site), or a per-site API key `pk_<id>_<secret>` with the admin or moderator role (POST /v1/admin/sites/{site}/keys). While ADMIN_TOKEN is unset only API keys are accepted. 401 for a missing, wrong or revoked credential, 403 for another site or a role too low. Admin routes refuse browser requests from any other origin than the Worker’s own (403) and send no CORS headers.',
  },
} as const

const { reader, network, site } = DEFAULT_RATE_LIMITS.votes
const RATE_LIMITS = `Rate limited per reader token (${reader.max}/${reader.windowSeconds}s), per network (${network.max}/${network.windowSeconds}s, under a salted hash that rotates daily) and per site (${site.max}/${site.windowSeconds}s): 429 rate_limited with Retry-After.`

const PollRequestHeadersSchema = z.object({
  'If-None-Match': z
    .string()
    .optional()
    .meta({ description: 'The ETag of the poll as last received: 304 while it still matches' }),
})

const csv = {
  content: { 'text/csv': { schema: { type: 'string' as const } } },
}

export function pollPaths(h: OpenApiHelpers): ZodOpenApiPathsObject {
  const { toOpenApiPath: path, json, errors, admin } = h
  const readerAuth = [{ readerToken: [] }]
  const voteErrors: ErrorCode[] = [
    ...h.writeErrors,
    'unauthorized',
    'poll_not_found',
    'poll_closed',
    'poll_not_open',
    'vote_locked',
    'rate_limited',
    'banned',
  ]
  return {
    [path(ROUTES.poll)]: {
      get: {
        operationId: 'getPoll',
        summary: 'A poll with its results',
        description:
          "With a reader token, `myChoices` holds the reader's choices. `results` is null while the poll's results visibility withholds them from this caller (`resultsStatus` says why). Hidden options are left out. Sends a strong ETag computed from exactly this body and `Cache-Control: private, no-cache`: poll with If-None-Match to get 304 until the caller's view changes.",
        requestParams: {
          path: PollParamsSchema,
          header: PollRequestHeadersSchema,
        },
        security: [{}, ...readerAuth],
        responses: {
          '200': { description: 'The poll', ...json(PollSchema) },
          '304': { description: 'Not modified: the caller’s view still matches If-None-Match' },
          ...errors(...h.siteErrors, 'poll_not_found'),
        },
      },
    },
    [path(ROUTES.vote)]: {
      put: {
        operationId: 'vote',
        summary: "Cast or replace the reader's ballot",
        description: `One ballot per reader per poll, enforced by the database: voting again replaces the choices (409 vote_locked when the poll does not allow changes; sending the same choices again is a 200 replay). A single-choice poll takes one option id, a multiple-choice poll up to maxChoices. While the poll's turnstile is set, the body needs a turnstileToken (400 challenge_required without one, 403 challenge_failed for a refused one); withdrawing needs none. ${RATE_LIMITS}`,
        security: readerAuth,
        requestParams: { path: PollParamsSchema },
        requestBody: { required: true, ...json(VoteSchema) },
        responses: {
          '200': { description: 'The poll with updated results', ...json(PollSchema) },
          ...errors(
            ...voteErrors,
            'sign_in_required',
            'invalid_option',
            'too_many_choices',
            // Only while the site asks votes for a Turnstile token (Poll.turnstile).
            'challenge_required',
            'challenge_failed',
            'unavailable'
          ),
        },
      },
      delete: {
        operationId: 'withdrawVote',
        summary: "Withdraw the reader's ballot",
        description: `Allowed while the poll is open and allows vote changes. Without a ballot it changes nothing (200). ${RATE_LIMITS}`,
        security: readerAuth,
        requestParams: { path: PollParamsSchema },
        responses: {
          '200': { description: 'The poll without the ballot', ...json(PollSchema) },
          ...errors(...voteErrors),
        },
      },
    },
    [path(ADMIN_ROUTES.polls)]: {
      get: admin({
        operationId: 'adminListPolls',
        summary: "The site's polls, newest first",
        description:
          '`thread=<key>` lists only the polls shown with that thread (none for an unknown key), `thread=none` only the polls standing alone. The cursor pages within the same filter.',
        requestParams: { path: SiteParamsSchema, query: AdminPollListQuerySchema },
        responses: {
          '200': { description: 'A page of polls', ...json(AdminPollPageSchema) },
        },
      }),
      post: admin(
        {
          operationId: 'adminCreatePoll',
          summary: 'Create a poll',
          description: 'With `thread`, the poll is shown with that thread (created if needed).',
          requestParams: { path: SiteParamsSchema },
          requestBody: { required: true, ...json(NewPollSchema) },
          responses: {
            '201': { description: 'The new poll', ...json(AdminPollSchema) },
          },
        },
        'conflict'
      ),
    },
    [path(ADMIN_ROUTES.poll)]: {
      get: admin(
        {
          operationId: 'adminGetPoll',
          summary: 'A poll with every option and its results',
          requestParams: { path: PollParamsSchema },
          responses: {
            '200': { description: 'The poll', ...json(AdminPollSchema) },
          },
        },
        'poll_not_found'
      ),
      patch: admin(
        {
          operationId: 'adminEditPoll',
          summary: 'Edit a poll',
          description:
            'Only the fields sent change. `options` is the complete list in display order: relabel, hide, unhide and reorder existing options by id, add new ones by label. `closeNow` closes the poll; `closesAt: null` reopens it. Once the poll has votes, maxChoices can only be raised (409). 409 conflict also when the poll changed while the edit was made.',
          requestParams: { path: PollParamsSchema },
          requestBody: { required: true, ...json(EditPollSchema) },
          responses: {
            '200': { description: 'The edited poll', ...json(AdminPollSchema) },
          },
        },
        'poll_not_found',
        'conflict'
      ),
    },
    [path(ADMIN_ROUTES.pollOption)]: {
      delete: admin(
        {
          operationId: 'adminDeleteOption',
          summary: 'Delete an option nobody chose',
          description:
            "An option with votes, or shown as a comment's stance, can only be hidden (PATCH options): 409 option_has_votes. 409 conflict when fewer than two visible options would remain.",
          requestParams: { path: AdminPollOptionParamsSchema },
          responses: {
            '200': { description: 'The poll without the option', ...json(AdminPollSchema) },
          },
        },
        'poll_not_found',
        'not_found',
        'option_has_votes',
        'conflict'
      ),
    },
    [path(ADMIN_ROUTES.pollExport)]: {
      get: admin(
        {
          operationId: 'adminExportPoll',
          summary: 'Download the results as CSV or JSON',
          description:
            'An attachment (Content-Disposition). CSV: UTF-8 with a byte order mark, a header row, one row per option (hidden ones included), RFC 4180 quoting; cells starting with = + - @ tab or CR get a leading apostrophe so spreadsheets never run them as formulas. JSON: the poll definition with per-option counts and percentages and the totals.',
          requestParams: { path: PollParamsSchema, query: PollExportQuerySchema },
          responses: {
            '200': {
              description: 'The export',
              content: { ...json(PollExportSchema).content, ...csv.content },
            },
          },
        },
        'poll_not_found'
      ),
    },
  }
}
