import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invariantViolations } from './invariants.ts'
import { isAdminRoute } from './routes.ts'
import { fuzz, routesToFuzz, summary } from './run.ts'
import { seed, type Seed } from './seed.ts'

// The reader-facing API (and the expert's invitation link, and the OpenAPI document) under
// generated bad input. What is generated and asserted: docs/security.md, "Fuzzing".

const RUNS = 6000
let data: Seed

beforeAll(async () => {
  data = await seed()
})

afterAll(() => {
  console.log(summary('reader API'))
})

describe('the reader API under generated requests', () => {
  it(
    `answers ${RUNS} requests below 500, every error in the JSON envelope`,
    { timeout: 240_000 },
    async () => {
      const routes = routesToFuzz((name) => !isAdminRoute(name))
      expect(routes.length).toBeGreaterThan(10)
      await fuzz(routes, data, { runs: RUNS, parallel: 8 })
    }
  )

  it('leaves every counter equal to its rows, and no orphan row', async () => {
    expect(await invariantViolations()).toEqual([])
  })
})
