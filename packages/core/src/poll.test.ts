import { describe, expect, it } from 'vitest'
import { percentages } from './poll.ts'

describe('percentages', () => {
  it('sums to 100 by largest remainder', () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33])
    expect(percentages([2, 1])).toEqual([67, 33])
    expect(percentages([7, 0, 3])).toEqual([70, 0, 30])
  })
  it('returns zeros when nobody voted', () => {
    expect(percentages([0, 0])).toEqual([0, 0])
  })
  it('always sums to 100 for any non-empty tally', () => {
    for (let seed = 1; seed < 500; seed++) {
      const counts = Array.from({ length: (seed % 9) + 2 }, (_, i) => (seed * (i + 7)) % 13)
      const sum = percentages(counts).reduce((a, b) => a + b, 0)
      expect(sum).toBe(counts.some((n) => n > 0) ? 100 : 0)
    }
  })
})
