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
export const PAGE_SIZE_DEFAULT = 20
export const PAGE_SIZE_MAX = 100
/** Replies returned with one page of top-level comments; larger subtrees load on demand. */
export const REPLIES_PER_PAGE_MAX = 500
export const IDEMPOTENCY_KEY_MAX = 64
/** Request bodies above this size are refused before they are parsed. */
export const BODY_MAX_BYTES = 64 * 1024
