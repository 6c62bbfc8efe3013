import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { deletePicture } from '../../content/media/delete-picture.js'
import { LIBRARY_TEXT_LIMITS, type PictureUse } from '../../content/media/library-picture.js'
import { findLibraryPicture, findPictureUses, updateLibraryTexts } from '../../content/media/media.repo.js'
import { assertNever } from '../../core/result.js'
import { canEditPicture, canOnSite } from '../../staff/permissions.js'
import { ForbiddenPage } from '../../views/admin/auth-pages.js'
import type { FieldProblem } from '../../views/admin/form-fields.js'
import { MediaPicturePage } from '../../views/admin/media-picture-page.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { wantsJson } from './media-library-routes.js'
import { pageContext } from './page-context.js'

const NOTICES: Record<string, string> = { saved: 'The texts were saved.' }

const longer = (what: string, max: number) => `The ${what} is longer than ${max} characters.`
const Texts = z.object({
  alt: z.string().trim().max(LIBRARY_TEXT_LIMITS.alt, longer('alt text', LIBRARY_TEXT_LIMITS.alt)).default(''),
  caption: z.string().trim().max(LIBRARY_TEXT_LIMITS.caption, longer('caption', LIBRARY_TEXT_LIMITS.caption)).default(''),
  credit: z.string().trim().max(LIBRARY_TEXT_LIMITS.credit, longer('credit', LIBRARY_TEXT_LIMITS.credit)).default(''),
})

/**
 * Why a picture cannot be deleted, naming what uses it.
 * @example refusalFor([{ kind: 'hero', articleId: 'a1', headline: 'Ferry strike', trashed: false }])
 * // 'This picture cannot be deleted: it is the hero picture of “Ferry strike”. Take it out of there first.'
 */
export function refusalFor(uses: PictureUse[]): string {
  const places = uses.map((use) => {
    if (use.kind === 'logo') return 'the site’s logo'
    const trash = use.trashed ? ' (in the trash)' : ''
    return use.kind === 'hero' ? `the hero picture of “${use.headline}”${trash}` : `in the text of “${use.headline}”${trash}`
  })
  const list = places.length > 1 ? `${places.slice(0, -1).join('; ')}; and ${places.at(-1)}` : places[0]
  return `This picture cannot be deleted: it is ${list}. Take it out of ${places.length > 1 ? 'those' : 'there'} first.`
}

/** One picture of the library: its page, its default texts, and deleting it. */
export function mediaPictureRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()

  const render = async (c: Context<AdminEnv>, id: string, options: { status?: 200 | 409 | 422; refusal?: string; problems?: FieldProblem[]; values?: z.infer<typeof Texts> } = {}) => {
    const item = await findLibraryPicture(deps.db, id)
    if (!item) return c.notFound()
    const staff = signedInStaff(c)
    return c.html(
      <MediaPicturePage page={await pageContext(c, deps)} item={item} uses={await findPictureUses(deps.db, item.picture)}
        canEdit={canEditPicture(staff, { uploadedBy: item.uploadedBy?.id ?? null })} canDelete={canOnSite(staff, 'media.delete')}
        notice={NOTICES[c.req.query('notice') ?? '']} refusal={options.refusal} problems={options.problems} values={options.values} />,
      options.status ?? 200,
    )
  }

  app.get('/admin/media/:id/', (c) => render(c, c.req.param('id')))

  app.post('/admin/media/:id/', async (c) => {
    const id = c.req.param('id')
    const item = await findLibraryPicture(deps.db, id)
    if (!item) return c.notFound()
    if (!canEditPicture(signedInStaff(c), { uploadedBy: item.uploadedBy?.id ?? null })) {
      return c.html(<ForbiddenPage page={await pageContext(c, deps)} message="Only the person who uploaded a picture, and editors, change its texts." />, 403)
    }
    const form = await c.req.parseBody()
    const raw = { alt: String(form.alt ?? ''), caption: String(form.caption ?? ''), credit: String(form.credit ?? '') }
    const parsed = Texts.safeParse(raw)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }))
      return render(c, id, { status: 422, problems, values: raw })
    }
    await updateLibraryTexts(deps.db, id, parsed.data)
    return c.redirect(`/admin/media/${id}/?notice=saved`, 303)
  })

  app.post('/admin/media/:id/delete', async (c) => {
    const json = wantsJson(c) || c.req.header('X-CSRF-Token') !== undefined
    if (!canOnSite(signedInStaff(c), 'media.delete')) {
      const message = 'Only editors and administrators delete pictures.'
      return json ? c.json({ error: message }, 403) : c.html(<ForbiddenPage page={await pageContext(c, deps)} message={message} />, 403)
    }
    const id = c.req.param('id')
    const result = await deletePicture(deps.db, deps.files, id, deps.clock.now())
    if (result.ok) return json ? c.json({ deleted: id }) : c.redirect('/admin/media/?notice=deleted', 303)
    switch (result.error.type) {
      case 'not-found': return json ? c.json({ error: 'There is no such picture.' }, 404) : c.notFound()
      case 'in-use': {
        const message = refusalFor(result.error.uses)
        return json ? c.json({ error: message, uses: result.error.uses }, 409) : render(c, id, { status: 409, refusal: message })
      }
      default: return assertNever(result.error)
    }
  })
  return app
}
