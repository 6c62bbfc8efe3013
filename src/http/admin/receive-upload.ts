import type { Context } from 'hono'
import { z } from 'zod'
import { LIBRARY_TEXT_LIMITS } from '../../content/media/library-picture.js'
import type { Picture } from '../../content/media/picture.js'
import { uploadPicture } from '../../content/media/upload-picture.js'
import { err, type Result } from '../../core/result.js'
import { ACCEPTED_TYPES } from '../../images/picture-type.js'
import type { AdminDeps } from './admin-deps.js'
import { uploadLimitMessage } from './upload-limit.js'

export interface UploadProblem {
  status: 400 | 413 | 415 | 422
  field: 'file' | 'alt'
  message: string
}

const UploadForm = z.object({
  file: z.instanceof(File, { message: `Choose a picture to upload (${ACCEPTED_TYPES}).` })
    .refine((f) => f.size > 0, 'The file is empty: choose a picture to upload.'),
  alt: z.string().trim().max(LIBRARY_TEXT_LIMITS.alt, `The alt text is longer than ${LIBRARY_TEXT_LIMITS.alt} characters.`).default(''),
})

/**
 * Reads a picture posted as multipart/form-data (field `file`, optional `alt`) and adds it to
 * the library as uploaded by `uploadedBy` (a staff member's id, or null for an integration). The
 * admin and the write API (/api/v1/pictures) both take pictures through here. Refusals say what to do, with the status to
 * answer: 413 over the size limit, 415 for a file that is not an accepted picture, 400/422 for
 * a missing file or bad field. The request size was limited before (see upload-limit.ts);
 * the file itself is checked against the limit here, without the form around it.
 */
export async function receiveUpload(
  c: Context, deps: Pick<AdminDeps, 'db' | 'files' | 'clock' | 'uploadLimitBytes'>, uploadedBy: string | null,
): Promise<Result<Picture, UploadProblem>> {
  if (!(c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')) {
    return err({ status: 415, field: 'file', message: 'Send the picture as multipart/form-data, in the field "file".' })
  }
  let body: Record<string, unknown>
  try {
    body = await c.req.parseBody()
  } catch {
    return err({ status: 400, field: 'file', message: 'The upload could not be read: it was cut short. Try again.' })
  }
  const parsed = UploadForm.safeParse({ file: body.file, alt: typeof body.alt === 'string' ? body.alt : undefined })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = issue.path[0] === 'alt' ? 'alt' : 'file'
    return err({ status: field === 'file' ? 400 : 422, field, message: issue.message })
  }
  const { file, alt } = parsed.data
  if (file.size > deps.uploadLimitBytes) return err({ status: 413, field: 'file', message: uploadLimitMessage(deps.uploadLimitBytes) })
  const bytes = Buffer.from(await file.arrayBuffer())
  const stored = await uploadPicture(deps.db, deps.files, bytes, {
    alt, originalName: cleanFileName(file.name), uploadedBy,
  }, deps.clock.now())
  return stored.ok ? stored : err({ status: 415, field: 'file', message: stored.error.message })
}

/**
 * A file name as the library shows it: no folders, no control characters, not too long.
 * @example cleanFileName('C:\\Photos\\quay\u0000.jpg') // 'quay.jpg'
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, LIBRARY_TEXT_LIMITS.originalName)
}
