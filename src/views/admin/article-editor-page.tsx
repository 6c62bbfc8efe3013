import type { Child } from 'hono/jsx'
import type { ArticleKind, ArticleSummary } from '../../content/articles/article.js'
import type { Correction } from '../../content/corrections/correction.js'
import type { WorkflowAction } from '../../content/articles/article-workflow.js'
import { isPublic } from '../../content/articles/article.js'
import type { Picture } from '../../content/media/picture.js'
import type { Person, Section } from '../../content/taxonomy.js'
import { paths } from '../../http/paths.js'
import { AdminLayout, type AdminPageContext } from './admin-layout.js'
import type { ArticleFormValues } from './article-form-values.js'
import { HeroFields, PlacementFields } from './article-meta-fields.js'
import { StatusPanel, TrashForms } from './article-status-panel.js'
import { BodyField } from './body-field.js'
import { CorrectionsPanel } from './corrections-panel.js'
import { TextAreaField } from './editor-fields.js'
import { CsrfField, ProblemSummary, TextField, type FieldProblem } from './form-fields.js'

export interface ArticleEditorProps {
  page: AdminPageContext
  /** The article being edited; absent while it is being created. */
  article?: ArticleSummary | undefined
  kind: ArticleKind
  values: ArticleFormValues
  sections: Section[]
  people: Person[]
  heroPicture: Picture | undefined
  actions: WorkflowAction[]
  /** Whether the fields may be changed (else they are shown, disabled, with `readOnlyReason`). */
  canEdit: boolean
  readOnlyReason?: string | undefined
  mayCreateTags: boolean
  siteUrl: string
  timeZone: string
  now: Date
  scripts: string[]
  styles: string[]
  problems?: FieldProblem[] | undefined
  /** A message about the whole form (a conflict, an action that does not apply). */
  message?: Child
  notice?: string | undefined
  askNoAlt?: boolean
  /** The corrections panel, for those who may add notes to this article. */
  corrections?: { notes: Correction[]; isPublic: boolean; values?: { kind: string; text: string } | undefined; problems?: FieldProblem[] | undefined } | undefined
}

/**
 * The article editor: the text on the left, status and placement on the right. Every button is
 * part of the one form, so publishing or scheduling also saves what is on the screen.
 */
export function ArticleEditorPage(props: ArticleEditorProps) {
  const { page, article, kind, values, problems, canEdit } = props
  const noun = kind === 'page' ? 'page' : 'article'
  const title = article ? `Edit: ${article.headline}` : `New ${noun}`
  const action = article ? `/admin/articles/${article.id}/` : '/admin/articles/'
  const live = article !== undefined && isPublic(article, props.now)
  return (
    <AdminLayout page={page} title={title} scripts={props.scripts} styles={props.styles}>
      <div class="actions editor-head">
        <h1>{article ? `Edit ${noun}` : `New ${noun}`}</h1>
        {article && <a class="button" href={`/admin/articles/${article.id}/preview`} target="_blank">Preview<span class="visually-hidden"> (opens in a new tab)</span></a>}
        {article && live && <a class="button" href={paths.article(article.slug)}>View on the site</a>}
        {article && <a class="button" href={`/admin/articles/${article.id}/revisions/`}>Revisions</a>}
      </div>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <ProblemSummary problems={problems}>{props.message}</ProblemSummary>
      {props.readOnlyReason && <p class="notice warning">{props.readOnlyReason}</p>}
      <form method="post" action={action} id="article-form" class="editor"
        data-article-id={article?.id} data-autosave={autosaveMode(article, canEdit)}
        data-autosave-url={article ? `/admin/articles/${article.id}/autosave` : '/admin/articles/'}
        data-time-zone={props.timeZone} data-hero-alt-check>
        <CsrfField token={page.formToken} />
        {values.baseVersion !== undefined && <input type="hidden" name="baseVersion" value={String(values.baseVersion)} />}
        {!article && <input type="hidden" name="kind" value={kind} />}
        <p class="autosave-status muted" role="status" aria-live="polite" data-autosave-status></p>
        <div class="editor-grid">
          <fieldset class="editor-main" disabled={!canEdit}>
            <legend class="visually-hidden">Text</legend>
            <TextField name="headline" label="Headline" value={values.headline} required problems={problems} />
            <TextAreaField name="dek" label="Dek" hint="The line under the headline: what the story is, in a sentence." value={values.dek} rows={2} problems={problems} />
            <BodyField values={values} uploadUrl="/admin/media/upload" token={page.formToken} problems={problems} />
          </fieldset>
          <div class="editor-side">
            <StatusPanel article={article} actions={props.actions} canEdit={canEdit} values={values} timeZone={props.timeZone}
              now={props.now} problems={problems} askNoAlt={props.askNoAlt ?? false} />
            <fieldset class="editor-fields" disabled={!canEdit}>
              <legend class="visually-hidden">Details</legend>
              <PlacementFields values={values} kind={kind} siteUrl={props.siteUrl} sections={props.sections} people={props.people}
                heroPicture={props.heroPicture} mayCreateTags={props.mayCreateTags} slugIsPublic={live} problems={problems} />
              <HeroFields values={values} heroPicture={props.heroPicture} problems={problems}
                editorPath={article ? `/admin/articles/${article.id}/` : `/admin/articles/new${kind === 'page' ? '?kind=page' : ''}`} />
            </fieldset>
          </div>
        </div>
      </form>
      {article && <TrashForms articleId={article.id} actions={props.actions} token={page.formToken} />}
      {article && props.corrections && (
        <CorrectionsPanel articleId={article.id} token={page.formToken} timeZone={props.timeZone} {...props.corrections} />
      )}
    </AdminLayout>
  )
}

/**
 * How the editor's script keeps unsaved work: a new article is created by its first autosave, a
 * draft is saved to the server, and a public or scheduled article only in the browser (saving it
 * would change, or schedule, what readers get).
 */
function autosaveMode(article: ArticleSummary | undefined, canEdit: boolean): 'create' | 'server' | 'local' | undefined {
  if (!article) return 'create'
  if (!canEdit) return undefined
  return article.status === 'draft' ? 'server' : 'local'
}
