import type { SsoSession, SsoUser } from '@parley/core'
import { loadExtras } from './lazy.ts'
import { originOf } from './storage.ts'

/**
 * Where the publisher's token for its logged-in user comes from: the `auth-token` attribute, or
 * the page's callback (`getAuthToken`, `data-auth-callback`). null: nobody is signed in.
 */
export type AuthSource = () => string | null | Promise<string | null>

/** A site's publisher sign-in: where its tokens come from, and the session traded for one. */
export interface SignIn {
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
 * signs nobody in, or the sign-in failed (logged). The exchange itself is in src/extras
 * (sign-in.ts), loaded only on pages that sign readers in, before their first request.
 */
export async function sessionToken(
  ep: Site,
  exchange: (token: string) => Promise<SsoSession>,
  stale?: string
): Promise<string | null> {
  const entry = signIns.get(keyOf(ep))
  return entry
    ? loadExtras().then(
        (m) => m.sessionToken(entry, exchange, stale),
        (e: Error) => (
          console.warn('[parley] sign-in failed, going on anonymously:', e.message),
          null
        )
      )
    : null
}
