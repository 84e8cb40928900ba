import {
  ADMIN_ROUTES,
  AdminNoticeSchema,
  BansCreatedSchema,
  NoticeReceiptSchema,
  ROUTES,
  type Ban,
  type NewBan,
  type NewNoticeInput,
  type NoticeReceipt,
} from '@parley/core'
import { api, expectBody, SITE } from './helpers.ts'
import { admin, route } from './admin-helpers.ts'

// Bans, DSA notices and appeals through the API, for bans.test.ts, dsa.test.ts and the auth matrix.

export const bansPath = (site = SITE) => route(ADMIN_ROUTES.bans, { site })
export const banPath = (ban: string, site = SITE) => route(ADMIN_ROUTES.ban, { site, ban })
export const adminNoticesPath = (site = SITE) => route(ADMIN_ROUTES.notices, { site })
export const noticeDecisionPath = (notice: string, site = SITE) =>
  route(ADMIN_ROUTES.noticeDecision, { site, notice })
export const adminAppealsPath = (site = SITE) => route(ADMIN_ROUTES.appeals, { site })
export const appealDecisionPath = (comment: string, site = SITE) =>
  route(ADMIN_ROUTES.appealDecision, { site, comment })
export const noticesPath = (comment: string, site = SITE) =>
  route(ROUTES.notices, { site, comment })
export const appealPath = (comment: string, site = SITE) => route(ROUTES.appeal, { site, comment })

/** Bans through the admin API (as the owner); returns the ban or bans made. */
export async function ban(
  body: Omit<NewBan, 'durationSeconds' | 'reason'> & Partial<NewBan>,
  site = SITE
): Promise<Ban[]> {
  const res = await admin(bansPath(site), {
    method: 'POST',
    json: { durationSeconds: null, reason: 'Test ban', ...body },
  })
  return (await expectBody(res, 201, BansCreatedSchema)).bans
}

export const NOTICE: NewNoticeInput = {
  law: 'German Criminal Code § 130 (incitement to hatred)',
  explanation: 'The comment incites hatred against a group because of its origin.',
  name: 'Eva Example',
  email: 'eva@example.org',
  goodFaith: true,
}

export const fileNotice = (
  comment: string,
  body: unknown = NOTICE,
  headers: Record<string, string> = {},
  site = SITE
) => api(noticesPath(comment, site), { method: 'POST', json: body, headers })

export async function noticeOn(comment: string, site = SITE): Promise<NoticeReceipt> {
  return expectBody(await fileNotice(comment, NOTICE, {}, site), 201, NoticeReceiptSchema)
}

export const decideNotice = (notice: string, body: unknown, site = SITE) =>
  admin(noticeDecisionPath(notice, site), { method: 'POST', json: body })

/** Removes a comment as a moderator does after a notice; returns the notice id. */
export async function removeByNotice(
  comment: string,
  statement = 'Incitement to hatred (German Criminal Code § 130).',
  site = SITE
): Promise<string> {
  const { id } = await noticeOn(comment, site)
  const res = await decideNotice(id, { action: 'remove', reason: 'illegal', statement }, site)
  await expectBody(res, 200, AdminNoticeSchema)
  return id
}

export const fileAppeal = (
  comment: string,
  token: string | undefined,
  text: unknown,
  site = SITE
) => api(appealPath(comment, site), { method: 'POST', token, json: { text } })
