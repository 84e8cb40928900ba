import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invariantViolations } from './invariants.ts'
import { isAdminRoute } from './routes.ts'
import { fuzz, routesToFuzz, summary } from './run.ts'
import { seed, type Seed } from './seed.ts'

// The admin API under generated bad input, with the owner's token, admin and moderator keys,
// another site’s key and junk. What is generated and asserted: docs/security.md, "Fuzzing".

const RUNS = 5000
let data: Seed

beforeAll(async () => {
  data = await seed()
})

afterAll(() => {
  console.log(summary('admin API'))
})

describe('the admin API under generated requests', () => {
  it(
    `answers ${RUNS} requests below 500, every error in the JSON envelope`,
    { timeout: 240_000 },
    async () => {
      const routes = routesToFuzz(isAdminRoute)
      expect(routes.length).toBeGreaterThan(20)
      await fuzz(routes, data, { runs: RUNS, parallel: 8 })
    }
  )

  it('leaves every counter equal to its rows, and no orphan row', async () => {
    expect(await invariantViolations()).toEqual([])
  })
})
