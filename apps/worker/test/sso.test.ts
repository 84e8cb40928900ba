import {
  ReaderSchema,
  SSO_CLOCK_SKEW,
  SSO_SESSION_TTL,
  SSO_TOKEN_LIFETIME_MAX,
  SsoSecretStatusSchema,
  SsoSessionSchema,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { readerIdsOfPublisherUser } from '../src/db/sso.ts'
import { signSsoSession, verifySsoSession } from '../src/lib/sso-session.ts'
import { admin, auditOf } from './admin-helpers.ts'
import { api, createSites, expectBody, expectError, OTHER_SITE, SITE } from './helpers.ts'
import {
  claimsFor,
  craftedToken,
  exchange,
  nowSeconds,
  publisherToken,
  setSsoSecret,
  signIn,
  SSO_SECRET,
  ssoSecretPath,
} from './sso-helpers.ts'

const OTHER_SECRET = 'blog-sso-secret-0123456789-abcdefghijklmnop'

beforeAll(async () => {
  await createSites()
  await setSsoSecret(SITE, SSO_SECRET)
  await setSsoSecret(OTHER_SITE, OTHER_SECRET)
})

/** 401 sso_token_invalid naming body.token, with a message matching `why`. */
async function expectRefused(token: string, why: RegExp, site = SITE) {
  const body = await expectError(await exchange(token, site), 401, 'sso_token_invalid', [
    'body.token',
  ])
  expect(body.error.message).toMatch(why)
}

describe('POST /v1/sites/:site/sso/session', () => {
  it('trades a valid token for a session bound to the publisher user', async () => {
    const token = await publisherToken('u-valid', {
      name: '  Ada   Lovelace ',
      avatar: 'https://cdn.news.example/ada.png',
    })
    const session = await expectBody(await exchange(token), 201, SsoSessionSchema)
    expect(session.user).toEqual({
      id: 'u-valid',
      name: 'Ada Lovelace',
      avatarUrl: 'https://cdn.news.example/ada.png',
    })
    expect(session.readerId).toMatch(/^r_/)
    const expiresIn = Date.parse(session.expiresAt) - Date.now()
    expect(expiresIn).toBeGreaterThan(0)
    expect(expiresIn).toBeLessThanOrEqual(SSO_SESSION_TTL * 1000)
    // The session token is a reader token of this site and of no other.
    expect(await verifySsoSession(env.READER_TOKEN_SECRET, SITE, session.token)).toBe(
      session.readerId
    )
    expect(await verifySsoSession(env.READER_TOKEN_SECRET, OTHER_SITE, session.token)).toBeNull()
    expect(await readerIdsOfPublisherUser(env.DB, SITE, 'u-valid')).toEqual([session.readerId])
  })

  it('accepts aud as a list holding the site', async () => {
    const token = await publisherToken('u-aud-list', { aud: ['elsewhere', SITE] })
    await expectBody(await exchange(token), 201, SsoSessionSchema)
  })

  it('refuses a token that has expired, beyond the clock skew', async () => {
    const now = nowSeconds()
    const token = await publisherToken('u-expired', {
      iat: now - 300 - SSO_CLOCK_SKEW - 5,
      exp: now - SSO_CLOCK_SKEW - 5,
    })
    await expectRefused(token, /has expired/)
  })

  it('accepts a token that expired within the clock skew', async () => {
    const now = nowSeconds()
    const token = await publisherToken('u-skew', { iat: now - 300, exp: now - 10 })
    await expectBody(await exchange(token), 201, SsoSessionSchema)
  })

  it('refuses a token issued in the future or not valid yet, beyond the clock skew', async () => {
    const later = nowSeconds() + SSO_CLOCK_SKEW + 30
    await expectRefused(
      await publisherToken('u-future', { iat: later, exp: later + 60 }),
      /not valid yet/
    )
    await expectRefused(await publisherToken('u-nbf', { nbf: later }), /not valid yet/)
  })

  it(`refuses a lifetime over SSO_TOKEN_LIFETIME_MAX (${SSO_TOKEN_LIFETIME_MAX} s)`, async () => {
    const iat = nowSeconds()
    await expectRefused(
      await publisherToken('u-long', { iat, exp: iat + SSO_TOKEN_LIFETIME_MAX + 1 }),
      /lives longer than/
    )
    await expectRefused(
      await publisherToken('u-inverted', { iat, exp: iat }),
      /before it was issued/
    )
  })

  it('refuses a token signed with another secret (another site, or a guess)', async () => {
    await expectRefused(await publisherToken('u-forged', {}, OTHER_SECRET), /wrong signature/)
    await expectRefused(await publisherToken('u-forged', {}, `${SSO_SECRET}x`), /wrong signature/)
  })

  it('refuses another site’s token, even signed with that site’s own secret', async () => {
    // For the other site, signed with its secret: valid there, worthless here.
    const theirs = await publisherToken('u-other', { aud: OTHER_SITE }, OTHER_SECRET)
    await expectRefused(theirs, /wrong signature/)
    // For the other site but signed with our secret: the audience decides.
    await expectRefused(await publisherToken('u-other', { aud: OTHER_SITE }), /another site/)
    // And it is accepted where it belongs.
    await expectBody(await exchange(theirs, OTHER_SITE), 201, SsoSessionSchema)
  })

  it('refuses alg none, other algorithms and a header swapped to RS256', async () => {
    const claims = claimsFor('u-alg')
    await expectRefused(
      await craftedToken({ alg: 'none', typ: 'JWT' }, claims, { hash: null }),
      /header/
    )
    await expectRefused(
      await craftedToken({ alg: 'HS512', typ: 'JWT' }, claims, { hash: 'SHA-512' }),
      /header/
    )
    // The key-confusion attack: an RS256 header over an HMAC made with the "public key".
    await expectRefused(await craftedToken({ alg: 'RS256', typ: 'JWT' }, claims), /header/)
    await expectRefused(await craftedToken({ alg: 'HS256', typ: 'JOSE+JSON' }, claims), /header/)
    // The same claims with the right header pass: the refusals were about the header alone.
    await expectBody(
      await exchange(await craftedToken({ alg: 'HS256', typ: 'JWT' }, claims)),
      201,
      SsoSessionSchema
    )
  })

  it('refuses a tampered payload', async () => {
    const token = await publisherToken('u-tamper', { name: 'Mallory' })
    const [header, , mac] = token.split('.')
    const payload = btoa(JSON.stringify(claimsFor('u-admin', { name: 'Mallory' })))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
    await expectRefused(`${header}.${payload}.${mac}`, /wrong signature/)
  })

  it('refuses malformed tokens and missing claims with 4xx, never 500', async () => {
    await expectRefused('not-a-jwt', /well-formed/)
    await expectRefused('a.b.c', /well-formed/)
    await expectRefused(await publisherToken('u-nosub', { sub: undefined }), /claims: sub/)
    await expectRefused(await publisherToken('u-nojti', { jti: undefined }), /claims: jti/)
    await expectRefused(
      await publisherToken('u-http', { avatar: 'http://cdn.news.example/a.png' }),
      /claims: avatar/
    )
    await expectRefused(await publisherToken('u-blank', { name: ' \u200b ' }), /empty name/)
    await expectError(
      await api('/v1/sites/news/sso/session', { method: 'POST', json: {} }),
      400,
      'invalid_input',
      ['body.token']
    )
  })

  it('refuses a replayed token (same jti), even after the first exchange', async () => {
    const token = await publisherToken('u-replay')
    await expectBody(await exchange(token), 201, SsoSessionSchema)
    await expectRefused(token, /already used/)
    // A concurrent replay: exactly one of two simultaneous exchanges wins.
    const twice = await publisherToken('u-replay-race')
    const statuses = (await Promise.all([exchange(twice), exchange(twice)])).map((r) => r.status)
    expect(statuses.sort()).toEqual([201, 401])
  })

  it('does not let a forged token use up the jti of a real one', async () => {
    const claims = claimsFor('u-jti')
    await expectRefused(
      await craftedToken({ alg: 'HS256', typ: 'JWT' }, claims, { secret: 'x'.repeat(40) }),
      /wrong signature/
    )
    await expectBody(
      await exchange(await craftedToken({ alg: 'HS256', typ: 'JWT' }, claims)),
      201,
      SsoSessionSchema
    )
  })

  it('forgets used jti once their tokens have expired', async () => {
    const past = Date.now() - 1000
    await env.DB.prepare(
      'INSERT INTO sso_token_uses (site_id, jti, expires_at) VALUES (?1, ?2, ?3)'
    )
      .bind(SITE, 'jti-long-gone', past)
      .run()
    await signIn('u-purge')
    const row = await env.DB.prepare('SELECT 1 FROM sso_token_uses WHERE jti = ?1')
      .bind('jti-long-gone')
      .first()
    expect(row).toBeNull()
  })

  it('answers 409 sso_not_configured on a site without a secret', async () => {
    await admin(ssoSecretPath(OTHER_SITE), { method: 'DELETE' })
    const token = await publisherToken('u-none', { aud: OTHER_SITE }, OTHER_SECRET)
    await expectError(await exchange(token, OTHER_SITE), 409, 'sso_not_configured')
    await setSsoSecret(OTHER_SITE, OTHER_SECRET)
  })

  it('gives the same reader to the same user on every device, another to another user', async () => {
    const [phone, laptop, someoneElse] = await Promise.all([
      signIn('u-devices'),
      signIn('u-devices'),
      signIn('u-someone-else'),
    ])
    expect(laptop.readerId).toBe(phone.readerId)
    expect(someoneElse.readerId).not.toBe(phone.readerId)
    // The same user id on another site is another person.
    const there = await expectBody(
      await exchange(
        await publisherToken('u-devices', { aud: OTHER_SITE }, OTHER_SECRET),
        OTHER_SITE
      ),
      201,
      SsoSessionSchema
    )
    expect(there.readerId).not.toBe(phone.readerId)
  })

  it('takes the name of a newer token, never of an older one', async () => {
    const iat = nowSeconds()
    const first = await signIn('u-rename', { name: 'Old Name', iat: iat - 20, exp: iat + 200 })
    const renamed = await signIn('u-rename', { name: 'New Name', iat: iat - 10, exp: iat + 200 })
    expect(renamed.user.name).toBe('New Name')
    expect(renamed.readerId).toBe(first.readerId)
    // A token signed before the rename, exchanged late (another tab), does not undo it.
    const stale = await signIn('u-rename', { name: 'Old Name', iat: iat - 15, exp: iat + 200 })
    expect(stale.user.name).toBe('New Name')
  })
})

describe('session tokens', () => {
  it('expire: an expired session token is refused with 401 and a message saying so', async () => {
    const { readerId } = await signIn('u-session')
    const old = await signSsoSession(
      env.READER_TOKEN_SECRET,
      SITE,
      readerId,
      Date.now() - SSO_SESSION_TTL * 1000 - 1
    )
    const body = await expectError(
      await api('/v1/sites/news/threads/sso-expiry/comments', {
        method: 'POST',
        token: old.token,
        json: { authorName: 'X', text: 'Hello' },
      }),
      401,
      'unauthorized'
    )
    expect(body.error.message).toMatch(/session expired/)
  })

  it('cannot be made from an anonymous reader token', async () => {
    const res = await api('/v1/sites/news/readers', { method: 'POST', json: {} })
    const anonymous = ReaderSchema.parse(await res.json())
    const [readerId, mac] = anonymous.token.split('.')
    const far = Date.now() + 10 ** 9
    expect(
      await verifySsoSession(env.READER_TOKEN_SECRET, SITE, `${readerId}.${far}.${mac}`)
    ).toBeNull()
  })
})

describe('PUT/GET/DELETE /v1/admin/sites/:site/sso/secret', () => {
  it('generates a secret, returns it once, never again, and audits without it', async () => {
    const put = await expectBody(
      await admin(ssoSecretPath(), { method: 'PUT' }),
      200,
      SsoSecretStatusSchema
    )
    expect(put.configured).toBe(true)
    expect(put.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const got = await expectBody(await admin(ssoSecretPath()), 200, SsoSecretStatusSchema)
    expect(got).toEqual({ configured: true, updatedAt: put.updatedAt })
    // Tokens signed with the generated secret work; with the one it replaced, no more.
    await expectRefused(await publisherToken('u-rotated'), /wrong signature/)
    await expectBody(
      await exchange(await publisherToken('u-rotated', {}, put.secret!)),
      201,
      SsoSessionSchema
    )
    // A secret the admin chose is not echoed.
    const set = await expectBody(
      await admin(ssoSecretPath(), { method: 'PUT', json: { secret: SSO_SECRET } }),
      200,
      SsoSecretStatusSchema
    )
    expect(set.secret).toBeUndefined()
    const entries = await auditOf('site', SITE)
    const ssoEntries = entries.filter((e) => e.action.startsWith('site.sso_secret'))
    expect(ssoEntries.map((e) => e.action).slice(-2)).toEqual([
      'site.sso_secret.rotate',
      'site.sso_secret.rotate',
    ])
    expect(JSON.stringify(entries)).not.toContain(put.secret)
    expect(JSON.stringify(entries)).not.toContain(SSO_SECRET)
  })

  it('refuses a short secret with 400 naming body.secret', async () => {
    await expectError(
      await admin(ssoSecretPath(), { method: 'PUT', json: { secret: 'short' } }),
      400,
      'invalid_input',
      ['body.secret']
    )
  })
})
