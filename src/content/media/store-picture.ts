import { createHash } from 'node:crypto'
import { newId } from '../../core/ids.js'
import { processPicture } from '../../images/process-picture.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import type { FileStore } from '../../storage/files/file-store.js'
import { toPicture } from '../articles/article.repo.js'
import { emitEvent } from '../webhooks/emit-event.js'
import { MIME_BY_FORMAT, type Picture, type PictureVariant } from './picture.js'
import { toPictureEventData } from './picture-event-data.js'

const EXTENSION = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' } as const

/** What is known of a picture besides its bytes. */
export interface PictureDetails {
  alt?: string
  caption?: string
  credit?: string
  /** The file's name on the uploader's computer. */
  originalName?: string
  /** The staff member uploading it. */
  uploadedBy?: string | null
}

/**
 * Stores a picture: checks and cleans it, writes the original and its variants, records it.
 * Returns the keys written too, so a caller whose transaction fails later can remove them
 * again; when this function itself fails, it removes what it wrote before throwing.
 * Throws PictureError for a file that is not an acceptable picture. Queues `media.added` for
 * webhooks with the row, unless told not to (imports).
 * @example const { picture } = await storePicture(db, files, jpegBytes, { alt: 'The harbour at dawn' }, now)
 */
export async function storePicture(
  db: Db, files: FileStore, bytes: Buffer,
  { alt = '', caption = '', credit = '', originalName = '', uploadedBy = null }: PictureDetails, now: Date,
  { events = true }: { events?: boolean } = {},
): Promise<{ picture: Picture; writtenKeys: string[] }> {
  const processed = await processPicture(bytes)
  const id = newId(now)
  const folder = `pictures/${id}`
  const originalKey = `${folder}/original.${EXTENSION[processed.format]}`
  const writtenKeys: string[] = []
  const write = async (key: string, data: Buffer) => { await files.put(key, data); writtenKeys.push(key) }
  try {
    await write(originalKey, processed.original)
    const variants: PictureVariant[] = []
    for (const v of processed.variants) {
      const key = `${folder}/${v.width}.${EXTENSION[v.format]}`
      await write(key, v.data)
      variants.push({ width: v.width, height: v.height, format: v.format, key })
    }
    const row = {
      id,
      storageKey: originalKey,
      mimeType: MIME_BY_FORMAT[processed.format],
      width: processed.width,
      height: processed.height,
      bytes: processed.original.length,
      sha256: createHash('sha256').update(processed.original).digest('hex'),
      variants: JSON.stringify(variants),
      alt,
      createdAt: now.toISOString(),
      remoteUrl: null,
      caption,
      credit,
      originalName,
      uploadedBy,
    }
    const picture = toPicture(row)
    await inTransaction(db, async (trx) => {
      await trx.insertInto('media').values(row).execute()
      if (events) await emitEvent(trx, 'media.added', toPictureEventData(picture, row), now)
    })
    return { picture, writtenKeys }
  } catch (error) {
    await Promise.allSettled(writtenKeys.map((key) => files.delete(key)))
    throw error
  }
}
