import { ADMIN_ROUTES, CommentSchema, PollSchema, TurnstileSecretStatusSchema } from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin, sitePath } from './admin-helpers.ts'
import {
  api,
  createSites,
  expectBody,
  expectError,
  getThread,
  newReader,
  sendComment,
  SITE,
} from './helpers.ts'
import { createPoll, getPoll, pollPath, vote, withdraw } from './polls-helpers.ts'
import { STAND_IN_SECRET, TOKENS } from './turnstile-stand-in.ts'

// Cloudflare Turnstile, against the local stand-in for siteverify (test/turnstile-stand-in.ts,
// wired in vitest.config.ts through Miniflare's outboundService).

const SITE_KEY = '1x00000000000000000000AA'
const secretPath = sitePath(ADMIN_ROUTES.turnstileSecret)
const patchSettings = (settings: unknown) =>
  admin(sitePath(ADMIN_ROUTES.site), { method: 'PATCH', json: { settings } })
const putSecret = (secret: string) => admin(secretPath, { method: 'PUT', json: { secret } })

let token: string
beforeAll(async () => {
  await createSites()
  token = (await newReader()).token
})

describe('the Turnstile secret', () => {
  it('must be set before Turnstile can be enabled', async () => {
    const none = await expectBody(await admin(secretPath), 200, TurnstileSecretStatusSchema)
    expect(none).toEqual({ configured: false, updatedAt: null })
    const res = await patchSettings({ turnstile: { enabled: true, siteKey: SITE_KEY } })
    await expectError(res, 409, 'conflict', ['body.settings.turnstile.enabled'])
  })

  it('is write-only: PUT stores it, no GET returns it', async () => {
    const set = await expectBody(await putSecret(STAND_IN_SECRET), 200, TurnstileSecretStatusSchema)
    expect(set.configured).toBe(true)
    for (const path of [secretPath, sitePath(ADMIN_ROUTES.site), sitePath(ADMIN_ROUTES.audit)]) {
      const text = await (await admin(path)).text()
      expect(text, path).not.toContain(STAND_IN_SECRET)
    }
  })

  it('refuses an empty or malformed secret, naming the field', async () => {
    await expectError(await putSecret(''), 400, 'invalid_input', ['body.secret'])
    await expectError(await putSecret('has spaces'), 400, 'invalid_input', ['body.secret'])
  })

  it('needs a site key to enable Turnstile', async () => {
    const res = await patchSettings({ turnstile: { enabled: true } })
    await expectError(res, 400, 'invalid_input', ['body.settings.turnstile.siteKey'])
  })

  // Found by the admin fuzz: the patch was checked once more against the defaults alone, which
  // have no site key, and the refusal escaped as a 500.
  it('switches on and off with the site key set before', async () => {
    expect((await patchSettings({ turnstile: { siteKey: SITE_KEY } })).status).toBe(200)
    const on = await patchSettings({ turnstile: { enabled: true } })
    expect(on.status, await on.clone().text()).toBe(200)
    expect((await getThread('turnstile-toggle')).turnstile).toEqual({
      siteKey: SITE_KEY,
      votes: false,
    })
    expect((await patchSettings({ turnstile: { enabled: false } })).status).toBe(200)
    expect((await getThread('turnstile-toggle')).turnstile).toBeNull()
  })
})

describe('posting with Turnstile on', () => {
  beforeAll(async () => {
    expect((await putSecret(STAND_IN_SECRET)).status).toBe(200)
    const res = await patchSettings({ turnstile: { enabled: true, siteKey: SITE_KEY } })
    expect(res.status, await res.clone().text()).toBe(200)
  })

  const post = (turnstileToken?: string) =>
    sendComment(token, 'turnstile', turnstileToken === undefined ? {} : { turnstileToken })

  it('tells the widget through the thread', async () => {
    expect((await getThread('turnstile')).turnstile).toEqual({ siteKey: SITE_KEY, votes: false })
  })

  it('posts with a token siteverify accepts', async () => {
    const comment = await expectBody(await post(TOKENS.pass), 201, CommentSchema)
    expect(comment.status).toBe('published')
  })

  it('answers a retry under the same Idempotency-Key with the stored comment, its token spent', async () => {
    const key = { 'Idempotency-Key': 'turnstile-retry-1' }
    const send = () => sendComment(token, 'turnstile', { turnstileToken: TOKENS.once }, key)
    const first = await expectBody(await send(), 201, CommentSchema)
    // The response was lost; the widget sends the same request again.
    const retry = await expectBody(await send(), 200, CommentSchema)
    expect(retry.id).toBe(first.id)
    // A new comment with that spent token is refused.
    const other = { 'Idempotency-Key': 'turnstile-retry-2' }
    const res = await sendComment(token, 'turnstile', { turnstileToken: TOKENS.once }, other)
    await expectError(res, 403, 'challenge_failed')
  })

  it('answers 400 challenge_required without a token', async () => {
    await expectError(await post(), 400, 'challenge_required', ['body.turnstileToken'])
  })

  it('answers 403 challenge_failed for a token siteverify refuses', async () => {
    await expectError(await post('forged-token'), 403, 'challenge_failed', ['body.turnstileToken'])
  })

  it('answers 503 unavailable with Retry-After when siteverify is down or answers garbage', async () => {
    for (const broken of [TOKENS.down, TOKENS.garbage]) {
      const res = await post(broken)
      await expectError(res, 503, 'unavailable')
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    }
  })

  it("answers 503, not the reader's fault, when siteverify refuses the site's secret", async () => {
    expect((await putSecret('a-wrong-secret')).status).toBe(200)
    await expectError(await post(TOKENS.pass), 503, 'unavailable')
    expect((await putSecret(STAND_IN_SECRET)).status).toBe(200)
  })

  it('keeps the secret while Turnstile is on', async () => {
    await expectError(await admin(secretPath, { method: 'DELETE' }), 409, 'conflict')
  })

  it('tells a standalone poll whether votes need a token', async () => {
    await createPoll({ key: 'turnstile-poll', question: 'Bots?', options: ['Yes', 'No'] })
    // Comments need a token, votes do not yet.
    expect((await getPoll('turnstile-poll')).turnstile).toBeNull()
  })

  it('asks votes for a token only when turnstile.votes is on', async () => {
    // No poll "none": a vote that passes the check gets as far as 404 poll_not_found.
    await expectError(await vote('none', ['o_1'], token), 404, 'poll_not_found')
    expect((await patchSettings({ turnstile: { votes: true } })).status).toBe(200)
    expect((await getThread('turnstile')).turnstile?.votes).toBe(true)
    await expectError(await vote('none', ['o_1'], token), 400, 'challenge_required')
    const passed = await api(`/v1/sites/${SITE}/polls/none/vote`, {
      method: 'PUT',
      token,
      json: { optionIds: ['o_1'], turnstileToken: TOKENS.pass },
    })
    await expectError(passed, 404, 'poll_not_found')
  })

  it('says so through the poll; a vote with an accepted token counts, withdrawing needs none', async () => {
    const poll = 'turnstile-poll'
    expect((await getPoll(poll, token)).turnstile).toEqual({ siteKey: SITE_KEY })
    await expectError(await vote(poll, ['o_1'], token), 400, 'challenge_required')
    const put = (turnstileToken: string) =>
      api(`${pollPath(poll)}/vote`, {
        method: 'PUT',
        token,
        json: { optionIds: ['o_2'], turnstileToken },
      })
    await expectError(await put('forged-token'), 403, 'challenge_failed')
    const voted = await expectBody(await put(TOKENS.pass), 200, PollSchema)
    // The answer keeps telling the widget, so its next vote (a change) asks for a token too.
    expect(voted).toMatchObject({ myChoices: ['o_2'], turnstile: { siteKey: SITE_KEY } })
    expect(voted.results?.voters).toBe(1)
    // Withdrawing is not guarded (requireTurnstile is only on PUT): it adds no vote to stuff.
    const withdrawn = await expectBody(await withdraw(poll, token), 200, PollSchema)
    expect(withdrawn.myChoices).toEqual([])
  })

  it('is off again once disabled: no token needed, and the secret may go', async () => {
    expect((await patchSettings({ turnstile: { enabled: false } })).status).toBe(200)
    expect((await getThread('turnstile')).turnstile).toBeNull()
    expect((await getPoll('turnstile-poll')).turnstile).toBeNull()
    expect((await post()).status).toBe(201)
    const gone = await admin(secretPath, { method: 'DELETE' })
    expect(await expectBody(gone, 200, TurnstileSecretStatusSchema)).toEqual({
      configured: false,
      updatedAt: null,
    })
  })
})
