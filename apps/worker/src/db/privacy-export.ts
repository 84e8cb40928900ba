import type {
  AdminReaderData,
  Ban,
  ReaderData,
  RemovalReason,
  ReportReason,
  StoredCommentStatus,
} from '@parley/core'
import { rowToBan, type BanRow } from './bans.ts'

// Everything stored under one reader id on one site, read in one batch (one snapshot): what the
// reader downloads (GET …/readers/me/data) and what the publisher exports for them. Each query
// reads by reader id through an index (comments_by_reader, reactions_by_reader, …).

const iso = (ms: number) => new Date(ms).toISOString()
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))

// ?1 site, ?2 reader.
const COMMENTS = `SELECT c.id, t.key AS thread, c.parent_id, c.author_name, c.text, c.lang,
    c.status, c.created_at, c.edited_at, c.deleted_at, c.removal, c.moderation,
    p.key AS stance_poll, o.label AS stance_option
  FROM comments c JOIN threads t ON t.id = c.thread_id
    LEFT JOIN poll_options o ON o.id = c.stance_option_id
    LEFT JOIN polls p ON p.id = o.poll_id
  WHERE c.site_id = ?1 AND c.reader_id = ?2 ORDER BY c.created_at, c.id`
const REVISIONS = `SELECT r.comment_id, r.text, r.replaced_at, r.editor
  FROM comment_revisions r JOIN comments c ON c.id = r.comment_id
  WHERE c.site_id = ?1 AND c.reader_id = ?2 ORDER BY r.replaced_at`
const VOTES = `SELECT p.key AS poll, p.question, b.created_at, b.updated_at,
    (SELECT json_group_array(label) FROM (SELECT o.label FROM votes v
      JOIN poll_options o ON o.id = v.option_id WHERE v.ballot_id = b.id ORDER BY o.position))
      AS options
  FROM ballots b JOIN polls p ON p.id = b.poll_id
  WHERE b.reader_id = ?2 AND p.site_id = ?1 ORDER BY b.created_at, b.id`
const REACTIONS = `SELECT x.comment_id, x.emoji, x.created_at
  FROM reactions x JOIN comments c ON c.id = x.comment_id
  WHERE x.reader_id = ?2 AND c.site_id = ?1 ORDER BY x.created_at, x.comment_id`
const REPORTS = `SELECT r.comment_id, r.reason, r.note, r.created_at
  FROM reports r JOIN comments c ON c.id = r.comment_id
  WHERE r.reader_id = ?2 AND c.site_id = ?1 ORDER BY r.created_at, r.comment_id`
const APPEALS = `SELECT comment_id, text, status, decision, created_at, decided_at FROM appeals
  WHERE site_id = ?1 AND reader_id = ?2 ORDER BY created_at, comment_id`
const SIGN_IN = `SELECT subject, name, avatar_url FROM sso_users
  WHERE reader_id = ?2 AND site_id = ?1`
const BANS = `SELECT id, site_id, kind, subject, shadow, reason, comment_id, created_by, created_at,
    expires_at, lifted_at FROM bans
  WHERE site_id = ?1 AND ((kind = 'reader' AND subject = ?2) OR (kind = 'network' AND subject IN
    (SELECT network_hash FROM comments WHERE site_id = ?1 AND reader_id = ?2
      AND network_hash IS NOT NULL)))
  ORDER BY created_at, id`

interface CommentRow {
  id: string
  thread: string
  parent_id: string | null
  author_name: string
  text: string
  lang: string | null
  status: StoredCommentStatus
  created_at: number
  edited_at: number | null
  deleted_at: number | null
  removal: string | null
  moderation: string
  stance_poll: string | null
  stance_option: string | null
}

interface RevisionRow {
  comment_id: string
  text: string
  replaced_at: number
  editor: 'author' | 'moderator'
}

function parseObject(json: string | null): Record<string, unknown> | null {
  if (json === null) return null
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

function removalOf(row: CommentRow): ReaderData['comments'][number]['removal'] {
  if (row.status !== 'removed' && row.status !== 'spam') return null
  const removal = parseObject(row.removal)
  if (!removal) return null
  const at = (removal.removedAt ?? removal.at ?? row.created_at) as number | string
  return {
    reason: (removal.reason ?? 'spam') as RemovalReason,
    statement: typeof removal.statement === 'string' ? removal.statement : '',
    removedAt: new Date(at).toISOString(),
  }
}

export interface ReaderDataRead {
  data: ReaderData
  bans: Ban[]
  moderation: AdminReaderData['moderation']
}

/** The reader's data on the site, and the publisher's records about them (bans, verdicts). */
export async function readReaderData(
  db: D1Database,
  siteId: string,
  readerId: string,
  now: number
): Promise<ReaderDataRead> {
  const read = (sql: string) => db.prepare(sql).bind(siteId, readerId)
  const [comments, revisions, votes, reactions, reports, appeals, signIn, bans] = await db.batch([
    read(COMMENTS),
    read(REVISIONS),
    read(VOTES),
    read(REACTIONS),
    read(REPORTS),
    read(APPEALS),
    read(SIGN_IN),
    read(BANS),
  ])
  const rows = <T>(result: D1Result | undefined) => (result?.results ?? []) as T[]
  const revisionsOf = new Map<string, RevisionRow[]>()
  for (const revision of rows<RevisionRow>(revisions)) {
    const list = revisionsOf.get(revision.comment_id) ?? []
    list.push(revision)
    revisionsOf.set(revision.comment_id, list)
  }
  const commentRows = rows<CommentRow>(comments)
  const user = rows<{ subject: string; name: string; avatar_url: string | null }>(signIn)[0]
  const data: ReaderData = {
    format: 'parley.reader-data',
    version: 1,
    site: siteId,
    readerId,
    exportedAt: iso(now),
    comments: commentRows.map((row) => ({
      id: row.id,
      thread: row.thread,
      parentId: row.parent_id,
      authorName: row.author_name,
      text: row.text,
      lang: row.lang,
      status: row.status,
      createdAt: iso(row.created_at),
      editedAt: isoOrNull(row.edited_at),
      deletedAt: isoOrNull(row.deleted_at),
      stance:
        row.stance_poll !== null && row.stance_option !== null
          ? { poll: row.stance_poll, option: row.stance_option }
          : null,
      removal: removalOf(row),
      revisions: (revisionsOf.get(row.id) ?? []).map((r) => ({
        text: r.text,
        replacedAt: iso(r.replaced_at),
        editor: r.editor,
      })),
    })),
    votes: rows<{
      poll: string
      question: string
      options: string
      created_at: number
      updated_at: number
    }>(votes).map((row) => ({
      poll: row.poll,
      question: row.question,
      options: JSON.parse(row.options) as string[],
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    })),
    reactions: rows<{ comment_id: string; emoji: string; created_at: number }>(reactions).map(
      (row) => ({ commentId: row.comment_id, emoji: row.emoji, createdAt: iso(row.created_at) })
    ),
    reports: rows<{
      comment_id: string
      reason: ReportReason
      note: string | null
      created_at: number
    }>(reports).map((row) => ({
      commentId: row.comment_id,
      reason: row.reason,
      note: row.note,
      createdAt: iso(row.created_at),
    })),
    appeals: rows<{
      comment_id: string
      text: string
      status: 'open' | 'upheld' | 'reversed'
      decision: string | null
      created_at: number
      decided_at: number | null
    }>(appeals).map((row) => ({
      commentId: row.comment_id,
      text: row.text,
      status: row.status,
      decision: row.decision,
      createdAt: iso(row.created_at),
      decidedAt: isoOrNull(row.decided_at),
    })),
    signIn: user ? { subject: user.subject, name: user.name, avatarUrl: user.avatar_url } : null,
  }
  return {
    data,
    bans: rows<BanRow>(bans).map((row) => rowToBan(row, now)),
    moderation: commentRows.map((row) => ({
      commentId: row.id,
      verdict: parseObject(row.moderation) ?? {},
    })),
  }
}
