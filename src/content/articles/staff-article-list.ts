import { sql } from 'kysely'
import type { Db } from '../../storage/connect.js'
import { containsText } from '../../storage/contains-text.js'
import type { ArticleKind, ArticleSummary } from './article.js'
import type { Page } from './article.repo.js'
import { pageOfArticles } from './article-page.js'

/** The admin's views of the article list. */
export const STAFF_VIEWS = ['all', 'drafts', 'review', 'scheduled', 'published', 'trash'] as const
export type StaffView = (typeof STAFF_VIEWS)[number]

export interface StaffListQuery {
  view: StaffView
  kind: ArticleKind
  /** Only this owner's articles (contributors and authors see nothing else). */
  ownerId?: string | undefined
  /** Words of the headline. */
  text?: string | undefined
  page: number
  perPage: number
}

/**
 * Articles as the newsroom sees them, most recently changed first: drafts, the review queue,
 * scheduled, published, and the trash. Says nothing about permissions: the caller passes
 * `ownerId` for staff who may only see their own.
 * @example await listStaffArticles(db, { view: 'review', kind: 'post', page: 1, perPage: 30 })
 */
export async function listStaffArticles(db: Db, query: StaffListQuery): Promise<Page<ArticleSummary>> {
  let base = db.selectFrom('articles').where('kind', '=', query.kind)
  base = query.view === 'trash' ? base.where('trashedAt', 'is not', null) : base.where('trashedAt', 'is', null)
  switch (query.view) {
    case 'drafts': base = base.where('status', '=', 'draft').where((eb) => eb.or([eb('reviewState', 'is', null), eb('reviewState', '=', 'returned')])); break
    case 'review': base = base.where('status', '=', 'draft').where('reviewState', '=', 'submitted'); break
    case 'scheduled': base = base.where('status', '=', 'scheduled'); break
    case 'published': base = base.where('status', '=', 'published'); break
    case 'all': case 'trash': break
  }
  if (query.ownerId) base = base.where('ownerId', '=', query.ownerId)
  const text = query.text?.trim()
  if (text) base = base.where(containsText(db, sql.ref('headline'), text))
  return pageOfArticles(db, base, query)
}
