import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { build } from 'vite'
import { defineConfig } from 'vitest/config'

/** Where buildEmbed writes the script-tag build, served as is at / (src/embed/extras.test.ts). */
const embedDir = fileURLToPath(new URL('./node_modules/.embed-test/', import.meta.url))
mkdirSync(embedDir, { recursive: true })

export default defineConfig({
  publicDir: embedDir,
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
        /**
         * Builds dist/embed.js (the real IIFE bundle) and dist/parley-extras.js in memory for
         * src/embed/*.test.ts, and writes both where the test server serves them as /embed.js
         * and /parley-extras.js.
         */
        async buildEmbed(): Promise<{ code: string; modules: string[]; extras: string }> {
          const result = await build({
            configFile: new URL('./vite.config.ts', import.meta.url).pathname,
            logLevel: 'silent',
            build: { write: false },
          })
          const output = Array.isArray(result) ? result[0] : result
          if (!output || !('output' in output)) throw new Error('unexpected vite build result')
          const [chunk, ...rest] = output.output
          const extras = rest.find((o) => o.fileName === 'parley-extras.js')
          if (!extras || extras.type !== 'asset') throw new Error('no parley-extras.js')
          // Test files run at once: never serve a half-written file.
          const publish = (name: string, text: string | Uint8Array) => {
            const tmp = `${embedDir}${name}.${process.pid}.${Math.random()}`
            writeFileSync(tmp, text)
            renameSync(tmp, `${embedDir}${name}`)
          }
          publish('embed.js', chunk.code)
          publish('parley-extras.js', extras.source)
          return { code: chunk.code, modules: chunk.moduleIds, extras: String(extras.source) }
        },
      },
    },
  },
})
