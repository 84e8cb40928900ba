import { describe, expect, it } from 'vitest'
import { changesBetween } from './changes.ts'

describe('changesBetween', () => {
  it('names each changed leaf by its dotted path, arrays whole', () => {
    const before = { name: 'News', settings: { a: { b: 1, c: 2 }, list: [1, 2] } }
    const after = { name: 'News', settings: { a: { b: 1, c: 3 }, list: [1, 2, 3] } }
    expect(changesBetween(before, after)).toEqual([
      { field: 'settings.a.c', from: 2, to: 3 },
      { field: 'settings.list', from: [1, 2], to: [1, 2, 3] },
    ])
  })

  it('is empty when nothing changed, and reports added and removed fields as null', () => {
    expect(changesBetween({ a: [1] }, { a: [1] })).toEqual([])
    expect(changesBetween({ a: 1 }, { b: 1 })).toEqual([
      { field: 'a', from: 1, to: null },
      { field: 'b', from: null, to: 1 },
    ])
  })
})
