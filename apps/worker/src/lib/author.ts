/** Who writes a comment, as stored on it. */
export interface CommentAuthor {
  readerId: string
  name: string
}

/**
 * The one place that decides who the author of a new comment is. Today that is the anonymous
 * reader of the token, under the name they typed. Publisher sign-in (a JWT signed by the site, the
 * security issue) will resolve a verified user here instead, whose id and name come from the
 * token, without the routes changing.
 */
export function commentAuthor(readerId: string, typedName: string): CommentAuthor {
  return { readerId, name: typedName }
}
