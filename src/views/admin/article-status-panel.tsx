import type { ArticleSummary } from '../../content/articles/article.js'
import type { WorkflowAction } from '../../content/articles/article-workflow.js'
import { REVIEW_NOTE_MAX } from '../../content/articles/article-workflow.js'
import { toLocalInput } from '../../core/time-zone.js'
import type { ArticleFormValues } from './article-form-values.js'
import { statusOf } from './article-list-page.js'
import { InputField, TextAreaField } from './editor-fields.js'
import { CsrfField, type FieldProblem } from './form-fields.js'

export interface StatusPanelProps {
  /** Absent for a new article. */
  article?: ArticleSummary | undefined
  actions: WorkflowAction[]
  canEdit: boolean
  values: ArticleFormValues
  timeZone: string
  now: Date
  problems?: FieldProblem[] | undefined
  /** The last publish was refused for a hero picture without alt text: offer the second yes. */
  askNoAlt: boolean
}

/** Where the article is, with the buttons this person may press on it now, and nothing else. */
export function StatusPanel({ article, actions, canEdit, values, timeZone, now, problems, askNoAlt }: StatusPanelProps) {
  const has = (action: WorkflowAction) => actions.includes(action)
  const base = article ? `/admin/articles/${article.id}` : ''
  if (!article) {
    return (
      <section class="panel status-panel" aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <p>New, not saved yet.</p>
        <div class="actions"><button type="submit" class="primary">Create draft</button></div>
      </section>
    )
  }
  const status = statusOf(article)
  const scheduled = article.status === 'scheduled'
  return (
    <section class="panel status-panel" aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      <p><span class={`status ${status.className}`}>{status.label}</span> <StatusDetail article={article} timeZone={timeZone} now={now} /></p>
      {article.workflow.reviewState === 'returned' && article.workflow.reviewNote && (
        <div class="notice warning review-note"><p><strong>Note from the editor:</strong></p><p>{article.workflow.reviewNote}</p></div>
      )}
      {askNoAlt && (
        <div class="notice warning" id="confirm-no-alt">
          <p>The hero picture has no alt text. Publish anyway?</p>
          <label class="check" for="confirmNoAlt"><input type="checkbox" id="confirmNoAlt" name="confirmNoAlt" checked={values.confirmNoAlt} /> Yes, publish without alt text</label>
        </div>
      )}
      <div class="actions">
        {canEdit && <button type="submit" class="primary">{article.status === 'draft' ? 'Save draft' : 'Update'}</button>}
        {has('submit') && <button type="submit" formaction={`${base}/submit`} data-action="submit">Submit for review</button>}
        {has('publish') && <button type="submit" formaction={`${base}/publish`} data-action="publish">{scheduled ? 'Publish now instead' : 'Publish now'}</button>}
        {has('unpublish') && <button type="submit" formaction={`${base}/unpublish`} data-action="unpublish">{scheduled && article.publishedAt && article.publishedAt > now ? 'Cancel the schedule' : 'Unpublish'}</button>}
      </div>
      {has('schedule') && (
        <div class="schedule">
          <InputField name="publishAt" type="datetime-local" label="Publish at" problems={problems}
            value={values.publishAt || (scheduled && article.publishedAt ? toLocalInput(article.publishedAt, timeZone) : '')}
            hint={`Time zone: ${timeZone === 'UTC' ? 'UTC (the site has no time zone set)' : timeZone}.`} />
          <div class="actions"><button type="submit" formaction={`${base}/schedule`} data-action="schedule">{scheduled ? 'Reschedule' : 'Schedule'}</button></div>
        </div>
      )}
      {has('return') && (
        <div class="send-back">
          <TextAreaField name="note" label="Note for the writer" hint="Say what needs doing before it can be published." value={values.note} problems={problems} maxlength={REVIEW_NOTE_MAX} />
          <div class="actions"><button type="submit" formaction={`${base}/return`} data-action="return">Send back with note</button></div>
        </div>
      )}
      <div class="actions">
        {has('restore') && <button type="submit" form="restore-form">Restore from the trash</button>}
        {has('trash') && <button type="submit" form="trash-form" class="danger">Move to trash</button>}
        {has('delete') && <button type="submit" form="delete-form" class="danger">Delete for good</button>}
      </div>
    </section>
  )
}

const dateTime = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone })

function StatusDetail({ article, timeZone, now }: { article: ArticleSummary; timeZone: string; now: Date }) {
  const at = article.publishedAt
  if (!at) return null
  const when = <time datetime={at.toISOString()}>{dateTime(timeZone).format(at)} ({timeZone})</time>
  if (article.status === 'scheduled') return at > now ? <>for {when}</> : <>and public since {when}</>
  if (article.status === 'published') return <>since {when}</>
  return <span class="hint">First published {when}; now off the site.</span>
}

/** The small forms the trash buttons belong to: outside the editor's form, as forms cannot nest. */
export function TrashForms({ articleId, actions, token }: { articleId: string; actions: WorkflowAction[]; token: string }) {
  const form = (action: 'trash' | 'restore' | 'delete') => actions.includes(action) && (
    <form id={`${action}-form`} method="post" action={`/admin/articles/${articleId}/${action}`} hidden>
      <CsrfField token={token} />
    </form>
  )
  return <>{form('trash')}{form('restore')}{form('delete')}</>
}
