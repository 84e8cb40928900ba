import { rateLimit } from './rate-limit.ts'

/**
 * Counts every request that changes a vote against the site's rateLimits.votes (per reader, per
 * hashed network, per site): 429 rate_limited with Retry-After once one is spent. Runs after
 * requireReader.
 */
export const limitVotes = rateLimit('votes')
