import { languageFor, registry, rerender, withDir } from './resolve.ts'
import type { Translation } from './translation.ts'

export { langOf, setUiLanguages } from './resolve.ts'

/**
 * Makes locales available to every Parley element on the page, and updates the elements already
 * shown. English is always registered. The shipped locales are `@parley/widget/locales/<code>`.
 */
export function registerTranslation(...translations: Translation[]): void {
  for (const t of translations) registry.set(t.$code.toLowerCase(), t)
  rerender()
}

/**
 * The translation of an element (see `languageFor`: its language, the browser's, the site's
 * choice), which also sets the element's `dir`.
 */
export function translationFor(el: HTMLElement & { site?: string }): Translation {
  return withDir(el, registry.get(languageFor(el, (code) => registry.has(code)))!)
}
