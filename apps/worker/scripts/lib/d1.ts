// Helpers for the scripts that write to D1 through `wrangler d1 execute`. Plain Node 22 (type
// stripping), so: erasable TypeScript only, and explicit .ts extensions.
import { spawnSync } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ZodError } from 'zod'

export const WORKER_DIR = path.resolve(import.meta.dirname, '../..')
const WRANGLER = path.join(WORKER_DIR, 'node_modules/.bin/wrangler')

/** A SQL literal. Only for values we generate or validated first: wrangler files take no params. */
export function sql(value: string | number | null): string {
  if (value === null) return 'NULL'
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`)
    return String(value)
  }
  return `'${value.replace(/'/g, "''")}'`
}

const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz'

/** A stable id from a name: the same input always gives the same id (re-running never duplicates). */
export function stableId(prefix: string, name: string, length = 24): string {
  const digest = createHash('sha256').update(name).digest()
  let out = ''
  for (let i = 0; i < length; i++) out += BASE32[digest[i]! & 31]
  return `${prefix}_${out}`
}

/** Flags every D1 script shares: where to write. */
export const TARGET_OPTIONS = {
  local: { type: 'boolean', default: false },
  remote: { type: 'boolean', default: false },
  'persist-to': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options']

export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  options: O,
  usage: string
) {
  try {
    const { values } = parseArgs({ options: { ...TARGET_OPTIONS, ...options }, strict: true })
    if (values.help) {
      console.log(usage)
      process.exit(0)
    }
    if (values.local && values.remote) fail('use either --local or --remote', usage)
    return values
  } catch (e) {
    fail((e as Error).message, usage)
  }
}

export function fail(message: string, usage?: string): never {
  console.error(`[parley] ${message}`)
  if (usage) console.error(`\n${usage}`)
  process.exit(1)
}

/** Formats zod issues as "field: message" lines for a failed validation. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => `  ${i.path.map(String).join('.') || '(value)'}: ${i.message}`)
    .join('\n')
}

/**
 * Runs SQL against the DB binding: the local D1 of `wrangler dev` unless `remote` is set. With
 * `dryRun`, prints the SQL instead.
 */
export function executeSql(
  name: string,
  statements: string[],
  target: { remote?: boolean; 'persist-to'?: string; 'dry-run'?: boolean; hint?: string }
): void {
  const text = `${statements.join(';\n')};\n`
  if (target['dry-run']) {
    process.stdout.write(text)
    return
  }
  const dir = path.join(WORKER_DIR, '.wrangler', 'tmp')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.sql`)
  writeFileSync(file, text)
  const args = ['d1', 'execute', 'DB', target.remote ? '--remote' : '--local', '--file', file]
  if (target['persist-to']) args.push('--persist-to', target['persist-to'])
  if (target.remote) args.push('--yes')
  // wrangler prints one JSON result per statement; keep its summary unless something failed.
  const result = spawnSync(WRANGLER, args, {
    cwd: WORKER_DIR,
    stdio: ['inherit', 'pipe', 'inherit'],
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '')
    fail(`wrangler d1 execute failed (${name})${target.hint ? `. ${target.hint}` : ''}`)
  }
  const summary = (result.stdout ?? '').split('\n').filter((l) => /Executing on|executed/.test(l))
  for (const line of summary) console.log(line)
}

/** A poll as poll:add and the seed define it; settings left out take the API's defaults. */
export interface PollDefinitionInput {
  site: string
  key: string
  question: string
  options: readonly string[]
  kind?: 'single' | 'multiple'
  /** Default: 1 for a single-choice poll, every option for a multiple-choice one. */
  maxChoices?: number
  /** Milliseconds since the epoch; null or absent leaves that side open. */
  opensAt?: number | null
  closesAt?: number | null
  resultsVisibility?: 'always' | 'after_vote' | 'after_close'
  allowVoteChange?: boolean
}

/**
 * Upserts a poll and its options; `threadId` is an SQL expression (a subquery or NULL). Running
 * it again redefines the poll in place: the settings, and the labels by position. Options past
 * the given list are hidden, never deleted, so their votes stay. A new edit token makes an admin
 * edit validated against the old definition fail with 409 instead of interleaving.
 */
export function pollStatements(poll: PollDefinitionInput, threadId: string, now: number): string[] {
  const kind = poll.kind ?? 'single'
  const maxChoices = poll.maxChoices ?? (kind === 'single' ? 1 : poll.options.length)
  const pollId = `(SELECT id FROM polls WHERE site_id = ${sql(poll.site)} AND key = ${sql(poll.key)})`
  return [
    `INSERT INTO polls (site_id, key, thread_id, question, kind, max_choices, opens_at, closes_at,
       results_visibility, allow_vote_change, created_at, updated_at, edit_token)
     VALUES (${sql(poll.site)}, ${sql(poll.key)}, ${threadId}, ${sql(poll.question)}, ${sql(kind)},
       ${maxChoices}, ${sql(poll.opensAt ?? null)}, ${sql(poll.closesAt ?? null)},
       ${sql(poll.resultsVisibility ?? 'always')}, ${poll.allowVoteChange === false ? 0 : 1},
       ${now}, ${now}, ${sql(randomUUID())})
     ON CONFLICT (site_id, key) DO UPDATE SET thread_id = excluded.thread_id,
       question = excluded.question, kind = excluded.kind, max_choices = excluded.max_choices,
       opens_at = excluded.opens_at, closes_at = excluded.closes_at,
       results_visibility = excluded.results_visibility,
       allow_vote_change = excluded.allow_vote_change, updated_at = excluded.updated_at,
       edit_token = excluded.edit_token`,
    ...poll.options.map(
      (label, position) =>
        `INSERT INTO poll_options (poll_id, label, position, hidden)
         SELECT id, ${sql(label)}, ${position}, 0 FROM polls WHERE id = ${pollId}
         ON CONFLICT (poll_id, position) DO UPDATE SET label = excluded.label, hidden = 0`
    ),
    `UPDATE poll_options SET hidden = 1 WHERE poll_id = ${pollId} AND position >= ${poll.options.length}`,
  ]
}

/**
 * An SqlStatement of the Worker (src/db) as a plain SQL string for a wrangler file, its numbered
 * parameters replaced by literals, so the scripts run the very SQL the API runs. Those statements
 * hold no "?" inside their own string literals.
 */
export function inlineParams(statement: { sql: string; params: (string | number | null)[] }) {
  return statement.sql.replace(/\?(\d+)/g, (_, n: string) => {
    const value = statement.params[Number(n) - 1]
    if (value === undefined) throw new Error(`no value for ?${n} in: ${statement.sql}`)
    return sql(value)
  })
}

/** The statements `build` returns, inlined; invalid input (a zod error) exits with its issues. */
export function inlineWrites(
  build: () => { sql: string; params: (string | number | null)[] }[],
  usage: string
): string[] {
  try {
    return build().map(inlineParams)
  } catch (error) {
    if (!(error instanceof ZodError)) throw error
    fail(`invalid settings:\n${describeIssues(error.issues)}`, usage)
  }
}
