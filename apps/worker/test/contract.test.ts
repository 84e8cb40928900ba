import {
  ThreadSchema,
  type EditComment,
  type ListCommentsQuerySchema,
  type NewReport,
  type ReactionInputSchema,
  type NewComment,
  type NewCommentSchema,
  type EditPollSchema,
  type NewPollSchema,
  type VoteSchema,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import type { MiddlewareHandler } from 'hono'
import type { InferRequestType } from 'hono/client'
import { testClient } from 'hono/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import app, { type AppType } from '../src/index.ts'
import type { listCommentsQuery, newCommentBody } from '../src/routes/comments.ts'
import { createSites, SITE } from './helpers.ts'

// Type-level assertions (zod-validator's v4.test.ts style): contract drift fails `pnpm typecheck`.
type Equal<X, Y> =
  (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false
type Expect<T extends true> = T

/** What a validator middleware hands the handler as c.req.valid(target). */
type Validated<M, Target extends string> =
  M extends MiddlewareHandler<infer _E, infer _P, infer I>
    ? I extends { out: Record<Target, infer O> }
      ? O
      : never
    : never

type Client = ReturnType<typeof testClient<AppType>>
type CommentsEndpoint = Client['v1']['sites'][':site']['threads'][':thread']['comments']
type VoteEndpoint = Client['v1']['sites'][':site']['polls'][':poll']['vote']
type CommentEndpoint = Client['v1']['sites'][':site']['comments'][':comment']
type AdminPollsEndpoint = Client['v1']['admin']['sites'][':site']['polls']

export type ContractTypeTests = [
  // Handlers see exactly the core schemas' output (cleaned, defaults applied) …
  Expect<Equal<Validated<typeof newCommentBody, 'json'>, z.output<typeof NewCommentSchema>>>,
  Expect<
    Equal<Validated<typeof listCommentsQuery, 'query'>, z.output<typeof ListCommentsQuerySchema>>
  >,
  Expect<
    Equal<
      Validated<typeof listCommentsQuery, 'query'>['sort'],
      'newest' | 'oldest' | 'top' | 'balanced'
    >
  >,
  // … and typed clients send exactly its input.
  Expect<Equal<InferRequestType<CommentsEndpoint['$post']>['json'], NewComment>>,
  Expect<Equal<InferRequestType<VoteEndpoint['$put']>['json'], z.input<typeof VoteSchema>>>,
  Expect<
    Equal<InferRequestType<AdminPollsEndpoint['$post']>['json'], z.input<typeof NewPollSchema>>
  >,
  Expect<
    Equal<
      InferRequestType<AdminPollsEndpoint[':poll']['$patch']>['json'],
      z.input<typeof EditPollSchema>
    >
  >,
  Expect<Equal<InferRequestType<CommentEndpoint['$patch']>['json'], EditComment>>,
  Expect<
    Equal<
      InferRequestType<CommentEndpoint['reaction']['$put']>['json'],
      z.input<typeof ReactionInputSchema>
    >
  >,
  Expect<Equal<InferRequestType<CommentEndpoint['reports']['$post']>['json'], NewReport>>,
]

beforeAll(createSites)

describe('the typed client over AppType', () => {
  it('reaches the thread route with typed params', async () => {
    const client = testClient(app, env)
    const res = await client.v1.sites[':site'].threads[':thread'].$get({
      param: { site: SITE, thread: 'typed' },
    })
    expect(res.status).toBe(200)
    expect(ThreadSchema.parse(await res.json())).toMatchObject({ key: 'typed', commentCount: 0 })
  })
})
