import type { SignInAction } from '@parley/core'
import { createMiddleware } from 'hono/factory'
import type { Site } from '../db/sites.ts'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../errors.ts'
import { verifyReaderToken } from '../lib/reader-token.ts'
import { isSsoSessionToken, verifySsoSession } from '../lib/sso-session.ts'

type ReaderContext = {
  env: Env
  var: { site: Site }
  req: { header(name: string): string | undefined }
}

/** Who a valid bearer token is: an anonymous reader, or one signed in by the publisher (SSO). */
export interface ReaderSession {
  readerId: string
  signedIn: boolean
}

const bearerOf = (c: ReaderContext) =>
  /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? null

/** The reader of a valid `Authorization: Bearer <token>` for this site, else null. */
export async function readerSessionOf(c: ReaderContext): Promise<ReaderSession | null> {
  const token = bearerOf(c)
  if (!token) return null
  const secret = c.env.READER_TOKEN_SECRET
  if (isSsoSessionToken(token)) {
    const readerId = await verifySsoSession(secret, c.var.site.id, token)
    return readerId ? { readerId, signedIn: true } : null
  }
  const readerId = await verifyReaderToken(secret, c.var.site.id, token)
  return readerId ? { readerId, signedIn: false } : null
}

/** The reader id of a valid `Authorization: Bearer <token>` for this site, else null. */
export async function readerOf(c: ReaderContext): Promise<string | null> {
  return (await readerSessionOf(c))?.readerId ?? null
}

export type ReaderEnv = AppEnv & { Variables: { readerId: string; signedIn: boolean } }

/** Writes need a reader token of this site: 401 unauthorized otherwise. */
export const requireReader = createMiddleware<ReaderEnv>(async (c, next) => {
  const session = await readerSessionOf(c)
  if (!session) {
    const token = bearerOf(c)
    // The widget asks the publisher's page for a fresh token when its session runs out.
    const message =
      token && isSsoSessionToken(token)
        ? 'The sign-in session expired: exchange a fresh publisher token'
        : 'Send "Authorization: Bearer <token>" with a reader token of this site'
    throw new ApiError('unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer' } })
  }
  c.set('readerId', session.readerId)
  c.set('signedIn', session.signedIn)
  await next()
})

/**
 * After requireReader: 403 sign_in_required when the site requires a signed-in reader for this
 * action (settings.signIn) and the token is an anonymous one. Not 401: the anonymous token is
 * valid, and a client that starts over with a fresh reader on 401 must keep it.
 */
export const requireSignIn = (action: SignInAction) =>
  createMiddleware<ReaderEnv>(async (c, next) => {
    if (c.var.site.settings.signIn[action] === 'required' && !c.var.signedIn) {
      throw new ApiError('sign_in_required', `This site requires readers to sign in to ${action}`)
    }
    await next()
  })
