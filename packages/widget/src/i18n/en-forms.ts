import { plural, type Translation } from './translation.ts'

const n = (value: number) => value.toLocaleString('en')
/** A count in brackets after a label, or nothing when it is not known (null). */
const inParens = (count: number | null) => (count === null ? '' : ` (${n(count)})`)

/**
 * The strings of what a reader rarely opens, loaded on first use (src/extras): the forms
 * (forms.ts) and the "Your data" panel (your-data.ts); and of what only some threads show,
 * loaded before it shows (views.ts).
 */
export type FormStrings = Pick<
  Translation,
  | 'editComment'
  | 'save'
  | 'commentUpdated'
  | 'deleteConfirm'
  | 'deleteComment'
  | 'commentDeleted'
  | 'reportReason'
  | 'reasons'
  | 'reportNote'
  | 'sendReport'
  | 'reportSent'
  | 'statement'
  | 'appeal'
  | 'appeals'
  | 'appealLabel'
  | 'sendAppeal'
  | 'appealSent'
  | 'illegal'
  | 'noticeHelp'
  | 'noticeLaw'
  | 'noticeExplanation'
  | 'noticeName'
  | 'noticeEmail'
  | 'noticeGoodFaith'
  | 'sendNotice'
  | 'noticeSent'
  | 'dataIntro'
  | 'dataDownload'
  | 'dataDownloaded'
  | 'dataNothing'
  | 'dataErase'
  | 'dataConfirm'
  | 'dataConfirmErase'
  | 'dataErased'
  | 'close'
  | 'featured'
  | 'expertResponse'
  | 'awaitingReview'
  | 'pendingNote'
  | 'removed'
  | 'removalReasons'
  | 'voted'
  | 'language'
  | 'allLanguages'
  | 'languageOption'
  | 'stance'
  | 'allStances'
  | 'stanceOption'
  | 'noStance'
  | 'showStance'
  | 'signInToComment'
  | 'signIn'
  | 'opens'
  | 'closes'
  | 'closed'
  | 'resultsAfterVote'
  | 'resultsAfterClose'
  | 'locked'
  | 'chooseUpTo'
  | 'choiceLimit'
  | 'badges'
  | 'pinned'
  | 'reactions'
  | 'reactionNames'
  | 'reactionCount'
  | 'reacted'
  | 'reactionRemoved'
  | 'edited'
  | 'inReplyTo'
  | 'deleted'
  | 'retryIn'
>

/**
 * Error codes that only the lazily loaded code meets: the edit, delete, report and appeal forms,
 * and Turnstile (loaded with them on sites that ask for it); and those only a failed action
 * meets (posting, voting, reacting), whose English ParleyElement.run loads before it shows one.
 */
export type FormErrorCode =
  | 'forbidden'
  | 'edit_window_closed'
  | 'already_reported'
  | 'not_removed'
  | 'appeal_exists'
  | 'challenge_required'
  | 'challenge_failed'
  | 'invalid_input'
  | 'payload_too_large'
  | 'comment_not_found'
  | 'parent_not_found'
  | 'invalid_option'
  | 'reaction_not_allowed'
  | 'poll_closed'
  | 'poll_not_open'
  | 'vote_locked'
  | 'too_many_choices'
  | 'comment_deleted'
  | 'banned'
  | 'sign_in_required'
  | 'conflict'

/**
 * English for the forms and the "Your data" panel: part of `en`, and in the script-tag bundle
 * shipped with parley-extras.js instead (see vite.config.ts and src/embed/en-forms.ts).
 */
export const enForms: FormStrings = {
  editComment: 'Edit comment',
  save: 'Save',
  commentUpdated: 'Comment updated',
  deleteConfirm: 'Delete this comment?',
  deleteComment: 'Delete comment',
  commentDeleted: 'Comment deleted',
  reportReason: 'Why are you reporting this comment?',
  reasons: { spam: 'Spam', abuse: 'Abuse or hate', off_topic: 'Off-topic', other: 'Other' },
  reportNote: 'Details (optional)',
  sendReport: 'Send report',
  reportSent: 'Thank you. A moderator will review this comment.',
  statement: 'Statement of reasons',
  appeal: 'Appeal',
  appeals: {
    open: 'Your appeal is being reviewed.',
    upheld: 'Your appeal was reviewed and the decision stands.',
    reversed: 'Your appeal was accepted.',
  },
  appealLabel: 'Why should this decision be reversed?',
  sendAppeal: 'Send appeal',
  appealSent: 'Appeal sent. A moderator will review it.',
  illegal: 'Illegal content (EU law)',
  noticeHelp:
    'A notice under the EU Digital Services Act. The site reviews it and tells you its decision by email.',
  noticeLaw: 'Which law does it break?',
  noticeExplanation: 'Why is it illegal?',
  noticeName: 'Your name',
  noticeEmail: 'Your email',
  noticeGoodFaith: 'I confirm in good faith that this notice is accurate and complete.',
  sendNotice: 'Send notice',
  noticeSent: 'Thank you. Your notice was sent.',
  dataIntro:
    'What you write, vote and react here is stored under an anonymous id kept on this device. No cookies are used.',
  dataDownload: 'Download my data',
  dataDownloaded: 'Your data was downloaded.',
  dataNothing: 'Nothing is stored about you on this site.',
  dataErase: 'Delete my data',
  dataConfirm:
    'Delete your comments, votes, reactions and reports on this site? Comments others replied to stay as “deleted”. This cannot be undone.',
  dataConfirmErase: 'Delete everything',
  dataErased: 'Your data was deleted.',
  close: 'Close',

  featured: 'Featured',
  expertResponse: 'Expert response',
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
  voted: (label) => `Voted: ${label}`,
  language: 'Language',
  allLanguages: 'All languages',
  languageOption: (name, count) => `${name} (${n(count)})`,
  stance: 'Stance',
  allStances: 'All stances',
  stanceOption: (label, count) => `Voted ${label}${inParens(count)}`,
  noStance: (count) => `No vote shown${inParens(count)}`,
  showStance: (label) => `Show my vote (“${label}”) with my comment`,
  signInToComment: 'Sign in to comment.',
  signIn: 'Sign in',
  opens: (date) => `Voting opens on ${date}`,
  closes: (when) => `Closes ${when}`,
  closed: 'Voting closed',
  resultsAfterVote: 'Results appear after you vote',
  resultsAfterClose: (date) => `Results appear when voting closes${date && ` on ${date}`}`,
  locked: 'Votes in this poll are final.',
  chooseUpTo: (count) =>
    plural('en', count, { one: 'Choose # option.', other: 'Choose up to # options.' }),
  choiceLimit: 'Uncheck one to choose another.',
  badges: { author: 'Article author', expert: 'Expert', verified: 'Verified' },
  pinned: 'Pinned',
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
  edited: '(edited)',
  inReplyTo: (name) => `in reply to ${name || 'a deleted comment'}`,
  deleted: 'This comment was deleted.',
  retryIn: (seconds) => {
    const minutes = seconds >= 90
    const later = new Intl.RelativeTimeFormat('en').format(
      minutes ? Math.ceil(seconds / 60) : seconds,
      minutes ? 'minute' : 'second'
    )
    return `Too many votes. Please try again ${later}.`
  },
}

/** English for FormErrorCode: part of `en.errors`, shipped like `enForms`. */
export const enFormErrors: Pick<Translation['errors'], FormErrorCode> = {
  forbidden: 'Only the author can do that.',
  edit_window_closed: 'Comments can only be edited for 15 minutes after posting.',
  already_reported: 'You already reported this comment.',
  not_removed: 'That comment was not removed.',
  appeal_exists: 'You already appealed this decision.',
  challenge_required: 'Please complete the check that you are not a bot, then try again.',
  challenge_failed: 'The check that you are not a bot did not pass. Please try again.',
  invalid_input: 'Please check what you entered.',
  payload_too_large: 'That is too long to send.',
  comment_not_found: 'That comment no longer exists.',
  parent_not_found: 'The comment you are replying to no longer exists.',
  invalid_option: 'That option is no longer part of this poll.',
  reaction_not_allowed: 'That reaction is not available here.',
  poll_closed: 'This poll is closed.',
  poll_not_open: 'This poll is not open yet.',
  vote_locked: 'Votes in this poll cannot be changed.',
  too_many_choices: 'You chose more options than this poll allows.',
  comment_deleted: 'That comment was deleted.',
  banned: 'You can no longer post on this website.',
  sign_in_required: 'Please sign in to do that.',
  conflict: 'This was already sent with different content.',
}
