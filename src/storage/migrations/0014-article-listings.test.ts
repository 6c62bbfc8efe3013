import { Migrator } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectListsInStep, referenceListIds } from '../../../test/support/listings.js'
import { listPublicArticles, type ArticleScope } from '../../content/articles/article.repo.js'
import { openEmptyTestDatabase, type TestDatabase } from '../../../test/support/test-database.js'
import type { Db } from '../connect.js'
import { migrateToLatest } from '../migrate.js'
import { migrations } from './index.js'

// On the suite's backend: the migration is portable SQL, and runs on both.
let database: TestDatabase
let db: Db
beforeEach(async () => {
  database = await openEmptyTestDatabase()
  db = database.db
})
afterEach(async () => { await database.close() })

const at = '2026-06-01T12:00:00.000Z'

describe('migration 0014 (kept public lists)', () => {
  it('lists the articles a site already has, with their counts, as the lists showed them before', async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0013-webhooks')).error).toBeUndefined()

    await db.insertInto('sections').values([
      { id: 's1', slug: 'harbour', name: 'Harbour', description: '', position: 0, createdAt: at },
      { id: 's2', slug: 'city', name: 'City', description: '', position: 1, createdAt: at },
    ]).execute()
    await db.insertInto('tags').values(['t1', 't2'].map((id) => ({ id, slug: id, name: id, description: '', createdAt: at }))).execute()
    await db.insertInto('people').values(['p1', 'p2'].map((id) => ({ id, slug: id, name: id, bio: '', createdAt: at }))).execute()
    const article = (id: string, fields: { status: string; publishedAt: string | null; kind?: string; sectionId?: string | null }) => ({
      id, slug: id, headline: id, bodyFormat: 'html', bodySource: '<p>x</p>', bodyHtml: '<p>x</p>', createdAt: at, updatedAt: at,
      kind: 'post', sectionId: null, ...fields,
    })
    await db.insertInto('articles').values([
      article('a1', { status: 'published', publishedAt: '2026-05-01T00:00:00.000Z', sectionId: 's1' }),
      article('a2', { status: 'published', publishedAt: '2026-05-01T00:00:00.000Z', sectionId: 's1' }),
      article('a3', { status: 'published', publishedAt: '2026-05-03T00:00:00.000Z', sectionId: 's2' }),
      article('a4', { status: 'scheduled', publishedAt: '2026-05-02T00:00:00.000Z' }),
      article('a5', { status: 'scheduled', publishedAt: '2026-07-01T00:00:00.000Z', sectionId: 's2' }),
      article('a6', { status: 'draft', publishedAt: '2026-04-01T00:00:00.000Z', sectionId: 's1' }),
      article('a7', { status: 'published', publishedAt: '2026-04-01T00:00:00.000Z', kind: 'page' }),
      article('a8', { status: 'published', publishedAt: null }),
    ]).execute()
    const tagged = [['a1', 't1'], ['a2', 't1'], ['a2', 't2'], ['a4', 't2'], ['a5', 't1'], ['a6', 't1'], ['a7', 't1']]
    await db.insertInto('articleTags').values(tagged.map(([articleId, tagId], position) => ({ articleId: articleId!, tagId: tagId!, position }))).execute()
    const bylined = [['a1', 'p1'], ['a3', 'p1'], ['a3', 'p2'], ['a5', 'p2'], ['a6', 'p2']]
    await db.insertInto('articleAuthors').values(bylined.map(([articleId, personId]) => ({ articleId: articleId!, personId: personId!, position: 0 }))).execute()

    expect(await migrateToLatest(db)).toContain('0014-article-listings')
    await expectListsInStep(db)
    const scopes: ArticleScope[] = [
      { kind: 'all' }, { kind: 'section', sectionId: 's1' }, { kind: 'section', sectionId: 's2' },
      { kind: 'tag', tagId: 't1' }, { kind: 'tag', tagId: 't2' }, { kind: 'author', personId: 'p1' }, { kind: 'author', personId: 'p2' },
    ]
    for (const now of [new Date(at), new Date('2026-08-01T00:00:00.000Z')]) {
      for (const scope of scopes) {
        const page = await listPublicArticles(db, scope, { page: 1, perPage: 20, now })
        const expected = await referenceListIds(db, scope, now)
        expect(page.items.map((a) => a.id), JSON.stringify(scope)).toEqual(expected)
        expect(page.total).toBe(expected.length)
      }
    }
    expect((await listPublicArticles(db, { kind: 'all' }, { page: 1, perPage: 20, now: new Date(at) })).items.map((a) => a.id))
      .toEqual(['a3', 'a4', 'a2', 'a1'])
  })

  it('can be undone', async () => {
    await migrateToLatest(db)
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0013-webhooks')).error).toBeUndefined()
    const tables = (await db.introspection.getTables()).map((t) => t.name)
    expect(tables).not.toContain('article_listings')
    expect(tables).not.toContain('listing_counts')
  })
})
