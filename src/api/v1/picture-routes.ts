import { z } from 'zod'
import { LIBRARY_TEXT_LIMITS } from '../../content/media/library-picture.js'
import { canOnSite } from '../../staff/permissions.js'
import type { AdminDeps } from '../../http/admin/admin-deps.js'
import { receiveUpload } from '../../http/admin/receive-upload.js'
import { toUploadedPictureJson } from '../../http/admin/media-json.js'
import { problem } from './api-problem.js'
import { defineRoute, type ApiRoute } from './api-route.js'

export const PICTURE_UPLOAD_PATH = '/pictures'

const PictureUploadForm = z.object({
  file: z.string().meta({ contentMediaType: 'application/octet-stream' }).describe('The picture: JPEG, PNG, WebP, AVIF or GIF.'),
  alt: z.string().max(LIBRARY_TEXT_LIMITS.alt).optional().describe("The picture's default alt text."),
})

const PictureJson = z.object({
  picture: z.object({
    id: z.string(), url: z.string(), width: z.number().int(), height: z.number().int(), alt: z.string(), srcset: z.string(), thumbUrl: z.string(),
  }),
})

type Deps = Pick<AdminDeps, 'db' | 'files' | 'clock' | 'uploadLimitBytes'>

/** Picture uploads, through the same checks as the admin's (type, size, pixels; 413 and 415). */
export function pictureRoutes(deps: Deps): ApiRoute[] {
  return [
    defineRoute({
      method: 'post', path: PICTURE_UPLOAD_PATH, operationId: 'uploadPicture', tag: 'pictures', access: 'write',
      summary: 'Upload a picture to the media library (multipart/form-data, field "file")',
      multipart: { schema: PictureUploadForm },
      responses: {
        201: { description: 'The stored picture: use its id as an article hero\'s pictureId', schema: PictureJson },
        400: { description: 'No file, or the upload was cut short' },
        413: { description: 'Over the upload size limit' },
        415: { description: 'Not multipart/form-data, or not an accepted picture' },
        422: { description: 'The alt text is too long' },
      },
      handle: async (c) => {
        const caller = c.get('caller')
        if (!canOnSite(caller.actor, 'media.upload')) return problem(c, { type: 'forbidden', message: 'You may not upload pictures.' })
        const received = await receiveUpload(c, deps, caller.userId)
        if (received.ok) return c.json({ picture: toUploadedPictureJson(received.value) }, 201)
        const { status, field, message } = received.error
        const type = status === 413 ? 'too-large' : status === 415 ? 'unsupported-media-type' : status === 422 ? 'invalid' : 'bad-request'
        return problem(c, { type, message, issues: [{ field, message }] })
      },
    }),
  ]
}
