import type { Context } from 'hono'

/** Where pictures are posted: the upload endpoint for scripts, and the library's own form. */
export const UPLOAD_PATHS: ReadonlySet<string> = new Set(['/admin/media/upload', '/admin/media/'])

/** The largest request the admin takes, except a picture upload. */
export const ADMIN_BODY_LIMIT_BYTES = 26 * 1024 * 1024

/** Room for the form's other fields and the multipart boundaries around the picture itself. */
export const UPLOAD_FORM_ALLOWANCE_BYTES = 64 * 1024

/**
 * The refusal of a picture over the limit, naming the limit.
 * @example uploadLimitMessage(20 * 1024 * 1024) // 'The picture is larger than the 20 MB limit.'
 */
export function uploadLimitMessage(limitBytes: number): string {
  const megabytes = Math.round((limitBytes / 1024 / 1024) * 10) / 10
  return `The picture is larger than the ${megabytes} MB limit.`
}

/** Whether a request posts a picture (and so gets the upload limit rather than the admin's). */
export const isUploadRequest = (c: Context): boolean => c.req.method === 'POST' && UPLOAD_PATHS.has(c.req.path)
