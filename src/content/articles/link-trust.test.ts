import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AdminClient, addStaff } from '../../../test/support/staff.js'
import { createTestSite, TEST_NOW, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { createApiKey } from '../../api/keys/manage-api-keys.js'
import { restoreRevision } from '../revisions/restore-revision.js'
import { listRevisions } from '../revisions/revision.repo.js'
import type { StaffMember } from '../../staff/staff-member.js'
import { findArticleById } from './article.repo.js'
import { createArticle } from './create-article.js'
import { editArticle } from './edit-article.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const BODY = `[the board's minutes](https://board.example/minutes), [our earlier story](${TEST_SITE_URL}/quay-plans/), [the archive](/archive/)`
const body = (source = BODY) => ({ format: 'markdown' as const, source })
/** Each link of an article's stored body as `href rel`. */
const links = async (id: string) => [...(await findArticleById(site.db, id))!.body.html.matchAll(/<a href="([^"]*)" rel="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`)
const UNTRUSTED = [
  'https://board.example/minutes nofollow ugc noopener noreferrer',
  `${TEST_SITE_URL}/quay-plans/ noopener noreferrer`,
  '/archive/ noopener noreferrer',
]
const TRUSTED = UNTRUSTED.map((l) => l.replace('nofollow ugc ', ''))

async function draftBy(staff: StaffMember) {
  const created = await createArticle(site.db, staff, { headline: 'Quay reopens', body: body() }, now, { siteUrl: TEST_SITE_URL })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  return created.value
}

describe('links in bodies no trusted staff member vouches for get nofollow ugc, at save time', () => {
  it('a contributor’s external links, not their links to this site; an author’s and an editor’s never', async () => {
    const contributor = await addStaff(site.db, 'contributor')
    expect(await links((await draftBy(contributor)).id)).toEqual(UNTRUSTED)
    for (const role of ['author', 'editor', 'administrator'] as const) {
      expect(await links((await draftBy(await addStaff(site.db, role, `${role} writer`))).id), role).toEqual(TRUSTED)
    }
  })

  it('follows the last save: an editor’s save vouches for a contributor’s links, a contributor’s restore does not', async () => {
    const contributor = await addStaff(site.db, 'contributor')
    const editor = await addStaff(site.db, 'editor')
    const draft = await draftBy(contributor)
    const edited = await editArticle(site.db, editor, draft.id, { headline: 'Quay reopens', body: body() }, now, { baseVersion: 1, siteUrl: TEST_SITE_URL })
    expect(edited.ok).toBe(true)
    expect(await links(draft.id)).toEqual(TRUSTED)
    // The contributor brings back their own first version: their links again.
    const first = (await listRevisions(site.db, draft.id)).find((r) => r.version === 1)!
    const restored = await restoreRevision(site.db, draft.id, first.id, now, { baseVersion: 2, editedBy: contributor.id, siteUrl: TEST_SITE_URL })
    expect(restored.ok, JSON.stringify(!restored.ok && restored.error)).toBe(true)
    expect(await links(draft.id)).toEqual(UNTRUSTED)
  })

  it('through the admin editor: a contributor’s save marks, an editor’s save unmarks', async () => {
    const contributor = await addStaff(site.db, 'contributor', 'Casey Contributor')
    const client = new AdminClient(site.app)
    await client.signIn(contributor.email)
    await client.get('/admin/articles/new')
    const created = await client.post('/admin/articles/', { headline: 'Quay reopens', bodyFormat: 'markdown', bodySource: BODY, authorIds: contributor.personId ?? '' })
    expect(created.status).toBe(303)
    const id = /\/admin\/articles\/([0-9a-f]+)\//.exec(created.headers.get('Location') ?? '')![1]!
    expect(await links(id)).toEqual(UNTRUSTED)

    const editor = await addStaff(site.db, 'editor', 'Eda Editor')
    const editorClient = new AdminClient(site.app)
    await editorClient.signIn(editor.email)
    await editorClient.get(`/admin/articles/${id}/`)
    const saved = await editorClient.post(`/admin/articles/${id}/`, { headline: 'Quay reopens', bodyFormat: 'markdown', bodySource: BODY, baseVersion: '1', authorIds: contributor.personId ?? '' })
    expect(saved.status).toBe(303)
    expect(await links(id)).toEqual(TRUSTED)
  })

  it('an integration (a write API key) saves as trusted', async () => {
    const key = await createApiKey(site.db, { name: 'Wire desk', kind: 'write' }, now)
    if (!key.ok) throw new Error(JSON.stringify(key.error))
    const res = await site.app.request('/api/v1/articles', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key.value.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ headline: 'Quay reopens', body: body() }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const { article } = await res.json() as { article: { id: string } }
    expect(await links(article.id)).toEqual(TRUSTED)
  })
})
