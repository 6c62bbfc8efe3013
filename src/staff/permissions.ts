import type { Role } from './roles.js'
import { invitableRoles } from './roles.js'

/** Who is acting: enough of a staff member to decide what they may do. */
export interface Actor {
  id: string
  role: Role
}

/** Enough of an article to decide who may touch it. */
export interface ArticleAccess {
  ownerId: string | null
  status: string
  publishedAt: Date | null
}

export type ArticleAction =
  | 'view'
  | 'edit'
  | 'publish'
  | 'unpublish'
  | 'submit'
  | 'review'
  | 'trash'
  | 'correct'
  | 'delete'

export type SiteAction =
  | 'article.create'
  | 'article.list-all'
  | 'review.queue'
  | 'media.upload'
  | 'media.delete'
  | 'taxonomy.manage'
  | 'staff.view'
  | 'staff.invite'
  | 'staff.manage'
  | 'settings.manage'
  | 'pages.manage'
  | 'integrations.manage'

const EDITORS: ReadonlySet<Role> = new Set(['editor', 'administrator'])

/**
 * What a role may do on the site as a whole. The server asks this before every action; the
 * admin's pages ask it too, only to hide what would be refused anyway.
 * @example canOnSite({ id: 'u1', role: 'author' }, 'taxonomy.manage') // false
 */
export function canOnSite(actor: Actor, action: SiteAction): boolean {
  switch (action) {
    case 'article.create':
    case 'media.upload':
      return true
    case 'article.list-all':
    case 'review.queue':
    case 'media.delete':
    case 'taxonomy.manage':
    case 'staff.view':
    case 'pages.manage':
      return EDITORS.has(actor.role)
    case 'staff.invite':
      return invitableRoles(actor.role).length > 0
    case 'staff.manage':
    case 'settings.manage':
    case 'integrations.manage':
      return actor.role === 'administrator'
  }
}

/**
 * What a role may do to one article.
 * - contributor: their own articles while they are unpublished drafts; submit them for review.
 * - author: their own articles, including publishing and unpublishing them.
 * - editor and administrator: every article, and the review queue; only they delete for good.
 * @example canOnArticle({ id: 'u1', role: 'contributor' }, 'publish', { ownerId: 'u1', status: 'draft', publishedAt: null }) // false
 */
export function canOnArticle(actor: Actor, action: ArticleAction, article: ArticleAccess): boolean {
  if (EDITORS.has(actor.role)) return action !== 'submit' || article.status === 'draft'
  const own = article.ownerId !== null && article.ownerId === actor.id
  if (!own) return false
  if (actor.role === 'author') return action !== 'review' && action !== 'delete'
  // A contributor: never publishes, and loses hold of an article once it has been published.
  const neverPublished = article.status === 'draft' && article.publishedAt === null
  switch (action) {
    case 'view': return true
    case 'edit':
    case 'submit':
    case 'trash':
      return neverPublished
    default:
      return false
  }
}

/**
 * Whether a staff member may change a picture's default alt text, caption and credit: editors
 * and administrators any picture's, everyone else those they uploaded. (Deleting is
 * `media.delete`, editors and administrators only.)
 * @example canEditPicture({ id: 'u1', role: 'contributor' }, { uploadedBy: 'u1' }) // true
 */
export function canEditPicture(actor: Actor, picture: { uploadedBy: string | null }): boolean {
  return EDITORS.has(actor.role) || (picture.uploadedBy !== null && picture.uploadedBy === actor.id)
}
