import { describe, expect, it } from 'vitest'
import { encodeBase64Url } from './base64url.ts'
import { decodeCursor, encodeCursor } from './cursor.ts'

const cursor = {
  sort: 'newest',
  createdAt: 1_764_000_000_000,
  id: 'c_0123456789abcdefghjkmnpq',
} as const

describe('comment page cursors', () => {
  it('round-trip through an opaque URL-safe string', () => {
    const text = encodeCursor(cursor)
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(text).not.toContain(cursor.id)
    expect(decodeCursor(text)).toEqual(cursor)
  })

  it.each([
    ['an empty string', ''],
    ['plain text', 'not a cursor!'],
    ['base64 of non-JSON', encodeBase64Url(new TextEncoder().encode('{oops'))],
    ['base64 of invalid UTF-8', encodeBase64Url(new Uint8Array([0xff, 0xfe]))],
    ['a wrong shape', encodeBase64Url(new TextEncoder().encode('{"createdAt":1}'))],
    ['an unknown sort', encodeBase64Url(new TextEncoder().encode('["top",1,"c_0123456789"]'))],
    ['a bad comment id', encodeBase64Url(new TextEncoder().encode('["newest",1,"x"]'))],
    ['a negative time', encodeBase64Url(new TextEncoder().encode('["oldest",-1,"c_0123456789"]'))],
    ['padding', `${encodeCursor(cursor)}==`],
  ])('reject %s', (_, text) => {
    expect(decodeCursor(text)).toBeNull()
  })
})
