import { enFormErrors, enForms } from './en-forms.ts'
import { plural, type Translation } from './translation.ts'

const n = (value: number) => value.toLocaleString('en')
/** An English counted message: English has only the plural forms "one" and "other". */
const counted =
  (one: string, other: string) =>
  (count: number): string =>
    plural('en', count, { one, other })

export const en: Translation = {
  ...enForms,
  $code: 'en',
  $dir: 'ltr',

  loadingPoll: 'Loading poll…',
  vote: 'Vote',
  changeVote: 'Change vote',
  withdrawVote: 'Withdraw vote',
  yourVote: 'Your vote',
  voteRecorded: 'Vote recorded',
  voteWithdrawn: 'Vote withdrawn',
  votes: counted('# vote', '# votes'),
  total: (votes, voters) =>
    en.votes(votes) + (votes === voters ? '' : counted(' from # voter', ' from # voters')(voters)),
  chooseOne: 'Please choose an option.',

  name: 'Name',
  nameHelp: 'Shown next to your comment.',
  comment: 'Comment',
  commentHelp: (max) =>
    `Up to ${n(max)} characters. Links, *emphasis*, **bold**, > quotes and \`code\` are formatted.`,
  commentEmpty: 'Please write a comment.',
  postComment: 'Post comment',
  cancel: 'Cancel',
  yourData: 'Your data',
  commentPosted: 'Comment posted',
  commentHeld: 'Comment awaiting review',
  draftKept: 'Your comment was not posted yet; it is saved on this device.',
  tryAgain: 'Try again',

  commentsHeading: 'Comments',
  comments: counted('# comment', '# comments'),
  loadingComments: 'Loading comments…',
  noComments: 'No comments yet. Start the discussion.',
  loadMore: 'Load more comments',
  reply: 'Reply',
  sortBy: 'Sort by',
  sorts: { newest: 'Newest', oldest: 'Oldest', top: 'Top', balanced: 'Balanced' },
  count: (count) => (count ? en.comments(count) : 'No comments yet'),

  showReplies: counted('Show # reply', 'Show # replies'),
  hideReplies: counted('Hide # reply', 'Hide # replies'),
  moreReplies: counted('Show # more reply', 'Show # more replies'),
  moreRepliesShown: 'More replies shown',

  edit: 'Edit',
  delete: 'Delete',
  report: 'Report',
  reported: 'Reported',

  errors: {
    ...enFormErrors,
    unauthorized: 'Your session has expired. Please try again.',
    forbidden_origin: 'Parley is not enabled for this website.',
    not_found: 'This could not be found.',
    site_not_found: 'This website is not set up for Parley.',
    thread_not_found: 'This discussion does not exist.',
    poll_not_found: 'This poll does not exist.',
    rate_limited: 'Too many requests. Please wait a moment and try again.',
    unavailable: 'Parley cannot be reached right now. Check your connection and try again.',
    internal: 'Something went wrong on our side. Please try again.',
  },
}
