// A local stand-in for Cloudflare Turnstile's siteverify endpoint, which the tests cannot reach.
// vitest.config.ts routes the Worker's outbound fetches through `outboundService` (Miniflare):
// requests to STAND_IN_URL's host are answered here, in Node; anything else goes out unchanged.
// The answers follow https://developers.cloudflare.com/turnstile/get-started/server-side-validation/.

export const STAND_IN_URL = 'https://turnstile.stand-in.test/turnstile/v0/siteverify'
export const STAND_IN_SECRET = 'test-turnstile-secret'

/** Tokens the stand-in knows: everything else is refused as invalid-input-response. */
export const TOKENS = {
  pass: 'stand-in-pass',
  /** Single-use, as real tokens are: accepted once, then refused as timeout-or-duplicate. */
  once: 'stand-in-once',
  /** siteverify is down: 503. */
  down: 'stand-in-down',
  /** siteverify answers something that is not its JSON. */
  garbage: 'stand-in-garbage',
} as const

const spent = new Set<string>()

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

export async function turnstileStandIn(request: Request): Promise<Response> {
  const url = new URL(request.url)
  if (url.host !== new URL(STAND_IN_URL).host) return fetch(request)
  if (request.method !== 'POST' || url.pathname !== new URL(STAND_IN_URL).pathname) {
    return new Response('not found', { status: 404 })
  }
  const form = await request.formData()
  const token = form.get('response')
  if (token === TOKENS.down) return new Response('unavailable', { status: 503 })
  if (token === TOKENS.garbage) return new Response('<html>oops</html>', { status: 200 })
  if (form.get('secret') !== STAND_IN_SECRET) {
    return json({ success: false, 'error-codes': ['invalid-input-secret'] })
  }
  if (token === TOKENS.once) {
    if (spent.has(token)) return json({ success: false, 'error-codes': ['timeout-or-duplicate'] })
    spent.add(token)
  }
  if (token === TOKENS.pass || token === TOKENS.once) {
    return json({
      success: true,
      challenge_ts: new Date().toISOString(),
      hostname: 'news.example',
      'error-codes': [],
    })
  }
  return json({ success: false, 'error-codes': ['invalid-input-response'] })
}
