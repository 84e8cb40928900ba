// Who is calling the admin API: the ADMIN_TOKEN secret (the owner, every site) or a per-site API
// key with a role. The middleware and routes only ask "which sites, which role, who?".

/** owner: the ADMIN_TOKEN, every site; admin: everything on one site; moderator: moderate only. */
export type AdminRole = 'owner' | 'admin' | 'moderator'

export interface AdminPrincipal {
  /** '*' for every site, otherwise the one site id the credential belongs to. */
  siteScope: string
  role: AdminRole
  /** Who, for the audit log: "owner", or the API key's id. */
  actor: string
}

export type CredentialCheck =
  | { ok: true; principal: AdminPrincipal }
  | { ok: false; reason: 'not_configured' | 'missing' | 'invalid' }

const encoder = new TextEncoder()
let comparisonKey: Promise<CryptoKey> | undefined

/**
 * Equal strings, compared in time that reveals neither where they differ nor how long the secret
 * is: both sides are HMAC'd with a random per-isolate key and the equal-length digests compared
 * with timingSafeEqual.
 */
async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  comparisonKey ??= crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]) as Promise<CryptoKey>
  const key = await comparisonKey
  const [macA, macB] = await Promise.all([
    crypto.subtle.sign('HMAC', key, encoder.encode(a)),
    crypto.subtle.sign('HMAC', key, encoder.encode(b)),
  ])
  return crypto.subtle.timingSafeEqual(macA, macB)
}

/** The bearer token of an Authorization header, or null. */
export function bearerOf(authorization: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null
}

/** Resolves a bearer token to what it may do. */
export async function resolveAdminCredential(
  env: Pick<Env, 'ADMIN_TOKEN'>,
  token: string | null
): Promise<CredentialCheck> {
  const adminToken = env.ADMIN_TOKEN ?? ''
  if (adminToken === '') return { ok: false, reason: 'not_configured' }
  if (token === null) return { ok: false, reason: 'missing' }
  if (await constantTimeEqual(token, adminToken)) {
    return { ok: true, principal: { siteScope: '*', role: 'owner', actor: 'owner' } }
  }
  return { ok: false, reason: 'invalid' }
}

/** Whether the principal may act on `siteId`. */
export const canAdminister = (principal: AdminPrincipal, siteId: string): boolean =>
  principal.siteScope === '*' || principal.siteScope === siteId

const RANK: Record<AdminRole, number> = { moderator: 1, admin: 2, owner: 3 }

/** Whether the principal's role includes `needed` (owner ⊃ admin ⊃ moderator). */
export const hasRole = (principal: AdminPrincipal, needed: AdminRole): boolean =>
  RANK[principal.role] >= RANK[needed]
