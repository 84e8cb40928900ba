import {
  ADMIN_ROUTES,
  AdminExpertListQuerySchema,
  AdminExpertListSchema,
  AdminExpertResponseListQuerySchema,
  AdminExpertResponsePageSchema,
  AdminExpertResponseSchema,
  AdminExpertSchema,
  CommentParamsSchema,
  EditExpertResponseSchema,
  EditExpertSchema,
  ExpertParamsSchema,
  ExpertResponseParamsSchema,
  InvitationListQuerySchema,
  InvitationPageSchema,
  InvitationParamsSchema,
  InvitationResponseSchema,
  InvitationSchema,
  InvitationTokenParamsSchema,
  InvitationViewSchema,
  NewExpertResponseSchema,
  NewExpertSchema,
  NewInvitationResponseSchema,
  NewInvitationSchema,
  ROUTES,
  SiteParamsSchema,
  type ErrorCode,
} from '@parley/core'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiHelpers } from './openapi-polls.ts'

// Experts, expert responses and invitations (docs/decisions/0010-expert-invitations.md): the
// admin operations and the expert's invitation link.

const MODERATOR = 'Needs the moderator role (or admin, or the owner token).'
const ADMIN = 'Needs the admin role (or the owner token).'

export function expertPaths(h: OpenApiHelpers): ZodOpenApiPathsObject {
  const { toOpenApiPath: path, json, errors, admin } = h
  // The link is the credential: no site in the path, no bearer token, no CORS.
  const linkErrors: ErrorCode[] = [
    'invalid_input',
    'forbidden_origin',
    'invitation_invalid',
    'invitation_expired',
    'comment_deleted',
    'conflict',
    'internal',
  ]
  const answerable = ['comment_not_found', 'comment_deleted', 'conflict'] as const
  return {
    [path(ADMIN_ROUTES.experts)]: {
      get: admin({
        operationId: 'adminListExperts',
        summary: "The site's experts, by name",
        description: `${MODERATOR} Archived experts are left out unless \`archived\` asks for them.`,
        requestParams: { path: SiteParamsSchema, query: AdminExpertListQuerySchema },
        responses: {
          '200': { description: 'The experts', ...json(AdminExpertListSchema) },
        },
      }),
      post: admin({
        operationId: 'adminCreateExpert',
        summary: 'Record an expert',
        description: `${ADMIN} Audited as expert.create.`,
        requestParams: { path: SiteParamsSchema },
        requestBody: { required: true, ...json(NewExpertSchema) },
        responses: {
          '201': { description: 'The new expert', ...json(AdminExpertSchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.expert)]: {
      patch: admin(
        {
          operationId: 'adminEditExpert',
          summary: "Edit an expert's name, title, organisation or photo",
          description: `${ADMIN} Only the fields sent change; \`photoUrl: null\` removes the photo. Their responses show the new details. Audited as expert.update.`,
          requestParams: { path: ExpertParamsSchema },
          requestBody: { required: true, ...json(EditExpertSchema) },
          responses: {
            '200': { description: 'The edited expert', ...json(AdminExpertSchema) },
          },
        },
        'expert_not_found'
      ),
      delete: admin(
        {
          operationId: 'adminArchiveExpert',
          summary: 'Archive an expert',
          description: `${ADMIN} The expert gets no new responses or invitations and their open invitations are revoked; the responses they gave stay. Archiving again changes nothing. Audited as expert.archive.`,
          requestParams: { path: ExpertParamsSchema },
          responses: {
            '200': { description: 'The archived expert', ...json(AdminExpertSchema) },
          },
        },
        'expert_not_found'
      ),
    },
    [path(ADMIN_ROUTES.commentExpertResponses)]: {
      post: admin(
        {
          operationId: 'adminCreateExpertResponse',
          summary: "Attach an expert's response to a comment",
          description: `${MODERATOR} For a response the expert sent some other way. Published at once, shown under the comment and in the thread's Featured section. The comment must be published (409 conflict otherwise; comment_deleted for a deleted one) and the expert not archived (404 expert_not_found naming body.expertId). Audited as expert_response.create.`,
          requestParams: { path: CommentParamsSchema },
          requestBody: { required: true, ...json(NewExpertResponseSchema) },
          responses: {
            '201': { description: 'The response', ...json(AdminExpertResponseSchema) },
          },
        },
        ...answerable,
        'expert_not_found'
      ),
    },
    [path(ADMIN_ROUTES.expertResponses)]: {
      get: admin({
        operationId: 'adminListExpertResponses',
        summary: "The site's expert responses, newest first",
        description: `${MODERATOR} \`status=pending\` lists the responses waiting for review.`,
        requestParams: { path: SiteParamsSchema, query: AdminExpertResponseListQuerySchema },
        responses: {
          '200': { description: 'A page of responses', ...json(AdminExpertResponsePageSchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.expertResponse)]: {
      patch: admin(
        {
          operationId: 'adminEditExpertResponse',
          summary: "Edit a response's text or expert",
          description: `${MODERATOR} Audited as expert_response.update with the previous text.`,
          requestParams: { path: ExpertResponseParamsSchema },
          requestBody: { required: true, ...json(EditExpertResponseSchema) },
          responses: {
            '200': { description: 'The edited response', ...json(AdminExpertResponseSchema) },
          },
        },
        'not_found',
        'expert_not_found'
      ),
      delete: admin(
        {
          operationId: 'adminDeleteExpertResponse',
          summary: 'Delete a response',
          description: `${MODERATOR} Audited as expert_response.delete, with its text.`,
          requestParams: { path: ExpertResponseParamsSchema },
          responses: {
            '204': { description: 'Deleted' },
          },
        },
        'not_found'
      ),
    },
    [path(ADMIN_ROUTES.expertResponseApprove)]: {
      post: admin(
        {
          operationId: 'adminApproveExpertResponse',
          summary: 'Publish a response that waited for review',
          description: `${MODERATOR} pending → published; 409 conflict when it is already published. Audited as expert_response.approve.`,
          requestParams: { path: ExpertResponseParamsSchema },
          responses: {
            '200': { description: 'The published response', ...json(AdminExpertResponseSchema) },
          },
        },
        'not_found',
        'conflict'
      ),
    },
    [path(ADMIN_ROUTES.commentInvitations)]: {
      post: admin(
        {
          operationId: 'adminCreateInvitation',
          summary: 'Invite an expert to answer a comment',
          description: `${MODERATOR} Returns the link to send them: \`<this origin>/admin/answer#<token>\`, signed, valid for \`expiresInHours\`, good for one answer, revocable. Audited as invitation.create.`,
          requestParams: { path: CommentParamsSchema },
          requestBody: { required: true, ...json(NewInvitationSchema) },
          responses: {
            '201': { description: 'The invitation and its link', ...json(InvitationSchema) },
          },
        },
        ...answerable,
        'expert_not_found'
      ),
    },
    [path(ADMIN_ROUTES.invitations)]: {
      get: admin({
        operationId: 'adminListInvitations',
        summary: "The site's invitations, newest first",
        description: `${MODERATOR} \`status=open\` lists the questions still waiting for an answer.`,
        requestParams: { path: SiteParamsSchema, query: InvitationListQuerySchema },
        responses: {
          '200': { description: 'A page of invitations', ...json(InvitationPageSchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.invitation)]: {
      delete: admin(
        {
          operationId: 'adminRevokeInvitation',
          summary: 'Revoke an invitation',
          description: `${MODERATOR} Its link stops working at once (404 invitation_invalid). An answered invitation cannot be revoked (409 already_answered; delete the response instead). Revoking again changes nothing. Audited as invitation.revoke.`,
          requestParams: { path: InvitationParamsSchema },
          responses: {
            '200': { description: 'The revoked invitation', ...json(InvitationSchema) },
          },
        },
        'not_found',
        'already_answered'
      ),
    },
    [path(ROUTES.invitation)]: {
      get: {
        operationId: 'getInvitation',
        summary: 'What an invited expert sees: the comment, its context, the site',
        description:
          'The token from the link is the only credential. Browsers on other origins get 403 and no CORS headers: the console on this origin calls it. 404 invitation_invalid for a tampered, unknown or revoked link; 410 invitation_expired after its expiry, unless it was answered (`answered` then shows the answer).',
        requestParams: { path: InvitationTokenParamsSchema },
        responses: {
          '200': { description: 'The invitation', ...json(InvitationViewSchema) },
          ...errors(...linkErrors),
        },
      },
    },
    [path(ROUTES.invitationResponse)]: {
      post: {
        operationId: 'answerInvitation',
        summary: "The invited expert's answer",
        description:
          "One answer per invitation: 409 already_answered afterwards, also for the second of two sent at once. Published at once, or `pending` until a moderator approves it when the site's moderation settings set reviewExpertResponses.",
        requestParams: { path: InvitationTokenParamsSchema },
        requestBody: { required: true, ...json(NewInvitationResponseSchema) },
        responses: {
          '201': { description: 'The answer and its status', ...json(InvitationResponseSchema) },
          ...errors(
            ...linkErrors,
            'invalid_json',
            'unsupported_media_type',
            'payload_too_large',
            'already_answered'
          ),
        },
      },
    },
  }
}
