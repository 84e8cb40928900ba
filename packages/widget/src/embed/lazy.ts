import { ApiError } from '../api/api-error.ts'
import { en } from '../i18n/en.ts'
import type { loadExtras as load } from '../internal/lazy.ts'

// Stands in for src/internal/lazy.ts in the script-tag bundle (see vite.config.ts). embed.js is a
// classic script, which cannot share chunks with ES modules, so src/extras is built on its own
// into the ES module parley-extras.js next to embed.js. It gets what it needs from the element
// that uses it, and embed.js loads it with import() (served with CORS, like any module script).

/** "parley-extras.js?v=<hash of its content>", so that a new build is never served stale. */
declare const __PARLEY_EXTRAS__: string

/** Where this copy of embed.js came from: document.currentScript is set only while it runs. */
export const base = (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI

/** Loads parley-extras.js, and adds the English messages of the errors it alone meets. */
export const loadExtras: typeof load = () =>
  import(/* @vite-ignore */ new URL(__PARLEY_EXTRAS__, base).href).then(
    (m: Awaited<ReturnType<typeof load>>) => (Object.assign(en.errors, m.enFormErrors), m),
    (e: unknown) => {
      throw new ApiError('unavailable', String(e), 0)
    }
  )
