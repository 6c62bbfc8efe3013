import pg from 'pg'
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema.js'

/** PostgreSQL's type ids for the integer types that `pg` hands back as strings by default. */
const INT8 = 20
const NUMERIC = 1700

/**
 * Counts (`count(*)` is bigint) and sums come back as numbers, as they do from SQLite. Every
 * integer this schema keeps is far below 2^53, so nothing is lost.
 */
const types = {
  getTypeParser: ((id: number, format?: 'text' | 'binary') => {
    if (id === INT8 || id === NUMERIC) return (value: string) => Number(value)
    return pg.types.getTypeParser(id, format as 'text')
  }) as typeof pg.types.getTypeParser,
}

export interface PostgresOptions {
  /** Connections kept by this process (default 10). */
  maxConnections?: number
}

/**
 * Opens a PostgreSQL database (`postgres://user:password@host:port/database`). The schema is
 * whatever the connection's search_path names first (`?options=-c search_path=x` picks one).
 * @example const db = openPostgres('postgres://masthead@127.0.0.1:5432/news')
 */
export function openPostgres(url: string, { maxConnections = 10 }: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types })
  // An idle connection dropped by the server must not crash the process: the pool replaces it.
  pool.on('error', () => {})
  const closers: (() => Promise<void>)[] = []
  const end = pool.end.bind(pool)
  // Kysely ends the pool when the database is destroyed: what hangs on the database closes first.
  pool.end = (async () => {
    for (const close of closers.splice(0)) await close().catch(() => {})
    return end()
  }) as typeof pool.end
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] })
  postgresUrls.set(db, url)
  closeHooks.set(db, closers)
  return db
}

const postgresUrls = new WeakMap<Kysely<Database>, string>()
const closeHooks = new WeakMap<Kysely<Database>, (() => Promise<void>)[]>()

/** Runs `close` when the PostgreSQL database `db` is destroyed (a listener's own connection, say). */
export function onPostgresClose(db: Kysely<Database>, close: () => Promise<void>): void {
  closeHooks.get(db)?.push(close)
}

/** The connection string a PostgreSQL `Db` was opened with (for a LISTEN connection), else undefined. */
export function postgresUrlOf(db: Kysely<Database>): string | undefined {
  return postgresUrls.get(db)
}

/** Whether a string names a PostgreSQL database rather than a file. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url)

/**
 * The URL without its password, for messages and logs.
 * @example redactUrl('postgres://a:secret@h/db') // 'postgres://a:***@h/db'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
  }
}
