import {
  CommentPageSchema,
  CommentSchema,
  ERROR_STATUS,
  ErrorBodySchema,
  ListCommentsQuerySchema,
  NewCommentSchema,
  PollParamsSchema,
  PollSchema,
  ReaderSchema,
  ROUTES,
  SiteParamsSchema,
  ThreadParamsSchema,
  ThreadSchema,
  VoteSchema,
  type ErrorCode,
} from '@parley/core'
import type { z } from 'zod'
import { createDocument, type ZodOpenApiOperationObject } from 'zod-openapi'
import { PostCommentHeadersSchema } from './schemas.ts'

/** Hono's `/:site` to OpenAPI's `/{site}`. */
export const toOpenApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}')

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } })

/** One response per status, listing the error codes that status carries on this operation. */
function errors(...codes: ErrorCode[]): ZodOpenApiOperationObject['responses'] {
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of codes) {
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
] as const
const readerAuth = [{ readerToken: [] }]

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
          description: 'An anonymous reader token from POST /v1/sites/{site}/readers',
        },
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
          summary: 'A thread with its comment count and polls',
          description:
            'A thread nobody has commented on yet is returned empty (commentCount 0, no polls). With a reader token, each poll has `myVote`.',
          requestParams: { path: ThreadParamsSchema },
          security: [{}, ...readerAuth],
          responses: {
            '200': { description: 'The thread', ...json(ThreadSchema) },
            ...errors(...SITE_ERRORS),
          },
        },
      },
      [toOpenApiPath(ROUTES.comments)]: {
        get: {
          operationId: 'listComments',
          summary: 'One page of top-level comments, each with its replies nested',
          description:
            'Keyset pagination: pass `nextCursor` as `cursor` for the next page; comments posted meanwhile never cause duplicates or gaps.',
          requestParams: { path: ThreadParamsSchema, query: ListCommentsQuerySchema },
          responses: {
            '200': { description: 'A page of comments', ...json(CommentPageSchema) },
            ...errors(...SITE_ERRORS),
          },
        },
        post: {
          operationId: 'postComment',
          summary: 'Post a comment or a reply',
          description: 'The thread is created by its first comment.',
          security: readerAuth,
          requestParams: { path: ThreadParamsSchema, header: PostCommentHeadersSchema },
          requestBody: { required: true, ...json(NewCommentSchema) },
          responses: {
            '200': {
              description: 'A retry with a used Idempotency-Key: the original comment',
              ...json(CommentSchema),
            },
            '201': { description: 'The new comment', ...json(CommentSchema) },
            ...errors(...WRITE_ERRORS, 'unauthorized', 'parent_not_found', 'conflict'),
          },
        },
      },
      [toOpenApiPath(ROUTES.poll)]: {
        get: {
          operationId: 'getPoll',
          summary: 'A poll with its results',
          description: "With a reader token, `myVote` is the reader's choice.",
          requestParams: { path: PollParamsSchema },
          security: [{}, ...readerAuth],
          responses: {
            '200': { description: 'The poll', ...json(PollSchema) },
            ...errors(...SITE_ERRORS, 'poll_not_found'),
          },
        },
      },
      [toOpenApiPath(ROUTES.vote)]: {
        put: {
          operationId: 'vote',
          summary: "Cast or change the reader's vote",
          description: 'One vote per reader per poll: voting again replaces the earlier choice.',
          security: readerAuth,
          requestParams: { path: PollParamsSchema },
          requestBody: { required: true, ...json(VoteSchema) },
          responses: {
            '200': { description: 'The poll with updated results', ...json(PollSchema) },
            ...errors(...WRITE_ERRORS, 'unauthorized', 'poll_not_found', 'invalid_option'),
          },
        },
      },
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
