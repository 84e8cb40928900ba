import {
  ADMIN_ROUTES,
  AdminCommentDetailSchema,
  AdminCommentListQuerySchema,
  AdminCommentPageSchema,
  AdminCommentSchema,
  CommentBadgesSchema,
  CommentParamsSchema,
  MODERATION_SCAN_MAX,
  ModerationNoteSchema,
  ModeratorEditSchema,
  PINNED_MAX,
  PinCommentSchema,
  RejectCommentSchema,
  SiteParamsSchema,
  SpamCommentSchema,
  type ErrorCode,
} from '@parley/core'
import type { z } from 'zod'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiHelpers } from './openapi-polls.ts'

// The moderation queue and the moderator's actions on comments (src/routes/admin/comments.ts).

const MODERATOR =
  'Needs the moderator role (an API key of the site, or the owner token). Every action is written to the audit log in the same transaction, with the reason given.'

const STALE =
  '409 conflict also when another moderator changed the comment meanwhile (nothing is changed or logged); 409 comment_deleted for a comment its author deleted.'

export function moderationPaths(h: OpenApiHelpers): ZodOpenApiPathsObject {
  const { toOpenApiPath: path, json, admin } = h
  const action = (
    operationId: string,
    summary: string,
    description: string,
    body: z.ZodType,
    extraErrors: ErrorCode[] = []
  ) =>
    admin(
      {
        operationId,
        summary,
        description: `${description} ${MODERATOR} ${STALE}`,
        requestParams: { path: CommentParamsSchema },
        requestBody: { required: false, ...json(body) },
        responses: {
          '200': { description: 'The comment afterwards', ...json(AdminCommentSchema) },
        },
      },
      'comment_not_found',
      'comment_deleted',
      'conflict',
      ...extraErrors
    )
  return {
    [path(ADMIN_ROUTES.comments)]: {
      get: admin({
        operationId: 'adminListComments',
        summary: 'The moderation queue',
        description: `Newest first. \`view\`: pending (held for review, the default), reported (reported since a moderator last decided on it, not removed), recent (everything), removed, spam, shadow. Filters: \`thread\`, \`reader\` and \`q\` (the text or the author's name contains it; LIKE, case-insensitive for ASCII letters). Each request examines at most ${MODERATION_SCAN_MAX} comments of the view's index range, so a search over a large queue stays bounded: with \`q\`, \`thread\`, \`reader\` or the reported view a page may come back short, even empty, with a nextCursor to go on from. ${MODERATOR}`,
        requestParams: { path: SiteParamsSchema, query: AdminCommentListQuerySchema },
        responses: {
          '200': { description: 'A page of the queue', ...json(AdminCommentPageSchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.comment)]: {
      get: admin(
        {
          operationId: 'adminGetComment',
          summary: 'A comment as stored, with its revisions, reports and audit entries',
          description: MODERATOR,
          requestParams: { path: CommentParamsSchema },
          responses: {
            '200': { description: 'The comment', ...json(AdminCommentDetailSchema) },
          },
        },
        'comment_not_found'
      ),
      patch: {
        ...action(
          'adminEditComment',
          "Edit a comment's text (a moderator edit)",
          "The text it replaces is kept as a revision by 'moderator'; the html and language are made again and readers see it as edited. `reason` is required.",
          ModeratorEditSchema
        ),
        requestBody: { required: true, ...json(ModeratorEditSchema) },
      },
    },
    [path(ADMIN_ROUTES.commentApprove)]: {
      post: action(
        'adminApproveComment',
        'Approve a held (or shadow) comment: it is published',
        'Approving a published comment records the review: reader reports no longer hide it. A removed or spam comment answers 409 (restore it).',
        ModerationNoteSchema
      ),
    },
    [path(ADMIN_ROUTES.commentReject)]: {
      post: {
        ...action(
          'adminRejectComment',
          'Remove a comment, with a statement of reasons',
          'Everyone sees a tombstone with the reason and the statement (unless the site turns tombstones off); its author keeps their text and may appeal (DSA art. 17 and 20).',
          RejectCommentSchema
        ),
        requestBody: { required: true, ...json(RejectCommentSchema) },
      },
    },
    [path(ADMIN_ROUTES.commentSpam)]: {
      post: action(
        'adminMarkSpam',
        'Mark a comment as spam',
        'Nobody but its author sees it; they see it removed as spam with the statement (a standard one when none is given).',
        SpamCommentSchema
      ),
    },
    [path(ADMIN_ROUTES.commentRestore)]: {
      post: action(
        'adminRestoreComment',
        'Restore a removed, spam or pending comment: it is published',
        'A published or shadow comment answers 409 not_removed.',
        ModerationNoteSchema,
        ['not_removed']
      ),
    },
    [path(ADMIN_ROUTES.commentPin)]: {
      put: {
        ...action(
          'adminPinComment',
          'Pin or unpin a comment',
          `Only a published comment can be pinned, at most ${PINNED_MAX} per thread (PINNED_MAX): 409 conflict naming the limit. A pinned comment that leaves 'published' is unpinned.`,
          PinCommentSchema
        ),
        requestBody: { required: true, ...json(PinCommentSchema) },
      },
    },
    [path(ADMIN_ROUTES.commentBadges)]: {
      put: {
        ...action(
          'adminSetCommentBadges',
          'Set or clear the "author of the article" and "expert" badges',
          'Send `author`, `expert` or both (true sets, false clears; 400 invalid_input with neither); the badges left out stay as they are. Each change is audited as `comment.badges` with the badges it changed.',
          CommentBadgesSchema
        ),
        requestBody: { required: true, ...json(CommentBadgesSchema) },
      },
    },
  }
}
