/** The least role that may call a route: owner ⊃ admin ⊃ moderator. */
export type MinimumRole = 'moderator' | 'admin' | 'owner'

/**
 * One admin route for the auth matrix (test/admin-matrix.test.ts): every route × every kind of
 * credential. `prepare` makes fresh data on each call, so the authorised request succeeds.
 */
export interface AdminCall {
  /** "METHOD template", the template exactly as in ADMIN_ROUTES or ROUTES. */
  name: string
  role: MinimumRole
  /** The status of a successful call. */
  ok: number
  prepare: () => Promise<{ path: string; init: { method?: string; json?: unknown } }>
}

/** Fills a route template: route('/v1/admin/sites/:site', { site: 'news' }). */
export const route = (template: string, values: Record<string, string>): string =>
  template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ''))
