import {
  AdminCommentListQuerySchema,
  AdminExpertListQuerySchema,
  AdminExpertResponseListQuerySchema,
  AdminPollListQuerySchema,
  AdminThreadListQuerySchema,
  AppealDecisionSchema,
  AppealListQuerySchema,
  AuditQuerySchema,
  BanListQuerySchema,
  CommentBadgesSchema,
  CountsQuerySchema,
  EditCommentSchema,
  EditExpertResponseSchema,
  EditExpertSchema,
  EditPollSchema,
  EditSiteSchema,
  InvitationListQuerySchema,
  ListCommentsQuerySchema,
  ModerationNoteSchema,
  ModeratorEditSchema,
  NewApiKeySchema,
  NewAppealSchema,
  NewBanSchema,
  NewCommentSchema,
  NewExpertResponseSchema,
  NewExpertSchema,
  NewInvitationResponseSchema,
  NewInvitationSchema,
  NewNoticeSchema,
  NewPollSchema,
  NewReportSchema,
  AdminReaderQuerySchema,
  EraseReaderQuerySchema,
  PutSsoSecretSchema,
  PutTurnstileSecretSchema,
  SiteExportSchema,
  SsoSessionRequestSchema,
  NoticeDecisionSchema,
  NoticeListQuerySchema,
  PinCommentSchema,
  PollExportQuerySchema,
  PutThreadSchema,
  ReactionInputSchema,
  RejectCommentSchema,
  RepliesQuerySchema,
  SpamCommentSchema,
  VoteSchema,
} from '@parley/core'
import { z } from 'zod'
import { PostCommentHeadersSchema } from '../../src/schemas.ts'

// What the fuzzer needs to know of each route of the app, keyed "METHOD template" as in
// app.routes. coverage.test.ts fails for a route of the app missing here (and for an entry whose
// route is gone), so a new route is fuzzed from the day it exists. Path parameters are filled
// from the seeded pools by name (seed.ts): a new parameter name needs a pool there too.

export interface FuzzRoute {
  /** Whose credentials the route expects; the fuzzer sends them most of the time. */
  auth: 'none' | 'reader' | 'admin'
  /** The JSON body's schema; `optionalBody` routes also take an empty body. */
  body?: z.ZodType
  optionalBody?: boolean
  query?: z.ZodType
  headers?: z.ZodType
}

const EMPTY = z.object({})

export const FUZZ_ROUTES: Record<string, FuzzRoute> = {
  // The reader-facing API (the widget's).
  'POST /v1/sites/:site/readers': { auth: 'none', body: EMPTY, optionalBody: true },
  'GET /v1/sites/:site/threads/:thread': { auth: 'reader' },
  'GET /v1/sites/:site/threads/:thread/comments': {
    auth: 'reader',
    query: ListCommentsQuerySchema,
  },
  'POST /v1/sites/:site/threads/:thread/comments': {
    auth: 'reader',
    body: NewCommentSchema,
    headers: PostCommentHeadersSchema,
  },
  'PATCH /v1/sites/:site/comments/:comment': { auth: 'reader', body: EditCommentSchema },
  'DELETE /v1/sites/:site/comments/:comment': { auth: 'reader' },
  'GET /v1/sites/:site/comments/:comment/replies': { auth: 'reader', query: RepliesQuerySchema },
  'PUT /v1/sites/:site/comments/:comment/reaction': { auth: 'reader', body: ReactionInputSchema },
  'DELETE /v1/sites/:site/comments/:comment/reaction': { auth: 'reader' },
  'POST /v1/sites/:site/comments/:comment/reports': { auth: 'reader', body: NewReportSchema },
  'POST /v1/sites/:site/comments/:comment/notices': { auth: 'none', body: NewNoticeSchema },
  'POST /v1/sites/:site/comments/:comment/appeal': { auth: 'reader', body: NewAppealSchema },
  'GET /v1/sites/:site/counts': { auth: 'none', query: CountsQuerySchema },
  'GET /v1/sites/:site/polls/:poll': { auth: 'reader' },
  'PUT /v1/sites/:site/polls/:poll/vote': { auth: 'reader', body: VoteSchema },
  'DELETE /v1/sites/:site/polls/:poll/vote': { auth: 'reader' },
  'GET /v1/sites/:site/readers/me/data': { auth: 'reader' },
  'DELETE /v1/sites/:site/readers/me': { auth: 'reader', body: EMPTY, optionalBody: true },
  'POST /v1/sites/:site/sso/session': { auth: 'none', body: SsoSessionRequestSchema },
  'GET /v1/invitations/:token': { auth: 'none' },
  'POST /v1/invitations/:token/response': { auth: 'none', body: NewInvitationResponseSchema },
  'GET /v1/openapi.json': { auth: 'none' },

  // The admin API.
  'GET /v1/admin/me': { auth: 'admin' },
  'GET /v1/admin/sites': { auth: 'admin' },
  'GET /v1/admin/sites/:site': { auth: 'admin' },
  'PATCH /v1/admin/sites/:site': { auth: 'admin', body: EditSiteSchema },
  'GET /v1/admin/sites/:site/keys': { auth: 'admin' },
  'POST /v1/admin/sites/:site/keys': { auth: 'admin', body: NewApiKeySchema },
  'DELETE /v1/admin/sites/:site/keys/:key': { auth: 'admin' },
  'GET /v1/admin/sites/:site/threads': { auth: 'admin', query: AdminThreadListQuerySchema },
  'PUT /v1/admin/sites/:site/threads/:thread': { auth: 'admin', body: PutThreadSchema },
  'GET /v1/admin/sites/:site/audit': { auth: 'admin', query: AuditQuerySchema },
  'GET /v1/admin/sites/:site/polls': { auth: 'admin', query: AdminPollListQuerySchema },
  'POST /v1/admin/sites/:site/polls': { auth: 'admin', body: NewPollSchema },
  'GET /v1/admin/sites/:site/polls/:poll': { auth: 'admin' },
  'PATCH /v1/admin/sites/:site/polls/:poll': { auth: 'admin', body: EditPollSchema },
  'GET /v1/admin/sites/:site/polls/:poll/export': { auth: 'admin', query: PollExportQuerySchema },
  'DELETE /v1/admin/sites/:site/polls/:poll/options/:option': { auth: 'admin' },
  'GET /v1/admin/sites/:site/experts': { auth: 'admin', query: AdminExpertListQuerySchema },
  'POST /v1/admin/sites/:site/experts': { auth: 'admin', body: NewExpertSchema },
  'PATCH /v1/admin/sites/:site/experts/:expert': { auth: 'admin', body: EditExpertSchema },
  'DELETE /v1/admin/sites/:site/experts/:expert': { auth: 'admin' },
  'POST /v1/admin/sites/:site/comments/:comment/expert-responses': {
    auth: 'admin',
    body: NewExpertResponseSchema,
  },
  'GET /v1/admin/sites/:site/expert-responses': {
    auth: 'admin',
    query: AdminExpertResponseListQuerySchema,
  },
  'PATCH /v1/admin/sites/:site/expert-responses/:response': {
    auth: 'admin',
    body: EditExpertResponseSchema,
  },
  'DELETE /v1/admin/sites/:site/expert-responses/:response': { auth: 'admin' },
  'POST /v1/admin/sites/:site/expert-responses/:response/approve': { auth: 'admin' },
  'POST /v1/admin/sites/:site/comments/:comment/invitations': {
    auth: 'admin',
    body: NewInvitationSchema,
  },
  'GET /v1/admin/sites/:site/invitations': { auth: 'admin', query: InvitationListQuerySchema },
  'DELETE /v1/admin/sites/:site/invitations/:invitation': { auth: 'admin' },
  'GET /v1/admin/sites/:site/bans': { auth: 'admin', query: BanListQuerySchema },
  'POST /v1/admin/sites/:site/bans': { auth: 'admin', body: NewBanSchema },
  'DELETE /v1/admin/sites/:site/bans/:ban': { auth: 'admin' },
  'GET /v1/admin/sites/:site/notices': { auth: 'admin', query: NoticeListQuerySchema },
  'POST /v1/admin/sites/:site/notices/:notice/decision': {
    auth: 'admin',
    body: NoticeDecisionSchema,
  },
  'GET /v1/admin/sites/:site/appeals': { auth: 'admin', query: AppealListQuerySchema },
  'POST /v1/admin/sites/:site/appeals/:comment/decision': {
    auth: 'admin',
    body: AppealDecisionSchema,
  },
  'GET /v1/admin/sites/:site/comments': { auth: 'admin', query: AdminCommentListQuerySchema },
  'GET /v1/admin/sites/:site/comments/:comment': { auth: 'admin' },
  'PATCH /v1/admin/sites/:site/comments/:comment': { auth: 'admin', body: ModeratorEditSchema },
  'POST /v1/admin/sites/:site/comments/:comment/approve': {
    auth: 'admin',
    body: ModerationNoteSchema,
    optionalBody: true,
  },
  'POST /v1/admin/sites/:site/comments/:comment/reject': {
    auth: 'admin',
    body: RejectCommentSchema,
  },
  'POST /v1/admin/sites/:site/comments/:comment/spam': {
    auth: 'admin',
    body: SpamCommentSchema,
    optionalBody: true,
  },
  'POST /v1/admin/sites/:site/comments/:comment/restore': {
    auth: 'admin',
    body: ModerationNoteSchema,
    optionalBody: true,
  },
  'PUT /v1/admin/sites/:site/comments/:comment/pin': { auth: 'admin', body: PinCommentSchema },
  'PUT /v1/admin/sites/:site/comments/:comment/badges': {
    auth: 'admin',
    body: CommentBadgesSchema,
  },
  'GET /v1/admin/sites/:site/readers': { auth: 'admin', query: AdminReaderQuerySchema },
  'GET /v1/admin/sites/:site/readers/:reader/data': { auth: 'admin' },
  'DELETE /v1/admin/sites/:site/readers/:reader': {
    auth: 'admin',
    query: EraseReaderQuerySchema,
  },
  'GET /v1/admin/sites/:site/sso/secret': { auth: 'admin' },
  'PUT /v1/admin/sites/:site/sso/secret': {
    auth: 'admin',
    body: PutSsoSecretSchema,
    optionalBody: true,
  },
  'DELETE /v1/admin/sites/:site/sso/secret': { auth: 'admin' },
  'GET /v1/admin/sites/:site/turnstile/secret': { auth: 'admin' },
  'PUT /v1/admin/sites/:site/turnstile/secret': { auth: 'admin', body: PutTurnstileSecretSchema },
  'DELETE /v1/admin/sites/:site/turnstile/secret': { auth: 'admin' },
  'GET /v1/admin/sites/:site/export': { auth: 'admin' },
  'POST /v1/admin/sites/:site/import': { auth: 'admin', body: SiteExportSchema },
}

/** "METHOD template" of every route of the app, as the coverage test and the fuzzers see them. */
export function appRoutes(routes: readonly { method: string; path: string }[]): string[] {
  return [
    ...new Set(routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
  ].sort()
}

export const isAdminRoute = (name: string) => name.split(' ')[1]!.startsWith('/v1/admin')
