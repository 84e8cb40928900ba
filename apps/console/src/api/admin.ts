// One typed function per admin route the console uses. Types come from @parley/core as types
// only, and the route templates from '@parley/core/routes', so no zod reaches the bundle.
import type {
  AdminAppealPage,
  AdminComment,
  AdminCommentDetail,
  AdminCommentListQuery,
  AdminCommentPage,
  AdminExpert,
  AdminExpertList,
  AdminExpertResponse,
  AdminExpertResponsePage,
  AdminMe,
  AdminNoticePage,
  AdminPoll,
  AdminPollPage,
  AdminSite,
  AdminSiteList,
  AdminThread,
  AdminThreadPage,
  ApiKeyList,
  AppealDecision,
  AuditPage,
  BanPage,
  BansCreated,
  CommentBadges,
  CreatedApiKey,
  EditExpert,
  EditPoll,
  EditSiteInput,
  Invitation,
  InvitationPage,
  ModeratorEdit,
  NewApiKeyInput,
  NewBan,
  NewExpert,
  NewPoll,
  NoticeDecision,
  PinComment,
  PutSsoSecret,
  PutThreadInput,
  PutTurnstileSecret,
  RejectComment,
  SpamComment,
  SsoSecretStatus,
  TurnstileSecretStatus,
} from '@parley/core'
import { ADMIN_ROUTES } from '@parley/core/routes'
import { AdminTransport, type CallOptions, type Query } from './client.ts'

export { AdminApiError, toAdminApiError } from './client.ts'

/** Calls that need no site: who the key is and which sites it may administer. */
export class AdminApi {
  readonly transport: AdminTransport

  constructor(key: string, origin = '') {
    this.transport = new AdminTransport(key, origin)
  }

  me(options: CallOptions = {}): Promise<AdminMe> {
    return this.transport.call('GET', ADMIN_ROUTES.me, {}, options)
  }

  sites(options: CallOptions = {}): Promise<AdminSiteList> {
    return this.transport.call('GET', ADMIN_ROUTES.sites, {}, options)
  }

  /** The calls on one site. */
  site(site: string): SiteApi {
    return new SiteApi(this.transport, site)
  }
}

/** Every per-site call. Views hold one of these for the site picked in the header. */
export class SiteApi {
  constructor(
    readonly transport: AdminTransport,
    readonly site: string
  ) {}

  #call<T>(
    method: string,
    template: string,
    params: Record<string, string> = {},
    options: CallOptions = {}
  ): Promise<T> {
    return this.transport.call<T>(method, template, { site: this.site, ...params }, options)
  }

  // Site settings and keys (admin)

  get(): Promise<AdminSite> {
    return this.#call('GET', ADMIN_ROUTES.site)
  }

  edit(body: EditSiteInput): Promise<AdminSite> {
    return this.#call('PATCH', ADMIN_ROUTES.site, {}, { body })
  }

  // The write-only secrets: the API says whether one is set, never what it is (admin)

  ssoSecret(): Promise<SsoSecretStatus> {
    return this.#call('GET', ADMIN_ROUTES.ssoSecret)
  }

  /** Sets or rotates the sign-in secret; without `secret` the API generates one, returned once. */
  putSsoSecret(body: PutSsoSecret): Promise<SsoSecretStatus> {
    return this.#call('PUT', ADMIN_ROUTES.ssoSecret, {}, { body })
  }

  deleteSsoSecret(): Promise<SsoSecretStatus> {
    return this.#call('DELETE', ADMIN_ROUTES.ssoSecret)
  }

  turnstileSecret(): Promise<TurnstileSecretStatus> {
    return this.#call('GET', ADMIN_ROUTES.turnstileSecret)
  }

  putTurnstileSecret(body: PutTurnstileSecret): Promise<TurnstileSecretStatus> {
    return this.#call('PUT', ADMIN_ROUTES.turnstileSecret, {}, { body })
  }

  deleteTurnstileSecret(): Promise<TurnstileSecretStatus> {
    return this.#call('DELETE', ADMIN_ROUTES.turnstileSecret)
  }

  keys(): Promise<ApiKeyList> {
    return this.#call('GET', ADMIN_ROUTES.keys)
  }

  createKey(body: NewApiKeyInput): Promise<CreatedApiKey> {
    return this.#call('POST', ADMIN_ROUTES.keys, {}, { body })
  }

  revokeKey(key: string): Promise<unknown> {
    return this.#call('DELETE', ADMIN_ROUTES.key, { key })
  }

  // Threads and polls (admin)

  threads(query: { q?: string; cursor?: string | null; limit?: number }): Promise<AdminThreadPage> {
    return this.#call('GET', ADMIN_ROUTES.threads, {}, { query })
  }

  putThread(thread: string, body: PutThreadInput): Promise<AdminThread> {
    return this.#call('PUT', ADMIN_ROUTES.thread, { thread }, { body })
  }

  /** The site's polls, newest first; `thread` narrows them to one thread's, 'none' to lone ones. */
  polls(
    query: { cursor?: string | null; limit?: number; thread?: string } = {}
  ): Promise<AdminPollPage> {
    return this.#call('GET', ADMIN_ROUTES.polls, {}, { query })
  }

  createPoll(body: NewPoll): Promise<AdminPoll> {
    return this.#call('POST', ADMIN_ROUTES.polls, {}, { body })
  }

  editPoll(poll: string, body: EditPoll): Promise<AdminPoll> {
    return this.#call('PATCH', ADMIN_ROUTES.poll, { poll }, { body })
  }

  deleteOption(poll: string, option: string): Promise<AdminPoll> {
    return this.#call('DELETE', ADMIN_ROUTES.pollOption, { poll, option })
  }

  /** A poll's results as a file (CSV or JSON) and its name. */
  exportPoll(poll: string, format: 'csv' | 'json'): Promise<{ blob: Blob; name: string }> {
    return this.transport.file(
      ADMIN_ROUTES.pollExport,
      { site: this.site, poll },
      `${poll}.${format}`,
      { query: { format } }
    )
  }

  // The audit log (moderator)

  audit(query: Query): Promise<AuditPage> {
    return this.#call('GET', ADMIN_ROUTES.audit, {}, { query })
  }

  // The moderation queue and comment actions (moderator)

  queue(query: AdminCommentListQuery & { limit?: number }): Promise<AdminCommentPage> {
    return this.#call('GET', ADMIN_ROUTES.comments, {}, { query })
  }

  comment(comment: string): Promise<AdminCommentDetail> {
    return this.#call('GET', ADMIN_ROUTES.comment, { comment })
  }

  approve(comment: string, reason?: string): Promise<AdminComment> {
    return this.#call('POST', ADMIN_ROUTES.commentApprove, { comment }, { body: { reason } })
  }

  reject(comment: string, body: RejectComment): Promise<AdminComment> {
    return this.#call('POST', ADMIN_ROUTES.commentReject, { comment }, { body })
  }

  spam(comment: string, body: SpamComment = {}): Promise<AdminComment> {
    return this.#call('POST', ADMIN_ROUTES.commentSpam, { comment }, { body })
  }

  restore(comment: string, reason?: string): Promise<AdminComment> {
    return this.#call('POST', ADMIN_ROUTES.commentRestore, { comment }, { body: { reason } })
  }

  editComment(comment: string, body: ModeratorEdit): Promise<AdminComment> {
    return this.#call('PATCH', ADMIN_ROUTES.comment, { comment }, { body })
  }

  pin(comment: string, body: PinComment): Promise<AdminComment> {
    return this.#call('PUT', ADMIN_ROUTES.commentPin, { comment }, { body })
  }

  badges(comment: string, body: CommentBadges): Promise<AdminComment> {
    return this.#call('PUT', ADMIN_ROUTES.commentBadges, { comment }, { body })
  }

  // Bans, DSA notices and appeals (moderator)

  bans(query: { active?: boolean; cursor?: string | null }): Promise<BanPage> {
    return this.#call('GET', ADMIN_ROUTES.bans, {}, { query })
  }

  ban(body: NewBan): Promise<BansCreated> {
    return this.#call('POST', ADMIN_ROUTES.bans, {}, { body })
  }

  liftBan(ban: string): Promise<unknown> {
    return this.#call('DELETE', ADMIN_ROUTES.ban, { ban })
  }

  notices(query: { status?: string; cursor?: string | null }): Promise<AdminNoticePage> {
    return this.#call('GET', ADMIN_ROUTES.notices, {}, { query })
  }

  decideNotice(notice: string, body: NoticeDecision): Promise<unknown> {
    return this.#call('POST', ADMIN_ROUTES.noticeDecision, { notice }, { body })
  }

  appeals(query: { status?: string; cursor?: string | null }): Promise<AdminAppealPage> {
    return this.#call('GET', ADMIN_ROUTES.appeals, {}, { query })
  }

  decideAppeal(comment: string, body: AppealDecision): Promise<unknown> {
    return this.#call('POST', ADMIN_ROUTES.appealDecision, { comment }, { body })
  }

  // Experts (admin), their responses and invitations (moderator)

  experts(archived: 'exclude' | 'include' | 'only' = 'exclude'): Promise<AdminExpertList> {
    return this.#call('GET', ADMIN_ROUTES.experts, {}, { query: { archived } })
  }

  createExpert(body: NewExpert): Promise<AdminExpert> {
    return this.#call('POST', ADMIN_ROUTES.experts, {}, { body })
  }

  editExpert(expert: string, body: EditExpert): Promise<AdminExpert> {
    return this.#call('PATCH', ADMIN_ROUTES.expert, { expert }, { body })
  }

  archiveExpert(expert: string): Promise<unknown> {
    return this.#call('DELETE', ADMIN_ROUTES.expert, { expert })
  }

  respond(comment: string, body: { expertId: string; text: string }): Promise<AdminExpertResponse> {
    return this.#call('POST', ADMIN_ROUTES.commentExpertResponses, { comment }, { body })
  }

  responses(query: { status?: string; cursor?: string | null }): Promise<AdminExpertResponsePage> {
    return this.#call('GET', ADMIN_ROUTES.expertResponses, {}, { query })
  }

  approveResponse(response: string): Promise<AdminExpertResponse> {
    return this.#call('POST', ADMIN_ROUTES.expertResponseApprove, { response })
  }

  deleteResponse(response: string): Promise<unknown> {
    return this.#call('DELETE', ADMIN_ROUTES.expertResponse, { response })
  }

  invite(
    comment: string,
    body: { expertId: string; expiresInHours?: number }
  ): Promise<Invitation> {
    return this.#call('POST', ADMIN_ROUTES.commentInvitations, { comment }, { body })
  }

  invitations(query: { status?: string; cursor?: string | null }): Promise<InvitationPage> {
    return this.#call('GET', ADMIN_ROUTES.invitations, {}, { query })
  }

  revokeInvitation(invitation: string): Promise<unknown> {
    return this.#call('DELETE', ADMIN_ROUTES.invitation, { invitation })
  }
}
