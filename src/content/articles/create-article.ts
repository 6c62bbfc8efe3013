import { err, ok, type Result } from '../../core/result.js'
import { canOnSite, type Actor } from '../../staff/permissions.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import type { Article, ArticleInput } from './article.js'
import { findArticleById } from './article.repo.js'
import { parseArticleInput, writeArticle, type SaveArticleError } from './save-article.js'

/** Who creates an article: a staff member, with the byline they write under. */
export interface Creator extends Actor {
  personId: string | null
  /**
   * The staff account recorded as the article's owner; by default the creator's own id. An
   * integration (an API key, which is no staff account) gives null: its articles belong to no one.
   */
  ownerId?: string | null
}

export type CreateArticleError = SaveArticleError | { type: 'forbidden' }

/**
 * Creates a draft owned by `creator`. It is always a draft, whatever the input says: going
 * public is a workflow action (`changeWorkflow`), checked on its own. Without `authorIds` the
 * byline is the creator's own; a standing page (`kind: 'page'`) needs `pages.manage`. With `siteUrl`,
 * the body's links to the site count as its own (a contributor's other links are nofollow ugc).
 * @example const created = await createArticle(db, staff, { headline: 'Harbour reopens', body: { format: 'markdown', source: '' } }, now)
 */
export async function createArticle(
  db: Db, creator: Creator, input: ArticleInput, now: Date, { siteUrl }: { siteUrl?: string } = {},
): Promise<Result<Article, CreateArticleError>> {
  if (!canOnSite(creator, 'article.create')) return err({ type: 'forbidden' })
  if (input.kind === 'page' && !canOnSite(creator, 'pages.manage')) return err({ type: 'forbidden' })
  const authorIds = input.authorIds ?? (creator.personId ? [creator.personId] : [])
  const draft: ArticleInput = { ...input, authorIds, status: 'draft', publishedAt: null, sourceKey: null }
  const valid = parseArticleInput(draft)
  if (!valid.ok) return valid
  return inTransaction(db, async (trx) => {
    // Its first revision is the creator's: history and conflict messages name them.
    const written = await writeArticle(trx, valid.value, now, { savedBy: creator.id, siteUrl })
    if (!written.ok) return written
    await trx.updateTable('articles').set({ ownerId: creator.ownerId === undefined ? creator.id : creator.ownerId }).where('id', '=', written.value.id).execute()
    return ok((await findArticleById(trx, written.value.id))!)
  })
}
