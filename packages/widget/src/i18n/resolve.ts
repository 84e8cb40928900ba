import { en } from './en.ts'
import type { Translation } from './translation.ts'

// How an element picks its language, shared by localize.ts (npm) and the script-tag build's
// loader (src/embed/locales.ts), which differ only in where translations come from.

/** Registered translations by lowercase code. English is always there: the last fallback. */
export const registry = new Map<string, Translation>([['en', en]])

/** Per site id: the languages its settings allow for the widget's text (Thread.uiLanguages). */
const allowedBySite = new Map<string, string[]>()

const base = (tag: string) => tag.split('-')[0]!

/**
 * The UI language of an element: the nearest `lang` attribute, looking through shadow roots up to
 * <html lang>, then the browser's language.
 */
export function langOf(el: Element): string {
  for (let node: Element | undefined = el; node;) {
    const found = node.closest('[lang]')
    if (found) return found.getAttribute('lang')!
    node = (node.getRootNode() as Partial<ShadowRoot>).host
  }
  return navigator.language
}

/**
 * The code of the language an element shows its text in: the first of its language (`langOf`),
 * then the browser's languages, then the site's own list, for which `has` is true (exact tag
 * before base language), among the languages its site allows; else English.
 */
export function languageFor(el: Element & { site?: string }, has: (code: string) => boolean) {
  // Compared by base language only: the setting's base languages are lowercase (SiteSettings).
  const allowed = (allowedBySite.get(el.site!) ?? []).map(base)
  for (const tag of [langOf(el), ...navigator.languages, ...allowed].map((t) => t.toLowerCase()))
    for (const code of [tag, base(tag)])
      if (has(code) && (!allowed[0] || allowed.includes(base(code)))) return code
  return 'en'
}

/** Gives the element its translation's direction, so that an Arabic widget mirrors. */
export function withDir(el: HTMLElement, t: Translation): Translation {
  if (el.dir !== t.$dir) el.dir = t.$dir
  return t
}

/** Updates every Parley element on the page, in shadow roots too, after a language change. */
export function rerender(root: ParentNode = document): void {
  for (const el of root.querySelectorAll('*')) {
    if (el.localName.startsWith('parley-')) (el as { requestUpdate?: () => void }).requestUpdate?.()
    if (el.shadowRoot) rerender(el.shadowRoot)
  }
}

/**
 * Restricts the widget's language on a site to `tags` (the site setting Thread.uiLanguages, in
 * order of preference; [] = any). Called by the thread store when a thread arrives.
 */
export function setUiLanguages(site: string, tags: string[]): void {
  allowedBySite.set(site, tags)
  rerender()
}
