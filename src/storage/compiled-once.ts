import { CompiledQuery, type Compilable, type InsertObject, type QueryResult } from 'kysely'
import type { Db } from './connect.js'
import type { Database } from './schema.js'

/** Compiled SQL by query key, per dialect adapter (a transaction shares its database's). */
const compiledSql = new WeakMap<object, Map<string, string>>()

/**
 * Runs the query `build` makes, compiling it only the first time for `key`: later runs reuse its
 * SQL with the new `parameters`. Kysely builds, transforms and compiles every query anew, which
 * on an import's hot path (a 27-column article row, 100,000 times) cost more than SQLite's own
 * work. `key` must name one shape of query, and `parameters` must be the values Kysely binds, in
 * order: the first compilation is checked against them, and a query whose bound values differ
 * (a constant in the query, a value written as DEFAULT) is not kept, only run as it is.
 * @example await runCompiledOnce(db, 'articles by source key', [key], () => db.selectFrom('articles').select('id').where('sourceKey', '=', key))
 */
export async function runCompiledOnce<R>(db: Db, key: string, parameters: readonly unknown[], build: () => Compilable<R>): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter
  let cache = compiledSql.get(adapter)
  if (!cache) compiledSql.set(adapter, cache = new Map())
  const known = cache.get(key)
  if (known !== undefined) return db.executeQuery<R>(CompiledQuery.raw(known, [...parameters]))
  const compiled = build().compile()
  if (compiled.parameters.length === parameters.length && compiled.parameters.every((p, i) => p === parameters[i])) cache.set(key, compiled.sql)
  return db.executeQuery(compiled)
}

/**
 * A query over a list of ids, compiled once per number of ids (see runCompiledOnce) up to a page's
 * worth of them; longer lists (exports, feeds of many) are compiled each time, so the kept SQL
 * stays a few dozen short statements.
 */
export function runForIds<R>(db: Db, key: string, ids: readonly string[], build: () => Compilable<R>): Promise<QueryResult<R>> {
  return ids.length <= COMPILED_ONCE_MAX_IDS ? runCompiledOnce(db, key, ids, build) : db.executeQuery(build().compile())
}

const COMPILED_ONCE_MAX_IDS = 50

/**
 * `db.insertInto(table).values(rows).execute()`, compiled once per table, columns and number of
 * rows (see `runCompiledOnce`). Rows with an undefined value, which Kysely writes as DEFAULT,
 * or whose columns differ from the first row's, take the ordinary path.
 * @example await insertRows(trx, 'articleTags', [{ articleId, tagId, position: 0 }])
 */
export async function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: InsertObject<Database, T>[]): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!)
  const values = rows.flatMap((row) => Object.values(row) as unknown[])
  const sameShape = rows.every((row) => Object.keys(row).join() === columns.join()) && !values.includes(undefined)
  if (!sameShape) {
    await db.insertInto(table).values(rows).execute()
    return
  }
  await runCompiledOnce(db, `insert ${table} (${columns.join()}) × ${rows.length}`, values, () => db.insertInto(table).values(rows))
}
