import type { SsoSession, SsoUser } from '@parley/core'
import { originOf } from './storage.ts'

/**
 * Where the publisher's token for its logged-in user comes from: the `auth-token` attribute, or
 * the page's callback (`getAuthToken`, `data-auth-callback`). null: nobody is signed in.
 */
export type AuthSource = () => string | null | Promise<string | null>

interface SignIn {
  source: AuthSource
  session?: Promise<unknown>
  token?: string | undefined
  user?: SsoUser | undefined
}

type Site = { api: string; site: string }

// Per API origin and site, like the anonymous reader token: every element of a site shares it.
const signIns = new Map<string, SignIn>()
const keyOf = (ep: Site) => `${originOf(ep.api)}|${ep.site}`

/** Sets (or with null, forgets) where an element's site gets publisher tokens from. */
export const setAuthSource = (ep: Site, source: AuthSource | null) =>
  source ? signIns.set(keyOf(ep), { source }) : signIns.delete(keyOf(ep))

/** The user the publisher signed in on this site, once the exchange succeeded. */
export const signedInUser = (ep: Site): SsoUser | undefined => signIns.get(keyOf(ep))?.user

/**
 * The session token of the signed-in user, or null (the reader goes on anonymously): the page
 * signs nobody in, or the exchange failed (logged). A publisher token is exchanged on first use,
 * and again when the server refused `stale` (401: the session expired). Then the page is asked
 * once per refused session, however many requests saw the 401 together.
 */
export async function sessionToken(
  ep: Site,
  exchange: (token: string) => Promise<SsoSession>,
  stale?: string
): Promise<string | null> {
  const entry = signIns.get(keyOf(ep))
  if (!entry) return null
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
