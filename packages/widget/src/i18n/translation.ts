import type { ErrorCode } from '@parley/core'

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
  yourVote: string
  voteRecorded: string
  /** "1 vote", "3 votes" */
  votes: (n: number) => string

  name: string
  nameHelp: string
  comment: string
  commentHelp: (max: number) => string
  commentEmpty: string
  postComment: string
  cancel: string
  commentPosted: string
  /** Shown before the error message when a comment could not be sent. */
  draftKept: string
  tryAgain: string

  /** Heading of the list before the count is known. */
  commentsHeading: string
  /** "1 comment", "12 comments" */
  comments: (n: number) => string
  loadingComments: string
  noComments: string
  loadMore: string
  reply: string
  inReplyTo: (name: string) => string
  /** Accessible label of one reaction count, e.g. "3 reactions: 👍". */
  reactions: (n: number, emoji: string) => string

  errors: Record<ErrorCode, string>
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
  return form.replace('#', new Intl.NumberFormat(locale).format(n))
}
