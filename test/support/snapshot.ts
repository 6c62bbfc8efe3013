import path from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { openPostgres } from '../../src/storage/postgres.js'
import { postgresUrlForDataDir, testBackend } from './test-database.js'

/**
 * Every row of every table of the test site in `dataDir`, as one string, on the suite's backend:
 * for "exactly as before" checks.
 */
export async function snapshotSite(dataDir: string): Promise<string> {
  if (testBackend === 'sqlite') return snapshotSqlite(dataDir)
  const db = openPostgres(postgresUrlForDataDir(dataDir), { maxConnections: 1 })
  try {
    const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)).rows.map((r) => r.name)
    const dump: [string, unknown[]][] = []
    for (const table of tables) dump.push([table, (await sql`select * from ${sql.table(table)} order by 1`.execute(db)).rows])
    return JSON.stringify(dump)
  } finally {
    await db.destroy()
  }
}

/** Every row of every table in a site's SQLite file, as one string. */
export function snapshotSqlite(dataDir: string): string {
  const db = new SQLite(path.join(dataDir, 'masthead.db'))
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]
    return JSON.stringify(tables.map((t) => [t, db.prepare(`select * from "${t}" order by 1`).all()]))
  } finally {
    db.close()
  }
}
