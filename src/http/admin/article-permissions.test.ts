import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AdminClient, addStaff } from '../../../test/support/staff.js'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { changeWorkflow } from '../../content/articles/change-workflow.js'
import { createArticle } from '../../content/articles/create-article.js'
import { ROLES, type Role } from '../../staff/roles.js'
import type { StaffMember } from '../../staff/staff-member.js'

/**
 * Every role against every article action over HTTP, on their own article and on someone
 * else's: the server's answer, not the buttons shown, is what counts. A refusal is a 403 and
 * leaves the article exactly as it was.
 */
type Action = 'view' | 'edit' | 'save' | 'autosave' | 'revisions' | 'preview' | 'submit' | 'return' | 'publish' | 'schedule' | 'unpublish' | 'trash' | 'restore' | 'delete'
type Setup = 'draft' | 'submitted' | 'published' | 'trashed'

/** The state each action is tried in: one it applies to, so only permissions decide. */
const SETUP: Record<Action, Setup> = {
  view: 'draft', edit: 'draft', save: 'draft', autosave: 'draft', revisions: 'draft', preview: 'draft', submit: 'draft', publish: 'draft', schedule: 'draft', trash: 'draft',
  return: 'submitted', unpublish: 'published', restore: 'trashed', delete: 'trashed',
}
const ACTIONS = Object.keys(SETUP) as Action[]

/** The matrix, written out: a change to the rules must change this table. */
const ALLOWED_ON_OWN: Record<Role, Action[]> = {
  contributor: ['view', 'edit', 'save', 'autosave', 'revisions', 'preview', 'submit', 'trash', 'restore'],
  author: ['view', 'edit', 'save', 'autosave', 'revisions', 'preview', 'submit', 'publish', 'schedule', 'unpublish', 'trash', 'restore'],
  editor: ACTIONS,
  administrator: ACTIONS,
}
const ALLOWED_ON_OTHERS: Record<Role, Action[]> = {
  contributor: [],
  author: [],
  editor: ACTIONS,
  administrator: ACTIONS,
}

let site: Awaited<ReturnType<typeof createTestSite>>
const staff = {} as Record<Role, { member: StaffMember; client: AdminClient }>
let other: StaffMember
let boss: StaffMember
const now = new Date(TEST_NOW)

beforeAll(async () => {
  site = await createTestSite()
  for (const role of ROLES) {
    const member = await addStaff(site.db, role, `${role} tester`)
    const client = new AdminClient(site.app)
    await client.signIn(member.email)
    staff[role] = { member, client }
  }
  other = await addStaff(site.db, 'author', 'Other Writer')
  boss = await addStaff(site.db, 'administrator', 'Set Up')
})
afterAll(async () => { await site.close() })

async function articleIn(setup: Setup, owner: StaffMember): Promise<string> {
  const created = await createArticle(site.db, owner, { headline: `A ${setup} story`, body: { format: 'markdown', source: 'Words.' } }, now)
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const id = created.value.id
  const step = async (request: Parameters<typeof changeWorkflow>[3]) => {
    const result = await changeWorkflow(site.db, boss, id, request, now)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
  }
  if (setup === 'submitted') await step({ action: 'submit' })
  if (setup === 'published') await step({ action: 'publish', confirmNoAlt: false })
  if (setup === 'trashed') await step({ action: 'trash' })
  return id
}

const rowOf = (id: string) => site.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()

/** The editor's form for the article as stored, with a new headline. */
async function editedForm(id: string): Promise<Record<string, string>> {
  const article = (await site.db.selectFrom('articles').select(['slug', 'bodyFormat', 'bodySource', 'version']).where('id', '=', id).executeTakeFirst())!
  return { headline: 'A changed headline', dek: '', slug: article.slug, bodyFormat: article.bodyFormat, bodySource: article.bodySource, baseVersion: String(article.version) }
}

async function attempt(client: AdminClient, action: Action, id: string): Promise<Response> {
  switch (action) {
    case 'view': case 'edit': return client.get(`/admin/articles/${id}/`)
    case 'revisions': return client.get(`/admin/articles/${id}/revisions/`)
    case 'save': return client.post(`/admin/articles/${id}/`, await editedForm(id))
    case 'autosave': return client.request(`/admin/articles/${id}/autosave`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': client.formToken },
      body: JSON.stringify(await editedForm(id)),
    })
    case 'preview': return client.get(`/admin/articles/${id}/preview`)
    case 'return': return client.post(`/admin/articles/${id}/return`, { note: 'Needs a second source.' })
    case 'schedule': return client.post(`/admin/articles/${id}/schedule`, { publishAt: '2026-06-02T09:00' })
    default: return client.post(`/admin/articles/${id}/${action}`)
  }
}

describe('who may do what to an article, over HTTP', () => {
  for (const role of ROLES) {
    for (const whose of ['own', 'others'] as const) {
      for (const action of ACTIONS) {
        const allowed = (whose === 'own' ? ALLOWED_ON_OWN : ALLOWED_ON_OTHERS)[role].includes(action)
        it(`${role} ${allowed ? 'may' : 'may not'} ${action} ${whose === 'own' ? 'their own' : 'someone else’s'} article`, async () => {
          const { member, client } = staff[role]
          const id = await articleIn(SETUP[action], whose === 'own' ? member : other)
          await client.get('/admin/') // a fresh form token
          const before = await rowOf(id)
          const response = await attempt(client, action, id)
          if (!allowed) {
            expect(response.status).toBe(403)
            expect(await rowOf(id)).toEqual(before)
            return
          }
          const isPage = action === 'view' || action === 'edit' || action === 'preview' || action === 'revisions'
          expect(response.status).toBe(isPage || action === 'autosave' ? 200 : 303)
          if (action === 'edit') expect(await response.text()).not.toMatch(/<fieldset class="editor-main" disabled/)
          if (!isPage) expect(await rowOf(id)).not.toEqual(before)
        })
      }
    }
  }
})

describe('CSRF on the article actions', () => {
  it('refuses every action without the form token (403), changing nothing', async () => {
    const { client } = staff.administrator
    for (const action of ACTIONS.filter((a) => !['view', 'edit', 'preview', 'revisions', 'autosave'].includes(a))) {
      const id = await articleIn(SETUP[action], other)
      const before = await rowOf(id)
      const path = action === 'save' ? `/admin/articles/${id}/` : `/admin/articles/${id}/${action}`
      const response = await client.post(path, { _csrf: null, note: 'x', publishAt: '2026-06-02T09:00', ...(action === 'save' ? await editedForm(id) : {}) })
      expect(response.status, action).toBe(403)
      expect(await rowOf(id)).toEqual(before)
    }
    const id = await articleIn('draft', other)
    const before = await rowOf(id)
    const autosave = await client.request(`/admin/articles/${id}/autosave`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await editedForm(id)) })
    expect(autosave.status).toBe(403)
    expect(await rowOf(id)).toEqual(before)
    const created = await client.post('/admin/articles/', { _csrf: null, headline: 'Forged', bodySource: '' })
    expect(created.status).toBe(403)
    expect(await site.db.selectFrom('articles').select('id').where('headline', '=', 'Forged').execute()).toEqual([])
  })
})
