import { sql } from 'kysely'
import { expect } from 'vitest'
import type { ArticleScope } from '../../src/content/articles/article-listings.js'
import type { Db } from '../../src/storage/connect.js'

interface Row { scope: string; termId: string; articleId: string; listedAt: string }

/**
 * The lists as their definition gives them, straight from the articles and their tags and authors
 * (written independently of `syncListings`): every published or scheduled post with a time, on
 * the front page's list, its section's, and each of its tags' and authors'.
 */
async function definedRows(db: Db): Promise<Row[]> {
  const listed = sql`a.kind = 'post' and a.status in ('published', 'scheduled') and a.published_at is not null`
  const { rows } = await sql<Row>`
    select 'all' as scope, '' as term_id, a.id as article_id, a.published_at as listed_at from articles a where ${listed}
    union all select 'section', a.section_id, a.id, a.published_at from articles a where ${listed} and a.section_id is not null
    union all select 'tag', t.tag_id, a.id, a.published_at from articles a join article_tags t on t.article_id = a.id where ${listed}
    union all select 'author', p.person_id, a.id, a.published_at from articles a join article_authors p on p.article_id = a.id where ${listed}
    order by 1, 2, 3`.execute(db)
  return rows
}

/** Fails unless the kept lists and counts are exactly what the articles define. */
export async function expectListsInStep(db: Db, message = ''): Promise<void> {
  const defined = await definedRows(db)
  const kept = await db.selectFrom('articleListings').select(['scope', 'termId', 'articleId', 'listedAt'])
    .orderBy('scope').orderBy('termId').orderBy('articleId').execute()
  expect(kept, `kept list rows ${message}`).toEqual(defined)
  const definedCounts = new Map<string, number>()
  for (const row of defined) definedCounts.set(`${row.scope}:${row.termId}`, (definedCounts.get(`${row.scope}:${row.termId}`) ?? 0) + 1)
  const keptCounts = await db.selectFrom('listingCounts').selectAll().execute()
  expect(new Map(keptCounts.map((c) => [`${c.scope}:${c.termId}`, Number(c.articles)])), `kept counts ${message}`).toEqual(definedCounts)
}

/**
 * The ids a public list shows at `now`, in order, as the query before the kept lists computed
 * them: filtering every article of the scope and sorting them all.
 */
export async function referenceListIds(db: Db, scope: ArticleScope, now: Date): Promise<string[]> {
  let query = db.selectFrom('articles as a').select('a.id')
    .where('a.kind', '=', 'post').where('a.status', 'in', ['published', 'scheduled']).where('a.publishedAt', '<=', now.toISOString())
  if (scope.kind === 'section') query = query.where('a.sectionId', '=', scope.sectionId)
  if (scope.kind === 'tag') query = query.where('a.id', 'in', db.selectFrom('articleTags').select('articleId').where('tagId', '=', scope.tagId))
  if (scope.kind === 'author') query = query.where('a.id', 'in', db.selectFrom('articleAuthors').select('articleId').where('personId', '=', scope.personId))
  return (await query.orderBy('a.publishedAt', 'desc').orderBy('a.id', 'desc').execute()).map((r) => r.id)
}
