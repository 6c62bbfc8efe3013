import { err, type Result } from '../../core/result.js'
import { canOnArticle, type Actor } from '../../staff/permissions.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import type { Article, ArticleInput } from './article.js'
import { findArticleById } from './article.repo.js'
import { updateArticle, type UpdateArticleError } from './update-article.js'

/** What the editor page changes of an article; the rest (status, kind, language…) stays as stored. */
export type ArticleContent = Pick<ArticleInput, 'headline' | 'dek' | 'slug' | 'body' | 'hero' | 'sectionId' | 'tagIds' | 'authorIds'>

export type EditArticleError =
  | UpdateArticleError
  | { type: 'forbidden' }
  /** The article cannot take this save as it is now (in the trash; published, for an autosave). */
  | { type: 'not-applicable'; message: string }

export interface EditOptions {
  /** The version the editor's copy was opened at: a later save by someone else is a conflict. */
  baseVersion: number
  /** An autosave: drafts only, since saving a public article changes what readers see. */
  draftsOnly?: boolean
  /** The site's address, so the body's links to it count as its own (see `WriteOptions.siteUrl`). */
  siteUrl?: string
}

/**
 * Saves an editor's copy of an article's content, for `actor`, if they may edit it: the
 * publication state is the stored one (publishing is a workflow action), and someone else's save
 * since `baseVersion` is a conflict, never overwritten. Keeps a revision, and a redirect when a
 * public article's slug changes (see `updateArticle`).
 * @example const saved = await editArticle(db, staff, id, content, now, { baseVersion: 4 })
 */
export async function editArticle(
  db: Db, actor: Actor, id: string, content: ArticleContent, now: Date, { baseVersion, draftsOnly = false, siteUrl }: EditOptions,
): Promise<Result<Article, EditArticleError>> {
  return inTransaction(db, async (trx) => {
    const current = await findArticleById(trx, id)
    if (!current) return err({ type: 'not-found' as const })
    const access = { ownerId: current.workflow.ownerId, status: current.status, publishedAt: current.publishedAt }
    if (!canOnArticle(actor, 'edit', access)) return err({ type: 'forbidden' as const })
    if (current.workflow.trashedAt) return err({ type: 'not-applicable' as const, message: 'It is in the trash: restore it first.' })
    if (draftsOnly && current.status !== 'draft') {
      return err({ type: 'not-applicable' as const, message: 'It is no longer a draft, and saving would change the public page: save it with Update.' })
    }
    const input: ArticleInput = {
      ...content,
      kind: current.kind,
      language: current.language,
      canonicalUrl: current.canonicalUrl,
      status: current.status,
      publishedAt: current.publishedAt,
    }
    return updateArticle(trx, id, input, now, { baseVersion, editedBy: actor.id, siteUrl })
  })
}
