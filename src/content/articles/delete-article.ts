import { inTransaction, type Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'

/**
 * Deletes an article for good (its tags, bylines and redirects go with it); the search index
 * follows by trigger, cached pages by the change marker.
 * @returns whether there was such an article
 */
export async function deleteArticle(db: Db, id: string, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx.deleteFrom('articles').where('id', '=', id).executeTakeFirst()
    if (result.numDeletedRows === 0n) return false
    await markContentChanged(trx, now)
    return true
  })
}
