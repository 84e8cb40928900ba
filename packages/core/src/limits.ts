// Plain constants, free of zod, so the widget can import them without pulling the schema library
// into the script-tag bundle.

export const DISPLAY_NAME_MIN = 1
export const DISPLAY_NAME_MAX = 50
export const COMMENT_TEXT_MIN = 1
export const COMMENT_TEXT_MAX = 5000
export const SITE_ID_MAX = 64
export const THREAD_KEY_MAX = 200
export const POLL_KEY_MAX = 64
export const POLL_OPTIONS_MIN = 2
export const POLL_OPTIONS_MAX = 10
/** Options a poll may keep in all, hidden ones included (hidden options keep their votes). */
export const POLL_OPTIONS_STORED_MAX = 20
export const POLL_QUESTION_MAX = 300
export const POLL_OPTION_LABEL_MAX = 100
export const PAGE_SIZE_DEFAULT = 20
export const PAGE_SIZE_MAX = 100
/**
 * Longest `cursor` of GET …/comments. A balanced-sort cursor keeps a position per stance group:
 * up to POLL_OPTIONS_STORED_MAX options and "none", 21 (rank, comment id) pairs.
 */
export const COMMENTS_CURSOR_MAX = 4096
export const IDEMPOTENCY_KEY_MAX = 64
/** Request bodies above this size are refused before they are parsed. */
export const BODY_MAX_BYTES = 64 * 1024
/** How long the author may edit a comment after posting it. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000
/** Replies shown with their top-level comment; the rest of a larger subtree loads on demand. */
export const REPLIES_INLINE_MAX = 50
/** Replies are indented up to this depth; deeper ones render at it with "in reply to NAME". */
export const REPLY_INDENT_MAX = 3
/** Threads per GET …/counts request. */
export const COUNTS_THREADS_MAX = 50
export const REPORT_NOTE_MAX = 500
/** Reactions a site may offer. */
export const REACTIONS_MAX = 12
/** The set readers knew from the Facebook plugin: like, love, haha, wow, sad, angry. */
export const DEFAULT_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '😠'] as const
/** Why a reader reports a comment; "abuse" covers abuse and hate. */
export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]
/** Author badges; the poll stance is a separate field. */
export const BADGES = ['author', 'expert', 'verified'] as const
export type Badge = (typeof BADGES)[number]
/**
 * The default rate limits (site setting rateLimits), per action: per reader token, per hashed
 * network address and per site. Network limits are loose because a household, an office or a
 * mobile carrier's NAT share one address; site limits stop a distributed flood. Reader tokens
 * and notices are sent without a reader token, so they have no per-reader limit.
 */
export const DEFAULT_RATE_LIMITS = {
  readers: {
    network: { max: 60, windowSeconds: 3600 },
    site: { max: 20_000, windowSeconds: 3600 },
  },
  comments: {
    reader: { max: 10, windowSeconds: 600 },
    network: { max: 60, windowSeconds: 600 },
    site: { max: 3000, windowSeconds: 600 },
  },
  edits: {
    reader: { max: 30, windowSeconds: 600 },
    network: { max: 120, windowSeconds: 600 },
    site: { max: 3000, windowSeconds: 600 },
  },
  deletes: {
    reader: { max: 30, windowSeconds: 600 },
    network: { max: 120, windowSeconds: 600 },
    site: { max: 3000, windowSeconds: 600 },
  },
  reactions: {
    reader: { max: 60, windowSeconds: 60 },
    network: { max: 300, windowSeconds: 60 },
    site: { max: 10_000, windowSeconds: 60 },
  },
  reports: {
    reader: { max: 20, windowSeconds: 3600 },
    network: { max: 100, windowSeconds: 3600 },
    site: { max: 2000, windowSeconds: 3600 },
  },
  votes: {
    reader: { max: 10, windowSeconds: 60 },
    network: { max: 120, windowSeconds: 60 },
    site: { max: 6000, windowSeconds: 60 },
  },
  notices: {
    network: { max: 20, windowSeconds: 3600 },
    site: { max: 1000, windowSeconds: 3600 },
  },
  appeals: {
    reader: { max: 10, windowSeconds: 3600 },
    network: { max: 50, windowSeconds: 3600 },
    site: { max: 500, windowSeconds: 3600 },
  },
} as const

type RateLimitActions = typeof DEFAULT_RATE_LIMITS
type Action = keyof RateLimitActions

/**
 * DEFAULT_RATE_LIMITS with every limit but those of `keep` out of reach (a million a minute), for
 * load benchmarks and end-to-end suites: all their requests come from one network, often with one
 * reader, so the defaults would answer 429 halfway through. The limits themselves are proven by
 * the Worker's tests.
 */
export function rateLimitsOutOfReach(keep: Action[] = []): {
  [A in Action]: { [S in keyof RateLimitActions[A]]: { max: number; windowSeconds: number } }
} {
  const wide = { max: 1_000_000, windowSeconds: 60 }
  const entries = Object.entries(DEFAULT_RATE_LIMITS).map(([action, subjects]) => [
    action,
    keep.includes(action as Action)
      ? subjects
      : Object.fromEntries(Object.keys(subjects).map((subject) => [subject, wide])),
  ])
  return Object.fromEntries(entries) as ReturnType<typeof rateLimitsOutOfReach>
}

/** Longest Cloudflare Turnstile token accepted. */
export const TURNSTILE_TOKEN_MAX = 2048
/** Longest honeypot value accepted (anything but "" marks a bot). */
export const HONEYPOT_MAX = 2000
/** Banned terms a site may list, and the longest one. */
export const BANNED_TERMS_MAX = 1000
export const BANNED_TERM_MAX = 64
/** Why a moderator removed a comment; shown on its tombstone and in the statement of reasons. */
export const REMOVAL_REASONS = [
  'spam',
  'hate',
  'harassment',
  'illegal',
  'off_topic',
  'other',
] as const
export type RemovalReason = (typeof REMOVAL_REASONS)[number]
/** What the author and the public see of a comment's moderation state. */
export const COMMENT_STATUSES = ['published', 'pending', 'removed'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]
export const STATEMENT_MAX = 2000
export const EXPERT_RESPONSE_MAX = 10000
/** Expert responses and pinned comments shown at the top of a thread. */
export const FEATURED_MAX = 10
export const PINNED_MAX = 5
export const NOTICE_LAW_MAX = 200
export const NOTICE_EXPLANATION_MAX = 5000
export const APPEAL_TEXT_MAX = 2000
