import type { SsoSession } from '@parley/core'
import type { SignIn } from '../internal/auth.ts'

// Publisher sign-in, loaded only on pages that sign readers in (src/internal/auth.ts keeps where
// the tokens come from and who is signed in; this module trades the tokens for sessions).

/**
 * The session token of the site's signed-in user, or null: the page signs nobody in right now,
 * or the exchange failed (logged). A publisher token is exchanged on first use, and again when
 * the server refused `stale` (401: the session expired). Then the page is asked once per refused
 * session, however many requests saw the 401 together.
 */
export async function sessionToken(
  entry: SignIn,
  exchange: (token: string) => Promise<SsoSession>,
  stale?: string
): Promise<string | null> {
  if (!entry.session || (stale && entry.token === stale)) {
    entry.token = undefined
    entry.session = Promise.resolve(entry.source())
      .then((token) => (token ? exchange(token) : undefined))
      .then(
        (session) => ((entry.token = session?.token), (entry.user = session?.user)),
        (e: Error) => console.warn('[parley] sign-in failed, going on anonymously:', e.message)
      )
  }
  await entry.session
  return entry.token ?? null
}
