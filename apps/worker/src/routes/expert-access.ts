import { getExpertTarget, type ExpertTargetComment } from '../db/expert-responses.ts'
import { ApiError } from '../errors.ts'

// The checks the admin expert routes and the expert's invitation link share.

/**
 * 409 unless readers can see the comment as it was written: a deleted placeholder answers
 * comment_deleted; a held, removed or hidden comment answers conflict. An expert answers what the
 * public reads, nothing else.
 */
export function requireAnswerable(comment: ExpertTargetComment): void {
  if (comment.deleted_at !== null) {
    throw new ApiError('comment_deleted', 'This comment was deleted by its author')
  }
  if (comment.status !== 'published') {
    throw new ApiError(
      'conflict',
      `This comment is ${comment.status === 'pending' ? 'awaiting review' : 'not published'}: only a published comment can get an expert response`
    )
  }
}

/** The comment of this site that an expert may answer: 404 comment_not_found, or 409 (above). */
export async function answerableComment(
  db: D1Database,
  siteId: string,
  id: string
): Promise<ExpertTargetComment> {
  const comment = await getExpertTarget(db, siteId, id)
  if (!comment) throw new ApiError('comment_not_found', `There is no comment ${id} on this site`)
  requireAnswerable(comment)
  return comment
}
