import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { listLibrary } from '../../content/media/media.repo.js'
import { canOnSite } from '../../staff/permissions.js'
import { ForbiddenPage } from '../../views/admin/auth-pages.js'
import { MediaLibraryPage } from '../../views/admin/media-library-page.js'
import { MediaPickerPage } from '../../views/admin/media-picker-page.js'
import type { FieldProblem } from '../../views/admin/form-fields.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { toPickerPictureJson, toUploadedPictureJson } from './media-json.js'
import { pageContext, safeNext } from './page-context.js'
import { receiveUpload } from './receive-upload.js'

const PER_PAGE = 24

export const LIBRARY_NOTICES: Record<string, string> = {
  uploaded: 'The picture was added.',
  deleted: 'The picture was deleted.',
}

/** The library's and the picker's query: `q` (words), `page`. */
export const LibraryQuery = z.object({
  q: z.string().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

export const wantsJson = (c: Context) => (c.req.header('Accept') ?? '').includes('application/json')

/**
 * The media library (`/admin/media/`), its plain-form upload, the upload endpoint for scripts
 * (`/admin/media/upload`), and the hero picture picker (`/admin/media/picker`). Everyone on
 * the staff may upload (`media.upload`); the size limit was applied before (upload-limit.ts).
 */
export function mediaLibraryRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const limit = `${Math.round((deps.uploadLimitBytes / 1024 / 1024) * 10) / 10} MB`

  const renderLibrary = async (c: Context<AdminEnv>, options: { status?: 200 | 400 | 413 | 415 | 422; problems?: FieldProblem[]; alt?: string } = {}) => {
    const { q, page } = LibraryQuery.parse(c.req.query())
    const list = await listLibrary(deps.db, { text: q, page, perPage: PER_PAGE })
    return c.html(
      <MediaLibraryPage page={await pageContext(c, deps)} list={list} text={q} limit={limit}
        notice={LIBRARY_NOTICES[c.req.query('notice') ?? '']} problems={options.problems} alt={options.alt} />,
      options.status ?? 200,
    )
  }

  app.get('/admin/media/', (c) => renderLibrary(c))

  // The form without a script: Post/Redirect/Get on success, the page again with the problem.
  app.post('/admin/media/', async (c) => {
    if (!canOnSite(signedInStaff(c), 'media.upload')) return c.html(<ForbiddenPage page={await pageContext(c, deps)} message="You may not upload pictures." />, 403)
    const received = await receiveUpload(c, deps, signedInStaff(c).id)
    if (received.ok) return c.redirect('/admin/media/?notice=uploaded', 303)
    const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>))
    const { status, field, message } = received.error
    return renderLibrary(c, { status, problems: [{ field, message }], alt: typeof body.alt === 'string' ? body.alt : '' })
  })

  // For scripts (the body editor, the library's own uploads): 201 and the picture, or { error }.
  app.post('/admin/media/upload', async (c) => {
    if (!canOnSite(signedInStaff(c), 'media.upload')) return c.json({ error: 'You may not upload pictures.' }, 403)
    const received = await receiveUpload(c, deps, signedInStaff(c).id)
    if (!received.ok) return c.json({ error: received.error.message }, received.error.status)
    return c.json(toUploadedPictureJson(received.value), 201)
  })

  // JSON for a dialog (Accept: application/json, or format=json); a page with links otherwise.
  app.get('/admin/media/picker', async (c) => {
    const { q, page } = LibraryQuery.parse(c.req.query())
    const list = await listLibrary(deps.db, { text: q, page, perPage: PER_PAGE })
    if (wantsJson(c) || c.req.query('format') === 'json') {
      return c.json({ items: list.items.map(toPickerPictureJson), q, page: list.page, pages: list.pages, total: list.total })
    }
    const requested = c.req.query('return')
    const back = requested && safeNext(requested) === requested ? requested : undefined
    return c.html(<MediaPickerPage page={await pageContext(c, deps)} list={list} text={q} back={back} />)
  })
  return app
}
