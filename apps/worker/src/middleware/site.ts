import { SiteIdSchema } from '@parley/core'
import { cors } from 'hono/cors'
import { createMiddleware } from 'hono/factory'
import { getSite, type Site } from '../db/sites.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, issuesOf } from '../errors.ts'

/** A site's own allowed origins, plus this Worker's origin (it serves the demo page). */
export function isAllowedOrigin(site: Site, origin: string, requestUrl: string): boolean {
  return origin === new URL(requestUrl).origin || site.allowedOrigins.includes(origin)
}

/**
 * For /v1/sites/:site/*: validates the site id (400 naming params.site), loads the site (404
 * site_not_found) and keeps it in c.var.site for the CORS check and the handlers.
 */
export const loadSite = createMiddleware<AppEnv, '/v1/sites/:site/*'>(async (c, next) => {
  const parsed = SiteIdSchema.safeParse(c.req.param('site'))
  if (!parsed.success) {
    const issues = issuesOf({ success: false, error: parsed.error, target: 'param' }).map(
      (issue) => ({ ...issue, path: 'params.site' })
    )
    throw new ApiError('invalid_input', 'Invalid params.site', { issues })
  }
  const site = await getSite(c.env.DB, parsed.data)
  if (!site) {
    // Readable cross-origin, so a widget with a mistyped data-site reports this, not a CORS error.
    throw new ApiError('site_not_found', `There is no site "${parsed.data}"`, {
      headers: { 'Access-Control-Allow-Origin': '*' },
    })
  }
  c.set('site', site)
  await next()
})

/** CORS for a site's API: only its allowed origins get the Access-Control-* headers. */
export const siteCors = cors({
  origin: (origin, c) =>
    origin && isAllowedOrigin(c.get('site') as Site, origin, c.req.url) ? origin : null,
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match'],
  // The widget reads Retry-After to say when to try again, and ETag to revalidate poll results.
  exposeHeaders: ['ETag', 'Retry-After'],
  maxAge: 86400,
})

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * A browser write from a page that is not allowed gets 403 forbidden_origin. CORS alone would let
 * the "simple" part of such a request through and only hide the response. Requests without an
 * Origin header (server-to-server, curl) are not browser cross-site requests and pass.
 */
export const guardWriteOrigin = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin')
  if (WRITE_METHODS.has(c.req.method) && origin !== undefined) {
    if (!isAllowedOrigin(c.var.site, origin, c.req.url)) {
      throw new ApiError('forbidden_origin', `Writes from ${origin} are not allowed for this site`)
    }
  }
  await next()
})
