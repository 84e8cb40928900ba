import type { enFormErrors as errors, FormStrings } from '../i18n/en-forms.ts'

/**
 * Stands in for src/i18n/en-forms.ts in embed.js (see vite.config.ts): the English strings of
 * what src/extras shows ship with parley-extras.js, which is built without this stand-in. The
 * forms and the "Your data" panel fill in their strings themselves; the error messages are added
 * to `en.errors` when the module arrives (src/embed/lazy.ts).
 */
export const enForms = {} as FormStrings

export const enFormErrors = {} as typeof errors
