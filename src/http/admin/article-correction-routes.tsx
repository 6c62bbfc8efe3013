import { Hono, type Context } from 'hono'
import type { Article } from '../../content/articles/article.js'
import { findArticleById } from '../../content/articles/article.repo.js'
import { addCorrection } from '../../content/corrections/add-correction.js'
import { findCorrection } from '../../content/corrections/correction.repo.js'
import { deleteCorrection } from '../../content/corrections/delete-correction.js'
import { ID_RE } from '../../core/ids.js'
import { assertNever } from '../../core/result.js'
import { canOnArticle } from '../../staff/permissions.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { editorValuesOf, renderEditor, toFormProblems } from './article-editor-view.js'
import { forbidden, notFound } from './article-responses.js'

/**
 * Dated correction and update notes under a public article: `POST /admin/articles/:id/corrections/`
 * adds one, `POST …/corrections/:noteId/delete` removes one added by mistake. Both need the
 * `correct` permission on the article.
 */
export function articleCorrectionRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps

  const load = async (c: Context<AdminEnv>): Promise<Article | Response> => {
    const id = c.req.param('id') ?? ''
    const article = ID_RE.test(id) ? await findArticleById(db, id) : undefined
    if (!article) return notFound(c, deps)
    const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
    if (!canOnArticle(signedInStaff(c), 'correct', access)) return forbidden(c, deps, 'Your role does not allow adding notes to this article.')
    return article
  }

  app.post('/admin/articles/:id/corrections/', async (c) => {
    const article = await load(c)
    if (article instanceof Response) return article
    const body = await c.req.parseBody()
    const note = { kind: body.kind === 'update' ? 'update' as const : 'correction' as const, text: typeof body.text === 'string' ? body.text : '' }
    const added = await addCorrection(db, article.id, note, clock.now(), signedInStaff(c).id)
    if (added.ok) return c.redirect(`/admin/articles/${article.id}/?notice=${note.kind}-added#corrections`, 303)
    const state = { article, kind: article.kind, values: editorValuesOf(article), correction: note }
    switch (added.error.type) {
      case 'not-found': return notFound(c, deps)
      case 'invalid':
        return renderEditor(c, deps, { ...state, message: <p>The note was not added: see below.</p>, correctionProblems: toFormProblems(added.error.issues) }, 422)
      case 'not-public': return renderEditor(c, deps, { ...state, message: <p>Notes go only under a public article; this one is not public.</p> }, 409)
      default: return assertNever(added.error)
    }
  })

  app.post('/admin/articles/:id/corrections/:noteId/delete', async (c) => {
    const article = await load(c)
    if (article instanceof Response) return article
    const note = await findCorrection(db, c.req.param('noteId'))
    if (!note || note.articleId !== article.id) return notFound(c, deps)
    await deleteCorrection(db, note.id, clock.now())
    return c.redirect(`/admin/articles/${article.id}/?notice=note-removed#corrections`, 303)
  })

  return app
}
