import { ok, type Result } from '../../core/result.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import type { Article, ArticleInput } from './article.js'
import { findArticleById } from './article.repo.js'
import { parseArticleInput, writeArticle, type UpdateArticleError } from './save-article.js'

export type { EditConflict, UpdateArticleError } from './save-article.js'

export interface EditContext {
  /** The article's version the editor's copy was based on (`Article.version` when they opened it). */
  baseVersion: number
  /** The user saving, or null for the system. */
  editedBy: string | null
  /** The site's address, so the body's links to it count as its own (see `WriteOptions.siteUrl`). */
  siteUrl?: string
}

/**
 * Updates the article with this id from an editor's copy. When someone else saved it since the
 * copy was taken (`baseVersion` is not the stored version), nothing is written and the error says
 * which version is current, when and by whom it was saved: the second of two editors never
 * silently overwrites the first. Stores a revision, and a redirect when a public article's slug
 * changes. An input without `sourceKey` keeps the article's.
 * @example
 * const result = await updateArticle(db, id, { headline: 'Tide tables, corrected', body }, now, { baseVersion: article.version, editedBy: user.id })
 * if (!result.ok && result.error.type === 'conflict') showConflict(result.error.currentVersion, result.error.editedBy)
 */
export async function updateArticle(
  db: Db, id: string, input: ArticleInput, now: Date, { baseVersion, editedBy, siteUrl }: EditContext,
): Promise<Result<Article, UpdateArticleError>> {
  const parsed = parseArticleInput(input)
  if (!parsed.ok) return parsed
  return inTransaction(db, async (trx) => {
    const written = await writeArticle(trx, parsed.value, now, { savedBy: editedBy, siteUrl }, { id, baseVersion })
    if (!written.ok) return written
    return ok((await findArticleById(trx, id))!)
  })
}
