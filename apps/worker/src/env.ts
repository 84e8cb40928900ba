import type { Site } from './db/sites.ts'

/**
 * Bindings come from the committed worker-configuration.d.ts (`pnpm cf-typegen`). `site` is set by
 * the site middleware on every /v1/sites/:site/* request.
 */
export interface AppEnv {
  Bindings: Env
  Variables: {
    requestId: string
    site: Site
  }
}
