import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle } from '../../../test/support/test-site.js'
import { saveArticle } from '../../content/articles/save-article.js'
import { searchArticles } from '../../content/search/search.repo.js'
import { parseSearchQuery } from '../../content/search/search-query.js'
import { openSqlite, type Db } from '../connect.js'
import { migrateToLatest } from '../migrate.js'

// SQLite's trigram table, whichever backend the suite runs on (PostgreSQL has no such table).
let site: { db: Db }
beforeEach(async () => {
  site = { db: openSqlite(':memory:') }
  await migrateToLatest(site.db)
})
afterEach(async () => { await site.db.destroy() })

const trigramRows = async () => Number((await sql<{ n: number }>`select count(*) as n from article_search_trigram`.execute(site.db)).rows[0]!.n)

describe('trigram index for CJK only', () => {
  it('indexes only articles with Chinese, Japanese or Korean text, and follows edits both ways', async () => {
    await addArticle(site.db, { headline: 'Harbour news', body: { format: 'markdown', source: 'Plain Latin text.' } })
    expect(await trigramRows()).toBe(0)
    await addArticle(site.db, { headline: '국회의사당에서 회의', sourceKey: 'k', body: { format: 'markdown', source: '서울에서 열린 회의.' } })
    expect(await trigramRows()).toBe(1)
    await saveArticle(site.db, { headline: 'Now in English', sourceKey: 'k', status: 'published', body: { format: 'markdown', source: 'No more Hangul.' } }, new Date())
    expect(await trigramRows()).toBe(0)
    await saveArticle(site.db, { headline: '東京の港', sourceKey: 'k', status: 'published', body: { format: 'markdown', source: 'かな and 漢字.' } }, new Date())
    expect(await trigramRows()).toBe(1)
  })

  it('still finds a Korean word inside a longer one', async () => {
    await addArticle(site.db, { headline: '국회의사당에서 회의', body: { format: 'markdown', source: '서울에서 열린 회의.' } })
    await addArticle(site.db, { headline: 'Harbour news', body: { format: 'markdown', source: 'Plain Latin text.' } })
    const query = parseSearchQuery('의사당')
    if (!query.ok) throw new Error('query refused')
    const page = await searchArticles(site.db, query.value, {}, { page: 1, perPage: 20, now: new Date('2030-01-01') })
    expect(page.items.map((h) => h.article.headline)).toEqual(['국회의사당에서 회의'])
  })
})
