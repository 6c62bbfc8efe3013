import { runCompiledOnce } from '../../storage/compiled-once.js'
import type { Db } from '../../storage/connect.js'
import { toPicture } from '../articles/article.repo.js'
import type { Picture } from './picture.js'

/**
 * A picture of the media library by its id, or undefined.
 * @example const logo = settings.logoId ? await findPicture(db, settings.logoId) : undefined
 */
export async function findPicture(db: Db, id: string): Promise<Picture | undefined> {
  const { rows: [row] } = await runCompiledOnce(db, 'media by id', [id], () => db.selectFrom('media').selectAll().where('id', '=', id))
  return row && toPicture(row)
}
