/**
 * Route templates in Hono syntax, shared by the worker (routing), the OpenAPI document and the
 * widget's client. Free of zod, so the widget imports it through '@parley/core/routes'. Each
 * template is also a constant of its own, so that a bundle that imports only the ones it calls
 * (the widget's embed.js) leaves the others out; `ROUTES` gathers them for the worker.
 */
export const READERS_ROUTE = '/v1/sites/:site/readers'
/** The calling reader's own data: GET data downloads it as JSON, DELETE erases it. */
export const READER_ME_ROUTE = '/v1/sites/:site/readers/me'
export const READER_ME_DATA_ROUTE = '/v1/sites/:site/readers/me/data'
/** Publisher sign-in: trade the publisher's JWT for a reader session bound to its user. */
export const SSO_SESSION_ROUTE = '/v1/sites/:site/sso/session'
export const THREAD_ROUTE = '/v1/sites/:site/threads/:thread'
export const COMMENTS_ROUTE = '/v1/sites/:site/threads/:thread/comments'
export const COMMENT_ROUTE = '/v1/sites/:site/comments/:comment'
export const REPLIES_ROUTE = '/v1/sites/:site/comments/:comment/replies'
export const REACTION_ROUTE = '/v1/sites/:site/comments/:comment/reaction'
export const REPORTS_ROUTE = '/v1/sites/:site/comments/:comment/reports'
/** EU DSA notice of illegal content: anyone, no reader token needed. */
export const NOTICES_ROUTE = '/v1/sites/:site/comments/:comment/notices'
/** The author's appeal against a removal. */
export const APPEAL_ROUTE = '/v1/sites/:site/comments/:comment/appeal'
export const COUNTS_ROUTE = '/v1/sites/:site/counts'
export const POLL_ROUTE = '/v1/sites/:site/polls/:poll'
export const VOTE_ROUTE = '/v1/sites/:site/polls/:poll/vote'
/** An expert's signed invitation link: see the comment, write the answer. */
export const INVITATION_ROUTE = '/v1/invitations/:token'
export const INVITATION_RESPONSE_ROUTE = '/v1/invitations/:token/response'
export const OPENAPI_ROUTE = '/v1/openapi.json'

export const ROUTES = {
  readers: READERS_ROUTE,
  readerMe: READER_ME_ROUTE,
  readerMeData: READER_ME_DATA_ROUTE,
  ssoSession: SSO_SESSION_ROUTE,
  thread: THREAD_ROUTE,
  comments: COMMENTS_ROUTE,
  comment: COMMENT_ROUTE,
  replies: REPLIES_ROUTE,
  reaction: REACTION_ROUTE,
  reports: REPORTS_ROUTE,
  notices: NOTICES_ROUTE,
  appeal: APPEAL_ROUTE,
  counts: COUNTS_ROUTE,
  poll: POLL_ROUTE,
  vote: VOTE_ROUTE,
  invitation: INVITATION_ROUTE,
  invitationResponse: INVITATION_RESPONSE_ROUTE,
  openapi: OPENAPI_ROUTE,
} as const

/**
 * The publisher's admin API (Authorization: Bearer <ADMIN_TOKEN or an API key>). Kept apart from ROUTES because
 * the widget never calls it; server-to-server only, browsers from other origins are refused.
 */
export const ADMIN_ROUTES = {
  /** Who the credential is: role, site (null for the owner) and actor. */
  me: '/v1/admin/me',
  /** The sites the credential may administer. */
  sites: '/v1/admin/sites',
  site: '/v1/admin/sites/:site',
  keys: '/v1/admin/sites/:site/keys',
  key: '/v1/admin/sites/:site/keys/:key',
  threads: '/v1/admin/sites/:site/threads',
  /** Thread keys may hold slashes: send them percent-encoded (%2F), as in ROUTES.thread. */
  thread: '/v1/admin/sites/:site/threads/:thread',
  audit: '/v1/admin/sites/:site/audit',
  /** Find a reader (?reader=, ?comment= or ?user=), export and erase their data (admin). */
  readers: '/v1/admin/sites/:site/readers',
  reader: '/v1/admin/sites/:site/readers/:reader',
  readerData: '/v1/admin/sites/:site/readers/:reader/data',
  /** The site's publisher sign-in secret: write-only (GET says whether one is set). */
  ssoSecret: '/v1/admin/sites/:site/sso/secret',
  /** The site's Cloudflare Turnstile secret key: write-only (GET says whether one is set). */
  turnstileSecret: '/v1/admin/sites/:site/turnstile/secret',
  polls: '/v1/admin/sites/:site/polls',
  poll: '/v1/admin/sites/:site/polls/:poll',
  pollOption: '/v1/admin/sites/:site/polls/:poll/options/:option',
  pollExport: '/v1/admin/sites/:site/polls/:poll/export',
  /** The site's data as one JSON document (docs/export-format.md), and its import. */
  siteExport: '/v1/admin/sites/:site/export',
  siteImport: '/v1/admin/sites/:site/import',
  experts: '/v1/admin/sites/:site/experts',
  expert: '/v1/admin/sites/:site/experts/:expert',
  /** Moderators attach an expert's response to a comment (published at once). */
  commentExpertResponses: '/v1/admin/sites/:site/comments/:comment/expert-responses',
  expertResponses: '/v1/admin/sites/:site/expert-responses',
  expertResponse: '/v1/admin/sites/:site/expert-responses/:response',
  expertResponseApprove: '/v1/admin/sites/:site/expert-responses/:response/approve',
  /** A signed, expiring link for an expert to answer one comment. */
  commentInvitations: '/v1/admin/sites/:site/comments/:comment/invitations',
  invitations: '/v1/admin/sites/:site/invitations',
  invitation: '/v1/admin/sites/:site/invitations/:invitation',
  /** Bans by reader and by hashed network (moderator). */
  bans: '/v1/admin/sites/:site/bans',
  ban: '/v1/admin/sites/:site/bans/:ban',
  /** DSA notices of illegal content and their decisions (moderator). */
  notices: '/v1/admin/sites/:site/notices',
  noticeDecision: '/v1/admin/sites/:site/notices/:notice/decision',
  /** The moderation queue (moderator): ?view=pending|reported|recent|removed|spam|shadow. */
  comments: '/v1/admin/sites/:site/comments',
  /** One comment with its revisions, reports and audit entries; PATCH: a moderator's edit. */
  comment: '/v1/admin/sites/:site/comments/:comment',
  commentApprove: '/v1/admin/sites/:site/comments/:comment/approve',
  commentReject: '/v1/admin/sites/:site/comments/:comment/reject',
  commentSpam: '/v1/admin/sites/:site/comments/:comment/spam',
  commentRestore: '/v1/admin/sites/:site/comments/:comment/restore',
  commentPin: '/v1/admin/sites/:site/comments/:comment/pin',
  /** The "author of the article" badge. */
  commentBadges: '/v1/admin/sites/:site/comments/:comment/badges',
  /** Authors' appeals against removals and their decisions (moderator). */
  appeals: '/v1/admin/sites/:site/appeals',
  appealDecision: '/v1/admin/sites/:site/appeals/:comment/decision',
} as const
