import type { D1Migration } from 'cloudflare:test'

// Test-only bindings (vitest.config.ts). The Worker's own bindings and `exports.default` come from
// the generated ../worker-configuration.d.ts.
declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[]
    }
  }
}
