import { sql } from 'kysely'
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

/** Every row of every table, for "the database is exactly as it was" checks. */
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
  return dump
}
