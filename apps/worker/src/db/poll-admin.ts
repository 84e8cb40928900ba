import type { PollKind, ResultsVisibility } from '@parley/core'
import { ensureThread } from './threads.ts'
import { OPTION_COLUMNS, POLL_COLUMNS, type OptionRow, type PollRow } from './polls.ts'

// The publisher's writes and reads. Every write is one batch. Edits are compare-and-swap on
// polls.edit_token: the first statement replaces the token the edit was validated against with a
// new one, and the option statements that follow act only while the new token is in place. An
// edit validated against a state that changed meanwhile therefore changes nothing (409).

/** A poll's settings in storage terms: times in ms since the epoch, null for open-ended. */
export interface PollFields {
  question: string
  kind: PollKind
  maxChoices: number
  opensAt: number | null
  closesAt: number | null
  resultsVisibility: ResultsVisibility
  allowVoteChange: boolean
}

export interface AdminPollRows {
  poll: PollRow
  options: OptionRow[]
  threadKey: string | null
}

const P_COLUMNS = POLL_COLUMNS.split(',')
  .map((column) => `p.${column.trim()}`)
  .join(', ')
const WITH_THREAD = `SELECT ${P_COLUMNS}, t.key AS thread_key
  FROM polls p LEFT JOIN threads t ON t.id = p.thread_id`
const TOKEN_IS = (param: string) => `(SELECT edit_token FROM polls WHERE id = ?1) = ${param}`

type PollWithThread = PollRow & { thread_key: string | null }

function rowsOf(poll: PollWithThread, options: OptionRow[]): AdminPollRows {
  const { thread_key, ...row } = poll
  return { poll: row, options: options.filter((o) => o.poll_id === row.id), threadKey: thread_key }
}

/** One poll with every option, hidden ones included, and its thread key: one round trip. */
export async function readAdminPoll(
  db: D1Database,
  siteId: string,
  key: string
): Promise<AdminPollRows | null> {
  const [polls, options] = await db.batch([
    db.prepare(`${WITH_THREAD} WHERE p.site_id = ?1 AND p.key = ?2`).bind(siteId, key),
    db
      .prepare(
        `SELECT ${OPTION_COLUMNS} FROM poll_options
         WHERE poll_id = (SELECT id FROM polls WHERE site_id = ?1 AND key = ?2) ORDER BY position`
      )
      .bind(siteId, key),
  ])
  const poll = polls?.results[0] as PollWithThread | undefined
  return poll ? rowsOf(poll, (options?.results ?? []) as OptionRow[]) : null
}

/** Which polls a list holds: all of the site's, those of one thread, or those without one. */
export type PollThreadFilter = { threadKey: string } | 'none' | null

/**
 * ?1 site, ?2 before, ?4 thread key: the WHERE of a page of polls, newest first by id. A thread
 * walks polls_by_thread (thread_id, with the id as its rowid); the other two walk polls_by_site
 * (site_id, id), `none` skipping threaded polls as it goes: a site has few polls, made by hand.
 */
function pollsWhere(filter: PollThreadFilter): string {
  const base = 'p.site_id = ?1 AND p.id < ?2'
  if (filter === null) return base
  if (filter === 'none') return `${base} AND p.thread_id IS NULL`
  return `${base} AND p.thread_id = (SELECT id FROM threads WHERE site_id = ?1 AND key = ?4)`
}

/** A page of a site's polls, newest first, with their options: one round trip. */
export async function listAdminPolls(
  db: D1Database,
  siteId: string,
  page: { limit: number; before: number | null; thread?: PollThreadFilter }
): Promise<{ polls: AdminPollRows[]; nextBefore: number | null }> {
  const before = page.before ?? Number.MAX_SAFE_INTEGER
  const filter = page.thread ?? null
  const where = pollsWhere(filter)
  // D1 refuses a parameter the SQL does not use: ?4 only with a thread key.
  const threadKey = typeof filter === 'object' && filter !== null ? [filter.threadKey] : []
  const [polls, options] = await db.batch([
    db
      .prepare(`${WITH_THREAD} WHERE ${where} ORDER BY p.id DESC LIMIT ?3`)
      .bind(siteId, before, page.limit + 1, ...threadKey),
    db
      .prepare(
        `SELECT ${OPTION_COLUMNS} FROM poll_options WHERE poll_id IN (
           SELECT p.id FROM polls p WHERE ${where} ORDER BY p.id DESC LIMIT ?3)
         ORDER BY poll_id, position`
      )
      .bind(siteId, before, page.limit, ...threadKey),
  ])
  const rows = (polls?.results ?? []) as PollWithThread[]
  const optionRows = (options?.results ?? []) as OptionRow[]
  const shown = rows.slice(0, page.limit)
  return {
    polls: shown.map((poll) => rowsOf(poll, optionRows)),
    nextBefore: rows.length > page.limit ? shown[shown.length - 1]!.id : null,
  }
}

/** `thread_id` for a thread key (created if needed, in the same batch), or NULL. */
function threadStatements(db: D1Database, siteId: string, threadKey: string | null, now: number) {
  return threadKey === null ? [] : [ensureThread(db, siteId, threadKey, now)]
}

/** Creates the poll and its options; false if the site already has a poll with this key. */
export async function insertPoll(
  db: D1Database,
  poll: PollFields & { siteId: string; key: string; thread: string | null; options: string[] },
  now: number
): Promise<boolean> {
  const token = crypto.randomUUID()
  const threadId =
    poll.thread === null ? 'NULL' : '(SELECT id FROM threads WHERE site_id = ?1 AND key = ?12)'
  const insert = db
    .prepare(
      `INSERT INTO polls (site_id, key, thread_id, question, kind, max_choices, opens_at, closes_at,
         results_visibility, allow_vote_change, created_at, updated_at, edit_token)
       VALUES (?1, ?2, ${threadId}, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)
       ON CONFLICT (site_id, key) DO NOTHING`
    )
    .bind(
      poll.siteId,
      poll.key,
      poll.question,
      poll.kind,
      poll.maxChoices,
      poll.opensAt,
      poll.closesAt,
      poll.resultsVisibility,
      poll.allowVoteChange ? 1 : 0,
      now,
      token,
      ...(poll.thread === null ? [] : [poll.thread])
    )
  // Only the batch that created the poll holds its token, so a losing race adds no options.
  const options = poll.options.map((label, position) =>
    db
      .prepare(
        `INSERT INTO poll_options (poll_id, label, position)
         SELECT id, ?3, ?4 FROM polls WHERE site_id = ?1 AND key = ?2 AND edit_token = ?5`
      )
      .bind(poll.siteId, poll.key, label, position, token)
  )
  const thread = threadStatements(db, poll.siteId, poll.thread, now)
  const results = await db.batch([...thread, insert, ...options])
  return results[thread.length]?.meta.changes === 1
}

/** An option of the edited list: an existing row by id, or a new one (id null). */
export interface OptionEdit {
  id: number | null
  label: string
  hidden: boolean
}

/**
 * Applies an edit validated against `poll` (its edit_token): the settings, the thread (undefined
 * leaves it), and, when given, the complete option list in display order. False if the poll
 * changed since it was read.
 */
export async function editPoll(
  db: D1Database,
  poll: PollRow,
  edit: { fields: PollFields; thread?: string | null; options?: OptionEdit[] },
  now: number
): Promise<boolean> {
  const token = crypto.randomUUID()
  const threadId =
    edit.thread === undefined
      ? 'thread_id'
      : edit.thread === null
        ? 'NULL'
        : '(SELECT id FROM threads WHERE site_id = ?12 AND key = ?13)'
  const { fields } = edit
  const update = db
    .prepare(
      `UPDATE polls SET question = ?3, kind = ?4, max_choices = ?5, opens_at = ?6, closes_at = ?7,
         results_visibility = ?8, allow_vote_change = ?9, thread_id = ${threadId},
         updated_at = ?10, edit_token = ?11
       WHERE id = ?1 AND edit_token IS ?2`
    )
    .bind(
      poll.id,
      poll.edit_token,
      fields.question,
      fields.kind,
      fields.maxChoices,
      fields.opensAt,
      fields.closesAt,
      fields.resultsVisibility,
      fields.allowVoteChange ? 1 : 0,
      now,
      token,
      ...(typeof edit.thread === 'string' ? [poll.site_id, edit.thread] : [])
    )
  const options: D1PreparedStatement[] = []
  if (edit.options) {
    // UNIQUE (poll_id, position): move every option out of the way first, then place each one.
    options.push(
      db
        .prepare(
          `UPDATE poll_options SET position = -1 - position WHERE poll_id = ?1 AND ${TOKEN_IS('?2')}`
        )
        .bind(poll.id, token)
    )
    edit.options.forEach((option, position) => {
      options.push(
        option.id === null
          ? db
              .prepare(
                `INSERT INTO poll_options (poll_id, label, position, hidden)
                 SELECT ?1, ?3, ?4, ?5 WHERE ${TOKEN_IS('?2')}`
              )
              .bind(poll.id, token, option.label, position, option.hidden ? 1 : 0)
          : db
              .prepare(
                `UPDATE poll_options SET position = ?3, label = ?4, hidden = ?5
                 WHERE id = ?6 AND poll_id = ?1 AND ${TOKEN_IS('?2')}`
              )
              .bind(poll.id, token, position, option.label, option.hidden ? 1 : 0, option.id)
      )
    })
  }
  const thread = threadStatements(db, poll.site_id, edit.thread ?? null, now)
  const results = await db.batch([...thread, update, ...options])
  return results[thread.length]?.meta.changes === 1
}

/**
 * Deletes an option nobody chose, setting the poll's maximum to `maxChoices`. 'conflict' if the poll changed since it was read,
 * 'has_votes' if the option has votes or comments show it as their author's stance (a vote
 * recorded at posting time), both checked in the same statement as the delete.
 */
export async function deleteOption(
  db: D1Database,
  poll: PollRow,
  { optionId, maxChoices }: { optionId: number; maxChoices: number },
  now: number
): Promise<'deleted' | 'has_votes' | 'conflict'> {
  const token = crypto.randomUUID()
  const [claim, deletion] = await db.batch([
    db
      .prepare(
        `UPDATE polls SET updated_at = ?3, edit_token = ?4, max_choices = ?5
         WHERE id = ?1 AND edit_token IS ?2`
      )
      .bind(poll.id, poll.edit_token, now, token, maxChoices),
    db
      .prepare(
        `DELETE FROM poll_options WHERE id = ?3 AND poll_id = ?1 AND ${TOKEN_IS('?2')}
           AND NOT EXISTS (SELECT 1 FROM votes WHERE poll_id = ?1 AND option_id = ?3)
           AND NOT EXISTS (SELECT 1 FROM comments WHERE stance_option_id = ?3)`
      )
      .bind(poll.id, token, optionId),
  ])
  if (claim?.meta.changes !== 1) return 'conflict'
  return deletion?.meta.changes === 1 ? 'deleted' : 'has_votes'
}
