import type { SelectQueryBuilder } from 'kysely'
import type { Db } from '../../storage/connect.js'
import type { Database } from '../../storage/schema.js'
import type { ArticleSummary } from './article.js'
import { findArticleSummaries, type Page } from './article.repo.js'

/**
 * One page of the articles a query selects, most recently changed first, with the total: the
 * admin's lists and the write API's list share it, each bringing its own filters.
 * @example await pageOfArticles(db, db.selectFrom('articles').where('status', '=', 'draft'), { page: 1, perPage: 30 })
 */
export async function pageOfArticles(
  db: Db, base: SelectQueryBuilder<Database, 'articles', {}>, { page, perPage }: { page: number; perPage: number },
): Promise<Page<ArticleSummary>> {
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const ids = await base.select('articles.id').orderBy('articles.updatedAt', 'desc').orderBy('articles.id', 'desc')
    .limit(perPage).offset((page - 1) * perPage).execute()
  const count = Number(total)
  return {
    items: await findArticleSummaries(db, ids.map((r) => r.id)),
    total: count,
    page,
    perPage,
    pages: Math.max(1, Math.ceil(count / perPage)),
  }
}
