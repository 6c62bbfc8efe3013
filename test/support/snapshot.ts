import path from 'node:path'
import SQLite from 'better-sqlite3'

/** Every row of every table in a site's SQLite file, as one string: for "exactly as before" checks. */
export function snapshotSqlite(dataDir: string): string {
  const db = new SQLite(path.join(dataDir, 'masthead.db'))
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]
    return JSON.stringify(tables.map((t) => [t, db.prepare(`select * from "${t}" order by 1`).all()]))
  } finally {
    db.close()
  }
}
