import { CamelCasePlugin, CompiledQuery, Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, TEST_NOW } from '../../../test/support/test-site.js'
import { openEmptyPostgresDatabase, type TestDatabase } from '../../../test/support/test-database.js'
import { hasPostgres } from '../../../test/support/requirements.js'
import { parseSearchQuery } from '../../content/search/search-query.js'
import { searchArticles } from '../../content/search/search.repo.js'
import { openSqlite, type Db } from '../connect.js'
import { migrateToLatest } from '../migrate.js'
import type { Database } from '../schema.js'
import { migrations } from './index.js'

const at = '2026-06-01T12:00:00.000Z'

// SQLite's FTS5 tables and their triggers, whichever backend the suite runs on.
describe('migration 0015 on SQLite (search holds public articles only)', () => {
  let db: Db
  beforeEach(() => { db = openSqlite(':memory:') })
  afterEach(async () => { await db.destroy() })

  const indexed = async (table: 'article_search' | 'article_search_trigram') =>
    (await sql<{ headline: string }>`select headline from ${sql.table(table)} order by headline`.execute(db)).rows.map((r) => r.headline)

  it('takes drafts out of both indexes, and puts them back when undone', async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0014-article-listings')).error).toBeUndefined()
    const article = (id: string, status: string, headline: string) => ({
      id, slug: id, headline, bodyFormat: 'html', bodySource: '', bodyHtml: '', bodyText: '서울 항구', createdAt: at, updatedAt: at,
      status, publishedAt: status === 'draft' ? null : at,
    })
    await db.insertInto('articles').values([
      article('a1', 'published', 'Published'), article('a2', 'draft', 'Draft'), article('a3', 'scheduled', 'Scheduled'),
    ]).execute()
    expect(await indexed('article_search')).toEqual(['Draft', 'Published', 'Scheduled'])

    expect(await migrateToLatest(db)).toContain('0015-search-public-only')
    expect(await indexed('article_search')).toEqual(['Published', 'Scheduled'])
    const dates = await sql<{ articleId: string; publishedAt: string | null }>`select article_id, published_at from article_search_docs order by article_id`.execute(db)
    expect(dates.rows).toEqual([{ articleId: 'a1', publishedAt: at }, { articleId: 'a2', publishedAt: null }, { articleId: 'a3', publishedAt: at }])
    expect(await indexed('article_search_trigram')).toEqual(['Published', 'Scheduled'])
    await db.updateTable('articles').set({ status: 'published' }).where('id', '=', 'a2').execute()
    expect(await indexed('article_search')).toEqual(['Draft', 'Published', 'Scheduled'])
    await db.updateTable('articles').set({ status: 'draft' }).where('id', '=', 'a2').execute()

    expect((await migrator.migrateTo('0014-article-listings')).error).toBeUndefined()
    expect(await indexed('article_search')).toEqual(['Draft', 'Published', 'Scheduled'])
    expect(await indexed('article_search_trigram')).toEqual(['Draft', 'Published', 'Scheduled'])
  })
})

// PostgreSQL's search index is a GIN index over a generated column: 0015 makes it partial. Run in
// both passes of the suite whenever a server is given.
describe.runIf(hasPostgres())('migration 0015 on PostgreSQL (the search index holds public articles only)', () => {
  let database: TestDatabase
  beforeEach(async () => { database = await openEmptyPostgresDatabase() })
  afterEach(async () => { await database.close() })

  const indexDefinition = async (db: Db) =>
    (await sql<{ def: string }>`select indexdef as def from pg_indexes where indexname = 'articles_search_vector'`.execute(db)).rows.map((r) => r.def)

  it('makes the GIN index partial on public statuses, and whole again when undone', async () => {
    const { db } = database
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0014-article-listings')).error).toBeUndefined()
    const [before] = await indexDefinition(db)
    expect(before).toMatch(/USING gin \(search_vector\)$/)

    expect(await migrateToLatest(db)).toContain('0015-search-public-only')
    const [after] = await indexDefinition(db)
    expect(after).toMatch(/USING gin \(search_vector\) WHERE .*status.*'published'.*'scheduled'/)

    expect((await migrator.migrateTo('0014-article-listings')).error).toBeUndefined()
    expect(await indexDefinition(db)).toEqual([before])
  })

  it('is the index the search reads, for its hits and for the counts that weigh its terms', async () => {
    const { db, url } = database
    await migrateToLatest(db)
    const now = new Date(TEST_NOW)
    await addArticle(db, { headline: 'Ferry timetable changes' }, now)
    await addArticle(db, { headline: 'Ferry draft', status: 'draft' }, now)
    // Enough other articles, public and not, that reading every public one costs more than the index.
    await sql`insert into articles (id, slug, headline, body_format, body_source, body_html, body_text, status, published_at, created_at, updated_at)
      select 'filler-' || i, 'filler-' || i, 'Harbour note ' || i, 'html', '', '', 'Quay number ' || i,
        case when i % 4 = 0 then 'draft' else 'published' end, ${at}, ${at}, ${at}
      from generate_series(1, 4000) as i`.execute(db)
    await sql`analyze articles`.execute(db)
    // The same query the site runs, captured as sent, then explained with sequential scans priced out:
    // a plan that cannot use the partial index still scans the table, and says so.
    const sent: { sql: string; parameters: readonly unknown[] }[] = []
    const pool = new pg.Pool({ connectionString: url, max: 1 })
    // As openPostgres does: the database is dropped with its connections when the test ends.
    pool.on('error', () => {})
    const logged = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
      log: (event) => { if (event.level === 'query') sent.push(event.query) },
    })
    try {
      const query = parseSearchQuery('ferry')
      if (!query.ok) throw new Error('query refused')
      const page = await searchArticles(logged, query.value, {}, { page: 1, perPage: 20, now })
      expect(page.items.map((h) => h.article.headline)).toEqual(['Ferry timetable changes'])
      const search = sent.find((q) => q.sql.includes('search_vector @@'))!
      const plan = await logged.connection().execute(async (connection) => {
        await sql`set enable_seqscan = off`.execute(connection)
        const explained = await connection.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${search.sql}`, [...search.parameters]))
        await sql`reset enable_seqscan`.execute(connection)
        return explained.rows[0]!['QUERY PLAN']
      })
      // Each read of articles by their words (the hits, and a term's document count) goes through the index.
      const byWords = planNodes(plan).filter((n) => n['Relation Name'] === 'articles' && JSON.stringify(n).includes('search_vector @@'))
      expect(byWords.length).toBeGreaterThanOrEqual(2)
      for (const node of byWords) {
        expect(node['Node Type'], JSON.stringify(node)).toBe('Bitmap Heap Scan')
        expect(JSON.stringify(node.Plans), JSON.stringify(node)).toContain('"Index Name":"articles_search_vector"')
      }
    } finally {
      await logged.destroy()
    }
  })
})

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] }

/** Every node of an `explain (format json)` plan, depth first. */
function planNodes(plan: unknown): PlanNode[] {
  const walk = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(walk)]
  return (plan as { Plan: PlanNode }[]).flatMap((p) => walk(p.Plan))
}
