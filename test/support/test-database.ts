import { createHash, randomBytes } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { openSqlite, type Db } from '../../src/storage/connect.js'
import { migrateToLatest } from '../../src/storage/migrate.js'
import { openPostgres } from '../../src/storage/postgres.js'
import { POSTGRES_URL, projectRoot } from './requirements.js'

/**
 * Which database the suite runs on: SQLite unless MASTHEAD_TEST_BACKEND=postgres (then every test
 * site is a fresh PostgreSQL database on MASTHEAD_TEST_POSTGRES_URL's server). `npm test` runs
 * the suite once per backend when a server is given.
 */
export const testBackend: 'sqlite' | 'postgres' = process.env.MASTHEAD_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite'

export interface TestDatabase {
  db: Db
  /** The PostgreSQL URL of this database (for processes started by the test); undefined on SQLite. */
  url: string | undefined
  close(): Promise<void>
}

/** A fresh, migrated database on the suite's backend; `close` destroys it. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testBackend === 'sqlite') {
    const db = openSqlite(':memory:')
    await migrateToLatest(db)
    return { db, url: undefined, close: () => db.destroy() }
  }
  const { url, drop } = await createPostgresDatabase()
  const db = openPostgres(url, { maxConnections: 8 })
  return { db, url, close: async () => { await db.destroy(); await drop() } }
}

/** A fresh database on the suite's backend with no schema at all, for tests of migrations. */
export async function openEmptyTestDatabase(): Promise<TestDatabase> {
  if (testBackend === 'sqlite') {
    const db = openSqlite(':memory:')
    return { db, url: undefined, close: () => db.destroy() }
  }
  const { url, drop } = await createEmptyPostgresDatabase()
  const db = openPostgres(url, { maxConnections: 2 })
  return { db, url, close: async () => { await db.destroy(); await drop() } }
}

/**
 * A fresh, empty PostgreSQL database whichever backend the suite runs on, for tests of what only
 * PostgreSQL has (they run in both passes when a server is given; see hasPostgres).
 */
export async function openEmptyPostgresDatabase(): Promise<TestDatabase> {
  const { url, drop } = await createEmptyPostgresDatabase()
  const db = openPostgres(url, { maxConnections: 2 })
  return { db, url, close: async () => { await db.destroy(); await drop() } }
}

/**
 * A fresh PostgreSQL database with the latest schema, copied from a template migrated once per
 * schema version (creating a database from a template takes a few milliseconds; migrating one
 * takes far longer). Needs MASTHEAD_TEST_POSTGRES_URL.
 */
export async function createPostgresDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const admin = adminPool()
  const template = await ensureTemplate(admin)
  const name = `masthead_t_${testRun()}_${randomBytes(6).toString('hex')}`
  await admin.query(`create database ${name} template ${template}`)
  return {
    url: databaseUrl(name),
    name,
    drop: async () => { await admin.query(`drop database if exists ${name} with (force)`) },
  }
}

/** An empty PostgreSQL database (no schema at all), for tests of migrations and copies. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const admin = adminPool()
  const name = `masthead_e_${testRun()}_${randomBytes(6).toString('hex')}`
  await admin.query(`create database ${name}`)
  return { url: databaseUrl(name), name, drop: async () => { await admin.query(`drop database if exists ${name} with (force)`) } }
}

let pool: pg.Pool | undefined
function adminPool(): pg.Pool {
  if (!POSTGRES_URL) throw new Error('MASTHEAD_TEST_POSTGRES_URL is not set: the PostgreSQL tests need a server')
  pool ??= new pg.Pool({ connectionString: POSTGRES_URL, max: 2 })
  return pool
}

function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_URL!)
  url.pathname = `/${name}`
  return url.toString()
}

let templateName: Promise<string> | undefined
function ensureTemplate(admin: pg.Pool): Promise<string> {
  templateName ??= buildTemplate(admin)
  return templateName
}

/** One template per version of the migrations, built by whichever test process comes first. */
async function buildTemplate(admin: pg.Pool): Promise<string> {
  const name = `masthead_tpl_${migrationsHash()}`
  const client = await admin.connect()
  try {
    await client.query('select pg_advisory_lock(7305)')
    const exists = await client.query('select 1 from pg_database where datname = $1', [name])
    if (exists.rowCount === 0) {
      const building = `${name}_building`
      await client.query(`drop database if exists ${building} with (force)`)
      await client.query(`create database ${building}`)
      const db = openPostgres(databaseUrl(building), { maxConnections: 1 })
      try {
        await migrateToLatest(db)
      } finally {
        await db.destroy()
      }
      await client.query(`alter database ${building} rename to ${name}`)
    }
    return name
  } finally {
    await client.query('select pg_advisory_unlock(7305)').catch(() => {})
    client.release()
  }
}

/** Changes whenever a migration's source does, so an edited migration gets a new template. */
function migrationsHash(): string {
  const dir = path.join(projectRoot, 'src/storage/migrations')
  const hash = createHash('sha256')
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(dir, file)))
  }
  return hash.digest('hex').slice(0, 12)
}

/**
 * A new connection to the one database of a site kept in `dataDir`, as each process of a site
 * opens its own: the SQLite file there, or on PostgreSQL an empty database made for that folder
 * (see `postgresUrlForDataDir`). The caller migrates it (or a CLI command does) and destroys it.
 */
export function connectToDataDir(dataDir: string): Db {
  return testBackend === 'sqlite' ? openSqlite(path.join(dataDir, 'masthead.db')) : openPostgres(postgresUrlForDataDir(dataDir), { maxConnections: 4 })
}

const madeForDataDir = new Map<string, string>()

/**
 * The tag of this test run (set by the global setup), in the name of every database it makes, so
 * that its teardown drops its own and never those of another run going on beside it.
 */
function testRun(): string {
  return process.env.MASTHEAD_TEST_RUN ?? 'x'
}

/**
 * The PostgreSQL database that stands for the site in `dataDir` when the suite runs on
 * PostgreSQL: created empty on first use (synchronously, with psql, so the synchronous CLI
 * helpers can use it), so a `masthead` command migrates it as it would a real one.
 */
export function postgresUrlForDataDir(dataDir: string): string {
  const key = path.resolve(dataDir)
  let url = madeForDataDir.get(key)
  if (!url) {
    const name = `masthead_d_${testRun()}_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`
    const made = spawnSync('psql', [POSTGRES_URL!, '-v', 'ON_ERROR_STOP=1', '-qc', `drop database if exists ${name} with (force)`, '-c', `create database ${name}`], { encoding: 'utf8' })
    if (made.status !== 0) throw new Error(`could not create the test database ${name}: ${made.stderr}`)
    url = databaseUrl(name)
    madeForDataDir.set(key, url)
  }
  return url
}

/** The environment a `masthead` process needs to find the test site in `dataDir` on the suite's backend. */
export function backendEnv(env: Record<string, string>): Record<string, string> {
  if (testBackend === 'sqlite' || env.DATABASE_URL !== undefined || env.MASTHEAD_DATA_DIR === undefined) return env
  return { ...env, DATABASE_URL: postgresUrlForDataDir(env.MASTHEAD_DATA_DIR) }
}
