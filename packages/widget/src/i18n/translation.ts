import type { CommentSort, ErrorCode } from '@parley/core'
import type { Badge, RemovalReason, ReportReason } from '@parley/core/limits'

/**
 * Error codes the widget never gets: only the admin API and the expert's answer page send them,
 * or only requests the widget does not make. A translation may leave them out; the widget would
 * show the message of `internal`.
 */
export type UnseenErrorCode =
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'method_not_allowed'
  | 'option_has_votes'
  | 'network_unknown'
  | 'expert_not_found'
  | 'invitation_invalid'
  | 'invitation_expired'
  | 'already_answered'
  // Publisher sign-in failures: the widget falls back to the anonymous reader and logs why.
  | 'sso_token_invalid'
  | 'sso_not_configured'

/**
 * Every string the widget shows. Counted strings are functions so each locale applies its own
 * plural rules (see `plural`). A new locale implements this interface and is passed to
 * `registerTranslation`.
 */
export interface Translation {
  /** BCP 47 code; also the locale of numbers, dates and plural rules. */
  $code: string
  $dir: 'ltr' | 'rtl'

  loadingPoll: string
  vote: string
  changeVote: string
  withdrawVote: string
  yourVote: string
  voteRecorded: string
  voteWithdrawn: string
  /** "1 vote", "3 votes" */
  votes: (n: number) => string
  /** Under the results: "4 votes", or "7 votes from 4 voters" for a multiple-choice poll. */
  total: (votes: number, voters: number) => string
  /** The hint of a multiple-choice poll: "Choose up to 2 options." */
  chooseUpTo: (n: number) => string
  /** Added to the hint once the limit is reached and the other boxes are disabled. */
  choiceLimit: string
  /** The validation message of a vote without any option chosen. */
  chooseOne: string
  /** `date` is an exact date and time: "Voting opens on 1 March 2026 at 09:00". */
  opens: (date: string) => string
  /** `when` is a relative time: "Closes in 3 days". */
  closes: (when: string) => string
  closed: string
  resultsAfterVote: string
  /** `date` is an exact date and time, or '' when the poll has no closing time. */
  resultsAfterClose: (date: string) => string
  /** Next to the reader's choices in a poll that does not allow changing a vote. */
  locked: string
  /** A 429 with a readable Retry-After: "Too many votes. Please try again in 30 seconds." */
  retryIn: (seconds: number) => string

  name: string
  nameHelp: string
  comment: string
  commentHelp: (max: number) => string
  commentEmpty: string
  postComment: string
  cancel: string
  /** The "Your data" button at the foot of the comments: download or erase what is stored. */
  yourData: string
  /** What the "Your data" panel says first: what is stored, and where the id is kept. */
  dataIntro: string
  dataDownload: string
  dataDownloaded: string
  /** Said when the reader has no token: nothing was ever stored. */
  dataNothing: string
  dataErase: string
  /** The question before an erasure. */
  dataConfirm: string
  dataConfirmErase: string
  dataErased: string
  /** Closes the panel. */
  close: string
  commentPosted: string
  /** Announced instead of `commentPosted` when the comment is held for review. */
  commentHeld: string
  /** Shown before the error message when a comment could not be sent. */
  draftKept: string
  tryAgain: string
  /** Above the comment form of an anonymous reader, on a site where commenting needs sign-in. */
  signInToComment: string
  /** The link to the site's login page (its sign-in setting `loginUrl`), next to that. */
  signIn: string

  /** Heading of the list before the count is known. */
  commentsHeading: string
  /** "1 comment", "12 comments" */
  comments: (n: number) => string
  loadingComments: string
  noComments: string
  loadMore: string
  reply: string
  /** The link from a reply shown flatter than its depth to its parent; name is '' if deleted. */
  inReplyTo: (name: string) => string
  sortBy: string
  sorts: Record<CommentSort, string>
  language: string
  allLanguages: string
  /** One option of the language filter: the language's name and its number of comments. */
  languageOption: (name: string, n: number) => string
  /** Label of the stance filter. */
  stance: string
  /** The stance filter's first option. */
  allStances: string
  /**
   * A stance filter option: an option of the stance poll and its number of comments, or null
   * while the poll withholds its results (the counts would tell how people voted).
   */
  stanceOption: (label: string, n: number | null) => string
  /** The stance filter option for comments that show no vote, with their number (or null). */
  noStance: (n: number | null) => string
  /** The stance badge on a comment, e.g. "Voted: Yes". */
  voted: (label: string) => string
  /** The comment form's checkbox for readers who voted in the stance poll. */
  showStance: (label: string) => string
  /** "No comments yet", "1 comment", "12 comments": the text of <parley-count>. */
  count: (n: number) => string

  badges: Record<Badge, string>
  /** The mark on an edited comment. */
  edited: string
  deleted: string
  /** "Show 1 reply", "Show 4 replies" */
  showReplies: (n: number) => string
  /** "Hide 1 reply", "Hide 4 replies" */
  hideReplies: (n: number) => string
  /** "Show 1 more reply", "Show 20 more replies" */
  moreReplies: (n: number) => string
  /** Announced when "Show N more replies" has loaded them. */
  moreRepliesShown: string

  /** Label of the group of reaction buttons. */
  reactions: string
  /** Names of reactions by emoji; an emoji without a name is read as itself. */
  reactionNames: Record<string, string>
  /** Accessible name of a reaction button when counts are shown, e.g. "Like, 3". */
  reactionCount: (name: string, n: number) => string
  reacted: (name: string) => string
  reactionRemoved: string

  edit: string
  editComment: string
  save: string
  commentUpdated: string
  delete: string
  deleteConfirm: string
  deleteComment: string
  commentDeleted: string
  report: string
  reportReason: string
  reasons: Record<ReportReason, string>
  reportNote: string
  sendReport: string
  reportSent: string
  reported: string

  /** The label of a comment pinned by a moderator. */
  pinned: string
  /** The label of the reader's own comment while it is held for review. */
  awaitingReview: string
  /** Under that label: who sees the comment until then. */
  pendingNote: string
  /** The tombstone of a removed comment: "Removed by a moderator. Reason: spam." */
  removed: (reason: string) => string
  /** The reasons in `removed`, in the middle of a sentence. */
  removalReasons: Record<RemovalReason, string>
  /** Shown to the author above the moderator's statement. */
  statement: string
  /** The author's button to contest a removal, and the label of the appeal form's text. */
  appeal: string
  appealLabel: string
  sendAppeal: string
  appealSent: string
  /** Where the author's appeal stands. */
  appeals: Record<'open' | 'upheld' | 'reversed', string>
  /** The heading of an expert's answer to a comment. */
  expertResponse: string
  /** The heading of the section of comments that experts answered. */
  featured: string
  /** The report form's option that leads to the EU Digital Services Act notice. */
  illegal: string
  /** What a notice is, above its fields. */
  noticeHelp: string
  noticeLaw: string
  noticeExplanation: string
  noticeName: string
  noticeEmail: string
  noticeGoodFaith: string
  sendNotice: string
  noticeSent: string

  errors: Record<Exclude<ErrorCode, UnseenErrorCode>, string> &
    Partial<Record<UnseenErrorCode, string>>
}

/**
 * Picks the plural form of `n` with Intl.PluralRules and puts the formatted number in place of
 * `#`: `plural('en', 1200, { one: '# vote', other: '# votes' })` → "1,200 votes".
 */
export function plural(
  locale: string,
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }
): string {
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other
  return form.replace('#', n.toLocaleString(locale))
}
