import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestDatabase, testBackend } from '../../../test/support/test-database.js'
import { dumpDatabase, TEST_NOW } from '../../../test/support/test-site.js'
import { inTransaction, openSqlite, type Db } from '../../storage/connect.js'
import { migrateToLatest } from '../../storage/migrate.js'
import type { ArticleInput } from '../articles/article.js'
import { saveArticle } from '../articles/save-article.js'
import { withDeferredSearchIndex } from './deferred-search-index.js'
import { parseSearchQuery } from './search-query.js'
import { searchArticles } from './search.repo.js'

const now = new Date(TEST_NOW)

interface Site { db: Db; close: () => Promise<void> }
let sites: Site[] = []
beforeEach(() => { sites = [] })
afterEach(async () => { await Promise.all(sites.map((s) => s.close())) })
/**
 * A SQLite site whichever backend the suite runs on: what is put off here is SQLite's trigger
 * work. (PostgreSQL keeps its index in a generated column; see the last test.)
 */
const newSite = async (): Promise<Site> => {
  const db = openSqlite(':memory:')
  await migrateToLatest(db)
  const site = { db, close: () => db.destroy() }
  sites.push(site)
  return site
}

const article = (sourceKey: string, headline: string, body: string, status: ArticleInput['status'] = 'published'): ArticleInput =>
  ({ sourceKey, headline, status, body: { format: 'markdown', source: body } })

async function save(db: Db, input: ArticleInput): Promise<string> {
  const result = await saveArticle(db, input, now)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value.article.id
}

/** What the index holds, by article id rather than by doc id (doc ids are internal and may differ). */
async function indexContent(db: Db) {
  const rows = async (table: string) => (await sql<{ article: string; headline: string; dek: string; body: string }>`
    select d.article_id as article, s.headline, s.dek, s.body_text as body from ${sql.table(table)} s join article_search_docs d on d.doc_id = s.rowid
    order by d.article_id`.execute(db)).rows
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)
  return {
    docs: (await sql<{ article: string }>`select article_id as article, published_at as published from article_search_docs order by article_id`.execute(db)).rows,
    words: await rows('article_search'),
    trigram: await rows('article_search_trigram'),
    // No index row without a doc row (a stray row would be missed by the joins above).
    counts: [await count('article_search'), await count('article_search_trigram')],
    triggers: (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' order by name`.execute(db)).rows,
  }
}

async function headlinesFound(db: Db, words: string): Promise<string[]> {
  const query = parseSearchQuery(words)
  if (!query.ok) throw new Error(`no terms in ${words}`)
  const page = await searchArticles(db, query.value, {}, { page: 1, perPage: 50, now: new Date('2030-01-01') })
  return page.items.map((hit) => hit.article.headline).sort()
}

/**
 * Writes that exercise every path: new articles (Latin and CJK), edits of old ones both ways, an
 * edit of a new one, a delete, a new draft (not searchable) and an old draft published.
 */
async function manyWrites(db: Db, ids: { kept: string }) {
  await save(db, article('new-draft', 'Dredging plan, draft', 'Not yet for readers: dredging.', 'draft'))
  await save(db, article('old-draft', 'Dredging plan published', 'Now for readers: dredging.'))
  for (let i = 0; i < 30; i++) await save(db, article(`new-${i}`, `Harbour report ${i}`, `Dredging the channel, part ${i}.`))
  await save(db, article('new-cjk', '港口の浚渫', '서울에서 열린 회의와 東京の港.'))
  await save(db, article('old-latin', '국회의사당 news', 'Now with Hangul: 의사당.'))
  await save(db, article('old-cjk', 'Back to English', 'No more kanji here.'))
  await save(db, article('new-3', 'Harbour report 3, corrected', 'The channel was dredged after all.'))
  await db.deleteFrom('articles').where('id', '=', ids.kept).execute()
}

async function siteWithOldArticles() {
  const site = await newSite()
  await save(site.db, article('old-latin', 'Old harbour news', 'Plain Latin text.'))
  await save(site.db, article('old-cjk', '古い港', '漢字の本文.'))
  await save(site.db, article('old-draft', 'Dredging plan', 'Internal: dredging.', 'draft'))
  const kept = await save(site.db, article('old-gone', 'To be removed', 'Soon deleted.'))
  return { site, ids: { kept } }
}

describe('withDeferredSearchIndex', () => {
  it('leaves the index exactly as the triggers would have, row by row', async () => {
    const byTrigger = await siteWithOldArticles()
    await inTransaction(byTrigger.site.db, (trx) => manyWrites(trx, byTrigger.ids))
    const deferred = await siteWithOldArticles()
    await inTransaction(deferred.site.db, (trx) => withDeferredSearchIndex(trx, () => manyWrites(trx, deferred.ids)))

    // Article ids differ between the two sites: compare by source key.
    const bySourceKey = async (db: Db) => {
      const keys = new Map((await db.selectFrom('articles').select(['id', 'sourceKey']).execute()).map((r) => [r.id, r.sourceKey]))
      const content = await indexContent(db)
      const rekey = (rows: { article: string }[]) => rows.map((r) => ({ ...r, article: keys.get(r.article) })).sort((a, b) => String(a.article).localeCompare(String(b.article)))
      return { ...content, docs: rekey(content.docs), words: rekey(content.words), trigram: rekey(content.trigram) }
    }
    const expected = await bySourceKey(byTrigger.site.db)
    expect(expected.words).toHaveLength(34)
    expect(expected.trigram.map((r) => r.article)).toEqual(['new-cjk', 'old-latin'])
    expect(await bySourceKey(deferred.site.db)).toEqual(expected)
    expect(await headlinesFound(deferred.site.db, 'dredged')).toEqual(['Harbour report 3, corrected'])
    expect(await headlinesFound(deferred.site.db, 'plan')).toEqual(['Dredging plan published'])
    expect(await headlinesFound(deferred.site.db, '의사당')).toEqual(['국회의사당 news'])
    expect(await headlinesFound(deferred.site.db, 'removed')).toEqual([])
  })

  it('puts the triggers back, so later saves are indexed as before', async () => {
    const site = await newSite()
    const triggersBefore = (await indexContent(site.db)).triggers
    await inTransaction(site.db, (trx) => withDeferredSearchIndex(trx, () => save(trx, article('a', 'Lighthouse keeper', 'Kept the light.'))))
    expect((await indexContent(site.db)).triggers).toEqual(triggersBefore)
    await save(site.db, article('b', 'Lighthouse painted', 'Red and white.'))
    await save(site.db, article('a', 'Lighthouse keeper retires', 'After forty years.'))
    expect(await headlinesFound(site.db, 'lighthouse')).toEqual(['Lighthouse keeper retires', 'Lighthouse painted'])
    expect(await headlinesFound(site.db, 'kept')).toEqual([])
    const temporary = (await sql`select name from sqlite_temp_master`.execute(site.db)).rows
    expect(temporary).toEqual([])
  })

  it('leaves the triggers, the index and every row exactly as before when the work fails', async () => {
    const { site } = await siteWithOldArticles()
    const before = await dumpDatabase(site.db)
    await expect(inTransaction(site.db, (trx) => withDeferredSearchIndex(trx, async () => {
      await save(trx, article('new-1', 'Harbour report', 'Dredging.'))
      await save(trx, article('old-latin', 'Old harbour news, edited', 'Edited text.'))
      throw new Error('the import stopped')
    }))).rejects.toThrow('the import stopped')
    expect(await dumpDatabase(site.db)).toEqual(before)
    // The comparison covers the triggers: without one, the dump differs.
    await sql`drop trigger articles_search_update`.execute(site.db)
    expect(await dumpDatabase(site.db)).not.toEqual(before)
  })

  it('indexes a new article that takes the rowid of one deleted meanwhile', async () => {
    const site = await newSite()
    await save(site.db, article('first', 'First story', 'Quay.'))
    const last = await save(site.db, article('last', 'Last story', 'Pier.'))
    await inTransaction(site.db, (trx) => withDeferredSearchIndex(trx, async () => {
      await trx.deleteFrom('articles').where('id', '=', last).execute()
      await save(trx, article('reborn', 'Reborn story', 'Slipway.'))
    }))
    expect(await headlinesFound(site.db, 'slipway')).toEqual(['Reborn story'])
    expect(await headlinesFound(site.db, 'pier')).toEqual([])
    expect((await indexContent(site.db)).counts).toEqual([2, 0])
  })

  it('follows an article whose id changes meanwhile', async () => {
    const site = await newSite()
    const id = await save(site.db, article('a', 'Ferry timetable', 'Winter sailings.'))
    await inTransaction(site.db, (trx) => withDeferredSearchIndex(trx, async () => {
      // Its saved revision refers to the old id; an article without history can change its id.
      await trx.deleteFrom('articleRevisions').where('articleId', '=', id).execute()
      await trx.updateTable('articles').set({ id: 'f'.repeat(24), headline: 'Ferry timetable, summer' }).where('id', '=', id).execute()
    }))
    expect(await headlinesFound(site.db, 'summer')).toEqual(['Ferry timetable, summer'])
    expect((await indexContent(site.db)).docs).toEqual([{ article: 'f'.repeat(24), published: '2026-06-01T12:00:00.000Z' }])
  })

  it('inside another deferral, leaves the indexing to the outer one', async () => {
    const site = await newSite()
    await inTransaction(site.db, (trx) => withDeferredSearchIndex(trx, async () => {
      await withDeferredSearchIndex(trx, () => save(trx, article('inner', 'Inner harbour', 'Moorings.')))
      await save(trx, article('outer', 'Outer harbour', 'Breakwater.'))
    }))
    expect(await headlinesFound(site.db, 'harbour')).toEqual(['Inner harbour', 'Outer harbour'])
  })

  it('refuses to run outside a transaction, where a failure could not restore the triggers', async () => {
    const site = await newSite()
    await expect(withDeferredSearchIndex(site.db, async () => undefined)).rejects.toThrow(/needs a transaction/)
  })

  it('on the suite\'s backend, indexes the work\'s writes (at the end on SQLite; at once on PostgreSQL, whose index keeps itself)', async () => {
    const site = await openTestDatabase()
    sites.push(site)
    const result = await inTransaction(site.db, (trx) => withDeferredSearchIndex(trx, async () => {
      await save(trx, article('pg-1', 'Ferry timetable', 'The winter ferry sails twice a day.'))
      expect(await headlinesFound(trx, 'ferry')).toEqual(testBackend === 'postgres' ? ['Ferry timetable'] : [])
      return 'done'
    }))
    expect(result).toBe('done')
    expect(await headlinesFound(site.db, 'ferry')).toEqual(['Ferry timetable'])
  })
})
