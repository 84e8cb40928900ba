/**
 * Route templates in Hono syntax, shared by the worker (routing), the OpenAPI document and the
 * widget's client. Free of zod, so the widget imports it through '@parley/core/routes'.
 */
export const ROUTES = {
  readers: '/v1/sites/:site/readers',
  thread: '/v1/sites/:site/threads/:thread',
  comments: '/v1/sites/:site/threads/:thread/comments',
  comment: '/v1/sites/:site/comments/:comment',
  replies: '/v1/sites/:site/comments/:comment/replies',
  reaction: '/v1/sites/:site/comments/:comment/reaction',
  reports: '/v1/sites/:site/comments/:comment/reports',
  /** EU DSA notice of illegal content: anyone, no reader token needed. */
  notices: '/v1/sites/:site/comments/:comment/notices',
  /** The author's appeal against a removal. */
  appeal: '/v1/sites/:site/comments/:comment/appeal',
  counts: '/v1/sites/:site/counts',
  poll: '/v1/sites/:site/polls/:poll',
  vote: '/v1/sites/:site/polls/:poll/vote',
  /** An expert's signed invitation link: see the comment, write the answer. */
  invitation: '/v1/invitations/:token',
  invitationResponse: '/v1/invitations/:token/response',
  openapi: '/v1/openapi.json',
} as const

/**
 * The publisher's admin API (Authorization: Bearer <ADMIN_TOKEN>). Kept apart from ROUTES because
 * the widget never calls it; server-to-server only, browsers from other origins are refused.
 */
export const ADMIN_ROUTES = {
  polls: '/v1/admin/sites/:site/polls',
  poll: '/v1/admin/sites/:site/polls/:poll',
  pollOption: '/v1/admin/sites/:site/polls/:poll/options/:option',
  pollExport: '/v1/admin/sites/:site/polls/:poll/export',
} as const
