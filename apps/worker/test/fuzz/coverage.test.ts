import { describe, expect, it } from 'vitest'
import app from '../../src/index.ts'
import { appRoutes, FUZZ_ROUTES } from './routes.ts'
import { seed } from './seed.ts'
import { requestArbitrary } from './requests.ts'
import fc from 'fast-check'

// Every route of the app is fuzzed: a new route fails here until test/fuzz/routes.ts describes
// it (and seed.ts has a pool for each of its path parameters).

describe('the fuzzers cover the app', () => {
  it('has an entry for every route of the app, and none for a route it lacks', () => {
    const routes = appRoutes(app.routes)
    expect(
      routes.filter((name) => !FUZZ_ROUTES[name]),
      'routes without a fuzz entry in test/fuzz/routes.ts'
    ).toEqual([])
    expect(
      Object.keys(FUZZ_ROUTES).filter((name) => !routes.includes(name)),
      'fuzz entries without a route'
    ).toEqual([])
  })

  it('can build requests for every entry from the seeded data', async () => {
    const data = await seed()
    for (const [name, spec] of Object.entries(FUZZ_ROUTES)) {
      expect(fc.sample(requestArbitrary(name, spec, data), 5), name).toHaveLength(5)
    }
  })
})
