// Prints the settings start-worker.sh gives the demo site for the suite (a JSON merge patch for
// `site:add --settings`). Plain Node 22 (type stripping): erasable TypeScript only.
//
// - botChecks.minSubmitSeconds 0: Playwright fills and sends a comment form within milliseconds,
//   which the bot check would store as spam. bot-checks.spec.ts turns it back on to prove it.
// - Rate limits out of reach: every request of the suite comes from 127.0.0.1, one network, and
//   many tests post with one reader, so the defaults (60 comments per network in 10 minutes, 60
//   new readers per network an hour) would answer 429 halfway through. The limits themselves are
//   proven by the Worker's tests (apps/worker/test/rate-limits*.test.ts).
import { rateLimitsOutOfReach } from '@parley/core/limits'

console.log(
  JSON.stringify({ botChecks: { minSubmitSeconds: 0 }, rateLimits: rateLimitsOutOfReach() })
)
