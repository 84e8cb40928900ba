import { en } from './en.ts'
import type { Translation } from './translation.ts'

/**
 * Stands in for `localize.ts` in the script-tag bundle (see vite.config.ts). That bundle exposes
 * no `registerTranslation`, so English is the only translation its elements can ever have, and
 * looking up the element's language would always end there.
 */
export const translationFor = (): Translation => en
