import fs from 'node:fs'
import path from 'node:path'
import { openSqlite, type Db } from '../storage/connect.js'
import { copySite, CopySiteError, type CopyProgress } from '../storage/copy-site.js'
import { migrateToLatest, pendingMigrations } from '../storage/migrate.js'
import { isPostgresUrl, openPostgres, redactUrl } from '../storage/postgres.js'

/** A database named on the command line: `sqlite:PATH` (or a path to a .db file), or `postgres://…`. */
interface Location { kind: 'sqlite' | 'postgres'; where: string; shown: string }

export function parseLocation(text: string): Location | string {
  if (isPostgresUrl(text)) return { kind: 'postgres', where: text, shown: redactUrl(text) }
  const file = text.startsWith('sqlite:') ? text.slice('sqlite:'.length) : text
  if (!file || file.includes('://')) return `"${text}" is neither sqlite:PATH nor a postgres:// URL`
  return { kind: 'sqlite', where: path.resolve(file), shown: `sqlite:${path.resolve(file)}` }
}

/**
 * `masthead copy-site --from A --to B`: copies a whole site between databases (SQLite and
 * PostgreSQL, either way). The target is created and migrated if need be and must be empty; the
 * copy is one transaction on it, checked (counts and checksum) before it commits. Picture files
 * stay where they are: both databases refer to the same media folder.
 */
export async function copySiteCommand(options: { from?: string | undefined; to?: string | undefined }, stream: NodeJS.WriteStream = process.stderr): Promise<number> {
  if (!options.from || !options.to) {
    process.stderr.write('masthead copy-site: give both --from and --to (sqlite:PATH or postgres://…)\n')
    return 2
  }
  const from = parseLocation(options.from)
  const to = parseLocation(options.to)
  for (const [flag, parsed] of [['--from', from], ['--to', to]] as const) {
    if (typeof parsed === 'string') {
      process.stderr.write(`masthead copy-site: ${flag}: ${parsed}\n`)
      return 2
    }
  }
  const source = from as Location
  const target = to as Location
  if (source.kind === 'sqlite' && !fs.existsSync(source.where)) {
    process.stderr.write(`masthead copy-site: --from: there is no database at ${source.where}\n`)
    return 1
  }
  if (source.kind === target.kind && source.where === target.where) {
    process.stderr.write('masthead copy-site: --from and --to name the same database\n')
    return 2
  }
  const createdFile = target.kind === 'sqlite' && !fs.existsSync(target.where)
  const sourceDb = open(source)
  const targetDb = open(target)
  let ok = false
  try {
    const pending = await pendingMigrations(sourceDb)
    if (pending.length) throw new CopySiteError(`the source needs migrating first (${pending.join(', ')}): run masthead migrate on it`)
    await migrateToLatest(targetDb)
    const started = Date.now()
    const progress = progressBar(stream)
    const report = await copySite(sourceDb, targetDb, { onProgress: progress.update })
    progress.done()
    console.log(`Copied ${report.rows.toLocaleString('en')} rows from ${source.shown} to ${target.shown} in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
    for (const { table, rows } of report.tables) if (rows > 0) console.log(`  ${table}: ${rows.toLocaleString('en')}`)
    console.log(`Counts and content checksum match on both sides: ${report.checksum}`)
    console.log('Picture files are not in the database: point the new site at the same MASTHEAD_DATA_DIR (its media folder), or copy that folder.')
    ok = true
    return 0
  } catch (error) {
    const reason = error instanceof CopySiteError ? error.message : `the copy failed: ${(error as Error).message}`
    process.stderr.write(`\nmasthead copy-site: ${reason}\nThe target was left without any of the site's rows.\n`)
    return 1
  } finally {
    await sourceDb.destroy()
    await targetDb.destroy()
    if (!ok && createdFile) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target.where + suffix, { force: true })
  }
}

function open(location: Location): Db {
  return location.kind === 'postgres' ? openPostgres(location.where) : openSqlite(location.where)
}

const BAR_WIDTH = 30

/** A bar redrawn on a terminal; a line per table (and every 10,000 rows) elsewhere. */
function progressBar(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY === true
  let lastDraw = 0
  let lastTable = ''
  let lastLine = 0
  return {
    update: (p: CopyProgress) => {
      const now = Date.now()
      if (tty) {
        if (now - lastDraw < 100 && p.copied < p.total) return
        lastDraw = now
        const filled = p.total ? Math.round((p.copied / p.total) * BAR_WIDTH) : BAR_WIDTH
        stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${p.copied.toLocaleString('en')}/${p.total.toLocaleString('en')} rows (${p.table})`)
      } else if (p.table !== lastTable || p.copied - lastLine >= 10_000) {
        lastTable = p.table
        lastLine = p.copied
        stream.write(`copy-site: ${p.copied.toLocaleString('en')}/${p.total.toLocaleString('en')} rows (${p.table})\n`)
      }
    },
    done: () => { if (tty) stream.write('\n') },
  }
}
