import type { Db } from '../../storage/connect.js'
import type { ArticleStatus, ArticleSummary } from './article.js'
import type { Page } from './article.repo.js'
import { pageOfArticles } from './article-page.js'

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
  return pageOfArticles(db, base, filter)
}
