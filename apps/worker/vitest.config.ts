import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { STAND_IN_URL, turnstileStandIn } from './test/turnstile-stand-in.ts'

// wrangler.jsonc declares the secret as required; the plugin's config reader looks for it in
// process.env (and warns once per test file if missing), the test runtime gets it as a binding.
const READER_TOKEN_SECRET = 'test-only-reader-token-secret-0123456789'
process.env.READER_TOKEN_SECRET ??= READER_TOKEN_SECRET

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'))
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            READER_TOKEN_SECRET,
            // Optional in production (the admin API answers 401 without it); set for the tests.
            ADMIN_TOKEN: 'test-only-admin-token-0123456789',
            // Turnstile's siteverify is unreachable here: a local stand-in answers instead.
            TURNSTILE_VERIFY_URL: STAND_IN_URL,
          },
          outboundService: turnstileStandIn,
          // An empty database for test/polls-migration.test.ts, which migrates old data step by step.
          d1Databases: { DB: 'parley', MIGRATION_TEST_DB: 'migration-test' },
        },
      }),
    ],
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      setupFiles: ['./test/apply-migrations.ts'],
    },
  }
})
