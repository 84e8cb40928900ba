import { en } from '../i18n/en.ts'
import { languageFor, registry, rerender, withDir } from '../i18n/resolve.ts'
import type { Translation } from '../i18n/translation.ts'
import { base } from './lazy.ts'

export { setUiLanguages } from '../i18n/resolve.ts'

// Stands in for src/i18n/localize.ts in the script-tag bundle (see vite.config.ts). embed.js
// carries English only; every other shipped locale is an ES module of its own next to it,
// parley-locale-<code>.js, loaded with import() the first time an element resolves to it. Until
// it arrives the element shows English, and then every Parley element renders again. The
// language of the page is looked up while embed.js runs, so the request starts before any
// element renders: see docs/decisions/0014-lazy-locales.md.

/** The shipped locales but English, e.g. "ar de es …". */
declare const __PARLEY_LOCALES__: string
/** "v=<hash of their content>", so that a new build is never served stale. */
declare const __PARLEY_LOCALES_VERSION__: string

function resolve(el: Element): Translation {
  const code = languageFor(el, (c) => registry.has(c) || __PARLEY_LOCALES__.split(' ').includes(c))
  if (!registry.has(code)) {
    // English until the locale arrives, or for good on this page if it cannot be loaded.
    registry.set(code, en)
    import(
      /* @vite-ignore */ new URL(`parley-locale-${code}.js?${__PARLEY_LOCALES_VERSION__}`, base)
        .href
    ).then(
      (m: Record<string, Translation>) => {
        registry.set(code, m[code]!)
        rerender()
      },
      () => {}
    )
  }
  return registry.get(code)!
}

export const translationFor = (el: HTMLElement): Translation => withDir(el, resolve(el))

// The page's language is known now: ask for its locale before any element renders.
resolve(document.documentElement)
