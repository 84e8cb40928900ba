// Who is calling the admin API: the ADMIN_TOKEN secret (the owner, every site) or a per-site API
// key with a role. The middleware and routes only ask "which sites, which role, who?".
import { getApiKey, LAST_USED_RESOLUTION_MS, touchApiKey } from '../db/api-keys.ts'
import { hashSecret, parseApiKey } from './api-keys.ts'

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
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
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

// Compared against when the key id is unknown, so that an unknown id costs what a known one does.
const NO_HASH = '0'.repeat(64)

/**
 * Resolves a bearer token to what it may do: the ADMIN_TOKEN is the owner; `pk_<id>_<secret>` is
 * the API key with that id if the secret's hash matches and it is not revoked. API keys work
 * whether or not ADMIN_TOKEN is set; anything else is "not configured" while it is unset.
 */
export async function resolveAdminCredential(
  env: Pick<Env, 'ADMIN_TOKEN' | 'DB'>,
  token: string | null,
  now = Date.now()
): Promise<CredentialCheck> {
  if (token === null) return { ok: false, reason: 'missing' }
  const adminToken = env.ADMIN_TOKEN ?? ''
  if (adminToken !== '' && (await constantTimeEqual(token, adminToken))) {
    return { ok: true, principal: { siteScope: '*', role: 'owner', actor: 'owner' } }
  }
  const parsed = parseApiKey(token)
  if (!parsed) return { ok: false, reason: adminToken === '' ? 'not_configured' : 'invalid' }
  const [row, hash] = await Promise.all([getApiKey(env.DB, parsed.id), hashSecret(parsed.secret)])
  const matches = await constantTimeEqual(hash, row?.secret_hash ?? NO_HASH)
  if (!row || !matches || row.revoked_at !== null) return { ok: false, reason: 'invalid' }
  if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_RESOLUTION_MS) {
    await touchApiKey(env.DB, row.id, now)
  }
  return { ok: true, principal: { siteScope: row.site_id, role: row.role, actor: row.id } }
}

/** Whether the principal may act on `siteId`. */
export const canAdminister = (principal: AdminPrincipal, siteId: string): boolean =>
  principal.siteScope === '*' || principal.siteScope === siteId

const RANK: Record<AdminRole, number> = { moderator: 1, admin: 2, owner: 3 }

/** Whether the principal's role includes `needed` (owner ⊃ admin ⊃ moderator). */
export const hasRole = (principal: AdminPrincipal, needed: AdminRole): boolean =>
  RANK[principal.role] >= RANK[needed]
