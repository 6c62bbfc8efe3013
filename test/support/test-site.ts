import { sql, SqliteAdapter } from 'kysely'
import { fixedClock } from '../../src/core/clock.js'
import { silentLog } from '../../src/core/log.js'
import { saveArticle } from '../../src/content/articles/save-article.js'
import type { ArticleInput } from '../../src/content/articles/article.js'
import { createApp } from '../../src/http/app.js'
import type { Db } from '../../src/storage/connect.js'
import { memoryFileStore } from '../../src/storage/files/local-file-store.js'
import { openTestDatabase } from './test-database.js'

export const TEST_NOW = '2026-06-01T12:00:00.000Z'
export const TEST_SITE_URL = 'http://news.test'

/** A migrated in-memory site with a fixed clock and an app over it: no ports, no files. */
export async function createTestSite() {
  const { db, close } = await openTestDatabase()
  const files = memoryFileStore()
  const clock = fixedClock(TEST_NOW)
  const app = createApp({ db, files, clock, log: silentLog, siteUrl: TEST_SITE_URL })
  return { db, files, clock, app, close }
}

/** Saves an article and fails the test loudly if it is refused. */
export async function addArticle(db: Db, input: Partial<ArticleInput> & { headline: string }, now: Date = new Date(TEST_NOW)) {
  const result = await saveArticle(db, { body: { format: 'markdown', source: `Body of ${input.headline}.` }, status: 'published', ...input }, now)
  if (!result.ok) throw new Error(`test article refused: ${JSON.stringify(result.error)}`)
  return result.value.article
}

/**
 * Every row of every table, for "the database is exactly as it was" checks; on SQLite also the
 * schema itself (tables, indexes, triggers: an import drops and re-creates the search triggers)
 * and what the search index holds for each article (by article id, since the doc ids that key
 * the FTS5 rows are internal and follow the order of writing), with every row counted.
 */
export async function dumpDatabase(db: Db): Promise<Record<string, unknown[]>> {
  const tables = [
    'articles', 'article_tags', 'article_authors', 'sections', 'tags', 'people', 'media', 'settings', 'redirects', 'article_revisions',
    'article_corrections', 'users', 'sessions', 'staff_tokens', 'sign_in_failures', 'api_keys', 'term_redirects', 'webhooks', 'webhook_events',
    'article_listings', 'listing_counts',
  ] as const
  const dump: Record<string, unknown[]> = {}
  for (const table of tables) {
    // Tables whose first column is not unique are sorted by their key, so equal contents dump equal.
    const order = ({ article_listings: sql`article_id, scope, term_id`, listing_counts: sql`scope, term_id` } as Record<string, ReturnType<typeof sql>>)[table] ?? sql`1`
    dump[table] = await db.selectFrom(table as never).selectAll().orderBy(order).execute()
  }
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    dump.sqlite_master = (await sql`select type, name, tbl_name, sql from sqlite_master order by type, name`.execute(db)).rows
    for (const table of ['article_search_docs', 'article_search', 'article_search_trigram']) {
      dump[`${table} rows`] = (await sql`select count(*) as n from ${sql.table(table)}`.execute(db)).rows
    }
    for (const fts of ['article_search', 'article_search_trigram']) {
      dump[fts] = (await sql`select d.article_id as article, s.headline, s.dek, s.body_text as body
        from ${sql.table(fts)} s join article_search_docs d on d.doc_id = s.rowid order by d.article_id`.execute(db)).rows
    }
  }
  return dump
}
