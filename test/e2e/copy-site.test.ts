import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/api/keys/manage-api-keys.js'
import { addCorrection } from '../../src/content/corrections/add-correction.js'
import { createWebhook } from '../../src/content/webhooks/manage-webhooks.js'
import { seedDemoIfEmpty } from '../../src/demo/seed-demo.js'
import { openSqlite, type Db } from '../../src/storage/connect.js'
import { describeSite, SITE_TABLES, tableNames } from '../../src/storage/copy-site.js'
import { memoryFileStore } from '../../src/storage/files/local-file-store.js'
import { migrateToLatest } from '../../src/storage/migrate.js'
import { openPostgres } from '../../src/storage/postgres.js'
import { runCli, runCliAsync } from '../support/cli.js'
import { hasBuild, hasPostgres } from '../support/requirements.js'
import { addStaff } from '../support/staff.js'
import { createEmptyPostgresDatabase } from '../support/test-database.js'
import { addArticle, dumpDatabase, TEST_NOW } from '../support/test-site.js'

const now = new Date(TEST_NOW)

/** A site with something in every table: demo articles, staff, a correction, keys, a webhook and its deliveries. */
async function fillSite(db: Db): Promise<void> {
  await seedDemoIfEmpty(db, memoryFileStore(), now)
  const editor = await addStaff(db, 'editor', 'Ada Quill')
  await addStaff(db, 'contributor', 'Bo Inkwell')
  const hook = await createWebhook(db, { url: 'https://hooks.example/masthead', events: '*' }, now)
  if (!hook.ok) throw new Error('webhook refused')
  const article = await addArticle(db, { headline: 'Ferry timetable changes', dek: 'Winter sailings — with accents: café, naïve, 서울' })
  const correction = await addCorrection(db, article.id, { kind: 'correction', text: 'An earlier version gave the wrong departure time.' }, now, editor.id)
  if (!correction.ok) throw new Error('correction refused')
  await createApiKey(db, { name: 'Mobile app', kind: 'content' }, now)
  await db.insertInto('signInFailures').values({ scope: 'address:127.0.0.1', failedAt: TEST_NOW }).execute()
  await db.insertInto('redirects').values({ fromPath: '/?p=1042', articleId: article.id, createdAt: TEST_NOW }).execute()
  const section = await db.selectFrom('sections').select('id').executeTakeFirstOrThrow()
  await db.insertInto('termRedirects').values({ kind: 'section', oldSlug: 'old-news', sectionId: section.id, tagId: null, createdAt: TEST_NOW }).execute()
  await db.insertInto('sessions').values({ tokenHash: 'c'.repeat(64), userId: editor.id, csrfToken: 'd'.repeat(43), createdAt: TEST_NOW, lastSeenAt: TEST_NOW, expiresAt: '2026-07-01T12:00:00.000Z' }).execute()
}

const count = async (db: Db, table: string) =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)

describe.runIf(hasPostgres() && hasBuild())('masthead copy-site between SQLite and PostgreSQL', () => {
  let dir: string
  let source: Db
  const databases: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>[] = []
  const postgres = async () => {
    const made = await createEmptyPostgresDatabase()
    databases.push(made)
    return made
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-copy-site-'))
    source = openSqlite(path.join(dir, 'source.db'))
    await migrateToLatest(source)
    await fillSite(source)
  }, 120_000)
  afterAll(async () => {
    await source?.destroy()
    for (const made of databases) await made.drop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('copies every table it knows, and knows every table a site has', async () => {
    const known = new Set(SITE_TABLES.map((t) => t.name))
    const tables = (await tableNames(source)).filter((t) => !/^(kysely_migration|article_search|sqlite_)/.test(t))
    expect(tables.filter((t) => !known.has(t))).toEqual([])
    for (const { name } of SITE_TABLES) expect(await count(source, name), `${name} has rows to copy`).toBeGreaterThan(0)
  })

  it('round-trips SQLite → PostgreSQL → SQLite, every row field for field, with matching counts and checksum', async () => {
    const pg = await postgres()
    const there = runCli(['copy-site', '--from', `sqlite:${path.join(dir, 'source.db')}`, '--to', pg.url], {})
    expect(there.status, there.stderr).toBe(0)
    expect(there.stdout).toMatch(/Copied [\d,]+ rows from sqlite:.*source\.db to postgres:\/\/.* in [\d.]+ s\./)
    expect(there.stdout).toMatch(/Counts and content checksum match on both sides: [0-9a-f]{64}/)
    expect(there.stderr).toMatch(/copy-site: [\d,]+\/[\d,]+ rows \(articles\)/)

    const back = path.join(dir, 'back.db')
    const home = runCli(['copy-site', '--from', pg.url, '--to', `sqlite:${back}`], {})
    expect(home.status, home.stderr).toBe(0)

    const pgDb = openPostgres(pg.url, { maxConnections: 1 })
    const backDb = openSqlite(back)
    try {
      const [a, b, c] = await Promise.all([describeSite(source), describeSite(pgDb), describeSite(backDb)])
      expect(b).toEqual(a)
      expect(c).toEqual(a)
      expect(await dumpDatabase(backDb)).toEqual(await dumpDatabase(source))
      // Each database indexes the copied articles for search itself.
      const pgHits = await sql<{ n: number }>`select count(*) as n from articles where search_vector @@ to_tsquery('masthead_simple', 'ferry:*')`.execute(pgDb)
      expect(Number(pgHits.rows[0]!.n)).toBeGreaterThan(0)
      const sqliteHits = await sql<{ n: number }>`select count(*) as n from article_search where article_search match 'ferry*'`.execute(backDb)
      expect(Number(sqliteHits.rows[0]!.n)).toBeGreaterThan(0)
      // Serial ids continue after the copied ones.
      await pgDb.insertInto('signInFailures').values({ scope: 'address:10.0.0.1', failedAt: TEST_NOW }).execute()
    } finally {
      await pgDb.destroy()
      await backDb.destroy()
    }
  })

  it('refuses a target that already holds a site, changing nothing', async () => {
    const pg = await postgres()
    expect(runCli(['copy-site', '--from', `sqlite:${path.join(dir, 'source.db')}`, '--to', pg.url], {}).status).toBe(0)
    const again = runCli(['copy-site', '--from', `sqlite:${path.join(dir, 'source.db')}`, '--to', pg.url], {})
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/the target is not empty \(table \w+ has rows\)/)
    const db = openPostgres(pg.url, { maxConnections: 1 })
    try {
      expect(await describeSite(db)).toEqual(await describeSite(source))
    } finally {
      await db.destroy()
    }
  })

  it('leaves the target empty when the copy fails part-way, naming what failed', async () => {
    const pg = await postgres()
    const db = openPostgres(pg.url, { maxConnections: 1 })
    try {
      await migrateToLatest(db)
      // The target refuses one table's rows, after several tables were already written.
      await sql.raw(`create function refuse_row() returns trigger language plpgsql as $$ begin raise exception 'disk full (simulated)'; end $$;
        create trigger refuse_corrections before insert on article_corrections for each row execute function refuse_row()`).execute(db)
      const failed = runCli(['copy-site', '--from', `sqlite:${path.join(dir, 'source.db')}`, '--to', pg.url], {})
      expect(failed.status).toBe(1)
      expect(failed.stderr).toContain('disk full (simulated)')
      expect(failed.stderr).toContain("The target was left without any of the site's rows")
      for (const { name } of SITE_TABLES) expect(await count(db, name), name).toBe(0)
    } finally {
      await db.destroy()
    }
  })

  it('leaves the target empty when the copying process is killed part-way', async () => {
    const pg = await postgres()
    const db = openPostgres(pg.url, { maxConnections: 1 })
    try {
      await migrateToLatest(db)
      // Slow enough to be caught in the act: every tag row takes a moment to write.
      await sql.raw(`create function slow_row() returns trigger language plpgsql as $$ begin perform pg_sleep(0.2); return new; end $$;
        create trigger slow_tags before insert on article_tags for each statement execute function slow_row()`).execute(db)
      const copying = runCliAsync(['copy-site', '--from', `sqlite:${path.join(dir, 'source.db')}`, '--to', pg.url], {})
      await expect.poll(async () => (await sql<{ n: number }>`select count(*) as n from pg_stat_activity where wait_event = 'PgSleep' and datname = current_database()`.execute(db)).rows[0]!.n, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0)
      process.kill(copying.child.pid!, 'SIGKILL')
      const result = await copying
      expect(result.status).toBeNull()
      await expect.poll(async () => count(db, 'articles'), { timeout: 10_000 }).toBe(0)
      for (const { name } of SITE_TABLES) expect(await count(db, name), name).toBe(0)
    } finally {
      await db.destroy()
    }
  })
})
