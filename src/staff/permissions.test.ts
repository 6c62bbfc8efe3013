import { describe, expect, it } from 'vitest'
import { canEditPicture, canOnArticle, canOnSite, type ArticleAction, type SiteAction } from './permissions.js'
import { ROLES, type Role } from './roles.js'

const actor = (role: Role) => ({ id: 'me', role })
const draft = (ownerId: string | null) => ({ ownerId, status: 'draft', publishedAt: null })
const published = (ownerId: string | null) => ({ ownerId, status: 'published', publishedAt: new Date('2026-01-01') })

const ARTICLE_ACTIONS: ArticleAction[] = ['view', 'edit', 'publish', 'unpublish', 'submit', 'review', 'trash', 'correct', 'delete']

/** The whole matrix, written out: a change to the rules must change this table. */
const EXPECTED_ON_OWN_DRAFT: Record<Role, ArticleAction[]> = {
  contributor: ['view', 'edit', 'submit', 'trash'],
  author: ['view', 'edit', 'publish', 'unpublish', 'submit', 'trash', 'correct'],
  editor: ARTICLE_ACTIONS,
  administrator: ARTICLE_ACTIONS,
}
const EXPECTED_ON_OTHERS_PUBLISHED: Record<Role, ArticleAction[]> = {
  contributor: [],
  author: [],
  editor: ['view', 'edit', 'publish', 'unpublish', 'review', 'trash', 'correct', 'delete'],
  administrator: ['view', 'edit', 'publish', 'unpublish', 'review', 'trash', 'correct', 'delete'],
}
const EXPECTED_SITE: Record<Role, SiteAction[]> = {
  contributor: ['article.create', 'media.upload'],
  author: ['article.create', 'media.upload'],
  editor: ['article.create', 'article.list-all', 'review.queue', 'media.upload', 'media.delete', 'taxonomy.manage', 'staff.view', 'staff.invite', 'pages.manage'],
  administrator: ['article.create', 'article.list-all', 'review.queue', 'media.upload', 'media.delete', 'taxonomy.manage', 'staff.view', 'staff.invite', 'staff.manage', 'settings.manage', 'pages.manage', 'integrations.manage'],
}
const SITE_ACTIONS = [...new Set(Object.values(EXPECTED_SITE).flat())]

describe('permissions', () => {
  for (const role of ROLES) {
    it(`${role} on their own draft`, () => {
      expect(ARTICLE_ACTIONS.filter((a) => canOnArticle(actor(role), a, draft('me')))).toEqual(EXPECTED_ON_OWN_DRAFT[role])
    })
    it(`${role} on someone else's published article`, () => {
      expect(ARTICLE_ACTIONS.filter((a) => canOnArticle(actor(role), a, published('other')))).toEqual(EXPECTED_ON_OTHERS_PUBLISHED[role])
    })
    it(`${role} on the site`, () => {
      expect(SITE_ACTIONS.filter((a) => canOnSite(actor(role), a)).sort()).toEqual([...EXPECTED_SITE[role]].sort())
    })
  }

  it('a contributor loses hold of their article once it has been published', () => {
    for (const action of ARTICLE_ACTIONS) {
      expect(canOnArticle(actor('contributor'), action, published('me'))).toBe(action === 'view')
    }
  })

  it('pictures: everyone edits the texts of their own uploads, editors and administrators everyone\'s', () => {
    const edits = (picture: { uploadedBy: string | null }) => ROLES.filter((role) => canEditPicture(actor(role), picture))
    expect(edits({ uploadedBy: 'me' })).toEqual([...ROLES])
    expect(edits({ uploadedBy: 'other' })).toEqual(['editor', 'administrator'])
    expect(edits({ uploadedBy: null })).toEqual(['editor', 'administrator'])
  })

  it('an imported article (no owner) belongs to nobody below editor', () => {
    expect(canOnArticle(actor('author'), 'view', draft(null))).toBe(false)
    expect(canOnArticle(actor('editor'), 'edit', draft(null))).toBe(true)
  })
})
