import type { Context } from 'hono'
import type { Article } from '../../content/articles/article.js'
import { editArticle } from '../../content/articles/edit-article.js'
import { readSiteTimeZone } from '../../content/settings/site-time-zone.js'
import { assertNever, err, ok, type Result } from '../../core/result.js'
import { formatClock } from '../../core/time-zone.js'
import { canOnArticle } from '../../staff/permissions.js'
import type { StaffMember } from '../../staff/staff-member.js'
import { findStaffMember } from '../../staff/users.repo.js'
import type { Db } from '../../storage/connect.js'
import type { ArticleFormValues } from '../../views/admin/article-form-values.js'
import type { FieldProblem } from '../../views/admin/form-fields.js'
import type { AdminDeps } from './admin-deps.js'
import type { AdminEnv } from './admin-env.js'
import { renderEditor, toFormProblems } from './article-editor-view.js'
import { toArticleContent } from './article-form.js'
import { forbidden, notFound } from './article-responses.js'

const FORBIDDEN = 'Your role does not allow changing this article.'

/** Why a save was refused, as the page (or the script) must say it. */
export interface SaveRefusal {
  status: 403 | 404 | 409 | 422
  message?: string
  problems?: FieldProblem[]
  /** Set for a conflict: the version now stored, which the form takes so a deliberate save can follow. */
  currentVersion?: number
}

/**
 * Saves the editor's form over the article, for `staff`: permission checked first (someone
 * else's article is refused before anything about the form is said), then tag names resolved and
 * the version checked. A conflict names who saved meanwhile and when, in the site's time zone.
 */
export async function saveFromForm(
  db: Db, staff: StaffMember, article: Article, values: ArticleFormValues, now: Date, { draftsOnly = false, siteUrl }: { draftsOnly?: boolean; siteUrl?: string } = {},
): Promise<Result<Article, SaveRefusal>> {
  // editArticle checks again, in its transaction, against the article as it is then.
  const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
  if (!canOnArticle(staff, 'edit', access)) return err({ status: 403, message: FORBIDDEN })
  if (values.baseVersion === undefined) {
    return err({ status: 409, message: 'This form does not say which version it was opened at. Copy your text, reload the page and paste it back.' })
  }
  const content = await toArticleContent(db, staff, values, now, article)
  if (!content.ok) return err({ status: 422, problems: content.error })
  const saved = await editArticle(db, staff, article.id, content.value, now, { baseVersion: values.baseVersion, draftsOnly, siteUrl })
  if (saved.ok) return ok(saved.value)
  const error = saved.error
  switch (error.type) {
    case 'not-found': return err({ status: 404 })
    case 'forbidden': return err({ status: 403, message: FORBIDDEN })
    case 'not-applicable': return err({ status: 409, message: error.message })
    case 'invalid': return err({ status: 422, problems: toFormProblems(error.issues) })
    case 'slug-taken': return err({ status: 422, problems: [{ field: 'slug', message: `Another article has the slug “${error.slug}”.` }] })
    case 'conflict': {
      const who = error.editedBy ? (await findStaffMember(db, error.editedBy))?.name ?? 'Someone' : 'Someone'
      const when = formatClock(error.updatedAt, await readSiteTimeZone(db))
      const yours = who !== 'Someone' && error.editedBy === staff.id ? 'You (in another window)' : who
      return err({
        status: 409,
        currentVersion: error.currentVersion,
        message: `${yours} saved this article at ${when} while you were editing; your text is kept below. Saving now replaces that version with yours.`,
      })
    }
    default: return assertNever(error)
  }
}

/** The editor again, with the text as it was posted and why it was not saved. */
export async function renderRefusal(c: Context<AdminEnv>, deps: AdminDeps, article: Article, values: ArticleFormValues, refusal: SaveRefusal) {
  if (refusal.status === 404) return notFound(c, deps)
  if (refusal.status === 403) return forbidden(c, deps, refusal.message ?? 'Not allowed.')
  const kept = refusal.currentVersion === undefined ? values : { ...values, baseVersion: refusal.currentVersion }
  const message = refusal.message && (
    <>
      <p>{refusal.message}</p>
      {refusal.currentVersion !== undefined && <p><a href={`/admin/articles/${article.id}/`} target="_blank">Open the saved version in a new tab</a> to compare.</p>}
    </>
  )
  return renderEditor(c, deps, { article, kind: article.kind, values: kept, problems: refusal.problems, message }, refusal.status)
}

/** The refusal for the editor's script: `{ error }`, and the current version on a conflict. */
export function jsonRefusal(c: Context<AdminEnv>, refusal: SaveRefusal) {
  const error = refusal.message ?? refusal.problems?.map((p) => p.message).join(' ') ?? (refusal.status === 404 ? 'There is no such article.' : 'Not saved.')
  return c.json({ error, ...(refusal.currentVersion !== undefined && { conflict: true, currentVersion: refusal.currentVersion }) }, refusal.status)
}
