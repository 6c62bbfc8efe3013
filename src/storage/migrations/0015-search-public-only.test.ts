import { Migrator, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite, type Db } from '../connect.js'
import { migrateToLatest } from '../migrate.js'
import { migrations } from './index.js'

let db: Db
beforeEach(() => { db = openSqlite(':memory:') })
afterEach(async () => { await db.destroy() })

const at = '2026-06-01T12:00:00.000Z'
const indexed = async (table: 'article_search' | 'article_search_trigram') =>
  (await sql<{ headline: string }>`select headline from ${sql.table(table)} order by headline`.execute(db)).rows.map((r) => r.headline)

describe('migration 0015 (search holds public articles only)', () => {
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
