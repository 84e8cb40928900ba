// React components for Parley's custom elements, made with @lit/react. Each wrapper sets
// attributes and properties on the element and turns its events into typed props: onVote,
// onComment, onError (and onCancel on a reply form). Copy this file into your app.
import { createComponent, type EventName } from '@lit/react'
import {
  ParleyComment,
  ParleyCommentForm,
  ParleyComments,
  ParleyCount,
  ParleyDiscussion,
  ParleyPoll,
  type ParleyCommentEvent,
  type ParleyErrorEvent,
  type ParleyVoteEvent,
} from '@parley/widget'
import '@parley/widget/define'
import * as React from 'react'

/**
 * `theme` ("light", "dark" or "auto") is an attribute the elements style by, with no property
 * behind it: React sets it as an attribute, and this adds it to the props' type.
 */
type Themed<C> =
  C extends React.ForwardRefExoticComponent<infer P>
    ? React.ForwardRefExoticComponent<P & { theme?: 'light' | 'dark' | 'auto' }>
    : never
const themed = <C>(component: C) => component as Themed<C>

const onVote = 'parley-vote' as EventName<ParleyVoteEvent>
const onComment = 'parley-comment' as EventName<ParleyCommentEvent>
const onError = 'parley-error' as EventName<ParleyErrorEvent>
const onCancel = 'parley-cancel' as EventName<Event>

export const Discussion = themed(
  createComponent({
    tagName: 'parley-discussion',
    elementClass: ParleyDiscussion,
    react: React,
    events: { onVote, onComment, onError },
  })
)

export const Poll = themed(
  createComponent({
    tagName: 'parley-poll',
    elementClass: ParleyPoll,
    react: React,
    events: { onVote, onError },
  })
)

export const CommentForm = themed(
  createComponent({
    tagName: 'parley-comment-form',
    elementClass: ParleyCommentForm,
    react: React,
    events: { onComment, onError, onCancel },
  })
)

export const Comments = themed(
  createComponent({
    tagName: 'parley-comments',
    elementClass: ParleyComments,
    react: React,
    events: { onComment, onError },
  })
)

export const Comment = themed(
  createComponent({
    tagName: 'parley-comment',
    elementClass: ParleyComment,
    react: React,
    events: { onComment, onError },
  })
)

export const Count = themed(
  createComponent({
    tagName: 'parley-count',
    elementClass: ParleyCount,
    react: React,
    events: { onError },
  })
)
