import { inTransaction, type Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'
import { toArticleEventData } from '../webhooks/article-events.js'
import { emitEvent } from '../webhooks/emit-event.js'
import { findArticleSummaries } from './article.repo.js'
import { syncListings } from './article-listings.js'

/**
 * Deletes an article for good (its tags, bylines and redirects go with it); the search index
 * follows by trigger, the public lists and their counts here, cached pages by the change marker.
 * @returns whether there was such an article
 */
export async function deleteArticle(db: Db, id: string, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const [article] = await findArticleSummaries(trx, [id])
    if (!article) return false
    await trx.deleteFrom('articles').where('id', '=', id).execute()
    await syncListings(trx, [id])
    await markContentChanged(trx, now)
    await emitEvent(trx, 'article.deleted', toArticleEventData(article), now)
    return true
  })
}
