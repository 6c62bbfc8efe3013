import type { Db } from '../../storage/connect.js'
import type { ArticleStatus, ArticleSummary } from './article.js'
import { findArticleSummaries, type Page } from './article.repo.js'

export interface ArticleFilter {
  status?: ArticleStatus | undefined
  /** A section's slug. */
  section?: string | undefined
  /** A tag's slug. */
  tag?: string | undefined
  /** Only this owner's articles (staff who may not list everyone's). */
  ownerId?: string | undefined
  page: number
  perPage: number
}

/**
 * Articles and pages out of the trash, most recently changed first, filtered by status, section
 * and tag, for the write API. Says nothing about permissions: the caller passes `ownerId`.
 * @example await listFilteredArticles(db, { status: 'draft', tag: 'harbour', page: 1, perPage: 20 })
 */
export async function listFilteredArticles(db: Db, filter: ArticleFilter): Promise<Page<ArticleSummary>> {
  let base = db.selectFrom('articles').where('articles.trashedAt', 'is', null)
  if (filter.status) base = base.where('articles.status', '=', filter.status)
  if (filter.ownerId) base = base.where('articles.ownerId', '=', filter.ownerId)
  if (filter.section) {
    const slug = filter.section
    base = base.where('articles.sectionId', 'in', (eb) => eb.selectFrom('sections').select('sections.id').where('sections.slug', '=', slug))
  }
  if (filter.tag) {
    const slug = filter.tag
    base = base.where('articles.id', 'in', (eb) => eb.selectFrom('articleTags').innerJoin('tags', 'tags.id', 'articleTags.tagId')
      .select('articleTags.articleId').where('tags.slug', '=', slug))
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const ids = await base.select('articles.id').orderBy('articles.updatedAt', 'desc').orderBy('articles.id', 'desc')
    .limit(filter.perPage).offset((filter.page - 1) * filter.perPage).execute()
  const count = Number(total)
  return {
    items: await findArticleSummaries(db, ids.map((r) => r.id)),
    total: count,
    page: filter.page,
    perPage: filter.perPage,
    pages: Math.max(1, Math.ceil(count / filter.perPage)),
  }
}
