import { err, ok, type Result } from '../../core/result.js'
import { PictureError, type PictureProblem } from '../../images/picture-type.js'
import type { Db } from '../../storage/connect.js'
import type { FileStore } from '../../storage/files/file-store.js'
import type { Picture } from './picture.js'
import { storePicture, type PictureDetails } from './store-picture.js'

export interface UploadRefusal {
  type: PictureProblem
  /** A sentence for the person uploading. */
  message: string
}

/**
 * Adds an uploaded file to the media library: a refused file (not a picture, SVG, too many
 * pixels, damaged) is an answer, not an exception.
 * @example const result = await uploadPicture(db, files, bytes, { alt: '', originalName: 'quay.jpg', uploadedBy: staff.id }, now)
 */
export async function uploadPicture(
  db: Db, files: FileStore, bytes: Buffer, details: PictureDetails, now: Date,
): Promise<Result<Picture, UploadRefusal>> {
  try {
    return ok((await storePicture(db, files, bytes, details, now)).picture)
  } catch (error) {
    if (error instanceof PictureError) return err({ type: error.problem, message: error.message })
    throw error
  }
}
