import {
  ADMIN_ROUTES,
  AdminPollSchema,
  PollSchema,
  type AdminPoll,
  type NewPoll,
  type Poll,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { newReaderId } from '../src/lib/ids.ts'
import { signReaderToken } from '../src/lib/reader-token.ts'
import { admin, sitePath } from './admin-helpers.ts'
import { api, expectBody, SITE } from './helpers.ts'

export const adminPollsPath = (site = SITE) => sitePath(ADMIN_ROUTES.polls, {}, site)
export const adminPollPath = (poll: string, site = SITE) =>
  sitePath(ADMIN_ROUTES.poll, { poll }, site)

/** Creates a poll through the admin API. */
export async function createPoll(poll: NewPoll, site = SITE): Promise<AdminPoll> {
  const res = await admin(adminPollsPath(site), { method: 'POST', json: poll })
  return expectBody(res, 201, AdminPollSchema)
}

export async function editPoll(key: string, edit: unknown, site = SITE): Promise<AdminPoll> {
  const res = await admin(adminPollPath(key, site), { method: 'PATCH', json: edit })
  return expectBody(res, 200, AdminPollSchema)
}

/** A reader token signed like POST …/readers signs one, without the round trip. */
export const readerToken = (site = SITE) =>
  signReaderToken(env.READER_TOKEN_SECRET, site, newReaderId())

export const pollPath = (poll: string, site = SITE) => `/v1/sites/${site}/polls/${poll}`

export const vote = (
  poll: string,
  optionIds: string[],
  token: string,
  headers: Record<string, string> = {}
) => api(`${pollPath(poll)}/vote`, { method: 'PUT', token, json: { optionIds }, headers })

export const withdraw = (poll: string, token: string) =>
  api(`${pollPath(poll)}/vote`, { method: 'DELETE', token })

export async function getPoll(poll: string, token?: string): Promise<Poll> {
  return expectBody(await api(pollPath(poll), token ? { token } : {}), 200, PollSchema)
}

export const votesOf = (poll: Poll) => poll.results?.options.map((o) => o.votes)

/** What the database holds for a poll, counted from the rows (not the counters). */
export async function countRows(pollKey: string, site = SITE) {
  const row = await env.DB.prepare(
    `SELECT
       (SELECT COUNT(*) FROM ballots WHERE poll_id = p.id) AS ballots,
       (SELECT COUNT(*) FROM votes WHERE poll_id = p.id) AS votes,
       p.voter_count,
       (SELECT SUM(vote_count) FROM poll_options WHERE poll_id = p.id) AS counted_votes
     FROM polls p WHERE p.site_id = ?1 AND p.key = ?2`
  )
    .bind(site, pollKey)
    .first<{ ballots: number; votes: number; voter_count: number; counted_votes: number }>()
  return row!
}
