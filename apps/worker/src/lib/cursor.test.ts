import { COMMENTS_CURSOR_MAX, POLL_OPTIONS_STORED_MAX } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { encodeBase64Url } from './base64url.ts'
import {
  decodeBalancedCursor,
  decodeCursor,
  encodeBalancedCursor,
  encodeCursor,
  type BalancedCursor,
  type Cursor,
} from './cursor.ts'

const newest: Cursor = {
  order: 'newest',
  lang: null,
  stance: null,
  key: 1_764_000_000_000,
  id: 'c_0123456789abcdefghjkmnpq',
}
const tuple = (value: unknown) => encodeBase64Url(new TextEncoder().encode(JSON.stringify(value)))

describe('comment page cursors', () => {
  it.each<[string, Cursor]>([
    ['a time cursor', newest],
    ['a language-filtered cursor', { ...newest, order: 'oldest', lang: 'pt-BR' }],
    ['a rank cursor, exactly', { ...newest, order: 'top', key: 490_123.456_789_012 }],
    ['a replies cursor', { ...newest, order: 'replies' }],
    ['a stance-filtered cursor', { ...newest, order: 'top', key: 490_123.5, stance: 'o_12' }],
    ['a cursor of comments without a stance', { ...newest, stance: 'none' }],
  ])('round-trip %s through an opaque URL-safe string', (_, cursor) => {
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
    ['a wrong shape', tuple({ createdAt: 1 })],
    ['the old three-part shape', tuple(['newest', 1, 'c_0123456789'])],
    ['an unknown order', tuple(['best', null, 1, 'c_0123456789'])],
    ['a bad comment id', tuple(['newest', null, 1, 'x'])],
    ['a bad language tag', tuple(['newest', 'EN_us', 1, 'c_0123456789'])],
    ['a fractional time', tuple(['oldest', null, 1.5, 'c_0123456789'])],
    ['a replies cursor with a language', tuple(['replies', 'en', 1, 'c_0123456789'])],
    ['a replies cursor with a stance', tuple(['replies', null, 1, 'c_0123456789', 'none'])],
    ['a bad stance', tuple(['top', null, 1.5, 'c_0123456789', 'yes'])],
    ['a sixth element', tuple(['top', null, 1.5, 'c_0123456789', 'none', 'none'])],
    ['a balanced cursor', encodeBalancedCursor({ order: 'balanced', last: 'none', positions: [] })],
    ['padding', `${encodeCursor(newest)}==`],
  ])('reject %s', (_, text) => {
    expect(decodeCursor(text)).toBeNull()
  })
})

describe('balanced sort cursors', () => {
  const balanced: BalancedCursor = {
    order: 'balanced',
    last: 'o_2',
    positions: [
      { group: 'o_1', key: 490_123.456_789_012, id: 'c_0123456789abcdefghjkmnpq' },
      { group: 'none', key: 490_100.25, id: 'c_qpnmkjhgfedcba9876543210' },
    ],
  }

  it('round-trips each side’s position and the last side, exactly', () => {
    const text = encodeBalancedCursor(balanced)
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeBalancedCursor(text)).toEqual(balanced)
    expect(decodeCursor(text)).toBeNull()
  })

  it('fits the contract’s cursor limit with a position for every stored option and none', () => {
    const positions = Array.from({ length: POLL_OPTIONS_STORED_MAX + 1 }, (_, i) => ({
      // Option ids as long as parseOptionId allows (16 digits), comment ids as long as the contract.
      group:
        i === POLL_OPTIONS_STORED_MAX ? 'none' : `o_${'9'.repeat(14)}${String(i).padStart(2, '0')}`,
      key: -Number.MAX_VALUE / 3,
      id: `c_${'z'.repeat(40)}`,
    }))
    const text = encodeBalancedCursor({ order: 'balanced', last: 'none', positions })
    expect(text.length).toBeLessThanOrEqual(COMMENTS_CURSOR_MAX)
    expect(decodeBalancedCursor(text)?.positions).toHaveLength(POLL_OPTIONS_STORED_MAX + 1)
  })

  const position = ['o_1', 1.5, 'c_0123456789']
  it.each([
    ['a keyset cursor', encodeCursor({ ...newest, order: 'top' })],
    ['a bad last side', tuple(['balanced', 'yes', [position]])],
    ['a side twice', tuple(['balanced', 'none', [position, position]])],
    ['a bad comment id', tuple(['balanced', 'none', [['o_1', 1.5, 'x']]])],
    ['a key that is not a number', tuple(['balanced', 'none', [['o_1', '1.5', 'c_0123456789']]])],
    [
      'more sides than a poll can have',
      tuple([
        'balanced',
        'none',
        Array.from({ length: POLL_OPTIONS_STORED_MAX + 2 }, (_, i) => [
          `o_${i}`,
          1,
          'c_0123456789',
        ]),
      ]),
    ],
  ])('reject %s', (_, text) => {
    expect(decodeBalancedCursor(text)).toBeNull()
  })
})
