import type { Updateable } from 'kysely'
import { assertNever, err, ok, type Result } from '../../core/result.js'
import type { Actor } from '../../staff/permissions.js'
import { canOnArticle } from '../../staff/permissions.js'
import { inTransaction, type Db } from '../../storage/connect.js'
import type { ArticleTable } from '../../storage/schema.js'
import { markContentChanged } from '../site-changes.js'
import { emitArticleChange, toArticleEventData } from '../webhooks/article-events.js'
import { emitEvent } from '../webhooks/emit-event.js'
import { isPublic, type ArticleSummary } from './article.js'
import { findArticleSummaries } from './article.repo.js'
import { syncListings } from './article-listings.js'
import { ACTION_PERMISSION, heroLacksAlt, REVIEW_NOTE_MAX, stateProblem, type WorkflowRequest } from './article-workflow.js'
import type { FieldIssue } from './save-article.js'

export type WorkflowError =
  | { type: 'not-found' }
  | { type: 'forbidden' }
  /** The action does not apply to the article as it is now (already published, not in the trash…). */
  | { type: 'not-applicable'; message: string }
  /** Publishing or scheduling a hero picture without alt text needs `confirmNoAlt`. */
  | { type: 'hero-without-alt' }
  | { type: 'invalid'; issues: FieldIssue[] }

/** The article after the action; null once it is deleted for good. */
export type WorkflowOutcome = { article: ArticleSummary | null }

/**
 * Takes one workflow action on an article, for `actor`, checking first that they may (their role,
 * whose article it is, its state) and that the action applies. Status changes are workflow, not
 * content: they write no revision and leave the article's version alone, so an editor with the
 * article open can still save their text. Every change marks the site's content as changed.
 * Runs inside the caller's transaction if there is one (a save and a publish together).
 * @example await changeWorkflow(db, staff, id, { action: 'schedule', at: new Date('2026-07-01T06:00:00Z'), confirmNoAlt: false }, now)
 */
export async function changeWorkflow(
  db: Db, actor: Actor, id: string, request: WorkflowRequest, now: Date,
): Promise<Result<WorkflowOutcome, WorkflowError>> {
  return inTransaction(db, async (trx) => {
    const [article] = await findArticleSummaries(trx, [id])
    if (!article) return err({ type: 'not-found' as const })
    const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
    if (!canOnArticle(actor, ACTION_PERMISSION[request.action], access)) return err({ type: 'forbidden' as const })
    const problem = stateProblem(request.action, article, now)
    if (problem) return err({ type: 'not-applicable' as const, message: problem })
    const changes = changesFor(request, article, now)
    if (!changes.ok) return changes
    if (changes.value === 'delete') {
      await trx.deleteFrom('articles').where('id', '=', id).execute()
      await syncListings(trx, [id])
      await markContentChanged(trx, now)
      await emitEvent(trx, 'article.deleted', toArticleEventData(article), now)
      return ok({ article: null })
    }
    await trx.updateTable('articles').set({ ...changes.value, updatedAt: now.toISOString() }).where('id', '=', id).execute()
    await syncListings(trx, [id])
    await markContentChanged(trx, now)
    const [changed] = await findArticleSummaries(trx, [id])
    // Publishing, unpublishing or trashing a public article: webhooks hear of it in this transaction.
    await emitArticleChange(trx, id, article, changed!, now)
    return ok({ article: changed! })
  })
}

type Changes = Updateable<ArticleTable>

function changesFor(request: WorkflowRequest, article: ArticleSummary, now: Date): Result<Changes | 'delete', WorkflowError> {
  const leaveReview = { reviewState: null, reviewNote: '' }
  switch (request.action) {
    case 'submit':
      return ok({ reviewState: 'submitted', reviewNote: '' })
    case 'return': {
      const note = request.note.trim()
      if (!note) return invalid('note', 'Write a note saying what needs doing.')
      if (note.length > REVIEW_NOTE_MAX) return invalid('note', `The note is longer than ${REVIEW_NOTE_MAX} characters.`)
      return ok({ reviewState: 'returned', reviewNote: note })
    }
    case 'publish': {
      if (heroLacksAlt(article) && !request.confirmNoAlt) return err({ type: 'hero-without-alt' })
      // Published before (then unpublished): it keeps its date, so its place in lists and feeds is the same.
      const publishedAt = article.publishedAt && article.publishedAt <= now ? article.publishedAt : now
      return ok({ status: 'published', publishedAt: publishedAt.toISOString(), ...leaveReview })
    }
    case 'schedule': {
      if (Number.isNaN(request.at.getTime())) return invalid('publishAt', 'Give a date and time.')
      if (request.at <= now) return invalid('publishAt', 'The time to publish at has passed: choose a later one, or publish now.')
      if (heroLacksAlt(article) && !request.confirmNoAlt) return err({ type: 'hero-without-alt' })
      return ok({ status: 'scheduled', publishedAt: request.at.toISOString(), ...leaveReview })
    }
    case 'unpublish':
      return ok({ status: 'draft', publishedAt: keptPublicationTime(article, now) })
    case 'trash':
      return ok({ status: 'draft', publishedAt: keptPublicationTime(article, now), trashedAt: now.toISOString(), ...leaveReview })
    case 'restore':
      return ok({ trashedAt: null })
    case 'delete':
      return ok('delete')
    default:
      return assertNever(request)
  }
}

/**
 * Taken off the site, an article remembers when it was first public (it keeps its slug and, if
 * published again, its date); a schedule that never came to pass is forgotten.
 */
function keptPublicationTime(article: ArticleSummary, now: Date): string | null {
  const wasPublic = article.status === 'draft' ? article.publishedAt !== null : isPublic(article, now)
  return wasPublic && article.publishedAt ? article.publishedAt.toISOString() : null
}

function invalid(field: string, message: string): { ok: false; error: WorkflowError } {
  return err({ type: 'invalid', issues: [{ field, message }] })
}
