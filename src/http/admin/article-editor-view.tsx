import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import { isPublic, type Article, type ArticleKind } from '../../content/articles/article.js'
import { availableActions } from '../../content/articles/article-workflow.js'
import type { FieldIssue } from '../../content/articles/save-article.js'
import { toEditableBody } from '../../content/body/editable-body.js'
import { listCorrections } from '../../content/corrections/correction.repo.js'
import { findPicture } from '../../content/media/find-picture.js'
import { listPeople } from '../../content/people/person.repo.js'
import { listSections } from '../../content/sections/section.repo.js'
import { readSiteTimeZone } from '../../content/settings/site-time-zone.js'
import { canOnArticle, canOnSite } from '../../staff/permissions.js'
import type { StaffMember } from '../../staff/staff-member.js'
import { ArticleEditorPage } from '../../views/admin/article-editor-page.js'
import { formValuesOf, type ArticleFormValues } from '../../views/admin/article-form-values.js'
import type { FieldProblem } from '../../views/admin/form-fields.js'
import { ASSETS } from '../assets/assets.js'
import { adminAssetPath } from './admin-assets.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { pageContext } from './page-context.js'

export interface EditorState {
  article?: Article | undefined
  kind: ArticleKind
  values: ArticleFormValues
  problems?: FieldProblem[] | undefined
  message?: Child
  notice?: string | undefined
  askNoAlt?: boolean
  /** A correction note as posted, and what was wrong with it. */
  correction?: { kind: string; text: string }
  correctionProblems?: FieldProblem[] | undefined
}

/** The form for an article as stored, its body opened in the rich editor where that loses nothing. */
export function editorValuesOf(article: Article): ArticleFormValues {
  return formValuesOf(article, toEditableBody(article.body.format, article.body.source))
}

/** Why a staff member who may see an article may not change it, or undefined if they may. */
export function readOnlyReason(staff: StaffMember, article: Article): string | undefined {
  if (article.workflow.trashedAt) return 'This article is in the trash. Restore it to edit it.'
  const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
  if (!canOnArticle(staff, 'edit', access)) return 'It has been published, so only editors can change it now. Ask an editor for changes.'
  return undefined
}

/** Draws the editor for the signed-in staff member, with `status` (200, or 409/422 for a refused save). */
export async function renderEditor(c: Context<AdminEnv>, deps: AdminDeps, state: EditorState, status: 200 | 403 | 409 | 422 = 200) {
  const staff = signedInStaff(c)
  const now = deps.clock.now()
  const { article } = state
  const [sections, people, timeZone, heroPicture, notes] = await Promise.all([
    listSections(deps.db), listPeople(deps.db), readSiteTimeZone(deps.db), state.values.heroPictureId.trim() ? findPicture(deps.db, state.values.heroPictureId.trim()) : undefined,
    article ? listCorrections(deps.db, article.id) : [],
  ])
  const reason = article ? readOnlyReason(staff, article) : undefined
  const access = article && { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
  const live = article !== undefined && isPublic(article, now)
  const corrections = access && canOnArticle(staff, 'correct', access) && (live || notes.length > 0)
    ? { notes, isPublic: live, values: state.correction, problems: state.correctionProblems }
    : undefined
  return c.html(
    <ArticleEditorPage
      page={await pageContext(c, deps)}
      article={article}
      kind={state.kind}
      values={state.values}
      sections={sections}
      people={people}
      heroPicture={heroPicture}
      actions={article ? availableActions(staff, article, now) : []}
      canEdit={reason === undefined}
      readOnlyReason={reason}
      mayCreateTags={canOnSite(staff, 'taxonomy.manage')}
      siteUrl={deps.siteUrl}
      timeZone={timeZone}
      now={now}
      // In this order: the editor script restores kept changes before the body editor reads its field.
      scripts={[ASSETS.articleEditorScript.path, adminAssetPath('editor.js')]}
      styles={[adminAssetPath('editor.css')]}
      problems={state.problems}
      message={state.message}
      notice={state.notice}
      askNoAlt={state.askNoAlt}
      corrections={corrections}
    />,
    status,
  )
}

/** Input issues named after the editor's fields (`body.source` is the body field, `tagIds.2` the tags). */
export function toFormProblems(issues: FieldIssue[]): FieldProblem[] {
  const fieldOf = (path: string): string => {
    const [head, sub] = path.split('.')
    if (head === 'body') return 'bodySource'
    if (head === 'hero') return `hero${(sub ?? 'pictureId').replace(/^./, (ch) => ch.toUpperCase())}`
    if (head === 'tagIds') return 'tags'
    return head ?? path
  }
  return issues.map((issue) => ({ field: fieldOf(issue.field), message: sentence(issue.message) }))
}

const sentence = (message: string) => message.replace(/^./, (ch) => ch.toUpperCase()).replace(/([^.!?])$/, '$1.')
