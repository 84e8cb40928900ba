/** Route templates in Hono syntax, shared by the worker (routing) and the OpenAPI document. */
export const ROUTES = {
  readers: '/v1/sites/:site/readers',
  thread: '/v1/sites/:site/threads/:thread',
  comments: '/v1/sites/:site/threads/:thread/comments',
  poll: '/v1/sites/:site/polls/:poll',
  vote: '/v1/sites/:site/polls/:poll/vote',
  openapi: '/v1/openapi.json',
} as const
