import { newId } from '../../core/ids.js'
import type { Db } from '../../storage/connect.js'
import { toPicture } from '../articles/article.repo.js'
import type { Picture } from './picture.js'

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
}

/**
 * Records a picture that stays at its original address (an imported archive's), or finds the
 * one recorded before for the same address. Width and height are 0 when unknown.
 * @example await ensureRemotePicture(db, { url: 'https://old.example/wp-content/uploads/a.jpg', alt: '' }, now)
 */
export async function ensureRemotePicture(
  db: Db, { url, alt, width = 0, height = 0 }: { url: string; alt: string; width?: number; height?: number }, now: Date,
): Promise<Picture> {
  const existing = await db.selectFrom('media').selectAll().where('remoteUrl', '=', url).executeTakeFirst()
  if (existing) return toPicture(existing)
  const id = newId(now)
  const extension = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? ''
  const row = {
    id, storageKey: `remote/${id}`, mimeType: MIME_BY_EXTENSION[extension] ?? 'image/jpeg', width, height, bytes: 0, sha256: '',
    variants: '[]', alt, createdAt: now.toISOString(), remoteUrl: url,
  }
  await db.insertInto('media').values(row).execute()
  return toPicture(row)
}
