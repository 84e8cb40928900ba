import {
  CommentPageSchema,
  PAGE_SIZE_MAX,
  ReplyPageSchema,
  type Comment,
  type CommentSort,
} from '@parley/core'
import { nestReplies } from '@parley/core/tree'
import { api, commentPath, commentsPath, expectBody, SITE } from './helpers.ts'

// A reader's full walk of a thread, as the widget makes it: every page of the listing, then for
// each top-level comment every page of …/replies, nested under the replies already there. A
// comment is reachable when it sits in the resulting trees, its whole path to the top included:
// nestReplies leaves out a reply whose parent is missing, and so does the widget.

/** Every page of a sort, then each top-level comment's replies route, nested. */
export async function walkThread(
  thread: string,
  options: { sort?: CommentSort; token?: string; site?: string } = {}
): Promise<Comment[]> {
  const { sort = 'newest', token, site = SITE } = options
  const top: Comment[] = []
  let cursor: string | null = null
  do {
    const qs = new URLSearchParams({ sort, limit: String(PAGE_SIZE_MAX) })
    if (cursor) qs.set('cursor', cursor)
    const res = await api(`${commentsPath(thread, site)}?${qs}`, { token })
    const page = await expectBody(res, 200, CommentPageSchema)
    top.push(...page.comments)
    cursor = page.nextCursor
  } while (cursor)
  for (const comment of top) {
    let after: string | null = null
    do {
      const qs = new URLSearchParams({ limit: String(PAGE_SIZE_MAX) })
      if (after) qs.set('cursor', after)
      const res = await api(`${commentPath(comment.id, site)}/replies?${qs}`, { token })
      const page = await expectBody(res, 200, ReplyPageSchema)
      nestReplies([comment], page.replies)
      after = page.nextCursor
    } while (after)
  }
  return top
}

/** The ids in the trees, each with how often it occurs (a walk must list each once). */
export function idsOf(trees: Comment[], into = new Map<string, number>()): Map<string, number> {
  for (const comment of trees) {
    into.set(comment.id, (into.get(comment.id) ?? 0) + 1)
    idsOf(comment.replies, into)
  }
  return into
}

/** The comment with this id in the trees, if reachable. */
export function reached(trees: Comment[], id: string): Comment | undefined {
  for (const comment of trees) {
    if (comment.id === id) return comment
    const found = reached(comment.replies, id)
    if (found) return found
  }
  return undefined
}
