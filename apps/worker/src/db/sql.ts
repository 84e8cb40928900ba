export type SqlValue = string | number | null

/**
 * A statement with its numbered parameters (?1, ?2, …). The Worker binds it; the scripts, which
 * write SQL files for `wrangler d1 execute`, inline the values (scripts/lib/d1.ts), so both run
 * the same SQL.
 */
export interface SqlStatement {
  sql: string
  params: SqlValue[]
}

export const prepare = (db: D1Database, statement: SqlStatement): D1PreparedStatement =>
  db.prepare(statement.sql).bind(...statement.params)

export async function runAll(db: D1Database, statements: SqlStatement[]): Promise<void> {
  await db.batch(statements.map((statement) => prepare(db, statement)))
}

/**
 * "`column` contains `param`, ignoring ASCII case" (as LIKE '%…%' does), for searches. Not LIKE:
 * D1 refuses LIKE patterns over 50 bytes ("LIKE or GLOB pattern too complex", a 500), which a
 * 200-character search easily makes; instr() has no such limit and needs no escaping of % and _.
 * Both are SQL expressions (a column, a numbered parameter).
 */
export const containsSql = (column: string, param: string): string =>
  `instr(lower(${column}), lower(${param})) > 0`
