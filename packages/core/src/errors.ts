import { z } from 'zod'

/** Stable machine codes. The widget maps each to a localized message, so never rename one. */
export const ERROR_CODES = [
  'invalid_input',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'forbidden_origin',
  'not_found',
  'site_not_found',
  'thread_not_found',
  'poll_not_found',
  'comment_not_found',
  'parent_not_found',
  'invalid_option',
  'reaction_not_allowed',
  'poll_closed',
  'poll_not_open',
  'vote_locked',
  'too_many_choices',
  'option_has_votes',
  'edit_window_closed',
  'already_reported',
  'comment_deleted',
  'banned',
  'challenge_required',
  'challenge_failed',
  'not_removed',
  'appeal_exists',
  'network_unknown',
  'expert_not_found',
  'invitation_invalid',
  'invitation_expired',
  'already_answered',
  'sign_in_required',
  'sso_token_invalid',
  'sso_not_configured',
  'conflict',
  'method_not_allowed',
  'rate_limited',
  'unavailable',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  forbidden_origin: 403,
  not_found: 404,
  site_not_found: 404,
  thread_not_found: 404,
  poll_not_found: 404,
  comment_not_found: 404,
  parent_not_found: 422,
  invalid_option: 422,
  reaction_not_allowed: 422,
  poll_closed: 409,
  poll_not_open: 409,
  vote_locked: 409,
  too_many_choices: 422,
  option_has_votes: 409,
  edit_window_closed: 409,
  already_reported: 409,
  comment_deleted: 409,
  banned: 403,
  challenge_required: 400,
  challenge_failed: 403,
  not_removed: 409,
  appeal_exists: 409,
  network_unknown: 422,
  expert_not_found: 404,
  invitation_invalid: 404,
  invitation_expired: 410,
  already_answered: 409,
  sign_in_required: 403,
  sso_token_invalid: 401,
  sso_not_configured: 409,
  conflict: 409,
  method_not_allowed: 405,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
}

export const ErrorIssueSchema = z
  .object({
    path: z.string().meta({ description: 'Dotted path of the offending field, e.g. "body.text"' }),
    message: z.string(),
  })
  .meta({ id: 'ErrorIssue' })

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      issues: z.array(ErrorIssueSchema).optional(),
    }),
  })
  .meta({ id: 'ErrorBody' })

export type ErrorIssue = z.infer<typeof ErrorIssueSchema>
export type ErrorBody = z.infer<typeof ErrorBodySchema>
