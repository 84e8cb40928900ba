import {
  ADMIN_ROUTES,
  PutSsoSecretSchema,
  ROUTES,
  SiteParamsSchema,
  SSO_CLOCK_SKEW,
  SSO_SECRET_MIN,
  SSO_SESSION_TTL,
  SSO_TOKEN_LIFETIME_MAX,
  SsoSecretStatusSchema,
  SsoSessionRequestSchema,
  SsoSessionSchema,
} from '@parley/core'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import type { OpenApiHelpers } from './openapi-polls.ts'

// Publisher sign-in (docs/decisions/0018-publisher-sign-in.md): the widget's exchange and the
// admin's secret.

const ADMIN_ROLE = 'Admin keys of this site, or the owner.'

export function ssoPaths(h: OpenApiHelpers): ZodOpenApiPathsObject {
  const { toOpenApiPath: path, json, errors, admin } = h
  return {
    [path(ROUTES.ssoSession)]: {
      post: {
        operationId: 'createSsoSession',
        summary: "Sign a publisher's user in: trade its token for a reader session",
        description: `The publisher's server signs a JWT for its logged-in user with the site's SSO secret (PUT ${ADMIN_ROUTES.ssoSecret}): header exactly \`{"alg":"HS256","typ":"JWT"}\` (none, other algorithms and key types are refused), claims \`sub\` (the user id), \`name\`, optional \`avatar\` (https), \`aud\` (this site id), \`iat\`, \`exp\` (at most ${SSO_TOKEN_LIFETIME_MAX} s after iat) and a unique \`jti\`; ${SSO_CLOCK_SKEW} s of clock skew is allowed. Each token is exchanged once (a replayed jti is refused). The answer's token is a reader token bound to the user: the same reader id on every device, so one ballot per poll, bans and data requests follow the user. It expires after ${SSO_SESSION_TTL / 60} minutes (then 401 unauthorized: exchange a fresh token). Comments of a signed-in reader carry the 'verified' badge and the name of the newest token; older comments keep the name they were posted under.`,
        requestParams: { path: SiteParamsSchema },
        requestBody: { required: true, ...json(SsoSessionRequestSchema) },
        responses: {
          '201': { description: 'The session', ...json(SsoSessionSchema) },
          ...errors(...h.writeErrors, 'sso_token_invalid', 'sso_not_configured'),
        },
      },
    },
    [path(ADMIN_ROUTES.ssoSecret)]: {
      get: admin({
        operationId: 'adminGetSsoSecret',
        summary: 'Whether the site has a publisher sign-in secret',
        description: `Never the secret itself. ${ADMIN_ROLE}`,
        requestParams: { path: SiteParamsSchema },
        responses: { '200': { description: 'The status', ...json(SsoSecretStatusSchema) } },
      }),
      put: admin({
        operationId: 'adminPutSsoSecret',
        summary: 'Set or rotate the publisher sign-in secret',
        description: `Send \`{ "secret": "…" }\` (at least ${SSO_SECRET_MIN} printable characters) to set your own, or nothing to have 256 random bits generated: only then is the secret in the answer, this once. Tokens signed with the previous secret are refused from now on; sessions already open run until they expire. Audited (site.sso_secret.set or .rotate), without the value. ${ADMIN_ROLE}`,
        requestParams: { path: SiteParamsSchema },
        requestBody: { required: false, ...json(PutSsoSecretSchema) },
        responses: { '200': { description: 'The new status', ...json(SsoSecretStatusSchema) } },
      }),
      delete: admin({
        operationId: 'adminDeleteSsoSecret',
        summary: 'Turn publisher sign-in off',
        description: `Deletes the secret: exchanges answer 409 sso_not_configured; sessions already open run until they expire. Audited when there was a secret. ${ADMIN_ROLE}`,
        requestParams: { path: SiteParamsSchema },
        responses: { '200': { description: 'The new status', ...json(SsoSecretStatusSchema) } },
      }),
    },
  }
}
