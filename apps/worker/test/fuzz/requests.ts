import { BODY_MAX_BYTES } from '@parley/core'
import { exports } from 'cloudflare:workers'
import fc from 'fast-check'
import { WORKER_ORIGIN } from '../helpers.ts'
import type { FuzzRoute } from './routes.ts'
import { arbitraryFor } from './schema-arbitrary.ts'
import {
  contentType,
  encodeLoose,
  hostileSegment,
  longString,
  malformedJson,
  mutated,
  oddString,
} from './mutations.ts'
import { ALLOWED_ORIGIN, type Seed } from './seed.ts'

// One generated request per route: the route's method most of the time, path parameters from
// the seeded pools or hostile, a query and body built from the contract schema and then often
// mutated or broken, and credentials that are valid most of the time so the deep paths run.

export interface FuzzRequest {
  route: string
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

const weighted = <T>(...entries: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })))

/** A value for one path parameter, already encoded for the URL. */
function paramArbitrary(name: string, seed: Seed): fc.Arbitrary<string> {
  const pool = seed.pools[name]
  if (!pool) throw new Error(`No seeded pool for path parameter :${name} (add one in seed.ts)`)
  return weighted(
    [16, fc.constantFrom(...pool).map(encodeURIComponent)],
    [1, fc.constantFrom(...pool).map((v) => v.toUpperCase())],
    // Well-formed ids nobody made.
    [1, fc.constantFrom('c_0000000000zz', 'o_987654', 'x_0000000000zz', 'nope', 'pk_0000000000')],
    [3, hostileSegment]
  )
}

/** A query string: from the schema (then often mutated), or junk on routes that take none. */
function queryArbitrary(spec: FuzzRoute, seed: Seed): fc.Arbitrary<string> {
  const junk = fc
    .array(
      fc.tuple(fc.oneof(fc.constantFrom('limit', 'cursor', 'sort'), oddString), hostileSegment),
      {
        maxLength: 3,
      }
    )
    .map((pairs) => pairs.map(([k, v]) => `${encodeLoose(k)}=${v}`).join('&'))
  if (!spec.query) return weighted([9, fc.constant('')], [1, junk])
  const valid = arbitraryFor(spec.query, seed.ids)
  const toQuery = (value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return `q=${encodeLoose(String(value))}`
    }
    return Object.entries(value as Record<string, unknown>)
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((item) => [k, item] as const))
      .map(([k, v]) => {
        const text = typeof v === 'object' ? JSON.stringify(v) : String(v)
        return `${encodeLoose(k)}=${encodeLoose(text ?? '')}`
      })
      .join('&')
  }
  return weighted(
    [6, valid.map(toQuery)],
    [3, mutated(valid).map(toQuery)],
    // The same key twice, and a raw hostile value.
    [1, fc.tuple(valid.map(toQuery), junk).map(([a, b]) => [a, a, b].filter(Boolean).join('&'))]
  )
}

function authArbitrary(spec: FuzzRoute, seed: Seed): fc.Arbitrary<string | undefined> {
  const c = seed.credentials
  const garbage = fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Basic YWRtaW46YWRtaW4=',
    'bearer x.y.z',
    `Bearer ${c.readers[0]!}x`,
    `Bearer ${c.readers[0]!.slice(0, -4)}AAAA`,
    `Bearer ${c.owner}x`,
    `Bearer ${c.admin.slice(0, -8)}aaaaaaaa`,
    'Bearer pk_',
    `Bearer ${'a'.repeat(5000)}`,
    "Bearer ' OR 1=1 --",
    'Bearer %2e%2e%2f'
  )
  const bearer = (token: string) => `Bearer ${token}`
  const readerAuth = fc.constantFrom(...c.readers).map(bearer)
  if (spec.auth === 'admin') {
    return weighted(
      [6, fc.constant(bearer(c.owner))],
      [5, fc.constant(bearer(c.admin))],
      [3, fc.constant(bearer(c.moderator))],
      [1, fc.constant(bearer(c.otherSiteAdmin))],
      [1, fc.constant(undefined)],
      [1, readerAuth],
      [1, garbage]
    )
  }
  return weighted(
    [spec.auth === 'reader' ? 14 : 3, readerAuth],
    [2, fc.constant(undefined)],
    [1, fc.constant(bearer(c.otherSiteReader))],
    [1, fc.constant(bearer(c.owner))],
    [1, garbage]
  )
}

/**
 * Header values a browser's fetch would send (printable ASCII: workerd encodes others as UTF-8
 * with a warning, and a Request refuses CR, LF and NUL), odd nonetheless.
 */
const headerJunk = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '*',
    'null',
    "'; DROP TABLE bans; --",
    '../../',
    '%00',
    'a'.repeat(3000)
  ),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)) })
)

function headersArbitrary(spec: FuzzRoute, seed: Seed): fc.Arbitrary<Record<string, string>> {
  return fc
    .record(
      {
        authorization: authArbitrary(spec, seed),
        origin: weighted(
          [12, fc.constant(undefined)],
          [2, fc.constantFrom(ALLOWED_ORIGIN, WORKER_ORIGIN)],
          [1, fc.constantFrom('https://evil.example', 'null', 'https://news.example.evil.example')],
          [1, headerJunk]
        ),
        network: weighted<readonly [string, string] | undefined>(
          [6, fc.constant(undefined)],
          [2, fc.ipV4().map((ip) => ['cf-connecting-ip', ip] as const)],
          [1, fc.ipV6().map((ip) => ['cf-connecting-ip', ip] as const)],
          [1, headerJunk.map((v) => ['cf-connecting-ip', v] as const)],
          [1, headerJunk.map((v) => ['x-forwarded-for', v] as const)]
        ),
        idempotency: spec.headers
          ? weighted(
              [3, fc.constant(undefined)],
              [2, fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)],
              [1, headerJunk]
            )
          : fc.constant(undefined),
        ifNoneMatch: weighted([8, fc.constant(undefined)], [1, headerJunk], [1, fc.constant('*')]),
        acceptLanguage: weighted([8, fc.constant(undefined)], [1, headerJunk]),
      },
      { requiredKeys: [] }
    )
    .map((h) => {
      const out: Record<string, string> = {}
      if (h.authorization !== undefined) out.authorization = h.authorization
      if (h.origin !== undefined) out.origin = h.origin
      if (h.network) out[h.network[0]] = h.network[1]
      if (h.idempotency !== undefined) out['idempotency-key'] = h.idempotency
      if (h.ifNoneMatch !== undefined) out['if-none-match'] = h.ifNoneMatch
      if (h.acceptLanguage !== undefined) out['accept-language'] = h.acceptLanguage
      return out
    })
}

function bodyArbitrary(spec: FuzzRoute, seed: Seed): fc.Arbitrary<string | undefined> {
  const stringify = (value: unknown) => JSON.stringify(value) ?? 'null'
  if (!spec.body) {
    return weighted(
      [8, fc.constant(undefined)],
      [1, fc.jsonValue().map(stringify)],
      [1, malformedJson]
    )
  }
  const valid = arbitraryFor(spec.body, seed.ids)
  return weighted(
    [10, valid.map(stringify)],
    [6, mutated(valid).map(stringify)],
    [2, malformedJson],
    [1, fc.constant(undefined)],
    // Past BODY_MAX_BYTES, inside a JSON string or as padding around valid JSON.
    [1, longString.map((s) => stringify({ text: s, pad: 'x'.repeat(BODY_MAX_BYTES - 10) }))]
  )
}

/** Requests for one route ("METHOD template") of the app. */
export function requestArbitrary(
  name: string,
  spec: FuzzRoute,
  seed: Seed
): fc.Arbitrary<FuzzRequest> {
  const [method, template] = name.split(' ') as [string, string]
  const params = [...template.matchAll(/:(\w+)/g)].map((m) => m[1]!)
  const paramValues = fc.tuple(...params.map((p) => paramArbitrary(p, seed)))
  return fc
    .record({
      method: weighted([18, fc.constant(method)], [1, fc.constantFrom(...METHODS)]),
      params: paramValues,
      query: queryArbitrary(spec, seed),
      headers: headersArbitrary(spec, seed),
      body: bodyArbitrary(spec, seed),
      contentType,
    })
    .map((r) => {
      let i = 0
      const path =
        template.replace(/:(\w+)/g, () => r.params[i++]!) + (r.query ? `?${r.query}` : '')
      const headers = { ...r.headers }
      const hasBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD'
      if (hasBody && r.contentType !== undefined) headers['content-type'] = r.contentType
      return { route: name, method: r.method, path, headers, body: hasBody ? r.body : undefined }
    })
}

/** What the fuzzers sent and got, for the summary line. */
export const stats = {
  requests: 0,
  byStatus: new Map<number, number>(),
  slowest: { ms: 0, request: '' },
}

/** A request left unanswered this long fails the run (a hang is a bug too). */
const HUNG_MS = 10_000

const describe = (r: FuzzRequest) =>
  `${r.method} ${r.path.slice(0, 200)} ${JSON.stringify(r.body?.slice(0, 200) ?? null)} ${JSON.stringify(r.headers).slice(0, 200)}`

export async function send(request: FuzzRequest): Promise<Response> {
  let url: string
  try {
    url = new URL(request.path, WORKER_ORIGIN).href
  } catch {
    // A path the URL parser refuses never reaches a Worker; send the route's bare path instead.
    url = `${WORKER_ORIGIN}/v1/openapi.json`
  }
  const started = Date.now()
  let timer: ReturnType<typeof setTimeout> | undefined
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer in ${HUNG_MS} ms: ${describe(request)}`)),
      HUNG_MS
    )
  })
  const res = await Promise.race([
    exports.default.fetch(
      new Request(url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
      })
    ),
    hung,
  ]).finally(() => {
    if (timer !== undefined) clearTimeout(timer)
  })
  const ms = Date.now() - started
  if (ms > stats.slowest.ms) stats.slowest = { ms, request: describe(request) }
  stats.requests++
  if (stats.requests % 1000 === 0) console.log(`[fuzz] ${stats.requests} requests so far`)
  stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1)
  return res
}
