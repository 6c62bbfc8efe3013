import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { CamelCasePlugin, Kysely, PostgresAdapter, sql, SqliteDialect, type SqliteDialectConfig } from 'kysely'
import { openPostgres } from './postgres.js'
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

/** The two databases Masthead runs on. */
export type Dialect = 'sqlite' | 'postgres'

/** Which database `db` talks to: the few dialect-specific queries branch on it. */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/**
 * Opens the site's database: PostgreSQL when `databaseUrl` is set (DATABASE_URL), else the
 * embedded SQLite file in the data directory.
 * @example const db = openDatabase({ dataDir: './data', databaseUrl: undefined })
 */
export function openDatabase({ dataDir, databaseUrl }: { dataDir: string; databaseUrl?: string | undefined }): Db {
  return databaseUrl ? openPostgres(databaseUrl) : openSqlite(sqliteFileIn(dataDir))
}

/** The SQLite file inside a data directory. */
export const sqliteFileIn = (dataDir: string): string => path.join(dataDir, 'masthead.db')

/**
 * Runs `work` in a transaction, or inside the caller's transaction when `db` already is one,
 * so use cases compose: an import wraps many saves in one all-or-nothing transaction.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : runTransaction(db, work)
}

/**
 * Runs `work` in a new transaction, then, once it has committed, whatever `afterCommit`
 * registered in it. Every transaction in Masthead starts here.
 */
export async function runTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  let callbacks: (() => void)[] = []
  const result = await db.transaction().execute(async (trx) => {
    callbacks = []
    commitCallbacks.set(trx, callbacks)
    return work(trx)
  })
  for (const callback of callbacks) callback()
  return result
}

const commitCallbacks = new WeakMap<Db, (() => void)[]>()

/**
 * Calls `callback` once what `db` wrote is committed: at once outside a transaction, after the
 * commit inside one (and never if it rolls back).
 */
export function afterCommit(db: Db, callback: () => void): void {
  const pending = db.isTransaction ? commitCallbacks.get(db) : undefined
  if (pending) pending.push(callback)
  else if (!db.isTransaction) callback()
  // A transaction opened without runTransaction has no list: the callback is dropped, which
  // only means a listener learns of the change from the database instead (see site-changes).
}

/** The advisory lock key nodes take while preparing a shared PostgreSQL site ("mast" in ASCII). */
const PREPARE_LOCK = 0x6d617374

/**
 * Runs `work` while holding the site-wide start-up lock, so that nodes starting together against
 * one PostgreSQL database prepare it one at a time (demo content is seeded once, not per node).
 * SQLite sites are one machine's: `work` just runs.
 */
export async function whilePreparing<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres') return work()
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${PREPARE_LOCK})`.execute(connection)
    try {
      return await work()
    } finally {
      await sql`select pg_advisory_unlock(${PREPARE_LOCK})`.execute(connection)
    }
  })
}

/**
 * Bounds SQLite's page cache on a serving connection to `mebibytes` (better-sqlite3 builds SQLite
 * with 16 MB per connection). On a large site a page view reads a few pages at random from a file
 * far larger than any cache, so past the upper levels of the indexes the cache holds pages that
 * are seldom asked for again, while every megabyte of it stays resident. No-op on PostgreSQL.
 * @example limitSqlitePageCache(site.db, 4)
 */
export function limitSqlitePageCache(db: Db, mebibytes: number): void {
  // Negative: a size in KiB rather than in pages.
  sqliteHandle(db)?.pragma(`cache_size = ${-Math.round(mebibytes * 1024)}`)
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
  if (dialectOf(db) !== 'sqlite') return work()
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
