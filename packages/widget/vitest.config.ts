import { playwright } from '@vitest/browser-playwright'
import { build } from 'vite'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
      commands: {
        /** Builds dist/embed.js in memory (the real IIFE bundle) for src/embed/embed.test.ts. */
        async buildEmbed(): Promise<{ code: string; modules: string[] }> {
          const result = await build({
            configFile: new URL('./vite.config.ts', import.meta.url).pathname,
            logLevel: 'silent',
            build: { write: false },
          })
          const output = Array.isArray(result) ? result[0] : result
          if (!output || !('output' in output)) throw new Error('unexpected vite build result')
          const [chunk] = output.output
          return { code: chunk.code, modules: chunk.moduleIds }
        },
      },
    },
  },
})
