import { canOnArticle, type Actor, type ArticleAction } from '../../staff/permissions.js'
import { isPublic, type ArticleSummary } from './article.js'

/** What the newsroom does to an article besides editing it. */
export const WORKFLOW_ACTIONS = ['submit', 'return', 'publish', 'schedule', 'unpublish', 'trash', 'restore', 'delete'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** One workflow action with what it needs. */
export type WorkflowRequest =
  | { action: 'submit' }
  | { action: 'return'; note: string }
  | { action: 'publish'; confirmNoAlt: boolean }
  | { action: 'schedule'; at: Date; confirmNoAlt: boolean }
  | { action: 'unpublish' }
  | { action: 'trash' }
  | { action: 'restore' }
  | { action: 'delete' }

/** The permission (see permissions.ts) each action needs: restoring from the trash is the same right as trashing. */
export const ACTION_PERMISSION: Record<WorkflowAction, ArticleAction> = {
  submit: 'submit',
  return: 'review',
  publish: 'publish',
  schedule: 'publish',
  unpublish: 'unpublish',
  trash: 'trash',
  restore: 'trash',
  delete: 'delete',
}

/** As much of an article as the workflow rules look at. */
export type WorkflowSubject = Pick<ArticleSummary, 'status' | 'publishedAt' | 'hero' | 'workflow'>

/**
 * Why an action does not apply to the article in its present state, or undefined when it does.
 * Says nothing about who is asking: see `canOnArticle` for that.
 * @example stateProblem('restore', draftNotInTrash, now) // 'It is not in the trash.'
 */
export function stateProblem(action: WorkflowAction, article: WorkflowSubject, now: Date): string | undefined {
  const trashed = article.workflow.trashedAt !== null
  if (trashed && action !== 'restore' && action !== 'delete') return 'It is in the trash: restore it first.'
  switch (action) {
    case 'submit':
      if (article.status !== 'draft') return 'Only a draft can be submitted for review.'
      return article.workflow.reviewState === 'submitted' ? 'It is already waiting for review.' : undefined
    case 'return':
      return article.status === 'draft' && article.workflow.reviewState === 'submitted' ? undefined : 'Only an article waiting for review can be sent back.'
    case 'publish':
      return article.status === 'published' ? 'It is already published.' : undefined
    case 'schedule':
      // Scheduling a public article would take it off the site until then: unpublishing says so plainly.
      return isPublic(article, now) ? 'It is already public: unpublish it first to schedule it.' : undefined
    case 'unpublish':
      return article.status === 'draft' ? 'It is neither published nor scheduled.' : undefined
    case 'trash':
      return undefined
    case 'restore':
      return trashed ? undefined : 'It is not in the trash.'
    case 'delete':
      return trashed ? undefined : 'Only an article in the trash can be deleted for good.'
  }
}

/** Whether `actor` may take `action` on the article, and the article's state allows it. */
export function canTakeAction(actor: Actor, action: WorkflowAction, article: WorkflowSubject & { workflow: { ownerId: string | null } }, now: Date): boolean {
  const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
  return canOnArticle(actor, ACTION_PERMISSION[action], access) && stateProblem(action, article, now) === undefined
}

/**
 * The actions to offer on an article: only those the server would carry out.
 * @example availableActions({ id: 'u1', role: 'contributor' }, ownDraft, now) // ['submit', 'trash']
 */
export function availableActions(actor: Actor, article: WorkflowSubject, now: Date): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => canTakeAction(actor, action, article, now))
}

/** Publishing a hero picture without alt text leaves blind readers out: it takes a second, deliberate yes. */
export function heroLacksAlt(article: Pick<ArticleSummary, 'hero'>): boolean {
  return article.hero !== null && article.hero.alt.trim() === ''
}

/** The longest note an editor can send back with an article. */
export const REVIEW_NOTE_MAX = 2000
