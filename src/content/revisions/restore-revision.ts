import { err, ok, type Result } from '../../core/result.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import type { Article } from '../articles/article.js'
import { findArticleById } from '../articles/article.repo.js'
import { parseArticleInput, writeArticle, type UpdateArticleError } from '../articles/save-article.js'
import type { EditContext } from '../articles/update-article.js'
import { getRevision } from './revision.repo.js'

export type RestoreRevisionError = UpdateArticleError | { type: 'revision-not-found' }

/**
 * Brings back an earlier revision's content as a new version: history is never rewritten, the
 * restore is one more revision (marked with the version it restored). Everything the revision
 * holds comes back, slug included (a public article's current URL then redirects), except the
 * publication state: the article stays as published, scheduled or draft as it is now. The same
 * conflict check as `updateArticle` applies, and references deleted since (a tag, the hero
 * picture) are named as invalid fields.
 * @example const result = await restoreRevision(db, article.id, revision.id, now, { baseVersion: article.version, editedBy: user.id })
 */
export async function restoreRevision(
  db: Db, articleId: string, revisionId: string, now: Date, { baseVersion, editedBy, siteUrl }: EditContext,
): Promise<Result<Article, RestoreRevisionError>> {
  return inTransaction(db, async (trx) => {
    const current = await findArticleById(trx, articleId)
    if (!current) return err({ type: 'not-found' as const })
    const revision = await getRevision(trx, revisionId)
    if (!revision || revision.articleId !== articleId) return err({ type: 'revision-not-found' as const })
    const { content } = revision
    const parsed = parseArticleInput({ ...content, status: current.status, publishedAt: current.publishedAt })
    if (!parsed.ok) return parsed
    const written = await writeArticle(trx, parsed.value, now, { savedBy: editedBy, restoredFrom: revision.version, siteUrl }, { id: articleId, baseVersion })
    if (!written.ok) return written
    return ok((await findArticleById(trx, articleId))!)
  })
}
