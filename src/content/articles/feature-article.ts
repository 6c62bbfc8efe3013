import { inTransaction, type Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'

/**
 * Marks an article as featured (singled out by the editors, Ghost's `featured`) or not.
 * Whether it counts as an edit is the caller's business: `updatedAt` is left alone.
 * @example await featureArticle(db, id, true, now) // true when there was such an article
 * @returns whether there was such an article
 */
export async function featureArticle(db: Db, id: string, featured: boolean, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx.updateTable('articles').set({ featured: featured ? 1 : 0 }).where('id', '=', id).executeTakeFirst()
    if (result.numUpdatedRows === 0n) return false
    await markContentChanged(trx, now)
    return true
  })
}
