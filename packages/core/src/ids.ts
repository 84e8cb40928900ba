import { z } from 'zod'
import { POLL_KEY_MAX, SITE_ID_MAX, THREAD_KEY_MAX } from './limits.ts'

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

export const SiteIdSchema = z
  .string()
  .min(1)
  .max(SITE_ID_MAX)
  .regex(SLUG, 'must be lowercase letters, digits and inner hyphens')
  .meta({ description: 'The publisher site id, e.g. "demo"', example: 'demo' })

/**
 * Publishers choose thread keys, often a page path or CMS id, so they may hold slashes and dots.
 * White space and control characters are refused because keys travel in URLs.
 */
export const ThreadKeySchema = z
  .string()
  .min(1)
  .max(THREAD_KEY_MAX)
  .regex(/^[\p{L}\p{N}._~:/@!$&'()*+,;=-]+$/u, 'must not contain spaces or control characters')
  .meta({ description: 'The page key chosen by the publisher', example: 'europe-trafficking' })

export const PollKeySchema = z
  .string()
  .min(1)
  .max(POLL_KEY_MAX)
  .regex(SLUG, 'must be lowercase letters, digits and inner hyphens')
  .meta({ description: 'The poll key chosen by the publisher', example: 'origin-countries' })

export const CommentIdSchema = z
  .string()
  .regex(/^c_[0-9a-z]{10,40}$/, 'is not a comment id')
  .meta({ description: 'Opaque comment id', example: 'c_01jd2w8z3k9q4r5t6y7u' })

export const OptionIdSchema = z
  .string()
  .regex(/^o_[0-9a-z]{1,40}$/, 'is not an option id')
  .meta({ description: 'Opaque poll option id', example: 'o_1' })

export const SiteParamsSchema = z.object({ site: SiteIdSchema })
export const ThreadParamsSchema = z.object({ site: SiteIdSchema, thread: ThreadKeySchema })
export const PollParamsSchema = z.object({ site: SiteIdSchema, poll: PollKeySchema })
export const CommentParamsSchema = z.object({ site: SiteIdSchema, comment: CommentIdSchema })
