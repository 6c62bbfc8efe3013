import fs from 'node:fs/promises'
import SQLite from 'better-sqlite3'

export interface BackupResult {
  bytes: number
  pages: number
  /** Rows per table in the backup, read back from the copy itself. */
  rows: Record<string, number>
}

const COUNTED = ['articles', 'sections', 'tags', 'people', 'media', 'redirects'] as const

/**
 * Copies a live SQLite database with SQLite's online backup API, through a second connection:
 * the site keeps reading and writing meanwhile (WAL), and the copy is one consistent snapshot.
 * The copy is written beside `target` and renamed into place, and is switched out of WAL mode
 * so it is a single self-contained file. `target` is replaced if it exists: callers check first.
 * @example const { bytes, rows } = await backupSqlite('data/masthead.db', 'backup.db')
 */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  const partial = `${target}.partial-${process.pid}`
  const live = new SQLite(source, { fileMustExist: true })
  try {
    live.pragma('busy_timeout = 5000')
    const { totalPages } = await live.backup(partial)
    const copy = new SQLite(partial, { fileMustExist: true })
    let rows: Record<string, number>
    try {
      copy.pragma('journal_mode = DELETE')
      rows = Object.fromEntries(COUNTED.map((t) => [t, Number(copy.prepare(`select count(*) from ${t}`).pluck().get())]))
    } finally {
      copy.close()
    }
    await fs.rename(partial, target)
    return { bytes: (await fs.stat(target)).size, pages: totalPages, rows }
  } catch (error) {
    await fs.rm(partial, { force: true })
    throw error
  } finally {
    live.close()
  }
}
