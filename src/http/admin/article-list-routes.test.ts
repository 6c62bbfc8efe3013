import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../content/articles/create-article.js'
import { addStaff, AdminClient } from '../../../test/support/staff.js'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const now = new Date(TEST_NOW)
const headlinesIn = (html: string) => [...html.matchAll(/<a href="\/admin\/articles\/[0-9a-f]{24}\/">([^<]+)<\/a>/g)].map((m) => m[1])

describe('the admin article lists', () => {
  it('show contributors only their own articles, and editors everyone’s, by view', async () => {
    const contributor = await addStaff(site.db, 'contributor', 'Cas Contributor')
    const editor = await addStaff(site.db, 'editor', 'Eda Editor')
    const own = await createArticle(site.db, contributor, { headline: 'Seal count', body: { format: 'markdown', source: 'x' } }, now)
    const others = await createArticle(site.db, editor, { headline: 'Ferry strike', body: { format: 'markdown', source: 'x' } }, now)
    expect(own.ok && others.ok).toBe(true)
    await addArticle(site.db, { headline: 'Harbour reopens' }) // imported-style, published, no owner

    const asContributor = new AdminClient(site.app)
    await asContributor.signIn(contributor.email)
    expect(headlinesIn(await (await asContributor.get('/admin/')).text())).toEqual(['Seal count'])
    expect(headlinesIn(await (await asContributor.get('/admin/?view=published')).text())).toEqual([])

    const asEditor = new AdminClient(site.app)
    await asEditor.signIn(editor.email)
    expect(headlinesIn(await (await asEditor.get('/admin/')).text()).sort()).toEqual(['Ferry strike', 'Harbour reopens', 'Seal count'])
    expect(headlinesIn(await (await asEditor.get('/admin/?view=published')).text())).toEqual(['Harbour reopens'])
    expect(headlinesIn(await (await asEditor.get('/admin/?view=drafts')).text()).sort()).toEqual(['Ferry strike', 'Seal count'])
  })

  it('finds by headline, taking % and _ literally', async () => {
    const editor = await addStaff(site.db, 'editor', 'Eda Editor')
    for (const headline of ['Rates up 5% on Monday', 'Rates up 50 on Monday', 'Snake_case in the council']) {
      expect((await createArticle(site.db, editor, { headline, body: { format: 'markdown', source: 'x' } }, now)).ok).toBe(true)
    }
    const client = new AdminClient(site.app)
    await client.signIn(editor.email)
    expect(headlinesIn(await (await client.get('/admin/?q=5%25')).text())).toEqual(['Rates up 5% on Monday'])
    expect(headlinesIn(await (await client.get('/admin/?q=e_c')).text())).toEqual(['Snake_case in the council'])
    expect(headlinesIn(await (await client.get('/admin/?q=rates')).text()).length).toBe(2)
  })
})
