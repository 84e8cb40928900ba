import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportComment,
  type ExportPoll,
  type SiteExport,
} from '@parley/core'
import { derivedHmacKey } from '../lib/derived-key.ts'
import { parseSiteSettings, parseThreadSettings } from './settings.ts'

// Reads one site's data into the export document (packages/core/src/export.ts). Each table is
// read in one statement scoped to the site; rows are ordered so that the same data always gives
// the same document, which is what the round-trip test compares.

const iso = (ms: number) => new Date(ms).toISOString()
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))
const json = (text: string | null): Record<string, unknown> | null =>
  text === null ? null : (JSON.parse(text) as Record<string, unknown>)

const PSEUDONYM = /^a_[0-9a-f]{16}$/

/**
 * Reader id → stable pseudonym: an HMAC under a key of its own, derived from the deployment's
 * secret, so nobody without the secret can link it back, and every export of the same deployment
 * names a reader the same way. An imported site's reader ids are already pseudonyms and stay.
 */
export function pseudonymizer(secret: string): (readerId: string) => Promise<string> {
  const seen = new Map<string, Promise<string>>()
  return (readerId) => {
    if (PSEUDONYM.test(readerId)) return Promise.resolve(readerId)
    let name = seen.get(readerId)
    if (!name) {
      name = (async () => {
        const key = await derivedHmacKey(secret, 'parley export pseudonym v1')
        const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(readerId))
        const hex = [...new Uint8Array(mac).slice(0, 8)]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('')
        return `a_${hex}`
      })()
      seen.set(readerId, name)
    }
    return name
  }
}

const byTimeThenReader = <T extends { createdAt: string; reader: string }>(a: T, b: T) =>
  a.createdAt.localeCompare(b.createdAt) || a.reader.localeCompare(b.reader)

interface CommentExportRow {
  id: string
  thread_key: string
  parent_id: string | null
  reader_id: string
  author_name: string
  text: string
  html: string | null
  lang: string | null
  created_at: number
  edited_at: number | null
  deleted_at: number | null
  status: ExportComment['status']
  badges: string
  pinned_at: number | null
  reviewed_at: number | null
  moderation: string
  removal: string | null
  stance_poll: string | null
  stance_position: number | null
  reply_count: number
  descendant_count: number
  reaction_counts: string
  report_count: number
}

const SQL = {
  site: 'SELECT id, name, allowed_origins, settings, created_at FROM sites WHERE id = ?1',
  threads: `SELECT key, title, settings, created_at, comment_count FROM threads
    WHERE site_id = ?1 ORDER BY id`,
  // Parents before their replies (depth first), then in the order they were written.
  comments: `SELECT c.id, t.key AS thread_key, c.parent_id, c.reader_id, c.author_name, c.text,
      c.html, c.lang, c.created_at, c.edited_at, c.deleted_at, c.status, c.badges, c.pinned_at,
      c.reviewed_at, c.moderation, c.removal, p.key AS stance_poll, o.position AS stance_position,
      c.reply_count, c.descendant_count, c.reaction_counts, c.report_count
    FROM comments c JOIN threads t ON t.id = c.thread_id
    LEFT JOIN poll_options o ON o.id = c.stance_option_id LEFT JOIN polls p ON p.id = o.poll_id
    WHERE c.site_id = ?1 ORDER BY c.depth, c.created_at, c.id`,
  revisions: `SELECT r.comment_id, r.text, r.replaced_at, r.editor FROM comment_revisions r
    JOIN comments c ON c.id = r.comment_id WHERE c.site_id = ?1 ORDER BY r.comment_id, r.replaced_at`,
  reactions: `SELECT x.comment_id, x.reader_id, x.emoji, x.created_at FROM reactions x
    JOIN comments c ON c.id = x.comment_id WHERE c.site_id = ?1`,
  reports: `SELECT r.comment_id, r.reader_id, r.reason, r.note, r.created_at FROM reports r
    JOIN comments c ON c.id = r.comment_id WHERE c.site_id = ?1`,
  polls: `SELECT p.id, p.key, t.key AS thread_key, p.question, p.kind, p.max_choices, p.opens_at,
      p.closes_at, p.results_visibility, p.allow_vote_change, p.created_at, p.updated_at,
      p.voter_count
    FROM polls p LEFT JOIN threads t ON t.id = p.thread_id WHERE p.site_id = ?1 ORDER BY p.id`,
  options: `SELECT o.poll_id, o.position, o.label, o.hidden, o.vote_count FROM poll_options o
    JOIN polls p ON p.id = o.poll_id WHERE p.site_id = ?1 ORDER BY o.poll_id, o.position`,
  ballots: `SELECT b.poll_id, b.reader_id, b.created_at, b.updated_at,
      (SELECT json_group_array(o.position) FROM votes v JOIN poll_options o ON o.id = v.option_id
       WHERE v.ballot_id = b.id) AS positions
    FROM ballots b JOIN polls p ON p.id = b.poll_id WHERE p.site_id = ?1`,
  experts: `SELECT id, name, title, organisation, photo_url, created_at, archived_at FROM experts
    WHERE site_id = ?1 ORDER BY created_at, id`,
  responses: `SELECT id, comment_id, expert_id, text, html, status, created_at, updated_at
    FROM expert_responses WHERE site_id = ?1 ORDER BY created_at, id`,
} as const

interface Row {
  [column: string]: string | number | null
}

function groupBy<T>(rows: T[], key: (row: T) => string | number): Map<string | number, T[]> {
  const groups = new Map<string | number, T[]>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group) group.push(row)
    else groups.set(k, [row])
  }
  return groups
}

/** The whole site as one document, or null when there is no such site. */
export async function exportSite(
  db: D1Database,
  siteId: string,
  secret: string,
  now = Date.now()
): Promise<SiteExport | null> {
  const queries = Object.values(SQL).map((sql) => db.prepare(sql).bind(siteId))
  const [site, threads, comments, revisions, reactions, reports, polls, options, ballots, ...rest] =
    (await db.batch<Row>(queries)).map((r) => r.results)
  const [experts, responses] = rest as [Row[], Row[]]
  const siteRow = site?.[0]
  if (!siteRow) return null
  const pseudonym = pseudonymizer(secret)

  const revisionsOf = groupBy(revisions!, (r) => r.comment_id as string)
  const reactionsOf = groupBy(reactions!, (r) => r.comment_id as string)
  const reportsOf = groupBy(reports!, (r) => r.comment_id as string)
  const exportedComments = await Promise.all(
    (comments as unknown as CommentExportRow[]).map(async (c): Promise<ExportComment> => ({
      id: c.id,
      thread: c.thread_key,
      parentId: c.parent_id,
      author: await pseudonym(c.reader_id),
      authorName: c.author_name,
      text: c.text,
      html: c.html,
      lang: c.lang,
      createdAt: iso(c.created_at),
      editedAt: isoOrNull(c.edited_at),
      deletedAt: isoOrNull(c.deleted_at),
      status: c.status,
      badges: JSON.parse(c.badges) as string[],
      pinnedAt: isoOrNull(c.pinned_at),
      reviewedAt: isoOrNull(c.reviewed_at),
      moderation: json(c.moderation) ?? {},
      removal: json(c.removal),
      stance: c.stance_poll === null ? null : { poll: c.stance_poll, position: c.stance_position! },
      revisions: (revisionsOf.get(c.id) ?? []).map((r) => ({
        text: r.text as string,
        replacedAt: iso(r.replaced_at as number),
        editor: r.editor as 'author' | 'moderator',
      })),
      reactions: (
        await Promise.all(
          (reactionsOf.get(c.id) ?? []).map(async (x) => ({
            reader: await pseudonym(x.reader_id as string),
            emoji: x.emoji as string,
            createdAt: iso(x.created_at as number),
          }))
        )
      ).sort(byTimeThenReader),
      reports: (
        await Promise.all(
          (reportsOf.get(c.id) ?? []).map(async (r) => ({
            reader: await pseudonym(r.reader_id as string),
            reason: r.reason as ExportComment['reports'][number]['reason'],
            note: r.note as string | null,
            createdAt: iso(r.created_at as number),
          }))
        )
      ).sort(byTimeThenReader),
      counts: {
        replies: c.reply_count,
        descendants: c.descendant_count,
        reactions: JSON.parse(c.reaction_counts) as Record<string, number>,
        reports: c.report_count,
      },
    }))
  )

  const optionsOf = groupBy(options!, (o) => o.poll_id as number)
  const ballotsOf = groupBy(ballots!, (b) => b.poll_id as number)
  const exportedPolls = await Promise.all(
    polls!.map(async (p): Promise<ExportPoll> => ({
      key: p.key as string,
      thread: p.thread_key as string | null,
      question: p.question as string,
      kind: p.kind as ExportPoll['kind'],
      maxChoices: p.max_choices as number,
      opensAt: isoOrNull(p.opens_at as number | null),
      closesAt: isoOrNull(p.closes_at as number | null),
      resultsVisibility: p.results_visibility as ExportPoll['resultsVisibility'],
      allowVoteChange: p.allow_vote_change === 1,
      createdAt: iso(p.created_at as number),
      updatedAt: iso(p.updated_at as number),
      voters: p.voter_count as number,
      options: (optionsOf.get(p.id as number) ?? []).map((o) => ({
        position: o.position as number,
        label: o.label as string,
        hidden: o.hidden === 1,
        votes: o.vote_count as number,
      })),
      ballots: (
        await Promise.all(
          (ballotsOf.get(p.id as number) ?? []).map(async (b) => ({
            reader: await pseudonym(b.reader_id as string),
            positions: (JSON.parse(b.positions as string) as number[]).sort((x, y) => x - y),
            createdAt: iso(b.created_at as number),
            updatedAt: iso(b.updated_at as number),
          }))
        )
      ).sort(byTimeThenReader),
    }))
  )

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    site: {
      id: siteRow.id as string,
      name: siteRow.name as string,
      allowedOrigins: JSON.parse(siteRow.allowed_origins as string) as string[],
      settings: parseSiteSettings(siteRow.settings as string),
      createdAt: iso(siteRow.created_at as number),
    },
    threads: threads!.map((t) => ({
      key: t.key as string,
      title: t.title as string | null,
      settings: parseThreadSettings(t.settings as string),
      createdAt: iso(t.created_at as number),
      commentCount: t.comment_count as number,
    })),
    comments: exportedComments,
    polls: exportedPolls,
    experts: experts.map((x) => ({
      id: x.id as string,
      name: x.name as string,
      title: x.title as string,
      organisation: x.organisation as string,
      photoUrl: x.photo_url as string | null,
      createdAt: iso(x.created_at as number),
      archivedAt: isoOrNull(x.archived_at as number | null),
    })),
    expertResponses: responses.map((r) => ({
      id: r.id as string,
      commentId: r.comment_id as string,
      expertId: r.expert_id as string,
      text: r.text as string,
      html: r.html as string,
      status: r.status as 'published' | 'pending',
      createdAt: iso(r.created_at as number),
      updatedAt: iso(r.updated_at as number),
    })),
  }
}
