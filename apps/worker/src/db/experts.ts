import type { AdminExpert, Expert } from '@parley/core'

// The experts a site puts readers' questions to. "Deleting" one archives it: its responses stay
// under the comments they answer, it gets no new ones, and its open invitations are revoked.

export interface ExpertRow {
  id: string
  site_id: string
  name: string
  title: string
  organisation: string
  photo_url: string | null
  created_at: number
  archived_at: number | null
  response_count: number
}

const iso = (ms: number) => new Date(ms).toISOString()

export const rowToExpert = (
  row: Pick<ExpertRow, 'id' | 'name' | 'title' | 'organisation' | 'photo_url'>
): Expert => ({
  id: row.id,
  name: row.name,
  title: row.title,
  organisation: row.organisation,
  photoUrl: row.photo_url,
})

/** The expert_* columns of a row that joins its expert. */
export interface JoinedExpertColumns {
  expert_id: string
  expert_name: string
  expert_title: string
  expert_organisation: string
  expert_photo_url: string | null
}

export const joinedExpert = (row: JoinedExpertColumns): Expert =>
  rowToExpert({
    id: row.expert_id,
    name: row.expert_name,
    title: row.expert_title,
    organisation: row.expert_organisation,
    photo_url: row.expert_photo_url,
  })

export const rowToAdminExpert = (row: ExpertRow): AdminExpert => ({
  ...rowToExpert(row),
  createdAt: iso(row.created_at),
  archivedAt: row.archived_at === null ? null : iso(row.archived_at),
  responseCount: row.response_count,
})

const COLUMNS = `e.id, e.site_id, e.name, e.title, e.organisation, e.photo_url, e.created_at,
  e.archived_at, (SELECT COUNT(*) FROM expert_responses r WHERE r.expert_id = e.id) AS response_count`

const ARCHIVED_FILTER = {
  exclude: 'AND e.archived_at IS NULL',
  include: '',
  only: 'AND e.archived_at IS NOT NULL',
} as const

export async function listExperts(
  db: D1Database,
  siteId: string,
  archived: keyof typeof ARCHIVED_FILTER
): Promise<ExpertRow[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM experts e WHERE e.site_id = ?1 ${ARCHIVED_FILTER[archived]}
       ORDER BY e.name, e.id`
    )
    .bind(siteId)
    .all<ExpertRow>()
  return results
}

/** The expert if it belongs to this site (archived or not), else null. */
export async function getExpert(
  db: D1Database,
  siteId: string,
  id: string
): Promise<ExpertRow | null> {
  return db
    .prepare(`SELECT ${COLUMNS} FROM experts e WHERE e.id = ?1 AND e.site_id = ?2`)
    .bind(id, siteId)
    .first<ExpertRow>()
}

export interface ExpertFields {
  name: string
  title: string
  organisation: string
  photoUrl: string | null
}

export const insertExpertStatement = (
  db: D1Database,
  expert: ExpertFields & { id: string; siteId: string },
  now: number
): D1PreparedStatement =>
  db
    .prepare(
      `INSERT INTO experts (id, site_id, name, title, organisation, photo_url, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`
    )
    .bind(
      expert.id,
      expert.siteId,
      expert.name,
      expert.title,
      expert.organisation,
      expert.photoUrl,
      now
    )

/** Sets the given fields; the others keep their values. */
export const updateExpertStatement = (
  db: D1Database,
  siteId: string,
  id: string,
  edit: Partial<ExpertFields>
): D1PreparedStatement =>
  db
    .prepare(
      `UPDATE experts SET
         name = IFNULL(?3, name), title = IFNULL(?4, title),
         organisation = IFNULL(?5, organisation),
         photo_url = CASE WHEN ?6 THEN ?7 ELSE photo_url END
       WHERE id = ?1 AND site_id = ?2`
    )
    .bind(
      id,
      siteId,
      edit.name ?? null,
      edit.title ?? null,
      edit.organisation ?? null,
      edit.photoUrl !== undefined ? 1 : 0,
      edit.photoUrl ?? null
    )

/**
 * Archives the expert and revokes its open invitations (a link must not outlive the expert's place
 * on the site). Guarded on archived_at, so archiving twice changes nothing.
 */
export const archiveExpertStatements = (
  db: D1Database,
  siteId: string,
  id: string,
  now: number
): D1PreparedStatement[] => [
  db
    .prepare(
      `UPDATE expert_invitations SET revoked_at = ?3
       WHERE expert_id = ?1 AND site_id = ?2 AND answered_at IS NULL AND revoked_at IS NULL
         AND expires_at > ?3`
    )
    .bind(id, siteId, now),
  db
    .prepare(
      'UPDATE experts SET archived_at = ?3 WHERE id = ?1 AND site_id = ?2 AND archived_at IS NULL'
    )
    .bind(id, siteId, now),
]
