import type { Comment, ErrorCode, Poll } from '@parley/core'

/** The detail of each public Parley event. All bubble and cross shadow roots (composed). */
export interface ParleyEventDetails {
  /**
   * The server accepted a vote, a changed vote or a withdrawal: `poll` as it now stands, `choices`
   * the reader's option ids (empty after a withdrawal).
   */
  'parley-vote': { poll: Poll; choices: string[] }
  /** The server accepted a comment or reply. */
  'parley-comment': { comment: Comment }
  /** A request failed; `message` is the localized text shown to the reader. */
  'parley-error': { code: ErrorCode; message: string }
}

export type ParleyVoteEvent = CustomEvent<ParleyEventDetails['parley-vote']>
export type ParleyCommentEvent = CustomEvent<ParleyEventDetails['parley-comment']>
export type ParleyErrorEvent = CustomEvent<ParleyEventDetails['parley-error']>

export function emit<K extends keyof ParleyEventDetails>(
  target: EventTarget,
  type: K,
  detail: ParleyEventDetails[K]
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }))
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-vote': ParleyVoteEvent
    'parley-comment': ParleyCommentEvent
    'parley-error': ParleyErrorEvent
  }
}
