import { ApiError } from '../api/api-error.ts'
import type * as ExtrasModule from '../extras/index.ts'

export type Extras = typeof ExtrasModule

/**
 * What few readers need, loaded on first use (src/extras): the edit, delete, report (and EU
 * notice) and appeal forms, what the author of a removed comment sees, the nesting of "Show N
 * more replies", and the views only some threads show (src/internal/views.ts loads those). Bundlers split it into a chunk of its own; the script-tag build replaces this
 * module with src/embed/lazy.ts. Rejects with an ApiError 'unavailable' when it cannot be loaded.
 */
export const loadExtras = (): Promise<Extras> =>
  import('../extras/index.ts').catch((e: unknown) => {
    throw new ApiError('unavailable', String(e), 0)
  })
