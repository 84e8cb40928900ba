import { ROUTES } from '@parley/core'
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { requestId } from 'hono/request-id'
import type { AppEnv } from './env.ts'
import { methodNotAllowedResponse, notFound, onError } from './errors.ts'
import { guardWriteOrigin, loadSite, siteCors } from './middleware/site.ts'
import { openApiDocument } from './openapi.ts'
import { comments } from './routes/comments.ts'
import { polls } from './routes/polls.ts'
import { readers } from './routes/readers.ts'
import { threads } from './routes/threads.ts'

const app = new Hono<AppEnv>()

app.use(requestId())
app.use(methodNotAllowed({ app, onMethodNotAllowed: methodNotAllowedResponse }))
app.use(ROUTES.openapi, cors())
app.use('/v1/sites/:site/*', loadSite, siteCors, guardWriteOrigin)

app.onError(onError)
app.notFound(notFound)

const routes = app
  .route(ROUTES.readers, readers)
  .route(ROUTES.thread, threads)
  .route(ROUTES.comments, comments)
  .route(ROUTES.poll, polls)
  .get(ROUTES.openapi, (c) => c.json(openApiDocument()))

export type AppType = typeof routes
export default routes
