import {
  ADMIN_ROUTES,
  AdminAppealPageSchema,
  AdminAppealSchema,
  AdminNoticePageSchema,
  AdminNoticeSchema,
  AppealDecisionSchema,
  AppealListQuerySchema,
  AppealSchema,
  BanListQuerySchema,
  BanPageSchema,
  BanParamsSchema,
  BanSchema,
  BansCreatedSchema,
  CommentParamsSchema,
  NewAppealSchema,
  NewBanSchema,
  NewNoticeSchema,
  NoticeDecisionSchema,
  NoticeListQuerySchema,
  NoticeParamsSchema,
  NoticeReceiptSchema,
  ROUTES,
  SiteParamsSchema,
} from '@parley/core'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiHelpers } from './openapi-polls.ts'
import { NOTICE_RATE_LIMITS } from './routes/notices.ts'

// Bans, EU Digital Services Act notices and appeals: the public operations (file a notice,
// appeal a removal) and the moderators' side of the admin API.

const MODERATOR_ROLE = 'Any key of this site (moderator or admin), or the owner.'
const PAGING =
  'Newest first. Keyset pagination: pass `nextCursor` as `cursor` (with the same filter) for the next page.'

export function dsaPaths(h: OpenApiHelpers): ZodOpenApiPathsObject {
  const { toOpenApiPath: path, json, errors, admin } = h
  const { network, site } = NOTICE_RATE_LIMITS
  return {
    [path(ROUTES.notices)]: {
      post: {
        operationId: 'fileNotice',
        summary: 'Notify the site of illegal content (EU Digital Services Act, art. 16)',
        description: `Anyone may file a notice, without a reader token: the law concerned, why the comment breaks it, a name and an email address for the decision, and a good-faith confirmation. Browsers may send it only from the site's allowed origins. The notice goes to the site's moderators (GET ${ADMIN_ROUTES.notices}). Limited per network (${network.max} per ${network.windowSeconds / 3600} h, under a salted hash that rotates daily) and per site (${site.max} per ${site.windowSeconds / 3600} h): 429 rate_limited with Retry-After.`,
        requestParams: { path: CommentParamsSchema },
        requestBody: { required: true, ...json(NewNoticeSchema) },
        responses: {
          '201': { description: 'The notice was received', ...json(NoticeReceiptSchema) },
          ...errors(...h.writeErrors, 'comment_not_found', 'comment_deleted', 'rate_limited'),
        },
      },
    },
    [path(ROUTES.appeal)]: {
      post: {
        operationId: 'appealRemoval',
        summary: 'Appeal the removal of your comment (EU Digital Services Act, art. 20)',
        description:
          "Only the comment's author, once per comment, and only while it is removed (by a moderator, or as spam). A ban does not prevent an appeal. The author then sees `removal.appeal` on the comment: open, then upheld or reversed; a reversed removal publishes the comment again.",
        security: [{ readerToken: [] }],
        requestParams: { path: CommentParamsSchema },
        requestBody: { required: true, ...json(NewAppealSchema) },
        responses: {
          '201': { description: 'The appeal', ...json(AppealSchema) },
          ...errors(
            ...h.writeErrors,
            'unauthorized',
            'forbidden',
            'comment_not_found',
            'not_removed',
            'appeal_exists'
          ),
        },
      },
    },
    [path(ADMIN_ROUTES.bans)]: {
      get: admin({
        operationId: 'adminListBans',
        summary: "The site's bans",
        description: `${PAGING} \`active=true\` lists bans in force, \`active=false\` lifted or expired ones. ${MODERATOR_ROLE}`,
        requestParams: { path: SiteParamsSchema, query: BanListQuerySchema },
        responses: {
          '200': { description: 'A page of bans', ...json(BanPageSchema) },
        },
      }),
      post: admin(
        {
          operationId: 'adminBan',
          summary: 'Ban a reader by token, by network, or both',
          description: `Ban the author of \`commentId\`, or \`readerId\` directly. A banned reader's comments, reactions, reports and votes are refused with 403 banned until the ban expires or is lifted. A network ban matches every reader posting from the network the comment came from (the IPv4 address, or the IPv6 /64): it keys on an HMAC of the network under a key derived from a Worker secret, stored with each comment; no address is ever stored. It can be made only from a comment whose network is known (422 network_unknown naming body.scope otherwise). Mind that a network ban also stops everybody else behind that address (an office, a school, a mobile carrier's NAT).\n\nA shadow ban lets the reader go on: their new comments are stored as shadow comments that they see as published and nobody else sees; their reactions and reports are answered as accepted but not stored, so they change nothing others see; their votes count as usual (one anonymous ballot per token, as for anyone). When a full ban and a shadow ban both match, the full ban applies. Each ban gets an audit entry. ${MODERATOR_ROLE}`,
          requestParams: { path: SiteParamsSchema },
          requestBody: { required: true, ...json(NewBanSchema) },
          responses: {
            '201': { description: 'The ban, or two for scope "both"', ...json(BansCreatedSchema) },
          },
        },
        'comment_not_found',
        'network_unknown'
      ),
    },
    [path(ADMIN_ROUTES.ban)]: {
      delete: admin(
        {
          operationId: 'adminLiftBan',
          summary: 'Lift a ban',
          description: `The ban stays in the list, with \`liftedAt\`. Lifting a lifted ban changes nothing (200). Audited. ${MODERATOR_ROLE}`,
          requestParams: { path: BanParamsSchema },
          responses: {
            '200': { description: 'The lifted ban', ...json(BanSchema) },
          },
        },
        'not_found'
      ),
    },
    [path(ADMIN_ROUTES.notices)]: {
      get: admin({
        operationId: 'adminListNotices',
        summary: 'DSA notices of illegal content',
        description: `Each with the comment it is about (an excerpt, its moderation state). ${PAGING} ${MODERATOR_ROLE}`,
        requestParams: { path: SiteParamsSchema, query: NoticeListQuerySchema },
        responses: {
          '200': { description: 'A page of notices', ...json(AdminNoticePageSchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.noticeDecision)]: {
      post: admin(
        {
          operationId: 'adminDecideNotice',
          summary: 'Act on a notice: remove the comment, or dismiss the notice',
          description: `\`remove\` removes the comment with the \`reason\` and the \`statement\` of reasons its author sees (DSA art. 17), and marks the notice actioned; readers see a tombstone unless the site turns tombstones off. \`dismiss\` leaves the comment as it is. One batch: the comment, the notice and the audit entries. A notice is decided once (409 conflict). ${MODERATOR_ROLE}`,
          requestParams: { path: NoticeParamsSchema },
          requestBody: { required: true, ...json(NoticeDecisionSchema) },
          responses: {
            '200': { description: 'The decided notice', ...json(AdminNoticeSchema) },
          },
        },
        'not_found',
        'conflict'
      ),
    },
    [path(ADMIN_ROUTES.appeals)]: {
      get: admin({
        operationId: 'adminListAppeals',
        summary: "Authors' appeals against removals",
        description: `Each with the removed comment and its statement of reasons. ${PAGING} ${MODERATOR_ROLE}`,
        requestParams: { path: SiteParamsSchema, query: AppealListQuerySchema },
        responses: {
          '200': { description: 'A page of appeals', ...json(AdminAppealPageSchema) },
        },
      }),
    },
    [path(ADMIN_ROUTES.appealDecision)]: {
      post: admin(
        {
          operationId: 'adminDecideAppeal',
          summary: 'Decide an appeal: uphold the removal or reverse it',
          description: `\`reversed\` publishes the comment again; \`upheld\` leaves it removed. The author sees the outcome as \`removal.appeal\`. One batch with the audit entries. An appeal is decided once (409 conflict). ${MODERATOR_ROLE}`,
          requestParams: { path: CommentParamsSchema },
          requestBody: { required: true, ...json(AppealDecisionSchema) },
          responses: {
            '200': { description: 'The decided appeal', ...json(AdminAppealSchema) },
          },
        },
        'not_found',
        'conflict'
      ),
    },
  }
}
