import {
  ADMIN_ROUTES,
  ROUTES,
  SsoSecretStatusSchema,
  SsoSessionSchema,
  type SignInSettings,
  type SsoSession,
} from '@parley/core'
import { sign } from 'hono/jwt'
import { admin, route, sitePath } from './admin-helpers.ts'
import { api, expectBody, SITE } from './helpers.ts'

// Publisher sign-in in tests: the site's secret, tokens signed as a publisher's server would, and
// the exchange for a reader session.

export const SSO_SECRET = 'news-sso-secret-0123456789-abcdefghijklmnop'
export const ssoSecretPath = (site = SITE) => sitePath(ADMIN_ROUTES.ssoSecret, {}, site)
export const ssoSessionPath = (site = SITE) => route(ROUTES.ssoSession, { site })

/** Sets the site's secret through the admin API, as the owner. */
export async function setSsoSecret(site = SITE, secret = SSO_SECRET): Promise<void> {
  const res = await admin(ssoSecretPath(site), { method: 'PUT', json: { secret } })
  await expectBody(res, 200, SsoSecretStatusSchema)
}

/** Merges `signIn` into the site's settings through the admin API. */
export async function setSignIn(signIn: Partial<SignInSettings>, site = SITE): Promise<void> {
  const res = await admin(sitePath(ADMIN_ROUTES.site, {}, site), {
    method: 'PATCH',
    json: { settings: { signIn } },
  })
  if (res.status !== 200) throw new Error(`PATCH site: ${res.status} ${await res.text()}`)
}

export const nowSeconds = () => Math.floor(Date.now() / 1000)

let seq = 0
/** A fresh jti, as a publisher's server makes one per token. */
export const newJti = () => `jti-${Date.now()}-${++seq}-${Math.random().toString(36).slice(2)}`

export interface Claims {
  sub?: unknown
  name?: unknown
  avatar?: unknown
  aud?: unknown
  iat?: unknown
  exp?: unknown
  nbf?: unknown
  jti?: unknown
}

/** The claims of a valid five-minute token for `sub` on SITE; `overrides` change or drop some. */
export function claimsFor(sub: string, overrides: Claims = {}): Record<string, unknown> {
  const iat = nowSeconds()
  const claims: Record<string, unknown> = {
    sub,
    name: `User ${sub}`,
    aud: SITE,
    iat,
    exp: iat + 300,
    jti: newJti(),
    ...overrides,
  }
  for (const [key, value] of Object.entries(claims)) if (value === undefined) delete claims[key]
  return claims
}

/** A token signed as the publisher's server signs one: HS256 with the site's secret. */
export const publisherToken = (sub: string, overrides: Claims = {}, secret = SSO_SECRET) =>
  sign(claimsFor(sub, overrides), secret, 'HS256')

const encoder = new TextEncoder()
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
const part = (value: unknown) => b64url(encoder.encode(JSON.stringify(value)))

/** A token with any header, MACed with HMAC-`hash` over the first two parts (or unsigned). */
export async function craftedToken(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  options: { hash?: 'SHA-256' | 'SHA-512' | null; secret?: string } = {}
): Promise<string> {
  const signingInput = `${part(header)}.${part(claims)}`
  const hash = options.hash === undefined ? 'SHA-256' : options.hash
  if (hash === null) return `${signingInput}.`
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(options.secret ?? SSO_SECRET),
    { name: 'HMAC', hash },
    false,
    ['sign']
  )
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(signingInput))
  return `${signingInput}.${b64url(new Uint8Array(mac))}`
}

/** POST …/sso/session with a publisher token. */
export const exchange = (token: string, site = SITE) =>
  api(ssoSessionPath(site), { method: 'POST', json: { token } })

/** Signs `sub` in on a "device": a fresh token exchanged for a session. */
export async function signIn(
  sub: string,
  overrides: Claims = {},
  site = SITE
): Promise<SsoSession> {
  const token = await publisherToken(sub, { aud: site, ...overrides })
  return expectBody(await exchange(token, site), 201, SsoSessionSchema)
}
