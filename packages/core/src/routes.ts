/**
 * Route templates in Hono syntax, shared by the worker (routing), the OpenAPI document and the
 * widget's client. Free of zod, so the widget imports it through '@parley/core/routes'.
 */
export const ROUTES = {
  readers: '/v1/sites/:site/readers',
  /** The calling reader's own data: GET data downloads it as JSON, DELETE erases it. */
  readerMe: '/v1/sites/:site/readers/me',
  readerMeData: '/v1/sites/:site/readers/me/data',
  /** Publisher sign-in: trade the publisher's JWT for a reader session bound to its user. */
  ssoSession: '/v1/sites/:site/sso/session',
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
