import type { FormStrings } from '../i18n/en-forms.ts'

/**
 * Stands in for src/i18n/en-forms.ts in embed.js (see vite.config.ts): the English strings of the
 * forms ship with parley-forms.js, which is built without this stand-in and fills them in.
 */
export const enForms = {} as FormStrings
