import { inTransaction, type Db } from '../../storage/connect.js'
import { markContentChanged } from '../site-changes.js'

/**
 * Removes a correction or update note (one added by mistake); cached pages refresh.
 * @returns whether there was such a note
 * @example if (!(await deleteCorrection(db, correctionId, now))) return c.notFound()
 */
export async function deleteCorrection(db: Db, correctionId: string, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx.deleteFrom('articleCorrections').where('id', '=', correctionId).executeTakeFirst()
    if (result.numDeletedRows === 0n) return false
    await markContentChanged(trx, now)
    return true
  })
}
