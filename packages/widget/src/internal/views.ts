import type { Comment, Poll } from '@parley/core'
import { REPLY_INDENT_MAX } from '@parley/core/limits'
import type { ReactiveElement } from 'lit'
import type { ThreadStore } from '../state/thread-store.ts'
import { type Extras, loadExtras } from './lazy.ts'

// The views that only some threads show come with the extras module (src/extras/views.ts). An
// element whose data needs one loads it before it reveals its content, so nothing moves once it
// shows; if the module cannot be loaded (offline), it shows the rest without them.

/** The extras module once loaded, null if it could not be, undefined until then. */
let views: Extras | null | undefined
let loading: Promise<void> | undefined

/** The views, when they are there. */
export const getViews = () => views

/**
 * The views, and if `needed` while they are not loaded yet, loads them and updates `el` then.
 */
export function viewsFor(el: ReactiveElement, needed: unknown): Extras | null | undefined {
  if (needed && views === undefined) void needViews().then(() => el.requestUpdate())
  return views
}

/** Loads the views once; settles (never rejects) when they are there or cannot be loaded. */
export const needViews = (): Promise<void> =>
  (loading ??= loadExtras().then(
    (m) => void (views = m),
    () => {
      // Shown without them; a later call (opening a form) tries again.
      views = null
      loading = undefined
    }
  ))

/**
 * Whether a comment at `depth`, or one of its replies, shows something that comes with the views
 * (replies below the deepest indentation say whom they answer).
 */
export const commentNeedsViews = (c: Comment, depth: number): unknown =>
  c.deleted ||
  c.status !== 'published' ||
  c.editedAt ||
  (depth >= REPLY_INDENT_MAX && c.replies[0]) ||
  c.stance ||
  c.pinned ||
  c.author.badges[0] ||
  c.expertResponses[0] ||
  c.replies.some((r) => commentNeedsViews(r, depth + 1))

/** Whether a thread's list, or the Featured section above it or the form, shows a view. */
export const threadNeedsViews = ({ info, comments }: ThreadStore): unknown =>
  info?.featured[0] ||
  info?.stances ||
  info?.reactions?.available?.[0] ||
  info?.signIn?.comment === 'required' ||
  Object.keys(info?.languages ?? {})[1] ||
  comments.some((c) => commentNeedsViews(c, 0))

/** Whether a poll shows a note (schedule, withheld results, a final vote) or a choice hint. */
export const pollNeedsViews = (p: Poll): unknown =>
  p.status !== 'open' ||
  p.closesAt ||
  p.resultsStatus !== 'visible' ||
  !p.allowVoteChange ||
  p.kind === 'multiple'
