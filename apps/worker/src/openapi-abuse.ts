import {
  ADMIN_ROUTES,
  PutTurnstileSecretSchema,
  SiteParamsSchema,
  TurnstileSecretStatusSchema,
} from '@parley/core'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiHelpers } from './openapi-polls.ts'

// Abuse resistance (docs/decisions/0017-rate-limits-and-bot-checks.md): the Turnstile secret.

const ADMIN_ROLE = 'An admin key of this site, or the owner.'

export function abusePaths(h: OpenApiHelpers): ZodOpenApiPathsObject {
  const { toOpenApiPath: path, json, admin } = h
  const params = { path: SiteParamsSchema }
  const answer = { description: 'Whether a secret is set', ...json(TurnstileSecretStatusSchema) }
  return {
    [path(ADMIN_ROUTES.turnstileSecret)]: {
      get: admin({
        operationId: 'adminGetTurnstileSecret',
        summary: "Whether the site's Cloudflare Turnstile secret is set (never the secret)",
        description: ADMIN_ROLE,
        requestParams: params,
        responses: { '200': answer },
      }),
      put: admin({
        operationId: 'adminPutTurnstileSecret',
        summary: "Set the site's Cloudflare Turnstile secret key",
        description: `Write-only: no answer carries it, and the audit log records only that it changed. Set it before settings.turnstile.enabled. ${ADMIN_ROLE}`,
        requestParams: params,
        requestBody: { required: true, ...json(PutTurnstileSecretSchema) },
        responses: { '200': answer },
      }),
      delete: admin(
        {
          operationId: 'adminDeleteTurnstileSecret',
          summary: "Delete the site's Cloudflare Turnstile secret key",
          description: `409 conflict while settings.turnstile.enabled is on. ${ADMIN_ROLE}`,
          requestParams: params,
          responses: { '200': answer },
        },
        'conflict'
      ),
    },
  }
}
