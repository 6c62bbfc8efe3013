import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { dialectOf, type Db } from './connect.js'

/**
 * Every table of a site, parents before children (foreign keys), with its primary key. The
 * search index is not copied: each database builds its own from the articles (SQLite's FTS5
 * tables by trigger, PostgreSQL's generated column).
 */
export const SITE_TABLES: readonly { name: string; key: readonly string[] }[] = [
  { name: 'sections', key: ['id'] },
  { name: 'tags', key: ['id'] },
  { name: 'people', key: ['id'] },
  { name: 'users', key: ['id'] },
  { name: 'media', key: ['id'] },
  { name: 'articles', key: ['id'] },
  { name: 'article_tags', key: ['article_id', 'tag_id'] },
  { name: 'article_authors', key: ['article_id', 'person_id'] },
  // The kept public lists (migration 0014): copied as they are, and checked with the rest.
  { name: 'article_listings', key: ['scope', 'term_id', 'listed_at', 'article_id'] },
  { name: 'listing_counts', key: ['scope', 'term_id'] },
  { name: 'article_revisions', key: ['id'] },
  { name: 'article_corrections', key: ['id'] },
  { name: 'redirects', key: ['from_path'] },
  { name: 'term_redirects', key: ['kind', 'old_slug'] },
  { name: 'settings', key: ['key'] },
  { name: 'sessions', key: ['token_hash'] },
  { name: 'staff_tokens', key: ['token_hash'] },
  { name: 'sign_in_failures', key: ['id'] },
  { name: 'api_keys', key: ['id'] },
  { name: 'webhooks', key: ['id'] },
  { name: 'webhook_events', key: ['id'] },
]

/** Tables that belong to a database rather than to the site: the migrator's own, SQLite's search index. */
const NOT_SITE_TABLES = /^(kysely_migration(_lock)?|article_search(_docs|_trigram)?(_.*)?|sqlite_.*)$/
/** Columns a database computes itself. */
const COMPUTED_COLUMNS = new Set(['search_vector'])
const BATCH = 500

export interface TableCount { table: string; rows: number }
export interface CopyProgress { table: string; copied: number; total: number }
export interface CopyReport {
  tables: TableCount[]
  rows: number
  /** SHA-256 over every table's row count and rows: the same on both sides after a copy. */
  checksum: string
}

export class CopySiteError extends Error {}

/**
 * Copies a whole site from one database to another (SQLite or PostgreSQL, either way). The
 * target must be migrated and empty. Everything is written in one transaction on the target and
 * checked before it commits (counts and a content checksum read back from the target), so a
 * failure part-way — an error, a mismatch, a killed process — leaves the target empty.
 * @example const report = await copySite(sqliteDb, postgresDb, { onProgress: console.log })
 */
export async function copySite(source: Db, target: Db, { onProgress }: { onProgress?: (p: CopyProgress) => void } = {}): Promise<CopyReport> {
  await checkTablesKnown(source)
  await checkEmpty(target)
  // One snapshot of the source for the whole copy, so a site that keeps serving copies consistently.
  return source.transaction().setIsolationLevel('repeatable read').execute(async (from) => {
    const totals = await countRows(from)
    const total = totals.reduce((sum, t) => sum + t.rows, 0)
    let copied = 0
    const sourceSums = new Map<string, TableSum>()
    await target.transaction().execute(async (to) => {
      for (const { name, key } of SITE_TABLES) {
        const sum = newSum()
        for await (const rows of readBatches(from, name, key)) {
          for (const row of rows) addRow(sum, row)
          await to.insertInto(name as never).values(rows as never).execute()
          copied += rows.length
          onProgress?.({ table: name, copied, total })
        }
        sourceSums.set(name, sum)
      }
      if (dialectOf(to) === 'postgres') await advanceSequences(to)
      const written = await sumTables(to)
      for (const { name } of SITE_TABLES) {
        const a = sourceSums.get(name)!
        const b = written.get(name)!
        if (a.rows !== b.rows || a.sum !== b.sum) {
          throw new CopySiteError(`table ${name}: the target holds ${b.rows} rows${a.rows === b.rows ? ' with different content' : ''} after copying ${a.rows}; nothing was kept`)
        }
      }
    })
    return { tables: totals, rows: total, checksum: checksumOf(sourceSums) }
  })
}

/** The counts and checksum of a site as it is now, for comparing two databases. */
export async function describeSite(db: Db): Promise<CopyReport> {
  const sums = await sumTables(db)
  const tables = SITE_TABLES.map(({ name }) => ({ table: name, rows: sums.get(name)!.rows }))
  return { tables, rows: tables.reduce((s, t) => s + t.rows, 0), checksum: checksumOf(sums) }
}

/** A table this copier does not know would be left behind: refuse rather than copy part of a site. */
async function checkTablesKnown(db: Db): Promise<void> {
  const known = new Set(SITE_TABLES.map((t) => t.name))
  const unknown = (await tableNames(db)).filter((name) => !known.has(name) && !NOT_SITE_TABLES.test(name))
  if (unknown.length) throw new CopySiteError(`the source has tables this version cannot copy: ${unknown.join(', ')}`)
}

async function checkEmpty(db: Db): Promise<void> {
  for (const { name } of SITE_TABLES) {
    const row = await db.selectFrom(name as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
    if (Number(row?.n ?? 0) > 0) throw new CopySiteError(`the target is not empty (table ${name} has rows): copy into a new, empty database`)
  }
}

export async function tableNames(db: Kysely<any>): Promise<string[]> {
  const rows = dialectOf(db) === 'postgres'
    ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows
    : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows
  return rows.map((r) => r.name)
}

async function countRows(db: Db): Promise<TableCount[]> {
  const counts: TableCount[] = []
  for (const { name } of SITE_TABLES) {
    const row = await db.selectFrom(name as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
    counts.push({ table: name, rows: Number(row?.n ?? 0) })
  }
  return counts
}

/** A table's rows in primary-key order, a batch at a time (keyset paging: no OFFSET). */
async function* readBatches(db: Db, table: string, key: readonly string[]): AsyncGenerator<Record<string, unknown>[]> {
  let after: unknown[] | undefined
  const keyRefs = key.map((column) => sql.ref(column))
  for (;;) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}
      ${after ? sql`where (${sql.join(keyRefs)}) > (${sql.join(after)})` : sql``}
      order by ${sql.join(keyRefs)} limit ${BATCH}`.execute(db)).rows.map(withoutComputed)
    if (rows.length === 0) return
    yield rows
    const last = rows[rows.length - 1]!
    after = key.map((column) => last[camel(column)])
    if (rows.length < BATCH) return
  }
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
const COMPUTED_KEYS = new Set([...COMPUTED_COLUMNS].map(camel))

function withoutComputed(row: Record<string, unknown>): Record<string, unknown> {
  for (const key of COMPUTED_KEYS) delete row[key]
  return row
}

/** PostgreSQL: serial columns continue after the copied ids. */
async function advanceSequences(db: Db): Promise<void> {
  await sql`select setval(pg_get_serial_sequence('sign_in_failures', 'id'), coalesce((select max(id) from sign_in_failures), 0) + 1, false)`.execute(db)
}

interface TableSum { rows: number; sum: bigint }
const newSum = (): TableSum => ({ rows: 0, sum: 0n })

/**
 * Adds a row to an order-independent checksum (the sum of the rows' hashes): the two databases
 * may sort text differently, and the rows must match whatever order they come back in.
 */
function addRow(sum: TableSum, row: Record<string, unknown>): void {
  const canonical = JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]))
  sum.rows++
  sum.sum = (sum.sum + createHash('sha256').update(canonical).digest().readBigUInt64BE(0)) % (1n << 64n)
}

async function sumTables(db: Db): Promise<Map<string, TableSum>> {
  const sums = new Map<string, TableSum>()
  for (const { name, key } of SITE_TABLES) {
    const sum = newSum()
    for await (const rows of readBatches(db, name, key)) for (const row of rows) addRow(sum, row)
    sums.set(name, sum)
  }
  return sums
}

function checksumOf(sums: Map<string, TableSum>): string {
  const hash = createHash('sha256')
  for (const { name } of SITE_TABLES) {
    const { rows, sum } = sums.get(name)!
    hash.update(`${name}:${rows}:${sum.toString(16)}\n`)
  }
  return hash.digest('hex')
}
