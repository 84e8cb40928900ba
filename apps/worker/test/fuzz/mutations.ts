import { BODY_MAX_BYTES } from '@parley/core'
import fc from 'fast-check'

// Bad input, tried systematically: odd strings, wrong types, broken JSON and hostile path and
// query values. Each list names what it is after, so a new trick has an obvious home.

/** Pieces that break naive string handling, joined at random into odd strings. */
export const ODD_PIECES = [
  '\uD800', // lone high surrogate: not valid UTF-16, no UTF-8 form
  '\uDFFF', // lone low surrogate
  'a\uDC00b',
  '\u202E', // right-to-left override
  '\u2066\u2067\u2069', // isolates
  'e\u0301\u0302\u0303\u0304\u0305', // stacked combining marks
  'Z\u0336\u0334\u0335\u0337',
  '👨‍👩‍👧‍👦', // ZWJ sequence
  '🏳️‍🌈',
  '👍🏽',
  '\u0000', // NUL
  '\u0007\u001b[31m', // control characters, an ANSI escape
  '\u200B\u200C\u200D\uFEFF', // zero-width characters, BOM
  '\u2028\u2029\u0085', // line and paragraph separators
  '\r\n',
  '\t',
  'ｆｕｌｌｗｉｄｔｈ',
  'İıßﬁ',
  'مرحبا',
  '中文字符',
  "'; DROP TABLE comments; --",
  '" OR 1=1 --',
  '%',
  '_',
  '%_%',
  '\\',
  '../',
  '..\\..\\',
  '%2e%2e%2f',
  '%00',
  '%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '](javascript:alert(1))',
  '{{7*7}}${7*7}',
  '__proto__',
  'constructor',
  'NaN',
  'null',
  '',
  ' ',
] as const

export const oddString: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...ODD_PIECES), fc.string({ unit: 'binary', maxLength: 8 })), {
    minLength: 1,
    maxLength: 6,
  })
  .map((pieces) => pieces.join(''))

/** Lengths around the limits of the contract and past BODY_MAX_BYTES. */
const LENGTHS = [0, 1, 49, 50, 51, 64, 65, 100, 101, 200, 201, 300, 301, 2000, 2001, 5000, 5001]

export const longString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...LENGTHS, 20_001, 40_001, BODY_MAX_BYTES + 1),
    fc.constantFrom('a', 'é', '👍', ' ', '\u0301', 'x\n')
  )
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)))

/** A value of any JSON type, including the awkward ones. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    [],
    {}
  ),
  oddString,
  longString,
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
  // Deep nesting.
  fc
    .integer({ min: 50, max: 2000 })
    .map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)))
)

/** Hostile object keys: prototype pollution, SQL and path tricks, odd Unicode. */
export const oddKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    "text'; DROP TABLE comments; --",
    'text%',
    'text_',
    '../text',
    'TEXT',
    'text\u0000',
    'te\u202Ext',
    ''
  ),
  oddString
)

type Json = unknown

function mutateAt(value: Json, path: string[], replace: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(value)
  if (value === null || typeof value !== 'object') return value
  const [head, ...rest] = path
  const copy: Record<string, Json> | Json[] = Array.isArray(value) ? [...value] : { ...value }
  const next = mutateAt((copy as Record<string, Json>)[head!], rest, replace)
  if (next === undefined) {
    if (Array.isArray(copy)) copy.splice(Number(head), 1)
    else delete copy[head!]
  } else {
    ;(copy as Record<string, Json>)[head!] = next
  }
  return copy
}

/** Every path to a value inside `value` ([] is the value itself). */
function pathsOf(value: Json, prefix: string[] = []): string[][] {
  const paths = [prefix]
  if (value !== null && typeof value === 'object' && prefix.length < 4) {
    for (const key of Object.keys(value)) {
      paths.push(...pathsOf((value as Record<string, Json>)[key], [...prefix, key]))
    }
  }
  return paths
}

/**
 * A mutation of a (mostly valid) value: one field replaced by a wrong value, an odd or long
 * string, removed, or joined by a hostile extra key; or the whole value replaced.
 */
export function mutated(valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return valid.chain((value) => {
    const paths = pathsOf(value)
    const at = fc.constantFrom(...paths)
    // Never filter here: a filter that can never pass (an empty object has no field to remove)
    // makes fast-check retry forever.
    const fields = paths.filter((p) => p.length > 0)
    const removal = fields.length
      ? [fc.constantFrom(...fields).map((path) => mutateAt(value, path, () => undefined))]
      : []
    return fc.oneof(
      fc.tuple(at, wrongValue).map(([path, v]) => mutateAt(value, path, () => v)),
      fc.tuple(at, oddString).map(([path, v]) => mutateAt(value, path, () => v)),
      fc.tuple(at, longString).map(([path, v]) => mutateAt(value, path, () => v)),
      // A string field with odd characters around its valid value.
      fc
        .tuple(at, oddString)
        .map(([path, v]) =>
          mutateAt(value, path, (old) => (typeof old === 'string' ? `${v}${old}${v}` : old))
        ),
      ...removal,
      fc
        .tuple(at, oddKey, wrongValue)
        .map(([path, key, v]) =>
          mutateAt(value, path, (old) =>
            old !== null && typeof old === 'object' && !Array.isArray(old)
              ? { ...old, [key]: v }
              : old
          )
        ),
      wrongValue
    )
  })
}

/** Request body texts that are not the JSON they claim to be, or are JSON at its edges. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '{"text":',
    '{"text": "unterminated}',
    "{'text': 'single quotes'}",
    '{"text": "a",}',
    '{text: "a"}',
    '[1, 2,]',
    'NaN',
    'undefined',
    'null',
    'true',
    '0',
    '"just a string"',
    '\uFEFF{}', // BOM
    '{"a":1}{"b":2}',
    '{"text": "\\uD800"}', // escaped lone surrogate: valid JSON, invalid Unicode
    '{"text": "\\u0000"}',
    '{"__proto__": {"admin": true}}',
    '{"constructor": {"prototype": {"x": 1}}}',
    '{"text": 1e999}',
    '\u0000'
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)), // truncated
  fc.integer({ min: 1000, max: 100_000 }).map((n) => '['.repeat(n)), // unclosed nesting
  fc.integer({ min: 100, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n))
)

/** Content types of writes: right, wrong, odd. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/merge-patch+json',
      'application/json; charset=utf-16',
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/jsonx',
      'json',
      '',
      ';'
    ),
    weight: 2,
  }
)

/** Values of path parameters and query strings that try to escape, inject or overflow. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..',
    '../..',
    '../../admin',
    '%2e%2e',
    '%2e%2e%2f%2e%2e',
    '..%2f',
    '%2f',
    '%5c',
    '%00',
    '%',
    '%zz',
    '%E0%A4%A',
    "'; DROP TABLE comments; --",
    "x' OR '1'='1",
    '%25',
    '_',
    '%_',
    '*',
    '?',
    '#',
    ';',
    '.',
    'c_' + '0'.repeat(41),
    'o_0',
    'o_-1',
    'o_99999999999999999999',
    'x_zzzzzzzzzz',
    'c_ZZZZZZZZZZ',
    'NEWS',
    'news ',
    'a'.repeat(65),
    'a'.repeat(201)
  ),
  fc.integer({ min: 100, max: 8000 }).map((n) => 'a'.repeat(n)),
  oddString.map(encodeLoose),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(encodeLoose)
)

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) becomes the bytes UTF-8
 * would give it if it allowed them: an invalid sequence the server must cope with.
 */
export function encodeLoose(value: string): string {
  let out = ''
  for (const char of value) {
    const code = char.charCodeAt(0)
    out +=
      char.length === 1 && code >= 0xd800 && code <= 0xdfff
        ? `%ED%${(0xa0 + ((code >> 6) & 0x1f)).toString(16)}%${(0x80 + (code & 0x3f)).toString(16)}`
        : encodeURIComponent(char)
  }
  return out
}
