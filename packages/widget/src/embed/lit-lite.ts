import type { TemplateResult } from 'lit'

// Stands in for 'lit' in parley-forms.js, the forms module of the script-tag build (see
// vite.config.ts), so that it does not bundle a second copy of Lit. A template result is a plain
// object, and the Lit runtime in embed.js renders any object of this shape: `_$litType$` is one of
// the names Lit keeps stable across versions and builds, and `nothing` is a global symbol.

export const html = (strings: TemplateStringsArray, ...values: unknown[]): TemplateResult =>
  ({ _$litType$: 1, strings, values }) as unknown as TemplateResult

export const nothing = Symbol.for('lit-nothing')

/** A style sheet from CSS text, as Lit's unsafeCSS makes it (src/styles/css.ts). */
export const unsafeCSS = (cssText: string) => {
  const styleSheet = new CSSStyleSheet()
  styleSheet.replaceSync(cssText)
  return { cssText, styleSheet }
}
