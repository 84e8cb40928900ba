import fc from 'fast-check'
import { z } from 'zod'

// Mostly-valid values from the contract's zod schemas: zod's JSON Schema (input side) is a small,
// stable shape to walk, where zod's own internals are not. The fuzzer mutates these values
// afterwards (mutations.ts); here they aim to pass validation, so requests reach the handlers.

type JsonSchema = {
  type?: string | string[]
  $ref?: string
  $defs?: Record<string, JsonSchema>
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  pattern?: string
  format?: string
  default?: unknown
  example?: unknown
}

/**
 * Values for strings whose pattern names an id: real ids of the seeded data (so writes find their
 * target), keyed by the id's prefix ("c_" comments, "o_" options, "x_" experts, "r_" readers).
 */
export type IdPools = Partial<Record<'c' | 'o' | 'x' | 'r', readonly string[]>>

const SAMPLE_TEXTS = [
  'Hello',
  'Was the vote fair?',
  '**strong** and _emphasis_ with a [link](https://example.org)',
  '> a quote\n\nand a reply',
  'Bonjour à tous',
  'Goedemorgen allemaal, wat een debat',
]

function stringArbitrary(schema: JsonSchema, ids: IdPools): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0
  // Mostly short: the mutations take care of the long ones.
  const max = Math.min(schema.maxLength ?? 60, Math.max(min, 60))
  const idPrefix = /^\^([a-z])_/.exec(schema.pattern ?? '')?.[1] as keyof IdPools | undefined
  const pool = idPrefix ? ids[idPrefix] : undefined
  if (schema.format === 'email') {
    // zod's email pattern is stricter than RFC 5322, which fc.emailAddress follows.
    return fc.oneof(fc.constantFrom('eva@example.org', 'a.b+c@news.example'), fc.emailAddress())
  }
  if (schema.format === 'uri') return fc.webUrl()
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString())
  }
  if (schema.pattern) {
    let matching: fc.Arbitrary<string>
    try {
      matching = fc.stringMatching(new RegExp(schema.pattern, 'u'))
      // fast-check may not handle every construct (\p{…}, lookaheads): sample once to find out.
      fc.sample(matching, 1)
    } catch {
      matching = fc.constantFrom(...examplesOf(schema))
    }
    return pool?.length
      ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 4 }, matching)
      : matching
  }
  const any = fc.string({ minLength: Math.max(min, 1), maxLength: max })
  // No .filter(): one that never passes would make fast-check retry forever.
  const samples = SAMPLE_TEXTS.filter((s) => s.length >= min && s.length <= max)
  return samples.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...samples), weight: 2 }, { arbitrary: any, weight: 1 })
    : any
}

function examplesOf(schema: JsonSchema): string[] {
  const found = [schema.example, schema.default].filter((v): v is string => typeof v === 'string')
  return found.length ? found : ['👍']
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1e6) + 1
  const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1e6) - 1
  if (schema.type === 'integer') {
    return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) })
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
}

function toArbitrary(
  schema: JsonSchema,
  root: JsonSchema,
  ids: IdPools,
  depth = 0
): fc.Arbitrary<unknown> {
  // Recursive schemas (a comment's replies) end in null rather than overflow the stack.
  if (depth > 8) return fc.constant(null)
  if (schema.$ref) {
    const name = schema.$ref.replace('#/$defs/', '')
    const target = root.$defs?.[name]
    if (!target) throw new Error(`Unresolved $ref ${schema.$ref}`)
    return toArbitrary({ ...target, ...schema, $ref: undefined }, root, ids, depth + 1)
  }
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const choices = schema.anyOf ?? schema.oneOf
  if (choices) return fc.oneof(...choices.map((s) => toArbitrary(s, root, ids, depth + 1)))
  if (schema.allOf) return toArbitrary(Object.assign({}, ...schema.allOf), root, ids, depth + 1)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string':
      return stringArbitrary(schema, ids)
    case 'integer':
    case 'number':
      return numberArbitrary(schema)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(
        schema.items ? toArbitrary(schema.items, root, ids, depth + 1) : fc.jsonValue(),
        {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
        }
      )
    case 'object': {
      const properties = schema.properties ?? {}
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [key, value] of Object.entries(properties)) {
        record[key] = toArbitrary(value, root, ids, depth + 1)
      }
      return fc.record(record, { requiredKeys: schema.required ?? [] })
    }
    default:
      // unrepresentable (z.any, transforms): any JSON.
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** Values the schema's input side accepts, most of the time (patterns and refinements aside). */
export function arbitraryFor(schema: z.ZodType, ids: IdPools = {}): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return toArbitrary(json, json, ids)
}
