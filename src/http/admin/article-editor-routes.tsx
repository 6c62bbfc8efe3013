import { Hono, type Context } from 'hono'
import type { ArticleKind } from '../../content/articles/article.js'
import { findArticleById } from '../../content/articles/article.repo.js'
import { createArticle } from '../../content/articles/create-article.js'
import { ID_RE } from '../../core/ids.js'
import { formatClock } from '../../core/time-zone.js'
import { readSiteTimeZone } from '../../content/settings/site-time-zone.js'
import { assertNever } from '../../core/result.js'
import { canOnArticle, canOnSite } from '../../staff/permissions.js'
import { emptyFormValues, formValuesOf } from '../../views/admin/article-form-values.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { parseArticleForm, readFormFields, toArticleContent } from './article-form.js'
import { renderEditor, toFormProblems } from './article-editor-view.js'
import { forbidden, notFound, wantsJson } from './article-responses.js'

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
}

/** The article editor: a new article, creating it, and the editor of an existing one. */
export function articleEditorRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps

  const kindAllowed = (c: Context<AdminEnv>, kind: ArticleKind) =>
    canOnSite(signedInStaff(c), 'article.create') && (kind === 'post' || canOnSite(signedInStaff(c), 'pages.manage'))

  app.get('/admin/articles/new', async (c) => {
    const kind: ArticleKind = c.req.query('kind') === 'page' ? 'page' : 'post'
    if (!kindAllowed(c, kind)) return forbidden(c, deps, 'Only editors and administrators make standing pages.')
    return renderEditor(c, deps, { kind, values: emptyFormValues(signedInStaff(c).personId) })
  })

  app.post('/admin/articles/', async (c) => {
    const staff = signedInStaff(c)
    const fields = await readFormFields(c)
    const kind: ArticleKind = fields.kind === 'page' ? 'page' : 'post'
    if (!kindAllowed(c, kind)) return forbidden(c, deps, 'Only editors and administrators make standing pages.')
    const values = parseArticleForm(fields)
    const now = clock.now()
    const content = await toArticleContent(db, staff, values, now)
    const created = content.ok ? await createArticle(db, staff, { ...content.value, kind }, now) : content
    if (created.ok) {
      const article = created.value
      if (wantsJson(c)) {
        const message = `Saved at ${formatClock(now, await readSiteTimeZone(db))}`
        return c.json({ id: article.id, version: versionOf(article), editUrl: `/admin/articles/${article.id}/`, autosaveUrl: `/admin/articles/${article.id}/autosave`, message }, 201)
      }
      return c.redirect(`/admin/articles/${article.id}/?notice=created`, 303)
    }
    const error = created.error
    const problems = Array.isArray(error) ? error
      : error.type === 'invalid' ? toFormProblems(error.issues)
      : error.type === 'slug-taken' ? [{ field: 'slug', message: `Another article has the slug “${error.slug}”.` }]
      : error.type === 'forbidden' ? undefined
      : assertNever(error)
    if (!problems) return forbidden(c, deps, 'You may not create this.')
    if (wantsJson(c)) return c.json({ error: problems.map((p) => p.message).join(' ') }, 422)
    return renderEditor(c, deps, { kind, values, problems }, 422)
  })

  app.get('/admin/articles/:id/', async (c) => {
    const id = c.req.param('id')
    const article = ID_RE.test(id) ? await findArticleById(db, id) : undefined
    if (!article) return notFound(c, deps)
    const staff = signedInStaff(c)
    const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
    if (!canOnArticle(staff, 'view', access)) return forbidden(c, deps, 'This is someone else’s article.')
    return renderEditor(c, deps, { article, kind: article.kind, values: formValuesOf(article), notice: EDITOR_NOTICES[c.req.query('notice') ?? ''] })
  })

  return app
}

/** The article's version, once articles have one (the revisions work adds it). */
function versionOf(article: object): number | undefined {
  return 'version' in article && typeof article.version === 'number' ? article.version : undefined
}
