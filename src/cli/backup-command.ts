import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config.js'
import { backupSqlite } from '../storage/backup-sqlite.js'
import { sqliteFileIn } from '../storage/connect.js'

/**
 * `masthead backup FILE [--force]`: a consistent copy of the database, taken while the site
 * serves. The database only: media files live beside it and are not copied.
 */
export async function backupCommand(config: Config, files: string[], { force = false } = {}): Promise<number> {
  if (files.length !== 1) {
    process.stderr.write('masthead backup: name one file to write the backup to\n')
    return 2
  }
  if (config.databaseUrl) {
    process.stderr.write('masthead backup: DATABASE_URL is set, and this command backs up the SQLite database only. Back up PostgreSQL with its own tools (pg_dump, or continuous archiving), or write a portable copy with `masthead export` or `masthead copy-site --to sqlite:FILE`.\n')
    return 1
  }
  const source = sqliteFileIn(config.dataDir)
  const target = path.resolve(files[0]!)
  if (!fs.existsSync(source)) {
    process.stderr.write(`masthead backup: there is no site in ${config.dataDir} (no masthead.db)\n`)
    return 1
  }
  if (fs.existsSync(target) && !force) {
    process.stderr.write(`masthead backup: ${target} already exists; add --force to replace it\n`)
    return 1
  }
  if (path.resolve(source) === target) {
    process.stderr.write('masthead backup: the backup cannot replace the database itself\n')
    return 1
  }
  const { bytes, pages, rows } = await backupSqlite(source, target)
  console.log(`Backed up ${source} to ${target}: ${formatBytes(bytes)} (${pages} pages).`)
  console.log(`It holds ${rows.articles} articles, ${rows.sections} sections, ${rows.tags} tags, ${rows.people} people, ${rows.media} pictures and ${rows.redirects} redirects.`)
  console.log(`Picture files are not in the backup: copy ${path.join(config.dataDir, 'media')} as well, or use \`masthead export\` for one archive of both.`)
  return 0
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
