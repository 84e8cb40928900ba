import {
  CommentPageSchema,
  CommentParamsSchema,
  CommentSchema,
  CountsQuerySchema,
  CountsSchema,
  DeleteResultSchema,
  EditCommentSchema,
  ERROR_STATUS,
  ErrorBodySchema,
  ListCommentsQuerySchema,
  NewCommentSchema,
  NewReportSchema,
  ReactionInputSchema,
  ReactionStateSchema,
  ReaderSchema,
  RepliesQuerySchema,
  ReplyPageSchema,
  ReportSchema,
  ROUTES,
  SiteParamsSchema,
  ThreadParamsSchema,
  ThreadSchema,
  type ErrorCode,
} from '@parley/core'
import type { z } from 'zod'
import { createDocument, type ZodOpenApiOperationObject } from 'zod-openapi'
import { adminAccessPaths } from './openapi-admin.ts'
import { abusePaths } from './openapi-abuse.ts'
import { dsaPaths } from './openapi-dsa.ts'
import { expertPaths } from './openapi-experts.ts'
import { moderationPaths } from './openapi-moderation.ts'
import { portabilityPaths } from './openapi-portability.ts'
import { privacyPaths } from './openapi-privacy.ts'
import { ssoPaths } from './openapi-sso.ts'
import { ADMIN_SECURITY_SCHEME, pollPaths, type OpenApiHelpers } from './openapi-polls.ts'
import { PostCommentHeadersSchema } from './schemas.ts'

/** Hono's `/:site` to OpenAPI's `/{site}`. */
export const toOpenApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}')

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } })

/** One response per status, listing the error codes that status carries on this operation. */
function errors(...codes: ErrorCode[]): ZodOpenApiOperationObject['responses'] {
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of new Set(codes)) {
    byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code])
  }
  const responses: ZodOpenApiOperationObject['responses'] = {}
  for (const [status, list] of byStatus) {
    responses[String(status) as '400'] = {
      description: `Error: ${list.map((c) => `\`${c}\``).join(', ')}`,
      ...json(ErrorBodySchema),
    }
  }
  return responses
}

const SITE_ERRORS = ['invalid_input', 'site_not_found', 'internal'] as const
const WRITE_ERRORS = [
  ...SITE_ERRORS,
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'forbidden_origin',
  // Every public write counts against the site's rateLimits (settings).
  'rate_limited',
  // D1 failed or timed out: retry after Retry-After, with the same Idempotency-Key if any.
  'unavailable',
] as const
// Comment routes add: a comment of another site is as unknown as one that never existed.
const COMMENT_ERRORS = [...SITE_ERRORS, 'comment_not_found'] as const
const COMMENT_WRITE_ERRORS = [...WRITE_ERRORS, 'unauthorized', 'comment_not_found'] as const
const readerAuth = [{ readerToken: [] }]
const ADMIN_ERRORS = [...SITE_ERRORS, 'unauthorized', 'forbidden', 'forbidden_origin'] as const
// An admin operation with a JSON body adds the body's errors.
const ADMIN_WRITE_ERRORS = [
  ...ADMIN_ERRORS,
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
] as const

function admin(operation: ZodOpenApiOperationObject, ...codes: ErrorCode[]) {
  const common = operation.requestBody ? ADMIN_WRITE_ERRORS : ADMIN_ERRORS
  return {
    ...operation,
    security: [{ adminToken: [] }],
    responses: { ...operation.responses, ...errors(...common, ...codes) },
  }
}

const helpers: OpenApiHelpers = {
  toOpenApiPath,
  json,
  errors,
  siteErrors: SITE_ERRORS,
  writeErrors: WRITE_ERRORS,
  admin,
}
const optionalReaderAuth = [{}, ...readerAuth]

function buildDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '1.0.0',
      description:
        'Comments and polls for publisher sites. Every request under /v1/sites/{site} is scoped to one site; browsers may call it only from that site\'s allowed origins. Errors share one envelope: `{ "error": { "code", "message", "issues"? } }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    components: {
      securitySchemes: {
        readerToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An anonymous reader token from POST /v1/sites/{site}/readers, or a signed-in reader session from POST /v1/sites/{site}/sso/session',
        },
        ...ADMIN_SECURITY_SCHEME,
      },
    },
    paths: {
      [toOpenApiPath(ROUTES.readers)]: {
        post: {
          operationId: 'createReader',
          summary: 'Create an anonymous reader identity',
          description:
            'Returns a token signed for this site. The body is empty or `{}`. Send the token as a bearer token on writes.',
          requestParams: { path: SiteParamsSchema },
          responses: {
            '201': { description: 'The new reader', ...json(ReaderSchema) },
            ...errors(...WRITE_ERRORS),
          },
        },
      },
      [toOpenApiPath(ROUTES.thread)]: {
        get: {
          operationId: 'getThread',
          summary: 'A thread with its comment count, polls, reactions, stances and languages',
          description:
            "A thread nobody has commented on yet is returned empty (commentCount 0, no polls, the site's reactions). With a reader token, each poll has the reader's `myChoices`. `stances` counts top-level comments per stance in the thread's stance poll (its first single-choice poll); it is null without one or when the site hides stances, and its `counts` are null while that poll withholds its results from the caller (`resultsStatus` not `visible`).",
          requestParams: { path: ThreadParamsSchema },
          security: optionalReaderAuth,
          responses: {
            '200': { description: 'The thread', ...json(ThreadSchema) },
            ...errors(...SITE_ERRORS),
          },
        },
      },
      [toOpenApiPath(ROUTES.comments)]: {
        get: {
          operationId: 'listComments',
          summary: 'One page of top-level comments, each with its first replies nested',
          description:
            'Sorted newest, oldest, top or balanced, optionally only top-level comments in one language or of one stance. Keyset pagination: pass `nextCursor` as `cursor` (with the same sort and filter) for the next page; comments posted meanwhile never cause duplicates or gaps. Each top-level comment carries at most REPLIES_INLINE_MAX (50) replies; fetch the rest from the replies route. With a reader token, `mine`, `myReaction` and `editableUntil` are filled in.\n\nModeration: a held comment (`status` pending) is listed only for its author; a removed one as a tombstone (`status` removed, text "", the reason and the statement of the removal) unless the site turns tombstones off, and whole for its author; spam and shadow-banned comments only for their author. A comment hidden from the caller that has published replies stays as a bare placeholder (`deleted`), so its replies keep their place.\n\nStances come from the thread\'s stance poll (its first single-choice poll). `balanced` takes the top comments of each stance in turn (the options in order, then "none"), so the first page shows every side; it is `top` when the thread has no stance poll, the site hides stances, or `stance` is given. `stance` answers 422 invalid_option (naming query.stance) when the thread has no stance poll, the site hides stances, or the value is not an option of that poll. `lang` combines with neither `stance` nor `balanced` (422 invalid_option naming both fields).',
          requestParams: { path: ThreadParamsSchema, query: ListCommentsQuerySchema },
          security: optionalReaderAuth,
          responses: {
            '200': { description: 'A page of comments', ...json(CommentPageSchema) },
            ...errors(...SITE_ERRORS, 'invalid_option'),
          },
        },
        post: {
          operationId: 'postComment',
          summary: 'Post a comment or a reply',
          description:
            "The thread is created by its first comment. The server stores the text, its sanitized HTML rendering and its detected language. Unless `showStance` is false or the site hides stances, it also stores the author's vote in the thread's stance poll at this moment as the comment's `stance`; later vote changes leave it as it was.\n\nEvery comment goes through the site's moderation pipeline: it is published, held for review (`status` pending: only its author sees it, awaiting review) or rejected as spam (its author sees it removed, with the statement of reasons). A banned reader gets 403 banned and nothing is stored; a shadow-banned reader's comment is shown to them as published and to nobody else.",
          security: readerAuth,
          requestParams: { path: ThreadParamsSchema, header: PostCommentHeadersSchema },
          requestBody: { required: true, ...json(NewCommentSchema) },
          responses: {
            '200': {
              description: 'A retry with a used Idempotency-Key: the original comment',
              ...json(CommentSchema),
            },
            '201': { description: 'The new comment', ...json(CommentSchema) },
            ...errors(
              ...WRITE_ERRORS,
              'unauthorized',
              'sign_in_required',
              'challenge_required',
              'challenge_failed',
              'banned',
              'parent_not_found',
              'comment_deleted',
              'conflict'
            ),
          },
        },
      },
      [toOpenApiPath(ROUTES.comment)]: {
        patch: {
          operationId: 'editComment',
          summary: 'Edit a comment (its author, within the edit window)',
          description:
            'The author may edit for EDIT_WINDOW_MS (15 minutes) after posting. The old text is kept as a revision; the comment gets `editedAt`.',
          security: readerAuth,
          requestParams: { path: CommentParamsSchema },
          requestBody: { required: true, ...json(EditCommentSchema) },
          responses: {
            '200': { description: 'The edited comment', ...json(CommentSchema) },
            ...errors(
              ...COMMENT_WRITE_ERRORS,
              'forbidden',
              'comment_deleted',
              'edit_window_closed',
              'conflict'
            ),
          },
        },
        delete: {
          operationId: 'deleteComment',
          summary: 'Delete a comment (its author)',
          description:
            'Without replies the comment is removed, with any deleted placeholder above it left without replies. With replies it becomes a placeholder: `deleted`, no text, no author. Deleting a placeholder again answers 409 comment_deleted; a removed comment answers 404 comment_not_found.',
          security: readerAuth,
          requestParams: { path: CommentParamsSchema },
          responses: {
            '200': { description: 'What became of it', ...json(DeleteResultSchema) },
            ...errors(...COMMENT_WRITE_ERRORS, 'forbidden', 'comment_deleted'),
          },
        },
      },
      [toOpenApiPath(ROUTES.replies)]: {
        get: {
          operationId: 'listReplies',
          summary: 'The replies below a comment, every depth, flat, oldest first',
          description:
            'For subtrees larger than what came with the page. Keyset pagination with `nextCursor`; nest the replies by `parentId`.',
          security: optionalReaderAuth,
          requestParams: { path: CommentParamsSchema, query: RepliesQuerySchema },
          responses: {
            '200': { description: 'A page of replies', ...json(ReplyPageSchema) },
            ...errors(...COMMENT_ERRORS),
          },
        },
      },
      [toOpenApiPath(ROUTES.reaction)]: {
        put: {
          operationId: 'react',
          summary: "Set or change the reader's reaction",
          description:
            "One reaction per reader per comment: a new one replaces the old. The emoji must be one the thread offers (Thread.reactions.available). A banned reader gets 403 banned; a shadow-banned reader's reaction is answered as set but not stored.",
          security: readerAuth,
          requestParams: { path: CommentParamsSchema },
          requestBody: { required: true, ...json(ReactionInputSchema) },
          responses: {
            '200': {
              description: "The comment's reactions afterwards",
              ...json(ReactionStateSchema),
            },
            ...errors(
              ...COMMENT_WRITE_ERRORS,
              'sign_in_required',
              'reaction_not_allowed',
              'comment_deleted',
              'banned'
            ),
          },
        },
        delete: {
          operationId: 'unreact',
          summary: "Remove the reader's reaction",
          description: 'Answers 200 also when the reader had no reaction.',
          security: readerAuth,
          requestParams: { path: CommentParamsSchema },
          responses: {
            '200': {
              description: "The comment's reactions afterwards",
              ...json(ReactionStateSchema),
            },
            ...errors(...COMMENT_WRITE_ERRORS, 'banned'),
          },
        },
      },
      [toOpenApiPath(ROUTES.reports)]: {
        post: {
          operationId: 'reportComment',
          summary: 'Report a comment to the moderators',
          description:
            "Each reader reports a comment at most once. A banned reader gets 403 banned; a shadow-banned reader's report is answered as filed but not stored.",
          security: readerAuth,
          requestParams: { path: CommentParamsSchema },
          requestBody: { required: true, ...json(NewReportSchema) },
          responses: {
            '201': { description: 'The report', ...json(ReportSchema) },
            ...errors(...COMMENT_WRITE_ERRORS, 'already_reported', 'comment_deleted', 'banned'),
          },
        },
      },
      [toOpenApiPath(ROUTES.counts)]: {
        get: {
          operationId: 'countComments',
          summary: 'Comment counts of several threads, for article lists',
          description: 'Every requested key is in the answer; threads nobody commented on count 0.',
          requestParams: { path: SiteParamsSchema, query: CountsQuerySchema },
          responses: {
            '200': { description: 'The counts', ...json(CountsSchema) },
            ...errors(...SITE_ERRORS),
          },
        },
      },
      ...pollPaths(helpers),
      ...expertPaths(helpers),
      ...dsaPaths(helpers),
      ...abusePaths(helpers),
      ...moderationPaths(helpers),
      ...adminAccessPaths(helpers),
      ...portabilityPaths(helpers),
      ...privacyPaths(helpers),
      ...ssoPaths(helpers),
      [ROUTES.openapi]: {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          responses: {
            '200': {
              description: 'The OpenAPI 3.1 document',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
    },
  })
}

let document: ReturnType<typeof buildDocument> | undefined

/** Built from the same @parley/core schemas the routes validate with, once per isolate. */
export function openApiDocument() {
  document ??= buildDocument()
  return document
}
