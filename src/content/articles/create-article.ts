import { err, ok, type Result } from '../../core/result.js'
import { canOnSite, type Actor } from '../../staff/permissions.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import type { Article, ArticleInput } from './article.js'
import { findArticleById } from './article.repo.js'
import { saveArticle, type SaveArticleError } from './save-article.js'

/** Who creates an article: a staff member, with the byline they write under. */
export interface Creator extends Actor {
  personId: string | null
}

export type CreateArticleError = SaveArticleError | { type: 'forbidden' }

/**
 * Creates a draft owned by `creator`. It is always a draft, whatever the input says: going
 * public is a workflow action (`changeWorkflow`), checked on its own. Without `authorIds` the
 * byline is the creator's own; a standing page (`kind: 'page'`) needs `pages.manage`.
 * @example const created = await createArticle(db, staff, { headline: 'Harbour reopens', body: { format: 'markdown', source: '' } }, now)
 */
export async function createArticle(db: Db, creator: Creator, input: ArticleInput, now: Date): Promise<Result<Article, CreateArticleError>> {
  if (!canOnSite(creator, 'article.create')) return err({ type: 'forbidden' })
  if (input.kind === 'page' && !canOnSite(creator, 'pages.manage')) return err({ type: 'forbidden' })
  const authorIds = input.authorIds ?? (creator.personId ? [creator.personId] : [])
  const draft: ArticleInput = { ...input, authorIds, status: 'draft', publishedAt: null, sourceKey: null }
  return inTransaction(db, async (trx) => {
    const saved = await saveArticle(trx, draft, now)
    if (!saved.ok) return saved
    await trx.updateTable('articles').set({ ownerId: creator.id }).where('id', '=', saved.value.article.id).execute()
    return ok((await findArticleById(trx, saved.value.article.id))!)
  })
}
