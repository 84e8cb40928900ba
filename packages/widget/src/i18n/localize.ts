import { en } from './en.ts'
import type { Translation } from './translation.ts'

const registry = new Map<string, Translation>([['en', en]])

/** Makes locales available to every Parley element on the page. English is always registered. */
export function registerTranslation(...translations: Translation[]): void {
  for (const t of translations) registry.set(t.$code.toLowerCase(), t)
}

/**
 * The UI language of an element: the nearest `lang` attribute, looking through shadow roots up to
 * <html lang>, then the browser's language.
 */
export function langOf(el: Element): string {
  for (let node: Element | null = el; node;) {
    const found = node.closest('[lang]')
    if (found) return found.getAttribute('lang') ?? ''
    node = (node.getRootNode() as Partial<ShadowRoot>).host ?? null
  }
  return navigator.language
}

/** The best registered translation for an element: exact tag, then base language, then English. */
export function translationFor(el: Element): Translation {
  const lang = langOf(el).toLowerCase()
  return registry.get(lang) ?? registry.get(lang.split('-')[0]!) ?? en
}
