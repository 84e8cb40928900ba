import fc from 'fast-check'
import app from '../../src/index.ts'
import { expectWellFormed } from './assertions.ts'
import { requestArbitrary, send, stats } from './requests.ts'
import { appRoutes, FUZZ_ROUTES } from './routes.ts'
import type { Seed } from './seed.ts'

/** The app's routes that `which` selects and FUZZ_ROUTES covers (coverage.test.ts: all of them). */
export const routesToFuzz = (which: (name: string) => boolean) =>
  appRoutes(app.routes).filter((name) => which(name) && FUZZ_ROUTES[name])

/**
 * Sends `runs` generated requests, spread evenly over `routes`, `parallel` at a time, and checks
 * each answer. A failure prints the request and fast-check's seed and path: pass them as
 * `replay` to generate exactly the same requests again.
 */
export async function fuzz(
  routes: string[],
  seed: Seed,
  options: { runs: number; parallel: number; replay?: { seed: number; path: string } }
): Promise<void> {
  const request = fc.oneof(
    ...routes.map((name) => requestArbitrary(name, FUZZ_ROUTES[name]!, seed))
  )
  const batch = fc.array(request, { minLength: options.parallel, maxLength: options.parallel })
  await fc.assert(
    fc.asyncProperty(batch, async (requests) => {
      await Promise.all(requests.map(async (r) => expectWellFormed(r, await send(r))))
    }),
    // No shrinking: replaying batches of requests against a database that changed meanwhile
    // rarely shrinks well and can take minutes; the error names the failing request in full.
    { numRuns: Math.ceil(options.runs / options.parallel), endOnFailure: true, ...options.replay }
  )
}

export function summary(label: string): string {
  const statuses = [...stats.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`)
  return `[fuzz] ${label}: ${stats.requests} requests (${statuses.join(' ')}); slowest ${stats.slowest.ms} ms: ${stats.slowest.request}`
}
