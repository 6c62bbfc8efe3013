import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signedInClient } from '../../../test/support/staff.js'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { findArticleById } from '../../content/articles/article.repo.js'
import { EMBED_FRAME_ORIGINS } from '../../content/body/embed-providers.js'
import { storePicture } from '../../content/media/store-picture.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { writeSettings } from '../../content/settings/settings.repo.js'
import { ensureTag } from '../../content/tags/tag.repo.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const idFrom = (response: Response) => /\/admin\/articles\/([0-9a-f]{24})\//.exec(response.headers.get('Location') ?? '')?.[1] ?? ''
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>') + 7)
const article = { headline: 'Harbour reopens', dek: 'After two years of repairs.', bodyFormat: 'markdown', bodySource: 'The **quay** is open.' }

describe('creating an article', () => {
  it('makes a draft owned by the writer, with their byline, and opens it in the editor', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'contributor')
    const form = await client.get('/admin/articles/new')
    expect(form.status).toBe(200)
    const html = await form.text()
    expect(html).toContain('<label for="headline">Headline</label>')
    expect(html).toMatch(new RegExp(`<option value="${staff.personId}" selected="">`))
    const created = await client.post('/admin/articles/', { ...article, authorIds: staff.personId! })
    expect(created.status).toBe(303)
    const saved = await findArticleById(site.db, idFrom(created))
    expect(saved).toMatchObject({ headline: 'Harbour reopens', status: 'draft', workflow: { ownerId: staff.id }, authors: [{ id: staff.personId }] })
    const editor = await client.get(created.headers.get('Location')!)
    expect(await editor.text()).toContain('Draft created.')
  })

  it('names what is wrong and keeps what was typed (422)', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    await client.get('/admin/articles/new')
    const refused = await client.post('/admin/articles/', { ...article, headline: '  ', dek: 'Kept dek' })
    expect(refused.status).toBe(422)
    const html = await refused.text()
    expect(html).toContain('A headline is required.')
    expect(html).toContain('Kept dek')
    expect(await site.db.selectFrom('articles').select('id').execute()).toEqual([])
  })

  it('creates new tags only for those who manage the taxonomy; others pick existing ones', async () => {
    await ensureTag(site.db, { name: 'Harbour' }, now)
    const writer = await signedInClient(site.app, site.db, 'author')
    await writer.client.get('/admin/articles/new')
    const refused = await writer.client.post('/admin/articles/', { ...article, tags: 'harbour, Ferries' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('No tag is called “Ferries”')
    const ok = await writer.client.post('/admin/articles/', { ...article, tags: 'harbour' })
    expect((await findArticleById(site.db, idFrom(ok)))?.tags.map((t) => t.name)).toEqual(['Harbour'])

    const editor = await signedInClient(site.app, site.db, 'editor')
    await editor.client.get('/admin/articles/new')
    const created = await editor.client.post('/admin/articles/', { ...article, tags: 'Harbour, Ferries' })
    expect((await findArticleById(site.db, idFrom(created)))?.tags.map((t) => t.name)).toEqual(['Harbour', 'Ferries'])
  })

  it('leaves standing pages to editors', async () => {
    const writer = await signedInClient(site.app, site.db, 'author')
    expect((await writer.client.get('/admin/articles/new?kind=page')).status).toBe(403)
    expect((await writer.client.post('/admin/articles/', { ...article, kind: 'page' })).status).toBe(403)
    const editor = await signedInClient(site.app, site.db, 'editor')
    expect((await editor.client.get('/admin/articles/new?kind=page')).status).toBe(200)
    const created = await editor.client.post('/admin/articles/', { ...article, kind: 'page' })
    expect((await findArticleById(site.db, idFrom(created)))?.kind).toBe('page')
  })

  it('answers the editor script in JSON, for the first autosave of a new article', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    await client.get('/admin/articles/new')
    const response = await client.request('/admin/articles/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': client.formToken },
      body: JSON.stringify({ ...article, authorIds: [] }),
    })
    expect(response.status).toBe(201)
    const answer = await response.json() as { id: string; editUrl: string; message: string }
    expect(answer).toMatchObject({ editUrl: `/admin/articles/${answer.id}/`, message: 'Saved at 12:00' })
  })
})

describe('workflow from the editor', () => {
  it('asks once more before publishing a hero picture without alt text', async () => {
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('pier', { width: 400, height: 300 }), {}, now)
    const { client } = await signedInClient(site.app, site.db, 'author')
    await client.get('/admin/articles/new')
    const id = idFrom(await client.post('/admin/articles/', { ...article, heroPictureId: picture.id, heroAlt: '' }))
    await client.get(`/admin/articles/${id}/`)
    const asked = await client.post(`/admin/articles/${id}/publish`)
    expect(asked.status).toBe(422)
    const html = await asked.text()
    expect(html).toContain('The hero picture has no alt text. Publish anyway?')
    expect(html).toContain('name="confirmNoAlt"')
    expect((await findArticleById(site.db, id))?.status).toBe('draft')
    const published = await client.post(`/admin/articles/${id}/publish`, { confirmNoAlt: 'on' })
    expect(published.status).toBe(303)
    expect((await findArticleById(site.db, id))?.status).toBe('published')
  })

  it('schedules in the site’s time zone and says which', async () => {
    await writeSettings(site.db, { timeZone: 'Europe/Oslo' }, now)
    const { client } = await signedInClient(site.app, site.db, 'editor')
    await client.get('/admin/articles/new')
    const id = idFrom(await client.post('/admin/articles/', article))
    expect(await (await client.get(`/admin/articles/${id}/`)).text()).toContain('Time zone: Europe/Oslo.')
    const past = await client.post(`/admin/articles/${id}/schedule`, { publishAt: '2026-06-01T13:00' })
    expect(past.status).toBe(422)
    expect(await past.text()).toContain('The time to publish at has passed')
    expect((await client.post(`/admin/articles/${id}/schedule`, { publishAt: '2026-06-01T15:30' })).status).toBe(303)
    expect(await findArticleById(site.db, id)).toMatchObject({ status: 'scheduled', publishedAt: new Date('2026-06-01T13:30:00Z') })
    expect(await (await client.get(`/admin/articles/${id}/`)).text()).toContain('value="2026-06-01T15:30"')
  })

  it('wants a note to send an article back, and says when an action does not apply (409)', async () => {
    const writer = await signedInClient(site.app, site.db, 'contributor')
    await writer.client.get('/admin/articles/new')
    const id = idFrom(await writer.client.post('/admin/articles/', article))
    await writer.client.get(`/admin/articles/${id}/`)
    const { client } = await signedInClient(site.app, site.db, 'editor')
    await client.get(`/admin/articles/${id}/`)
    const early = await client.post(`/admin/articles/${id}/return`, { note: 'Too soon' })
    expect(early.status).toBe(409)
    expect(await early.text()).toContain('Only an article waiting for review can be sent back.')
    expect((await writer.client.post(`/admin/articles/${id}/submit`)).status).toBe(303)
    expect((await client.post(`/admin/articles/${id}/return`, { note: '' })).status).toBe(422)
    expect((await client.post(`/admin/articles/${id}/return`, { note: 'Please add the mayor’s reply.' })).status).toBe(303)
    const page = await (await writer.client.get(`/admin/articles/${id}/`)).text()
    expect(page).toContain('Sent back')
    expect(page).toContain('Please add the mayor’s reply.')
  })

  it('trashes to the list, restores to the editor, deletes for good from the trash', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    await client.get('/admin/articles/new')
    const id = idFrom(await client.post('/admin/articles/', article))
    expect((await client.post(`/admin/articles/${id}/trash`)).headers.get('Location')).toBe('/admin/?notice=trashed')
    expect(await (await client.get(`/admin/articles/${id}/`)).text()).toContain('This article is in the trash. Restore it to edit it.')
    expect((await client.post(`/admin/articles/${id}/restore`)).headers.get('Location')).toBe(`/admin/articles/${id}/?notice=restored`)
    await client.post(`/admin/articles/${id}/trash`)
    expect((await client.post(`/admin/articles/${id}/delete`)).headers.get('Location')).toBe('/admin/?view=trash&notice=deleted')
    expect(await findArticleById(site.db, id)).toBeUndefined()
    expect((await client.get(`/admin/articles/${id}/`)).status).toBe(404)
  })
})

describe('choosing the hero picture', () => {
  it('goes to the media library’s picker and back, with the library’s alt text filled in, saving nothing yet', async () => {
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('quay', { width: 400, height: 300 }), { alt: 'The quay at dawn' }, now)
    const { client } = await signedInClient(site.app, site.db, 'author')
    await client.get('/admin/articles/new')
    const id = idFrom(await client.post('/admin/articles/', article))
    const editor = await (await client.get(`/admin/articles/${id}/`)).text()
    const picker = /href="(\/admin\/media\/picker\?return=[^"]+)"/.exec(editor)?.[1]?.replace(/&amp;/g, '&')
    expect(picker).toBe(`/admin/media/picker?return=%2Fadmin%2Farticles%2F${id}%2F`)
    const choices = await (await client.get(picker!)).text()
    expect(choices).toContain(`href="/admin/articles/${id}/?heroPictureId=${picture.id}"`)
    const back = await (await client.get(`/admin/articles/${id}/?heroPictureId=${picture.id}`)).text()
    expect(back).toContain(`name="heroPictureId" aria-describedby="heroPictureId-hint" type="text" value="${picture.id}"`)
    expect(back).toContain('>The quay at dawn</textarea>')
    expect(back).toContain('class="hero-preview"')
    expect((await findArticleById(site.db, id))?.hero).toBeNull()
  })
})

describe('preview', () => {
  it('is the public page, for a draft too, never cached or indexed', async () => {
    const section = await ensureSection(site.db, { name: 'Coast' }, now)
    const { client } = await signedInClient(site.app, site.db, 'author')
    await client.get('/admin/articles/new')
    const id = idFrom(await client.post('/admin/articles/', { ...article, sectionId: section.id }))
    const draft = await client.get(`/admin/articles/${id}/preview`)
    expect(draft.status).toBe(200)
    expect(draft.headers.get('Cache-Control')).toBe('private, no-store')
    expect(draft.headers.get('X-Robots-Tag')).toContain('noindex')
    expect(await draft.text()).toContain('<strong>quay</strong>')
    expect((await site.app.request('http://news.test/harbour-reopens/')).status).toBe(404)

    await client.get(`/admin/articles/${id}/`)
    await client.post(`/admin/articles/${id}/publish`)
    const preview = await (await client.get(`/admin/articles/${id}/preview`)).text()
    const publicPage = await (await site.app.request('http://news.test/harbour-reopens/')).text()
    expect(mainOf(preview)).toContain('Harbour reopens')
    expect(mainOf(preview)).toBe(mainOf(publicPage))
  })

  it('allows the public page’s inline style by its hash and nothing else inline', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    await client.get('/admin/articles/new')
    const id = idFrom(await client.post('/admin/articles/', article))
    const csp = (await client.get(`/admin/articles/${id}/preview`)).headers.get('Content-Security-Policy') ?? ''
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
    expect(csp).toContain("script-src 'self';")
    expect((await client.get(`/admin/articles/${id}/`)).headers.get('Content-Security-Policy')).toContain("style-src 'self';")
  })

  it('lets the preview show embeds as the public page does, and no other page of the admin frame anything', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    await client.get('/admin/articles/new')
    const id = idFrom(await client.post('/admin/articles/', article))
    const frameSrc = (csp: string | null) => (csp ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('frame-src'))
    expect(frameSrc((await client.get(`/admin/articles/${id}/preview`)).headers.get('Content-Security-Policy'))).toBe(`frame-src ${EMBED_FRAME_ORIGINS.join(' ')}`)
    // The editor itself names no frame-src: default-src 'self' applies, and it shows embeds as boxes.
    expect(frameSrc((await client.get(`/admin/articles/${id}/`)).headers.get('Content-Security-Policy'))).toBeUndefined()
  })
})
