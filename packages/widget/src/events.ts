import type { Comment, ErrorCode } from '@parley/core'

/** The detail of each public Parley event. All bubble and cross shadow roots (composed). */
export interface ParleyEventDetails {
  /** A reader voted (or changed their vote) and the server accepted it. */
  'parley-vote': { pollId: string; optionId: string }
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
