import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addArticle, TEST_NOW } from '../../test/support/test-site.js'
import { fixedClock } from '../core/clock.js'
import { silentLog } from '../core/log.js'
import type { Db } from '../storage/connect.js'
import { migrateToLatest } from '../storage/migrate.js'
import { startScheduler, type Scheduler } from './scheduler.js'
import { connectToDataDir } from '../../test/support/test-database.js'

const MINUTE = 60_000
let dir: string
let clock: ReturnType<typeof fixedClock>
const open: (Db | Scheduler)[] = []

/** Opens the site's database file, as a (re)started process does. */
async function openDb(): Promise<Db> {
  const db = connectToDataDir(dir)
  open.push(db)
  await migrateToLatest(db)
  return db
}
const start = (db: Db, onPublished?: (ids: string[]) => void) => {
  const scheduler = startScheduler({ db, clock, log: silentLog, ...(onPublished && { onPublished }) })
  open.push(scheduler)
  return scheduler
}
const statusOf = async (db: Db, id: string) =>
  db.selectFrom('articles').select(['status', 'publishedAt']).where('id', '=', id).executeTakeFirstOrThrow()

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-scheduler-'))
  clock = fixedClock(TEST_NOW)
})
afterEach(async () => {
  vi.useRealTimers()
  for (const x of open.splice(0).reverse()) await ('stop' in x ? x.stop() : x.destroy())
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('startScheduler', () => {
  it('publishes, after a restart, an article that fell due while nothing ran, exactly once', async () => {
    const db = await openDb()
    const dueAt = new Date(clock.now().getTime() + 60 * MINUTE)
    const article = await addArticle(db, { headline: 'Regatta', status: 'scheduled', publishedAt: dueAt }, clock.now())
    const before = start(db)
    await before.idle()
    expect((await statusOf(db, article.id)).status).toBe('scheduled')
    // The process stops, time passes, another starts on the same file.
    await before.stop()
    await db.destroy()
    open.splice(0)
    clock.advance(120 * MINUTE)

    const reopened = await openDb()
    const published: string[][] = []
    const after = start(reopened, (ids) => { published.push(ids) })
    await after.idle()
    expect(published).toEqual([[article.id]])
    expect(await statusOf(reopened, article.id)).toEqual({ status: 'published', publishedAt: dueAt.toISOString() })
    const second = start(reopened, (ids) => { published.push(ids) })
    await second.idle()
    expect(published).toEqual([[article.id]])
  })

  it('wakes when the next article falls due, and looks again at least every 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const db = await openDb()
    const soon = await addArticle(db, { headline: 'Soon', status: 'scheduled', publishedAt: new Date(clock.now().getTime() + 10_000) }, clock.now())
    const published: string[] = []
    const scheduler = start(db, (ids) => { published.push(...ids) })
    await scheduler.idle()
    expect(published).toEqual([])

    clock.advance(10_000)
    await vi.advanceTimersByTimeAsync(10_000)
    await scheduler.idle()
    expect(published).toEqual([soon.id])

    // Scheduled by someone else after the last pass, an hour ahead: found within 30 s of its time.
    const later = await addArticle(db, { headline: 'Later', status: 'scheduled', publishedAt: new Date(clock.now().getTime() + 60 * MINUTE) }, clock.now())
    clock.advance(60 * MINUTE)
    await vi.advanceTimersByTimeAsync(29_000)
    await scheduler.idle()
    expect(published).toEqual([soon.id])
    await vi.advanceTimersByTimeAsync(1_000)
    await scheduler.idle()
    expect(published).toEqual([soon.id, later.id])
  })

  it('stops waking once stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const db = await openDb()
    const scheduler = start(db)
    await scheduler.idle()
    await scheduler.stop()
    const article = await addArticle(db, { headline: 'Soon', status: 'scheduled', publishedAt: new Date(clock.now().getTime() + 1_000) }, clock.now())
    clock.advance(MINUTE)
    await vi.advanceTimersByTimeAsync(MINUTE)
    expect((await statusOf(db, article.id)).status).toBe('scheduled')
  })
})
