import { env } from 'cloudflare:workers'
import app from '../src/index.ts'
import { WORKER_ORIGIN } from './helpers.ts'

// Fault injection around the real D1 binding (not a fake database): every query still runs in
// workerd's SQLite, but the call chosen by the plan fails, either before reaching the database (an
// outage: nothing written) or after it committed (a timeout or lost connection on the way back:
// written, and the Worker never learns it).

/** One call the Worker makes: a statement's run/all/first/raw, or a batch of statements. */
export interface DbCall {
  kind: 'run' | 'all' | 'first' | 'raw' | 'batch'
  /** The SQL of the statement, or of every statement of the batch. */
  sql: string[]
}

export interface FaultPlan {
  /** Which call fails: the first one this returns true for (only one call fails per plan). */
  when: (call: DbCall) => boolean
  /** 'before': the call never reaches D1. 'after': it commits, then the answer is lost. */
  at: 'before' | 'after'
  /** The error's message; by default the wording D1 uses for each case. */
  message?: string
}

/** The messages D1 gives for the two cases (developers.cloudflare.com/d1/observability/debug-d1). */
export const D1_MESSAGES = {
  before: 'D1_ERROR: Network connection lost.',
  after: 'D1_ERROR: D1 DB storage operation exceeded timeout which caused object to be reset.',
} as const

export interface FaultyDb {
  db: D1Database
  /** Every call made through it, failed or not. */
  calls: DbCall[]
  /** Whether the planned failure happened. */
  failed: () => boolean
}

/** Wraps `real` so that the call chosen by `plan` fails as D1 would. */
export function faultyDb(plan: FaultPlan, real: D1Database = env.DB): FaultyDb {
  const calls: DbCall[] = []
  // The real statement behind each wrapped one, and its SQL: batch() must get the real ones.
  const real_ = new WeakMap<object, { statement: D1PreparedStatement; sql: string }>()
  let failed = false

  async function guard<T>(call: DbCall, run: () => Promise<T>): Promise<T> {
    calls.push(call)
    const fail = !failed && plan.when(call)
    if (fail) failed = true
    const error = () => new Error(plan.message ?? D1_MESSAGES[plan.at])
    if (fail && plan.at === 'before') throw error()
    const result = await run()
    if (fail) throw error()
    return result
  }

  function wrap(statement: D1PreparedStatement, sql: string): D1PreparedStatement {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), sql)
        if (prop === 'run' || prop === 'all' || prop === 'first' || prop === 'raw') {
          const method = target[prop] as (...a: unknown[]) => Promise<unknown>
          return (...args: unknown[]) =>
            guard({ kind: prop, sql: [sql] }, () => method.apply(target, args))
        }
        const value = Reflect.get(target, prop, target) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    real_.set(proxy, { statement, sql })
    return proxy
  }

  const db = new Proxy(real, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql), sql)
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          const inner = statements.map((s) => real_.get(s) ?? { statement: s, sql: '?' })
          return guard({ kind: 'batch', sql: inner.map((s) => s.sql) }, () =>
            target.batch(inner.map((s) => s.statement))
          )
        }
      }
      const value = Reflect.get(target, prop, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })

  return { db, calls, failed: () => failed }
}

interface FaultyRequest {
  method: string
  json?: unknown
  token?: string
  headers?: Record<string, string>
}

/** A request to the app with `db` in place of env.DB, as the Worker entry would make it. */
export function callWith(db: D1Database, path: string, init: FaultyRequest): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.json !== undefined) headers['content-type'] = 'application/json'
  if (init.token) headers.authorization = `Bearer ${init.token}`
  const request = new Request(`${WORKER_ORIGIN}${path}`, {
    method: init.method,
    headers,
    body: init.json === undefined ? null : JSON.stringify(init.json),
  })
  return Promise.resolve(app.fetch(request, { ...env, DB: db }))
}
