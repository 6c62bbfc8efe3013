import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signedInClient } from '../../../test/support/staff.js'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { findArticleById } from '../../content/articles/article.repo.js'
import { changeWorkflow } from '../../content/articles/change-workflow.js'
import { createArticle } from '../../content/articles/create-article.js'
import { updateArticle } from '../../content/articles/update-article.js'
import { listCorrections } from '../../content/corrections/correction.repo.js'
import { listRevisions } from '../../content/revisions/revision.repo.js'
import type { StaffMember } from '../../staff/staff-member.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const body = (source: string) => ({ format: 'markdown' as const, source })

/** An article with three versions: two saves after its creation. */
async function articleWithHistory(owner: StaffMember) {
  const created = await createArticle(site.db, owner, { headline: 'Tide tables', body: body('High water at six.') }, now)
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const id = created.value.id
  const edit = async (headline: string, source: string, baseVersion: number) => {
    const result = await updateArticle(site.db, id, { headline, body: body(source), authorIds: [owner.personId!] }, now, { baseVersion, editedBy: owner.id })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
  }
  await edit('Tide tables for June', 'High water at seven.', 1)
  await edit('Tide tables for June, corrected', 'High water at seven fifteen.', 2)
  return id
}

describe('revisions', () => {
  it('lists every version with who saved it, and compares two', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'author', 'Ada Writer')
    const id = await articleWithHistory(staff)
    const list = await client.get(`/admin/articles/${id}/revisions/`)
    expect(list.status).toBe(200)
    const html = await list.text()
    expect(html.match(/<tr><td>\d/g)).toHaveLength(3)
    expect(html).toContain('Ada Writer')
    expect(html).toContain('Restore version 1')
    expect(html).not.toContain('Restore version 3')

    const [newest, , oldest] = await listRevisions(site.db, id)
    const compare = await client.get(`/admin/articles/${id}/revisions/compare?from=${oldest!.id}&to=${newest!.id}`)
    expect(compare.status).toBe(200)
    const diff = await compare.text()
    expect(diff).toContain('Version 1 → version 3')
    expect(diff).toContain('<td>Tide tables</td><td>Tide tables for June, corrected</td>')
    expect(diff).toContain('High water at <del>six</del><ins>seven fifteen</ins>.')
  })

  it('restores an old version as a new one; a stale list restores nothing (409)', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'editor')
    const id = await articleWithHistory(staff)
    await client.get(`/admin/articles/${id}/revisions/`)
    const oldest = (await listRevisions(site.db, id)).at(-1)!
    const restored = await client.post(`/admin/articles/${id}/revisions/${oldest.id}/restore`, { baseVersion: '3' })
    expect(restored.status).toBe(303)
    expect(await findArticleById(site.db, id)).toMatchObject({ headline: 'Tide tables', version: 4 })
    expect((await listRevisions(site.db, id))[0]).toMatchObject({ version: 4, restoredFrom: 1, savedBy: staff.id })

    const stale = await client.post(`/admin/articles/${id}/revisions/${oldest.id}/restore`, { baseVersion: '3' })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Nothing was restored')
    expect((await findArticleById(site.db, id))?.version).toBe(4)
  })

  it('keeps others’ history from those who may not see the article, and restoring from those who may not edit it', async () => {
    const owner = await signedInClient(site.app, site.db, 'author', 'Owner')
    const id = await articleWithHistory(owner.staff)
    const other = await signedInClient(site.app, site.db, 'author', 'Someone Else')
    expect((await other.client.get(`/admin/articles/${id}/revisions/`)).status).toBe(403)
    const oldest = (await listRevisions(site.db, id)).at(-1)!
    expect((await other.client.post(`/admin/articles/${id}/revisions/${oldest.id}/restore`, { baseVersion: '3' })).status).toBe(403)
    expect((await findArticleById(site.db, id))?.version).toBe(3)
  })
})

describe('corrections and updates', () => {
  it('adds a dated correction under a published article, shown on the public page and in the preview', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'editor')
    const id = await articleWithHistory(staff)
    expect(await (await client.get(`/admin/articles/${id}/`)).text()).not.toContain('Corrections and updates')
    await changeWorkflow(site.db, staff, id, { action: 'publish', confirmNoAlt: false }, now)
    const editor = await (await client.get(`/admin/articles/${id}/`)).text()
    expect(editor).toContain('Corrections and updates')

    expect((await client.post(`/admin/articles/${id}/corrections/`, { kind: 'correction', text: '  ' })).status).toBe(422)
    const added = await client.post(`/admin/articles/${id}/corrections/`, { kind: 'correction', text: 'An earlier version gave high water at six.' })
    expect(added.status).toBe(303)
    const notes = await listCorrections(site.db, id)
    expect(notes).toMatchObject([{ kind: 'correction', text: 'An earlier version gave high water at six.', notedAt: now, createdBy: staff.id }])
    const publicPage = await (await site.app.request('http://news.test/tide-tables-for-june-corrected/')).text()
    expect(publicPage).toContain('An earlier version gave high water at six.')
    expect(await (await client.get(`/admin/articles/${id}/preview`)).text()).toContain('An earlier version gave high water at six.')

    await client.get(`/admin/articles/${id}/`)
    const removed = await client.post(`/admin/articles/${id}/corrections/${notes[0]!.id}/delete`)
    expect(removed.status).toBe(303)
    expect(await listCorrections(site.db, id)).toEqual([])
  })

  it('adds notes only under public articles, and only for those with the right', async () => {
    const writer = await signedInClient(site.app, site.db, 'contributor')
    const { client, staff } = await signedInClient(site.app, site.db, 'editor')
    const id = await articleWithHistory(staff)
    await client.get(`/admin/articles/${id}/`)
    const draft = await client.post(`/admin/articles/${id}/corrections/`, { kind: 'update', text: 'Too early.' })
    expect(draft.status).toBe(409)
    await changeWorkflow(site.db, staff, id, { action: 'publish', confirmNoAlt: false }, now)
    await writer.client.get('/admin/')
    expect((await writer.client.post(`/admin/articles/${id}/corrections/`, { kind: 'update', text: 'Not mine to add.' })).status).toBe(403)
    expect(await listCorrections(site.db, id)).toEqual([])
  })
})
