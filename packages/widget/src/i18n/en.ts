import { plural, type Translation } from './translation.ts'

const n = (value: number) => new Intl.NumberFormat('en').format(value)

export const en: Translation = {
  $code: 'en',
  $dir: 'ltr',

  loadingPoll: 'Loading poll…',
  vote: 'Vote',
  changeVote: 'Change vote',
  yourVote: 'Your vote',
  voteRecorded: 'Vote recorded',
  votes: (count) => plural('en', count, { one: '# vote', other: '# votes' }),

  name: 'Name',
  nameHelp: 'Shown next to your comment.',
  comment: 'Comment',
  commentHelp: (max) => `Plain text, up to ${n(max)} characters.`,
  commentEmpty: 'Please write a comment.',
  postComment: 'Post comment',
  cancel: 'Cancel',
  commentPosted: 'Comment posted',
  draftKept: 'Your comment was not posted yet; it is saved on this device.',
  tryAgain: 'Try again',

  commentsHeading: 'Comments',
  comments: (count) => plural('en', count, { one: '# comment', other: '# comments' }),
  loadingComments: 'Loading comments…',
  noComments: 'No comments yet. Start the discussion.',
  loadMore: 'Load more comments',
  reply: 'Reply',
  inReplyTo: (name) => `In reply to ${name}`,
  reactions: (count, emoji) =>
    `${plural('en', count, { one: '# reaction', other: '# reactions' })}: ${emoji}`,

  errors: {
    invalid_input: 'Please check what you entered.',
    invalid_json: 'The request could not be read. Please try again.',
    unsupported_media_type: 'The request could not be read. Please try again.',
    payload_too_large: 'That is too long to send.',
    unauthorized: 'Your session has expired. Please try again.',
    forbidden_origin: 'Parley is not enabled for this website.',
    not_found: 'This could not be found.',
    site_not_found: 'This website is not set up for Parley.',
    thread_not_found: 'This discussion does not exist.',
    poll_not_found: 'This poll does not exist.',
    comment_not_found: 'That comment no longer exists.',
    parent_not_found: 'The comment you are replying to no longer exists.',
    invalid_option: 'That option is not part of this poll.',
    poll_closed: 'This poll is closed.',
    conflict: 'This was already sent with different content.',
    method_not_allowed: 'That action is not allowed.',
    rate_limited: 'Too many requests. Please wait a moment and try again.',
    unavailable: 'Parley cannot be reached right now. Check your connection and try again.',
    internal: 'Something went wrong on our side. Please try again.',
  },
}
