import { Migrator, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { dialectOf, openSqlite } from '../../storage/connect.js'
import { openEmptyTestDatabase, testBackend } from '../../../test/support/test-database.js'
import { migrateToLatest } from '../../storage/migrate.js'
import { migrations } from '../../storage/migrations/index.js'
import { saveArticle } from '../articles/save-article.js'
import { ensureSection } from '../sections/section.repo.js'
import { parseSearchQuery } from './search-query.js'
import { searchArticles } from './search.repo.js'
import type { Db } from '../../storage/connect.js'

const now = new Date(TEST_NOW)
const HOUR = 3_600_000

/** Headlines of the public articles matching `input`, as a reader at `at` would find them. */
async function find(db: Db, input: string, at: Date = now): Promise<string[]> {
  const query = parseSearchQuery(input)
  if (!query.ok) throw new Error(`no terms in ${input}`)
  return (await searchArticles(db, query.value, {}, { page: 1, perPage: 50, now: at })).items.map((h) => h.article.headline)
}

describe('the index follows every write to articles', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  beforeEach(async () => { site = await createTestSite() })
  afterEach(async () => { await site.close() })

  const save = async (input: Parameters<typeof saveArticle>[1], at = now) => {
    const result = await saveArticle(site.db, input, at)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    return result.value.article
  }

  it('finds an article once it is published, and not while it is a draft', async () => {
    const draft = { headline: 'Harbour dredging plan', body: { format: 'markdown' as const, source: 'The silt must go.' }, sourceKey: 'k1' }
    await save({ ...draft, status: 'draft' })
    expect(await find(site.db, 'dredging')).toEqual([])
    await save({ ...draft, status: 'published' })
    expect(await find(site.db, 'dredging')).toEqual(['Harbour dredging plan'])
    expect(await find(site.db, 'silt')).toEqual(['Harbour dredging plan'])
  })

  it('finds the new words of an updated article, and no longer its old ones', async () => {
    await save({ headline: 'Tram line opens', body: { format: 'markdown', source: 'Passengers cheered the **tramway**.' }, status: 'published', sourceKey: 'k2' })
    expect(await find(site.db, 'tramway')).toHaveLength(1)
    await save({ headline: 'Cable car opens', body: { format: 'markdown', source: 'Passengers cheered the *gondola*.' }, status: 'published', sourceKey: 'k2' }, new Date(now.getTime() + 1000))
    expect(await find(site.db, 'tramway')).toEqual([])
    expect(await find(site.db, 'tram')).toEqual([])
    expect(await find(site.db, 'gondola')).toEqual(['Cable car opens'])
    expect(await find(site.db, 'cable')).toEqual(['Cable car opens'])
  })

  it('drops an article unpublished back to draft', async () => {
    const article = { headline: 'Budget vote delayed', body: { format: 'markdown' as const, source: 'Councillors disagreed.' }, sourceKey: 'k3' }
    await save({ ...article, status: 'published' })
    expect(await find(site.db, 'councillors')).toHaveLength(1)
    await save({ ...article, status: 'draft' })
    expect(await find(site.db, 'councillors')).toEqual([])
  })

  it('drops a deleted article, whoever deletes it', async () => {
    const article = await addArticle(site.db, { headline: 'Lighthouse keeper retires' })
    await addArticle(site.db, { headline: 'Lighthouse repainted' })
    expect(await find(site.db, 'lighthouse')).toHaveLength(2)
    await site.db.deleteFrom('articles').where('id', '=', article.id).execute()
    expect(await find(site.db, 'lighthouse')).toEqual(['Lighthouse repainted'])
    if (dialectOf(site.db) === 'sqlite') {
      // SQLite keeps the index in tables of its own: the deleted article's row is gone from them too.
      const indexed = await sql<{ n: number }>`select count(*) as n from article_search`.execute(site.db)
      expect(indexed.rows[0]!.n).toBe(1)
    }
  })

  it('finds a scheduled article only once its time has come', async () => {
    const at = new Date(now.getTime() + 2 * HOUR)
    await save({ headline: 'Eclipse tonight', body: { format: 'markdown', source: 'Look east.' }, status: 'scheduled', publishedAt: at })
    expect(await find(site.db, 'eclipse')).toEqual([])
    expect(await find(site.db, 'eclipse', new Date(at.getTime() - 1))).toEqual([])
    expect(await find(site.db, 'eclipse', at)).toEqual(['Eclipse tonight'])
    // Asked about an earlier time again, after the later one: hidden again.
    expect(await find(site.db, 'eclipse', new Date(at.getTime() - 1))).toEqual([])
    expect(await find(site.db, 'eclipse', at)).toEqual(['Eclipse tonight'])
  })

  it('hides scheduled articles however many are waiting, each until its time', async () => {
    const first = new Date(now.getTime() + HOUR)
    for (let i = 0; i < 205; i++) {
      await save({ headline: `Tide table ${i}`, body: { format: 'markdown', source: 'High water.' }, status: 'scheduled', publishedAt: new Date(first.getTime() + i * 60_000) })
    }
    await save({ headline: 'Tide gauge fixed', body: { format: 'markdown', source: 'High water.' }, status: 'published' })
    expect(await find(site.db, 'tide')).toEqual(['Tide gauge fixed'])
    expect(await find(site.db, 'tide', new Date(first.getTime() + 60_000))).toEqual(['Tide table 1', 'Tide table 0', 'Tide gauge fixed'])
  })

  it('keeps the index in step with hand-written SQL too', async () => {
    const article = await addArticle(site.db, { headline: 'Ferry timetable', body: { format: 'markdown', source: 'Departures change.' } })
    await site.db.updateTable('articles').set({ headline: 'Bus timetable' }).where('id', '=', article.id).execute()
    expect(await find(site.db, 'ferry')).toEqual([])
    expect(await find(site.db, 'bus')).toEqual(['Bus timetable'])
  })

  // SQLite's index tables, kept by triggers: checked on a SQLite site whichever backend the suite
  // runs on. PostgreSQL's index is partial on the public statuses (see 0015-search-public-only.test.ts).
  it('holds only what readers may find on SQLite: a draft is not indexed, publishing adds it, unpublishing and trashing take it out', async () => {
    const db = openSqlite(':memory:')
    try {
      await migrateToLatest(db)
      const indexed = async () => Number((await sql<{ n: number }>`select count(*) as n from article_search`.execute(db)).rows[0]!.n)
      const saveHere = async (input: Parameters<typeof saveArticle>[1]) => {
        const result = await saveArticle(db, input, now)
        if (!result.ok) throw new Error(JSON.stringify(result.error))
      }
      const article = { headline: 'Harbour dredging plan', body: { format: 'markdown' as const, source: 'The silt must go.' }, sourceKey: 'k9' }
      await saveHere({ ...article, status: 'draft' })
      expect(await indexed()).toBe(0)
      await saveHere({ ...article, status: 'published' })
      expect(await indexed()).toBe(1)
      await saveHere({ ...article, status: 'draft' })
      expect(await indexed()).toBe(0)
      await saveHere({ ...article, status: 'scheduled', publishedAt: new Date(now.getTime() + HOUR) })
      expect(await indexed()).toBe(1)
      await db.updateTable('articles').set({ status: 'draft' }).execute()
      expect(await indexed()).toBe(0)
    } finally {
      await db.destroy()
    }
  })

  it('orders equal scores newest first and counts only what a reader may see, with and without filters', async () => {
    const section = await ensureSection(site.db, { name: 'Harbour' }, now)
    const text = { body: { format: 'markdown' as const, source: 'Same words about the breakwater.' } }
    // Saved in an order unlike their dates, so neither creation order nor index order passes for date order.
    const offsets = [5, -3, 17, 0, -8, 12, 3, -1, 9, 2, -5, 14, 7, -2, 11]
    for (const [i, hours] of offsets.entries()) {
      await save({ headline: `Breakwater ${i}`, ...text, status: 'published', sectionId: section!.id, publishedAt: new Date(now.getTime() - hours * HOUR) })
    }
    await save({ headline: 'Breakwater draft', ...text, status: 'draft', sectionId: section!.id })
    await save({ headline: 'Breakwater later', ...text, status: 'scheduled', sectionId: section!.id, publishedAt: new Date(now.getTime() + HOUR) })
    // Negative offsets are published with a date still to come: not shown yet.
    const expected = offsets.map((hours, i) => ({ hours, headline: `Breakwater ${i}` })).filter((x) => x.hours >= 0)
      .sort((a, b) => a.hours - b.hours).map((x) => x.headline)
    const query = parseSearchQuery('breakwater')
    if (!query.ok) throw new Error('no terms')
    for (const filters of [{}, { sectionSlug: 'harbour' }]) {
      const shown: string[] = []
      for (let page = 1; page <= 4; page++) {
        const result = await searchArticles(site.db, query.value, filters, { page, perPage: 4, now })
        if (result.items.length) expect(result.total).toBe(10)
        shown.push(...result.items.map((h) => h.article.headline))
      }
      expect(shown, JSON.stringify(filters)).toEqual(expected)
    }
    // Re-dated between the newest two, the oldest comes second: the index follows its publication time.
    // (Not to the newest's own time: equal times go by id, random past the creation second.)
    const oldest = expected.at(-1)!
    const [row] = await site.db.selectFrom('articles').select('id').where('headline', '=', oldest).execute()
    await site.db.updateTable('articles').set({ publishedAt: new Date(now.getTime() - HOUR / 2).toISOString() }).where('id', '=', row!.id).execute()
    const first = await searchArticles(site.db, query.value, {}, { page: 1, perPage: 4, now })
    expect(first.items.map((h) => h.article.headline)).toEqual([expected[0], oldest, expected[1], expected[2]])
  })

})

describe('migration 0002', () => {
  it('indexes the articles that existed before it, with their text taken from the stored HTML', async () => {
    const { db, close } = await openEmptyTestDatabase()
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
      expect((await migrator.migrateTo('0001-initial')).error).toBeUndefined()
      await db.insertInto('articles' as never).values({
        id: 'a'.repeat(24), slug: 'old-story', headline: 'Old story', dek: '', body_format: 'html', body_source: '',
        body_html: '<p>Fish &amp; chips by the <em>esplanade</em>.</p><p>Second&#x20;para</p>', status: 'published',
        created_at: TEST_NOW, updated_at: TEST_NOW, published_at: TEST_NOW,
      } as never).execute()
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).slice(1))
      const row = await db.selectFrom('articles').select('bodyText').executeTakeFirstOrThrow()
      expect(row.bodyText).toBe('Fish & chips by the esplanade.\n\nSecond para')
      expect(await find(db, 'esplanade')).toEqual(['Old story'])
      expect(await find(db, 'chips para')).toEqual(['Old story'])
      // And it can be undone and redone.
      expect((await migrator.migrateTo('0001-initial')).error).toBeUndefined()
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).slice(1))
      expect(await find(db, 'esplanade')).toEqual(['Old story'])
    } finally {
      await close()
    }
  })

  it('stores the rendered text of new bodies', async () => {
    const site = await createTestSite()
    try {
      const article = await addArticle(site.db, { headline: 'T', body: { format: 'markdown', source: '# Title\n\nSome *text* & [a link](https://example.com).' } })
      const row = await site.db.selectFrom('articles').select('bodyText').where('id', '=', article.id).executeTakeFirstOrThrow()
      expect(row.bodyText).toBe('Title\n\nSome text & a link.')
    } finally {
      await site.close()
    }
  })
})
