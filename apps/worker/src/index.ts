import { ROUTES } from '@parley/core'
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { requestId } from 'hono/request-id'
import type { AppEnv } from './env.ts'
import { methodNotAllowedResponse, notFound, onError } from './errors.ts'
import { guardWriteOrigin, loadSite, siteCors } from './middleware/site.ts'
import { openApiDocument } from './openapi.ts'
import { adminAudit } from './routes/admin/audit.ts'
import { adminBans } from './routes/admin/bans.ts'
import { adminComments } from './routes/admin/comments.ts'
import { adminDsa } from './routes/admin/dsa.ts'
import { adminExperts } from './routes/admin/experts.ts'
import { adminKeys } from './routes/admin/keys.ts'
import { adminPolls } from './routes/admin/polls.ts'
import { adminPortability } from './routes/admin/portability.ts'
import { adminPrivacy } from './routes/admin/privacy.ts'
import { adminSiteRoutes } from './routes/admin/site.ts'
import { adminSso } from './routes/admin/sso.ts'
import { adminTurnstile } from './routes/admin/turnstile.ts'
import { appeal } from './routes/appeal.ts'
import { comment } from './routes/comment.ts'
import { comments } from './routes/comments.ts'
import { counts } from './routes/counts.ts'
import { invitations } from './routes/invitations.ts'
import { notices } from './routes/notices.ts'
import { polls } from './routes/polls.ts'
import { privacy } from './routes/privacy.ts'
import { reaction } from './routes/reaction.ts'
import { readers } from './routes/readers.ts'
import { replies } from './routes/replies.ts'
import { reports } from './routes/reports.ts'
import { ssoSession } from './routes/sso.ts'
import { threads } from './routes/threads.ts'
import { scheduled } from './scheduled.ts'

const app = new Hono<AppEnv>()

app.use(requestId())
app.use(methodNotAllowed({ app, onMethodNotAllowed: methodNotAllowedResponse }))
app.use(ROUTES.openapi, cors())
app.use('/v1/sites/:site/*', loadSite, siteCors, guardWriteOrigin)

app.onError(onError)
app.notFound(notFound)

const routes = app
  .route(ROUTES.readers, readers)
  .route(ROUTES.readerMe, privacy)
  .route(ROUTES.ssoSession, ssoSession)
  .route(ROUTES.thread, threads)
  .route(ROUTES.comments, comments)
  .route(ROUTES.comment, comment)
  .route(ROUTES.replies, replies)
  .route(ROUTES.reaction, reaction)
  .route(ROUTES.reports, reports)
  .route(ROUTES.notices, notices)
  .route(ROUTES.appeal, appeal)
  .route(ROUTES.counts, counts)
  .route(ROUTES.poll, polls)
  // Full ADMIN_ROUTES paths inside, behind the admin guard (no CORS, bearer ADMIN_TOKEN).
  .route('/', adminPolls)
  .route('/', adminKeys)
  .route('/', adminSiteRoutes)
  .route('/', adminSso)
  .route('/', adminTurnstile)
  .route('/', adminAudit)
  .route('/', adminBans)
  .route('/', adminComments)
  .route('/', adminDsa)
  .route('/', adminExperts)
  .route('/', adminPortability)
  .route('/', adminPrivacy)
  // The expert's invitation link: ROUTES paths inside, same-origin browsers only (no CORS).
  .route('/', invitations)
  .get(ROUTES.openapi, (c) => c.json(openApiDocument()))

export type AppType = typeof routes
// The Hono app is the Worker's fetch handler; the daily retention clean-up is its scheduled one.
export default Object.assign(routes, { scheduled })
