import type { Badge } from '@parley/core'
import { ssoUserOfReader } from '../db/sso.ts'

/** Who writes a comment, as stored on it. */
export interface CommentAuthor {
  readerId: string
  name: string
  badges: Badge[]
}

/**
 * The one place that decides who the author of a new comment is. An anonymous reader writes under
 * the name they typed. A reader signed in by the publisher (SSO) writes under the name of the
 * newest token the publisher signed for them, whatever the form sent, with the 'verified' badge.
 * The name is stored on the comment, so older comments keep the name they were posted (and
 * moderated) under when the publisher's user renames themselves.
 */
export async function commentAuthor(
  db: D1Database,
  siteId: string,
  reader: { readerId: string; signedIn: boolean },
  typedName: string
): Promise<CommentAuthor> {
  const anonymous: CommentAuthor = { readerId: reader.readerId, name: typedName, badges: [] }
  if (!reader.signedIn) return anonymous
  const user = await ssoUserOfReader(db, siteId, reader.readerId)
  // A session outliving its user (erased on request meanwhile) posts as an anonymous reader.
  return user ? { readerId: reader.readerId, name: user.name, badges: ['verified'] } : anonymous
}
