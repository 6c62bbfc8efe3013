import { Hono, type Context } from 'hono'
import type { ArticleKind } from '../../content/articles/article.js'
import { findArticleById } from '../../content/articles/article.repo.js'
import { createArticle } from '../../content/articles/create-article.js'
import { findLibraryPicture } from '../../content/media/media.repo.js'
import { readSiteTimeZone } from '../../content/settings/site-time-zone.js'
import { ID_RE } from '../../core/ids.js'
import { assertNever } from '../../core/result.js'
import { formatClock } from '../../core/time-zone.js'
import { canOnArticle, canOnSite } from '../../staff/permissions.js'
import { emptyFormValues, type ArticleFormValues } from '../../views/admin/article-form-values.js'
import type { FieldProblem } from '../../views/admin/form-fields.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { parseArticleForm, readFormFields, toArticleContent } from './article-form.js'
import { editorValuesOf, renderEditor, toFormProblems } from './article-editor-view.js'
import { forbidden, notFound, wantsJson } from './article-responses.js'
import { jsonRefusal, renderRefusal, saveFromForm } from './article-save.js'

/** What the editor says after each kind of redirect back to it. */
export const EDITOR_NOTICES: Record<string, string> = {
  created: 'Draft created.',
  saved: 'Saved.',
  submitted: 'Submitted for review. An editor will look at it.',
  returned: 'Sent back to the writer with your note.',
  published: 'Published: it is on the site now.',
  scheduled: 'Scheduled.',
  unpublished: 'Unpublished: it is off the site.',
  restored: 'Restored from the trash, as a draft.',
  'restored-revision': 'An earlier version is back: it is saved as the newest.',
  'correction-added': 'The correction is under the article now.',
  'update-added': 'The update note is under the article now.',
  'note-removed': 'The note is removed.',
}

/** The article editor: a new article, creating it, the editor of an existing one, saving and autosaving it. */
export function articleEditorRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps

  const kindAllowed = (c: Context<AdminEnv>, kind: ArticleKind) =>
    canOnSite(signedInStaff(c), 'article.create') && (kind === 'post' || canOnSite(signedInStaff(c), 'pages.manage'))

  /**
   * The media library's picker sends the editor back with `?heroPictureId=`: the picture goes
   * into the form, with the library's alt text, caption and credit where the form has none.
   * Nothing is saved until the form is.
   */
  const withPickedHero = async (c: Context<AdminEnv>, values: ArticleFormValues): Promise<{ values: ArticleFormValues; notice?: string }> => {
    const id = c.req.query('heroPictureId') ?? ''
    const picked = ID_RE.test(id) ? await findLibraryPicture(db, id) : undefined
    if (!picked) return { values }
    return {
      values: {
        ...values,
        heroPictureId: picked.picture.id,
        heroAlt: values.heroAlt || picked.picture.alt,
        heroCaption: values.heroCaption || picked.caption,
        heroCredit: values.heroCredit || picked.credit,
      },
      notice: 'Hero picture chosen. Save to keep it.',
    }
  }

  app.get('/admin/articles/new', async (c) => {
    const kind: ArticleKind = c.req.query('kind') === 'page' ? 'page' : 'post'
    if (!kindAllowed(c, kind)) return forbidden(c, deps, 'Only editors and administrators make standing pages.')
    return renderEditor(c, deps, { kind, ...(await withPickedHero(c, emptyFormValues(signedInStaff(c).personId))) })
  })

  app.post('/admin/articles/', async (c) => {
    const staff = signedInStaff(c)
    const fields = await readFormFields(c)
    const kind: ArticleKind = fields.kind === 'page' ? 'page' : 'post'
    if (!kindAllowed(c, kind)) return forbidden(c, deps, 'Only editors and administrators make standing pages.')
    const values = parseArticleForm(fields)
    const now = clock.now()
    const refuse = (problems: FieldProblem[]) => wantsJson(c)
      ? c.json({ error: problems.map((p) => p.message).join(' ') }, 422)
      : renderEditor(c, deps, { kind, values, problems }, 422)
    const content = await toArticleContent(db, staff, values, now)
    if (!content.ok) return refuse(content.error)
    const created = await createArticle(db, staff, { ...content.value, kind }, now, { siteUrl: deps.siteUrl })
    if (!created.ok) {
      const error = created.error
      switch (error.type) {
        case 'forbidden': return forbidden(c, deps, 'Your role does not allow creating this.')
        case 'invalid': return refuse(toFormProblems(error.issues))
        case 'slug-taken': return refuse([{ field: 'slug', message: `Another article has the slug “${error.slug}”.` }])
        default: return assertNever(error)
      }
    }
    const article = created.value
    if (!wantsJson(c)) return c.redirect(`/admin/articles/${article.id}/?notice=created`, 303)
    const message = `Saved at ${formatClock(now, await readSiteTimeZone(db))}`
    return c.json({ id: article.id, version: article.version, editUrl: `/admin/articles/${article.id}/`, autosaveUrl: `/admin/articles/${article.id}/autosave`, message }, 201)
  })

  app.get('/admin/articles/:id/', async (c) => {
    const id = c.req.param('id')
    const article = ID_RE.test(id) ? await findArticleById(db, id) : undefined
    if (!article) return notFound(c, deps)
    const staff = signedInStaff(c)
    const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
    if (!canOnArticle(staff, 'view', access)) return forbidden(c, deps, 'This is someone else’s article.')
    const { values, notice } = await withPickedHero(c, editorValuesOf(article))
    return renderEditor(c, deps, { article, kind: article.kind, values, notice: notice ?? EDITOR_NOTICES[c.req.query('notice') ?? ''] })
  })

  /** The article a save names, if its id names one. */
  const forSave = async (c: Context<AdminEnv>) => {
    const id = c.req.param('id') ?? ''
    return ID_RE.test(id) ? findArticleById(db, id) : undefined
  }

  app.post('/admin/articles/:id/', async (c) => {
    const article = await forSave(c)
    if (!article) return notFound(c, deps)
    const values = parseArticleForm(await readFormFields(c))
    const saved = await saveFromForm(db, signedInStaff(c), article, values, clock.now(), { siteUrl: deps.siteUrl })
    if (!saved.ok) return renderRefusal(c, deps, article, values, saved.error)
    return c.redirect(`/admin/articles/${article.id}/?notice=saved`, 303)
  })

  // The editor's script, while a draft is written: JSON in and out. A published or scheduled
  // article is refused here (409); the script keeps its changes in the browser instead.
  app.post('/admin/articles/:id/autosave', async (c) => {
    const article = await forSave(c)
    if (!article) return c.json({ error: 'There is no such article. It may have been deleted.' }, 404)
    const values = parseArticleForm(await readFormFields(c))
    const now = clock.now()
    const saved = await saveFromForm(db, signedInStaff(c), article, values, now, { draftsOnly: true, siteUrl: deps.siteUrl })
    if (!saved.ok) return jsonRefusal(c, saved.error)
    const message = `Saved at ${formatClock(now, await readSiteTimeZone(db))}`
    return c.json({ version: saved.value.version, savedAt: now.toISOString(), slug: saved.value.slug, message })
  })

  return app
}
