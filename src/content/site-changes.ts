import { randomBytes } from 'node:crypto'
import { sql, type CompiledQuery } from 'kysely'
import { runCompiledOnce } from '../storage/compiled-once.js'
import { afterCommit, dialectOf, sqliteHandle, type Db } from '../storage/connect.js'
import { listen } from '../storage/postgres-listener.js'
import { onPostgresClose, postgresUrlOf } from '../storage/postgres.js'

const CHANGED_AT = 'content_changed_at'
/** A fresh random value per write: unlike the time, it changes even for two writes in one millisecond. */
const VERSION = 'content_version'
/** PostgreSQL: the channel every node listens on for new change markers. */
const CHANNEL = 'masthead_content_changed'

/**
 * Records that something readers can see has changed. Every write use case calls it in its
 * transaction, so Last-Modified never claims a page is older than it is.
 */
export async function markContentChanged(db: Db, now: Date): Promise<void> {
  const version = randomBytes(9).toString('base64url')
  await db.insertInto('settings').values({ key: VERSION, value: version }).onConflict((oc) => oc.column('key').doUpdateSet({ value: version })).execute()
  if (dialectOf(db) === 'postgres') {
    // Sent at commit (never if the transaction rolls back) to every node listening.
    await sql`select pg_notify(${CHANNEL}, ${version})`.execute(db)
    // This process need not wait for its own notification: its readers move on at once.
    afterCommit(db, () => { for (const feed of postgresFeeds) feed.changed(version) })
  }
  const value = now.toISOString()
  // Never backwards: a backdated save (an import, the demo) must not hide a later change.
  await db.insertInto('settings').values({ key: CHANGED_AT, value }).onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({
    value: eb.case().when('excluded.value', '>', eb.ref('settings.value')).then(eb.ref('excluded.value')).else(eb.ref('settings.value')).end(),
  }))).execute()
}

/**
 * When the public site last changed: the last recorded write, or a scheduled article becoming
 * due since then (which needs no write), whichever is later.
 * @example const lastModified = await lastSiteChange(db, new Date())
 */
export async function lastSiteChange(db: Db, now: Date): Promise<Date> {
  const at = now.getTime()
  // Asked for every page rendered: kept per database while the change marker stays the same
  // and `now` stays between the last public article's time and the next one's (see LastChange).
  const marker = db.isTransaction ? undefined : await changeMarkerReader(db)()
  const known = marker === undefined ? undefined : lastChanges.get(db)
  if (known && known.marker === marker && known.from <= at && at < known.until) return new Date(known.value)
  const iso = now.toISOString()
  const [written, due, next] = await Promise.all([
    runCompiledOnce(db, 'content changed at', [CHANGED_AT], () => db.selectFrom('settings').select('value').where('key', '=', CHANGED_AT)),
    runCompiledOnce(db, 'last public article time', [...PUBLIC, iso], () => db.selectFrom('articles').select((eb) => eb.fn.max('publishedAt').as('t'))
      .where('status', 'in', PUBLIC).where('publishedAt', '<=', iso)),
    runCompiledOnce(db, 'next public article time', [...PUBLIC, iso], () => db.selectFrom('articles').select((eb) => eb.fn.min('publishedAt').as('t'))
      .where('status', 'in', PUBLIC).where('publishedAt', '>', iso)),
  ])
  const dueAt = due.rows[0]?.t ? Date.parse(due.rows[0].t) : undefined
  const times = [written.rows[0]?.value, due.rows[0]?.t].filter((t): t is string => Boolean(t)).map((t) => Date.parse(t))
  const value = times.length ? Math.max(...times) : 0
  if (marker !== undefined) {
    const nextAt = next.rows[0]?.t ? Date.parse(next.rows[0].t) : Number.POSITIVE_INFINITY
    lastChanges.set(db, { marker, from: dueAt ?? Number.NEGATIVE_INFINITY, until: nextAt, value })
  }
  return new Date(value)
}

/** Statuses of articles readers may see once their time has come (as PUBLIC_STATUSES in article.repo). */
const PUBLIC = ['published', 'scheduled']

/**
 * The last change as computed under `marker`: the same for every `now` in [from, until), from
 * the last public article's time (no article lies between it and the next) to the next one's.
 */
interface LastChange {
  marker: string
  from: number
  until: number
  value: number
}

const lastChanges = new WeakMap<Db, LastChange>()

/**
 * A date as HTTP headers write it, to the second.
 * @example httpDate(new Date(0)) // 'Thu, 01 Jan 1970 00:00:00 GMT'
 */
export function httpDate(date: Date): string {
  return date.toUTCString()
}

/**
 * The marker of the last recorded change, read with one primary-key lookup: a page rendered
 * under one marker is current for as long as the marker stays the same (and no scheduled
 * article falls due, see `nextDueAfter`). Works across processes sharing the database.
 */
export async function readChangeMarker(db: Db): Promise<string> {
  // Asked on every request: compiled once per database rather than built each time.
  let query = markerQueries.get(db)
  if (!query) {
    query = db.selectFrom('settings').select('value').where('key', '=', VERSION).compile()
    markerQueries.set(db, query)
  }
  const { rows } = await db.executeQuery(query)
  return rows[0]?.value ?? ''
}

const markerQueries = new WeakMap<Db, CompiledQuery<{ value: string }>>()

/**
 * A reader of the change marker that answers synchronously where it can: on SQLite with a
 * prepared primary-key lookup (about a microsecond); on PostgreSQL from memory, kept current by
 * LISTEN/NOTIFY (see `postgresChangeFeed`), asking the database only while not listening.
 */
export function changeMarkerReader(db: Db): () => string | Promise<string> {
  // One per database: on PostgreSQL each is a listening connection.
  let reader = markerReaders.get(db)
  if (!reader) markerReaders.set(db, reader = newChangeMarkerReader(db))
  return reader
}

const markerReaders = new WeakMap<Db, () => string | Promise<string>>()

function newChangeMarkerReader(db: Db): () => string | Promise<string> {
  const sqlite = sqliteHandle(db)
  if (sqlite) {
    const statement = sqlite.prepare('select value from settings where key = ?').pluck()
    return () => (statement.get(VERSION) as string | undefined) ?? ''
  }
  const url = postgresUrlOf(db)
  if (!url) return () => readChangeMarker(db)
  const feed = postgresChangeFeed(db, url)
  return () => feed.current() ?? readChangeMarker(db)
}

interface ChangeFeed {
  /** The marker as last heard, or undefined while not listening (ask the database then). */
  current(): string | undefined
  /** A change this process committed. */
  changed(version: string): void
}

/** Every feed open in this process: a commit here moves them all (a spurious move costs one re-render). */
const postgresFeeds = new Set<ChangeFeed>()
/** How often a listening feed checks the database anyway, in case a notification was lost. */
const RECHECK_MS = 5_000

/**
 * The change marker of a PostgreSQL site, held in memory. Every node LISTENs; every write
 * NOTIFYs at commit with the new marker, so a page cached on any node is dropped within
 * milliseconds of a change on another. Whenever listening (re)starts, and every few seconds, the
 * marker is read from the database too, so a notification missed while disconnected cannot leave a
 * stale page. The listener's connection closes with the database.
 */
function postgresChangeFeed(db: Db, url: string): ChangeFeed {
  let marker: string | undefined
  let generation = 0
  const reload = () => {
    const asked = ++generation
    readChangeMarker(db).then((value) => { if (asked === generation && listener.live()) marker = value }, () => {})
  }
  const listener = listen(url, CHANNEL, {
    onListening: () => { marker = undefined; reload() },
    onNotification: (version) => { generation++; marker = version },
  })
  const recheck = setInterval(() => { if (listener.live()) reload() }, RECHECK_MS)
  recheck.unref()
  const feed: ChangeFeed = {
    current: () => (listener.live() ? marker : undefined),
    changed: (version) => { generation++; marker = version },
  }
  postgresFeeds.add(feed)
  onPostgresClose(db, async () => {
    clearInterval(recheck)
    postgresFeeds.delete(feed)
    await listener.close()
  })
  return feed
}

/** When the next scheduled article falls due after `now`, or null when none is waiting. */
export async function nextDueAfter(db: Db, now: Date): Promise<Date | null> {
  const after = now.toISOString()
  // Asked on every page the page cache keeps: compiled once.
  const { rows: [row] } = await runCompiledOnce(db, 'next due article time', ['scheduled', after], () => db.selectFrom('articles')
    .select((eb) => eb.fn.min('publishedAt').as('t')).where('status', '=', 'scheduled').where('publishedAt', '>', after))
  return row?.t ? new Date(row.t) : null
}
