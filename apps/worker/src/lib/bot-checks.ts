import type { BotCheckSettings } from '@parley/core'
import type { ModerationReason, Verdict } from '../moderation/pipeline.ts'

// The comment form's bot checks (docs/decisions/0017-rate-limits-and-bot-checks.md): a filled
// honeypot or a form sent faster than the site's minimum marks a comment as automated. It is not
// refused: it is stored as spam, so a person caught by mistake (an autofill that filled the trap)
// loses nothing: a moderator sees it in the spam queue, and its author sees it as removed, with
// the reason, and may appeal.

/** Why the submission looks automated, or null. API clients that send neither field pass. */
export function botCheckReason(
  input: { honeypot?: string; elapsedMs?: number },
  settings: BotCheckSettings
): ModerationReason | null {
  if (input.honeypot !== undefined && input.honeypot !== '') {
    return { signal: 'bot_check', detail: 'the hidden honeypot field was filled', weight: 0 }
  }
  const minMs = settings.minSubmitSeconds * 1000
  if (input.elapsedMs !== undefined && minMs > 0 && input.elapsedMs < minMs) {
    const seconds = (input.elapsedMs / 1000).toFixed(1)
    return {
      signal: 'bot_check',
      detail: `sent ${seconds} s after the form appeared (minimum ${settings.minSubmitSeconds} s)`,
      weight: 0,
    }
  }
  return null
}

/** The pipeline's verdict, turned into a rejection (stored as spam) when a bot check failed. */
export function withBotChecks(
  verdict: Verdict,
  input: { honeypot?: string; elapsedMs?: number },
  settings: BotCheckSettings
): Verdict {
  const reason = botCheckReason(input, settings)
  return reason
    ? { ...verdict, decision: 'reject', reasons: [...verdict.reasons, reason] }
    : verdict
}
