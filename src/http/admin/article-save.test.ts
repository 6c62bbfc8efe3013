import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AdminClient, addStaff, signedInClient } from '../../../test/support/staff.js'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { findArticleById } from '../../content/articles/article.repo.js'
import { changeWorkflow } from '../../content/articles/change-workflow.js'
import { createArticle } from '../../content/articles/create-article.js'
import { storePicture } from '../../content/media/store-picture.js'
import { listRevisions } from '../../content/revisions/revision.repo.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import type { StaffMember } from '../../staff/staff-member.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const doc = (...paragraphs: string[]) => JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) })

/** The editor's form for an article, as the page holds it, with changes. */
async function formFor(id: string, changes: Record<string, string> = {}): Promise<Record<string, string>> {
  const article = (await findArticleById(site.db, id))!
  return {
    headline: article.headline, dek: article.dek, slug: article.slug, sectionId: '', tags: '', heroPictureId: '', heroAlt: '', heroCaption: '', heroCredit: '',
    authorIds: article.authors[0]?.id ?? '', bodyFormat: article.body.format, bodySource: article.body.source, baseVersion: String(article.version), ...changes,
  }
}

async function draftBy(staff: StaffMember, headline = 'Harbour reopens') {
  const created = await createArticle(site.db, staff, { headline, body: { format: 'doc', source: doc('The quay is open.') } }, now)
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  return created.value
}

const json = (client: AdminClient, path: string, body: unknown) => client.request(path, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': client.formToken },
  body: JSON.stringify(body),
})

describe('saving in the editor', () => {
  it('saves the form, keeps a revision, and lets a draft’s slug follow its headline', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'author')
    const draft = await draftBy(staff)
    await client.get(`/admin/articles/${draft.id}/`)
    const saved = await client.post(`/admin/articles/${draft.id}/`, await formFor(draft.id, { headline: 'Harbour reopens at last', bodySource: doc('Open again.') }))
    expect(saved.status).toBe(303)
    expect(saved.headers.get('Location')).toBe(`/admin/articles/${draft.id}/?notice=saved`)
    const article = await findArticleById(site.db, draft.id)
    expect(article).toMatchObject({ headline: 'Harbour reopens at last', slug: 'harbour-reopens-at-last', version: 2, status: 'draft' })
    expect(article?.body.html).toBe('<p>Open again.</p>')
    expect((await listRevisions(site.db, draft.id)).map((r) => [r.version, r.savedBy])).toEqual([[2, staff.id], [1, staff.id]])
  })

  it('gives the second of two editors a clear conflict (409), keeps their text, and overwrites nothing', async () => {
    const first = await signedInClient(site.app, site.db, 'editor', 'Mara Lind')
    const second = await signedInClient(site.app, site.db, 'editor', 'Tor Berg')
    const draft = await draftBy(first.staff)
    await first.client.get(`/admin/articles/${draft.id}/`)
    await second.client.get(`/admin/articles/${draft.id}/`)
    const secondForm = await formFor(draft.id, { bodySource: doc('Tor’s paragraph.') })
    site.clock.advance(5 * 60_000)
    expect((await first.client.post(`/admin/articles/${draft.id}/`, await formFor(draft.id, { bodySource: doc('Mara’s paragraph.') }))).status).toBe(303)

    const conflict = await second.client.post(`/admin/articles/${draft.id}/`, secondForm)
    expect(conflict.status).toBe(409)
    const html = await conflict.text()
    expect(html).toContain('Mara Lind saved this article at 12:05 while you were editing; your text is kept below.')
    expect(html).toContain('Tor’s paragraph.')
    expect(html).toContain('name="baseVersion" value="2"')
    expect((await findArticleById(site.db, draft.id))?.body.html).toBe('<p>Mara’s paragraph.</p>')

    // Having read the message, saving again is a deliberate replace.
    expect((await second.client.post(`/admin/articles/${draft.id}/`, { ...secondForm, baseVersion: '2' })).status).toBe(303)
    expect((await findArticleById(site.db, draft.id))?.body.html).toBe('<p>Tor’s paragraph.</p>')
  })

  it('autosaves drafts only, answering the script in JSON', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'author')
    const draft = await draftBy(staff)
    await client.get(`/admin/articles/${draft.id}/`)
    const saved = await json(client, `/admin/articles/${draft.id}/autosave`, { ...(await formFor(draft.id, { bodySource: doc('Typed so far') })), authorIds: [staff.personId] })
    expect(saved.status).toBe(200)
    expect(await saved.json()).toMatchObject({ version: 2, message: 'Saved at 12:00' })

    const stale = await json(client, `/admin/articles/${draft.id}/autosave`, await formFor(draft.id, { baseVersion: '1' }))
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({ conflict: true, currentVersion: 2, error: expect.stringContaining('You (in another window) saved this article at 12:00') })

    await changeWorkflow(site.db, staff, draft.id, { action: 'publish', confirmNoAlt: false }, now)
    const before = await findArticleById(site.db, draft.id)
    const refused = await json(client, `/admin/articles/${draft.id}/autosave`, await formFor(draft.id, { bodySource: doc('Not for readers yet') }))
    expect(refused.status).toBe(409)
    expect((await refused.json() as { error: string }).error).toContain('save it with Update')
    expect(await findArticleById(site.db, draft.id)).toEqual(before)
  })

  it('publishes what is on the screen, and a refused publish saves nothing either', async () => {
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('pier', { width: 400, height: 300 }), {}, now)
    const { client, staff } = await signedInClient(site.app, site.db, 'author')
    const draft = await draftBy(staff)
    await client.get(`/admin/articles/${draft.id}/`)
    const form = await formFor(draft.id, { headline: 'Pier reopens', heroPictureId: picture.id, heroAlt: '' })
    const asked = await client.post(`/admin/articles/${draft.id}/publish`, form)
    expect(asked.status).toBe(422)
    expect(await asked.text()).toContain('value="Pier reopens"')
    expect(await findArticleById(site.db, draft.id)).toMatchObject({ headline: 'Harbour reopens', version: 1, status: 'draft' })

    expect((await client.post(`/admin/articles/${draft.id}/publish`, { ...form, heroAlt: 'The pier at low tide' })).status).toBe(303)
    expect(await findArticleById(site.db, draft.id)).toMatchObject({ headline: 'Pier reopens', slug: 'pier-reopens', status: 'published', hero: { alt: 'The pier at low tide' } })
  })

  it('sends readers from a published article’s old slug to its new one', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'editor')
    const draft = await draftBy(staff)
    await changeWorkflow(site.db, staff, draft.id, { action: 'publish', confirmNoAlt: false }, now)
    await client.get(`/admin/articles/${draft.id}/`)
    // A published article's slug no longer follows the headline.
    await client.post(`/admin/articles/${draft.id}/`, await formFor(draft.id, { headline: 'Harbour reopens, with a new quay' }))
    expect((await findArticleById(site.db, draft.id))?.slug).toBe('harbour-reopens')
    await client.post(`/admin/articles/${draft.id}/`, await formFor(draft.id, { slug: 'new-quay-opens' }))
    const old = await site.app.request('http://news.test/harbour-reopens/')
    expect(old.status).toBe(301)
    expect(old.headers.get('Location')).toBe('/new-quay-opens/')
    expect((await site.app.request('http://news.test/new-quay-opens/')).status).toBe(200)
  })

  it('shows a contributor their published article read-only, and refuses their save (403, nothing changed)', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'contributor')
    const editor = await addStaff(site.db, 'editor')
    const draft = await draftBy(staff)
    await changeWorkflow(site.db, editor, draft.id, { action: 'publish', confirmNoAlt: false }, now)
    const page = await (await client.get(`/admin/articles/${draft.id}/`)).text()
    expect(page).toContain('only editors can change it now')
    expect(page).toMatch(/<fieldset class="editor-main" disabled/)
    const before = await findArticleById(site.db, draft.id)
    expect((await client.post(`/admin/articles/${draft.id}/`, await formFor(draft.id, { headline: 'Changed' }))).status).toBe(403)
    expect((await json(client, `/admin/articles/${draft.id}/autosave`, await formFor(draft.id))).status).toBe(403)
    expect(await findArticleById(site.db, draft.id)).toEqual(before)
  })

  it('opens an old Markdown article in the rich editor when nothing would be lost, and in its own format otherwise', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'editor')
    const simple = await createArticle(site.db, staff, { headline: 'Plain', body: { format: 'markdown', source: 'Some *Markdown*.' } }, now)
    const table = await createArticle(site.db, staff, { headline: 'Table', body: { format: 'markdown', source: '| a |\n|---|\n| 1 |' } }, now)
    const simplePage = await (await client.get(`/admin/articles/${simple.ok ? simple.value.id : ''}/`)).text()
    expect(simplePage).toContain('<div class="body-field" data-body-editor=""')
    expect(simplePage).toContain('name="bodyFormat" value="doc"')
    expect(simplePage).toContain('&quot;type&quot;:&quot;italic&quot;')
    const tablePage = await (await client.get(`/admin/articles/${table.ok ? table.value.id : ''}/`)).text()
    expect(tablePage).toContain('name="bodyFormat" value="markdown"')
    expect(tablePage).toContain('cannot show (such as a table or code)')
  })
})
