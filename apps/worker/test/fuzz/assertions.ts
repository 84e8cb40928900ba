import { ERROR_STATUS, ErrorBodySchema } from '@parley/core'
import type { FuzzRequest } from './requests.ts'

// What every answer must be, whatever was asked: below 500, and in the one JSON envelope when
// it is an error. A failure names the request, so fast-check's counterexample is readable.

const JSON_TYPE = /^application\/json/
/** Successful answers that are not JSON: the poll export's CSV. */
const NOT_JSON_ROUTES = new Set(['GET /v1/admin/sites/:site/polls/:poll/export'])

function describe(request: FuzzRequest, res: Response, text: string): string {
  const body =
    request.body === undefined ? '' : ` body ${JSON.stringify(request.body.slice(0, 300))}`
  return `${request.method} ${request.path.slice(0, 300)}${body} headers ${JSON.stringify(
    request.headers
  ).slice(0, 300)} -> ${res.status} ${res.headers.get('content-type')} ${text.slice(0, 300)}`
}

export async function expectWellFormed(request: FuzzRequest, res: Response): Promise<void> {
  const text = await res.text()
  const fail = (why: string) => {
    throw new Error(`${why}: ${describe(request, res, text)}`)
  }
  if (res.status >= 500) fail('5xx')
  if (res.status < 200) fail('unexpected status')
  const type = res.headers.get('content-type') ?? ''
  // No body to check: HEAD, CORS preflights, 204 and 304 revalidations.
  if (request.method === 'HEAD' || res.status === 204 || res.status === 304) return
  if (res.status >= 300) {
    if (!JSON_TYPE.test(type)) fail('error without JSON content type')
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return fail('error body is not JSON')
    }
    const envelope = ErrorBodySchema.strict().safeParse(parsed)
    if (!envelope.success) return fail('error body is not the envelope')
    if (ERROR_STATUS[envelope.data.error.code] !== res.status) fail('status differs from the code')
    return
  }
  if (request.method === 'OPTIONS') return
  if (NOT_JSON_ROUTES.has(request.route) && !JSON_TYPE.test(type)) return
  if (!JSON_TYPE.test(type)) fail('2xx without JSON content type')
  try {
    JSON.parse(text)
  } catch {
    fail('2xx body is not JSON')
  }
}
