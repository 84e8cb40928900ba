import { ApiError } from '../errors.ts'

// Cloudflare Turnstile's server-side check
// (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/): the token a
// reader's browser got from the Turnstile widget is sent to siteverify with the site's secret.

export const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify'

/** Optional Worker variable: another siteverify endpoint (tests use a local stand-in). */
export type TurnstileEnv = object & { TURNSTILE_VERIFY_URL?: string }

/** siteverify is fast; past this a reader is better told to try again than left waiting. */
const TIMEOUT_MS = 5000

interface SiteverifyAnswer {
  success: boolean
  'error-codes': string[]
}

const isAnswer = (value: unknown): value is SiteverifyAnswer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SiteverifyAnswer).success === 'boolean'

const unreachable = (cause?: unknown) =>
  new ApiError('unavailable', 'The bot check cannot be verified right now. Please try again.', {
    headers: { 'Retry-After': '5' },
    cause,
  })

/**
 * Asks siteverify about `token`. Resolves when it passed; throws 403 challenge_failed when
 * siteverify says no, and 503 unavailable (with Retry-After) when siteverify cannot be reached or
 * answers something else than its JSON, so an outage never turns into a 500 or into a pass.
 */
export async function verifyTurnstile(
  env: TurnstileEnv,
  request: { secret: string; token: string; remoteIp: string | null }
): Promise<void> {
  const form = new FormData()
  form.append('secret', request.secret)
  form.append('response', request.token)
  if (request.remoteIp) form.append('remoteip', request.remoteIp)
  let answer: unknown
  try {
    const res = await fetch(env.TURNSTILE_VERIFY_URL || TURNSTILE_VERIFY_URL, {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    if (!res.ok) throw new Error(`siteverify answered ${res.status}`)
    answer = await res.json()
  } catch (error) {
    console.warn('[parley] Turnstile siteverify failed', String(error))
    throw unreachable(error)
  }
  if (!isAnswer(answer)) throw unreachable()
  if (!answer.success) {
    const codes = Array.isArray(answer['error-codes']) ? answer['error-codes'].join(', ') : ''
    // A wrong secret is the site's fault, not the reader's: say so, as an outage.
    if (/secret/.test(codes)) {
      console.warn(`[parley] Turnstile refused the site's secret: ${codes}`)
      throw unreachable()
    }
    throw new ApiError(
      'challenge_failed',
      `The bot check did not pass${codes ? ` (${codes})` : ''}; please try again`,
      { issues: [{ path: 'body.turnstileToken', message: 'was not accepted by Turnstile' }] }
    )
  }
}
