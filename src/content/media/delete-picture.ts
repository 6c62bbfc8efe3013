import { err, ok, type Result } from '../../core/result.js'
import { runTransaction, type Db } from '../../storage/connect.js'
import type { FileStore } from '../../storage/files/file-store.js'
import { toPicture } from '../articles/article.repo.js'
import { emitEvent } from '../webhooks/emit-event.js'
import { toPictureEventData } from './picture-event-data.js'
import type { PictureUse } from './library-picture.js'
import { findPictureUses } from './media.repo.js'

export type DeletePictureError =
  | { type: 'not-found' }
  | { type: 'in-use'; uses: PictureUse[] }

/**
 * Deletes a picture from the library and its files from the store, unless something still
 * shows it (see findPictureUses). The check and the deletion share one transaction, so an
 * article cannot take the picture as its hero in between; the files go only after the row.
 * Queues `media.deleted` for webhooks in the same transaction.
 * @example const result = await deletePicture(db, files, id, now)
 */
export async function deletePicture(db: Db, files: FileStore, id: string, now: Date): Promise<Result<{ deletedFiles: number }, DeletePictureError>> {
  const outcome = await runTransaction(db, async (trx): Promise<Result<string[], DeletePictureError>> => {
    const row = await trx.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) return err({ type: 'not-found' })
    const picture = toPicture(row)
    const uses = await findPictureUses(trx, picture)
    if (uses.length) return err({ type: 'in-use', uses })
    await trx.deleteFrom('media').where('id', '=', id).execute()
    await emitEvent(trx, 'media.deleted', toPictureEventData(picture, row), now)
    return ok(picture.remoteUrl ? [] : [picture.key, ...picture.variants.map((v) => v.key)])
  })
  if (!outcome.ok) return outcome
  for (const key of outcome.value) await files.delete(key)
  return ok({ deletedFiles: outcome.value.length })
}
