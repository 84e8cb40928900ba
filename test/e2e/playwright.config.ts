import { defineConfig } from '@playwright/test'
import { E2E_ORIGIN, E2E_PORT, EXAMPLES_ORIGIN, EXAMPLES_PORT } from './fixtures.ts'

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: E2E_ORIGIN,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
      // Chromium's own background services would try to reach the internet, which is closed here.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: [
    {
      // A throwaway D1 for every run: migrations, the demo seed, then `wrangler dev`.
      command: `bash start-worker.sh ${E2E_PORT}`,
      url: `${E2E_ORIGIN}/v1/openapi.json`,
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        WRANGLER_SEND_METRICS: 'false',
        WRANGLER_HIDE_BANNER: 'true',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      },
    },
    {
      command: `node serve-examples.ts ${EXAMPLES_PORT} ${E2E_ORIGIN}`,
      url: `${EXAMPLES_ORIGIN}/plain-html/`,
      reuseExistingServer: false,
    },
  ],
})
