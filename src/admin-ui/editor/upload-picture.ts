import { err, ok, type Result } from '../../core/result.js'

/** The server's answer to a successful upload. */
export interface UploadedPicture {
  id: string
  url: string
  width: number | null
  height: number | null
}

export interface UploadTarget {
  /** Where the form's `data-upload-url` points, e.g. `/admin/media/upload`. */
  url: string
  /** Sent as the `x-csrf-token` header. */
  csrfToken: string
  fetch?: typeof fetch
}

/**
 * Uploads one picture as the `file` field of a multipart POST. The server answers
 * `{ "id", "url", "width", "height" }`, or `{ "error": "message" }` with a 4xx status; the error
 * is a sentence for the journalist (the server's own message when it gave one).
 * @example const result = await uploadPicture(file, { url: '/admin/media/upload', csrfToken: token })
 */
export async function uploadPicture(file: Blob, target: UploadTarget): Promise<Result<UploadedPicture, string>> {
  const body = new FormData()
  body.append('file', file)
  let response: Response
  try {
    response = await (target.fetch ?? fetch)(target.url, {
      method: 'POST', body, credentials: 'same-origin', headers: { 'x-csrf-token': target.csrfToken, accept: 'application/json' },
    })
  } catch {
    return err('the server could not be reached. Check the connection and try again.')
  }
  const answer: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const message = isRecord(answer) && typeof answer.error === 'string' && answer.error.trim() ? answer.error.trim() : undefined
    return err(message ?? `the server answered ${response.status} ${response.statusText}`.trim())
  }
  return toUploadedPicture(answer)
}

function toUploadedPicture(answer: unknown): Result<UploadedPicture, string> {
  if (!isRecord(answer) || typeof answer.url !== 'string' || !/^(\/(?!\/)|https?:\/\/)/i.test(answer.url)) {
    return err('the server’s answer did not hold the picture’s address.')
  }
  const size = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null)
  return ok({ id: String(answer.id ?? ''), url: answer.url, width: size(answer.width), height: size(answer.height) })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
