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

/** What a call sends: the filled path (query included) and its JSON body, if any. */
export interface CallRequest {
  path: string
  json?: unknown
}

/**
 * An AdminCall named "METHOD template" that sends `method`, so the name and the request cannot
 * disagree. `prepare` makes the fresh data and returns the path and body.
 */
export const adminCall = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  template: string,
  role: MinimumRole,
  ok: number,
  prepare: () => Promise<CallRequest> | CallRequest
): AdminCall => ({
  name: `${method} ${template}`,
  role,
  ok,
  prepare: async () => {
    const { path, json } = await prepare()
    return { path, init: { method, ...(json !== undefined && { json }) } }
  },
})
