import { enForms } from './en-forms.ts'
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
  chooseUpTo: counted('Choose # option.', 'Choose up to # options.'),
  choiceLimit: 'Uncheck one to choose another.',
  chooseOne: 'Please choose an option.',
  opens: (date) => `Voting opens on ${date}`,
  closes: (when) => `Closes ${when}`,
  closed: 'Voting closed',
  resultsAfterVote: 'Results appear after you vote',
  resultsAfterClose: (date) => `Results appear when voting closes${date && ` on ${date}`}`,
  locked: 'Votes in this poll are final.',
  retryIn: (seconds) => {
    const minutes = seconds >= 90
    const later = new Intl.RelativeTimeFormat('en').format(
      minutes ? Math.ceil(seconds / 60) : seconds,
      minutes ? 'minute' : 'second'
    )
    return `Too many votes. Please try again ${later}.`
  },

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
  inReplyTo: (name) => `in reply to ${name || 'a deleted comment'}`,
  sortBy: 'Sort by',
  sorts: { newest: 'Newest', oldest: 'Oldest', top: 'Top', balanced: 'Balanced' },
  language: 'Language',
  allLanguages: 'All languages',
  languageOption: (name, count) => `${name} (${n(count)})`,
  stance: 'Stance',
  allStances: 'All stances',
  stanceOption: (label, count) => `Voted ${label} (${n(count)})`,
  noStance: (count) => `No vote shown (${n(count)})`,
  voted: (label) => `Voted: ${label}`,
  showStance: (label) => `Show my vote (“${label}”) with my comment`,
  count: (count) => (count ? en.comments(count) : 'No comments yet'),

  badges: { author: 'Article author', expert: 'Expert', verified: 'Verified' },
  edited: '(edited)',
  deleted: 'This comment was deleted.',
  showReplies: counted('Show # reply', 'Show # replies'),
  hideReplies: 'Hide replies',
  moreReplies: counted('Show # more reply', 'Show # more replies'),
  moreRepliesShown: 'More replies shown',

  reactions: 'Reactions',
  reactionNames: {
    '👍': 'Like',
    '❤️': 'Love',
    '😂': 'Haha',
    '😮': 'Wow',
    '😢': 'Sad',
    '😠': 'Angry',
  },
  reactionCount: (name, count) => `${name}, ${n(count)}`,
  reacted: (name) => `You reacted: ${name}`,
  reactionRemoved: 'Reaction removed',

  edit: 'Edit',
  delete: 'Delete',
  report: 'Report',
  reported: 'Reported',

  pinned: 'Pinned',
  awaitingReview: 'Awaiting review',
  pendingNote: 'Only you can see this comment until a moderator approves it.',
  removed: (reason) => `Removed by a moderator. Reason: ${reason}.`,
  removalReasons: {
    spam: 'spam',
    hate: 'hate speech',
    harassment: 'harassment',
    illegal: 'illegal content',
    off_topic: 'off-topic',
    other: 'other',
  },
  expertResponse: 'Expert response',
  featured: 'Featured',

  errors: {
    invalid_input: 'Please check what you entered.',
    payload_too_large: 'That is too long to send.',
    unauthorized: 'Your session has expired. Please try again.',
    forbidden: 'Only the author can do that.',
    forbidden_origin: 'Parley is not enabled for this website.',
    not_found: 'This could not be found.',
    site_not_found: 'This website is not set up for Parley.',
    thread_not_found: 'This discussion does not exist.',
    poll_not_found: 'This poll does not exist.',
    comment_not_found: 'That comment no longer exists.',
    parent_not_found: 'The comment you are replying to no longer exists.',
    invalid_option: 'That option is no longer part of this poll.',
    reaction_not_allowed: 'That reaction is not available here.',
    poll_closed: 'This poll is closed.',
    poll_not_open: 'This poll is not open yet.',
    vote_locked: 'Votes in this poll cannot be changed.',
    too_many_choices: 'You chose more options than this poll allows.',
    edit_window_closed: 'Comments can only be edited for 15 minutes after posting.',
    already_reported: 'You already reported this comment.',
    comment_deleted: 'That comment was deleted.',
    banned: 'You can no longer post on this website.',
    challenge_required: 'Please complete the check that you are not a bot, then try again.',
    challenge_failed: 'The check that you are not a bot did not pass. Please try again.',
    not_removed: 'That comment was not removed.',
    appeal_exists: 'You already appealed this decision.',
    sign_in_required: 'Please sign in to do that.',
    conflict: 'This was already sent with different content.',
    rate_limited: 'Too many requests. Please wait a moment and try again.',
    unavailable: 'Parley cannot be reached right now. Check your connection and try again.',
    internal: 'Something went wrong on our side. Please try again.',
  },
}
