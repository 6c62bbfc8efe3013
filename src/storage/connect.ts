import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { CamelCasePlugin, Kysely, sql, SqliteAdapter, SqliteDialect, type SqliteDialectConfig } from 'kysely'
import type { Database } from './schema.js'

export type Db = Kysely<Database>

/**
 * Opens the embedded SQLite database, creating its folder and file if needed.
 * WAL lets readers go on while one writer commits; foreign keys are off by default in SQLite.
 * @example const db = openSqlite(':memory:')
 */
export function openSqlite(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] })
  sqliteHandles.set(db, sqlite)
  return db
}

const sqliteHandles = new WeakMap<Db, SQLite.Database>()

/** Statements kept prepared; the least recently used one is dropped past this many. */
const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every statement anew; preparing costs as much as running a small query.
 * Kysely only runs `all`/`run` on what it prepares (no iterators here), so reusing a prepared
 * statement for the same SQL text is safe.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql)
      if (statement) statements.delete(sql)
      else {
        statement = sqlite.prepare(sql)
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!)
      }
      statements.set(sql, statement)
      return statement
    },
  }
}

/**
 * The better-sqlite3 handle under a SQLite `Db`, for the few reads that must be synchronous
 * (the page cache's hot path); undefined for other databases.
 */
export function sqliteHandle(db: Db): SQLite.Database | undefined {
  return sqliteHandles.get(db)
}

/** The SQLite file inside a data directory. */
export const sqliteFileIn = (dataDir: string): string => path.join(dataDir, 'masthead.db')

/**
 * Runs `work` in a transaction, or inside the caller's transaction when `db` already is one,
 * so use cases compose: an import wraps many saves in one all-or-nothing transaction.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}

/**
 * Runs `work` with SQLite's page cache on this connection raised to `mebibytes` (and put back
 * afterwards). A bulk write such as an import touches index pages all over (article ids are
 * random), and with the default 2 MB most of them were spilled to disk and read back again.
 * The cache is a fixed size, so memory stays bounded however much is written. Elsewhere it just
 * runs `work`.
 * @example await withPageCache(db, 64, () => inTransaction(db, (trx) => importAll(trx)))
 */
export async function withPageCache<T>(db: Db, mebibytes: number, work: () => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return work()
  const { rows } = await sql<{ cacheSize: number }>`pragma cache_size`.execute(db)
  const before = Number(rows[0]?.cacheSize)
  // Negative: a size in KiB rather than in pages.
  await sql.raw(`pragma cache_size = ${-Math.round(mebibytes * 1024)}`).execute(db)
  try {
    return await work()
  } finally {
    if (Number.isSafeInteger(before)) await sql.raw(`pragma cache_size = ${before}`).execute(db)
  }
}
