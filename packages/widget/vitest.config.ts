import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { build, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

/** Where buildEmbed writes the script-tag build, served as is at / (src/embed/extras.test.ts). */
const embedDir = fileURLToPath(new URL('./node_modules/.embed-test/', import.meta.url))
mkdirSync(embedDir, { recursive: true })

/**
 * Serves /embed.js and /parley-extras.js from embedDir, read on each request. Not Vite's
 * publicDir: it lists the public files once at start, so files the tests build later would 404
 * on a fresh checkout.
 */
const serveEmbedBuild: Plugin = {
  name: 'parley-serve-embed-build',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const name = /^\/(embed\.js|parley-extras\.js)(?:\?|$)/.exec(req.url ?? '')?.[1]
      const file = name && `${embedDir}${name}`
      if (!file || !existsSync(file)) return next()
      res.setHeader('content-type', 'text/javascript')
      res.setHeader('cache-control', 'no-store')
      res.end(readFileSync(file))
    })
  },
}

export default defineConfig({
  plugins: [serveEmbedBuild],
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
