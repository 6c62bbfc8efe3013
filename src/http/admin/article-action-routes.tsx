import { Hono, type Context } from 'hono'
import type { Article } from '../../content/articles/article.js'
import { findArticleById } from '../../content/articles/article.repo.js'
import { WORKFLOW_ACTIONS, type WorkflowAction, type WorkflowRequest } from '../../content/articles/article-workflow.js'
import { changeWorkflow, type WorkflowError } from '../../content/articles/change-workflow.js'
import { readSiteTimeZone } from '../../content/settings/site-time-zone.js'
import { ID_RE } from '../../core/ids.js'
import { assertNever, err } from '../../core/result.js'
import { fromLocalInput } from '../../core/time-zone.js'
import { inTransactionUnlessError } from '../../storage/result-transaction.js'
import type { ArticleFormValues } from '../../views/admin/article-form-values.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { editorValuesOf, renderEditor, toFormProblems } from './article-editor-view.js'
import { carriesContent, parseArticleForm, readFormFields } from './article-form.js'
import { forbidden, notFound } from './article-responses.js'
import { renderRefusal, saveFromForm, type SaveRefusal } from './article-save.js'

/** Where each action leaves the editor: back in the editor with a notice, or in a list. */
const AFTER: Record<WorkflowAction, (article: Article) => string> = {
  submit: (a) => `/admin/articles/${a.id}/?notice=submitted`,
  return: (a) => `/admin/articles/${a.id}/?notice=returned`,
  publish: (a) => `/admin/articles/${a.id}/?notice=published`,
  schedule: (a) => `/admin/articles/${a.id}/?notice=scheduled`,
  unpublish: (a) => `/admin/articles/${a.id}/?notice=unpublished`,
  restore: (a) => `/admin/articles/${a.id}/?notice=restored`,
  trash: (a) => `${listOf(a)}?notice=trashed`,
  delete: (a) => `${listOf(a)}?view=trash&notice=deleted`,
}
const listOf = (article: Article) => (article.kind === 'page' ? '/admin/pages/' : '/admin/')

/**
 * The workflow's buttons: `POST /admin/articles/:id/(submit|return|publish|schedule|unpublish|trash|restore|delete)`.
 * The editor's buttons post the whole form here, so when the form carries the article's content
 * it is saved first, in the same transaction: a refused publish leaves the text unsaved too,
 * and the page comes back with it as typed.
 */
export function articleActionRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  const { db, clock } = deps

  const act = (action: WorkflowAction) => async (c: Context<AdminEnv>) => {
    const id = c.req.param('id') ?? ''
    const article = ID_RE.test(id) ? await findArticleById(db, id) : undefined
    if (!article) return notFound(c, deps)
    const staff = signedInStaff(c)
    const fields = await readFormFields(c)
    const values = parseArticleForm(fields)
    const withContent = carriesContent(fields)
    const request = toRequest(action, values, await readSiteTimeZone(db))
    const now = clock.now()
    const result = await inTransactionUnlessError<unknown, ActionError>(db, async (trx) => {
      if (withContent) {
        const saved = await saveFromForm(trx, staff, article, values, now, { siteUrl: deps.siteUrl })
        if (!saved.ok) return err({ type: 'save-refused' as const, refusal: saved.error })
      }
      return changeWorkflow(trx, staff, id, request, now)
    })
    if (result.ok) return c.redirect(AFTER[action](article), 303)
    return refused(c, deps, article, withContent ? values : { ...editorValuesOf(article), note: values.note, publishAt: values.publishAt }, result.error)
  }

  // One route per action: a pattern like `:action{a|b}` would also match longer paths ending in an action's name.
  for (const action of WORKFLOW_ACTIONS) app.post(`/admin/articles/:id/${action}`, act(action))
  return app
}

type ActionError = WorkflowError | { type: 'save-refused'; refusal: SaveRefusal }

function toRequest(action: WorkflowAction, values: ArticleFormValues, timeZone: string): WorkflowRequest {
  switch (action) {
    case 'return': return { action, note: values.note }
    case 'publish': return { action, confirmNoAlt: values.confirmNoAlt }
    case 'schedule': return { action, at: fromLocalInput(values.publishAt, timeZone) ?? new Date(Number.NaN), confirmNoAlt: values.confirmNoAlt }
    case 'submit': case 'unpublish': case 'trash': case 'restore': case 'delete': return { action }
    default: return assertNever(action)
  }
}

async function refused(c: Context<AdminEnv>, deps: AdminDeps, article: Article, values: ArticleFormValues, error: ActionError) {
  const state = { article, kind: article.kind, values }
  switch (error.type) {
    case 'not-found': return notFound(c, deps)
    case 'forbidden': return forbidden(c, deps, 'Your role does not allow that on this article.')
    case 'not-applicable': return renderEditor(c, deps, { ...state, message: <p>{error.message}</p> }, 409)
    case 'hero-without-alt':
      return renderEditor(c, deps, { ...state, askNoAlt: true, problems: [{ field: 'confirmNoAlt', message: 'The hero picture has no alt text. Publish anyway?' }] }, 422)
    case 'invalid': return renderEditor(c, deps, { ...state, problems: toFormProblems(error.issues) }, 422)
    case 'save-refused': return renderRefusal(c, deps, article, values, error.refusal)
    default: return assertNever(error)
  }
}
