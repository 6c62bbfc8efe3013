import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { storePicture } from '../../content/media/store-picture.js'
import { signedInClient } from '../../../test/support/staff.js'
import { testPicture } from '../../../test/support/pictures.js'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { refusalFor } from './media-picture-routes.js'

let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const add = async (alt: string, originalName: string, details: { uploadedBy?: string; createdAt?: string; caption?: string } = {}) =>
  (await storePicture(site.db, site.files, await testPicture('png', 600, 400), { alt, originalName, ...details },
    new Date(details.createdAt ?? TEST_NOW))).picture

const idsOnPage = (html: string) => [...html.matchAll(/data-picture-id="([0-9a-f]+)"/g)].map((m) => m[1])

describe('GET /admin/media/', () => {
  it('shows the pictures newest first with alt text, file name, size, uploader and time, and finds them by alt text or file name', async () => {
    const { client, staff } = await signedInClient(site.app, site.db, 'author', 'Mara Lind')
    const gulls = await add('Gulls over the quay', 'IMG_0001.png', { uploadedBy: staff.id, createdAt: '2026-05-01T08:00:00.000Z' })
    const ferry = await add('The morning ferry', 'ferry.png', { uploadedBy: staff.id })
    const page = await (await client.get('/admin/media/')).text()
    expect(idsOnPage(page)).toEqual([ferry.id, gulls.id])
    expect(page).toContain('Gulls over the quay')
    expect(page).toContain('IMG_0001.png')
    expect(page).toContain('600 × 400')
    expect(page).toContain('Mara Lind')
    expect(page).toContain('1 May 2026, 08:00 UTC')
    expect(page).toContain(`/media/pictures/${gulls.id}/400.webp`)
    expect(page).toContain('2 pictures.')

    expect(idsOnPage(await (await client.get('/admin/media/?q=gulls')).text())).toEqual([gulls.id])
    expect(idsOnPage(await (await client.get('/admin/media/?q=FERRY.png')).text())).toEqual([ferry.id])
    const none = await (await client.get('/admin/media/?q=nothing+like+it')).text()
    expect(idsOnPage(none)).toEqual([])
    expect(none).toContain('No pictures match.')
  })

  it('pages 24 at a time', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    for (let i = 0; i < 25; i++) await add(`Picture ${i}`, `p${i}.png`, { createdAt: new Date(Date.parse(TEST_NOW) - i * 60_000).toISOString() })
    const first = await (await client.get('/admin/media/')).text()
    expect(idsOnPage(first)).toHaveLength(24)
    expect(first).toContain('href="/admin/media/?page=2"')
    const second = await (await client.get('/admin/media/?page=2')).text()
    expect(idsOnPage(second)).toHaveLength(1)
    expect(second).toContain('Picture 24')
    expect((await client.get('/admin/media/?page=nonsense')).status).toBe(200)
  })
})

describe('a picture\'s page', () => {
  it('lets the uploader and editors change the default texts, nobody else', async () => {
    const owner = await signedInClient(site.app, site.db, 'contributor', 'Owner Person')
    const picture = await add('', 'quay.png', { uploadedBy: owner.staff.id })
    const page = await (await owner.client.get(`/admin/media/${picture.id}/`)).text()
    expect(page).toContain(`<code>${picture.id}</code>`)
    expect(page).toContain('Nowhere yet.')
    expect(page).not.toContain('Delete this picture')

    const saved = await owner.client.post(`/admin/media/${picture.id}/`, { alt: ' Boats at the quay ', caption: 'Morning', credit: 'Photo: Owner' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('Location')).toBe(`/admin/media/${picture.id}/?notice=saved`)
    expect(await site.db.selectFrom('media').select(['alt', 'caption', 'credit']).where('id', '=', picture.id).executeTakeFirst())
      .toEqual({ alt: 'Boats at the quay', caption: 'Morning', credit: 'Photo: Owner' })

    const tooLong = await owner.client.post(`/admin/media/${picture.id}/`, { alt: 'x'.repeat(1001) })
    expect(tooLong.status).toBe(422)
    expect(await tooLong.text()).toContain('The alt text is longer than 1000 characters.')

    const other = await signedInClient(site.app, site.db, 'author', 'Other Person')
    await other.client.get(`/admin/media/${picture.id}/`)
    expect((await other.client.post(`/admin/media/${picture.id}/`, { alt: 'Mine now' })).status).toBe(403)
    const editor = await signedInClient(site.app, site.db, 'editor')
    await editor.client.get(`/admin/media/${picture.id}/`)
    expect((await editor.client.post(`/admin/media/${picture.id}/`, { alt: 'Edited by the desk' })).status).toBe(303)
    expect((await owner.client.get('/admin/media/nope/')).status).toBe(404)
  })
})

describe('deleting a picture', () => {
  it('is for editors and administrators: a contributor can upload but gets 403 on delete', async () => {
    const { client } = await signedInClient(site.app, site.db, 'contributor')
    const picture = await add('mine', 'mine.png')
    await client.get(`/admin/media/${picture.id}/`)
    expect((await client.post(`/admin/media/${picture.id}/delete`)).status).toBe(403)
    const json = await client.request(`/admin/media/${picture.id}/delete`, { method: 'POST', headers: { 'X-CSRF-Token': client.formToken } })
    expect(json.status).toBe(403)
    expect(await json.json()).toEqual({ error: 'Only editors and administrators delete pictures.' })
    expect(site.files.keys().filter((k) => k.includes(picture.id)).length).toBeGreaterThan(0)
  })

  it('is refused, naming the articles, while the picture is a hero or in an article\'s text', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    const hero = await add('hero', 'hero.png')
    const inline = await add('inline', 'inline.png')
    await addArticle(site.db, { headline: 'Ferry strike ends', hero: { pictureId: hero.id, alt: 'x' } })
    await addArticle(site.db, { headline: 'Quay diary', status: 'draft', body: { format: 'markdown', source: `![A crane](/media/${inline.variants[0]!.key})` } })
    await client.get(`/admin/media/${hero.id}/`)

    const refused = await client.post(`/admin/media/${hero.id}/delete`)
    expect(refused.status).toBe(409)
    const page = await refused.text()
    expect(page).toContain('This picture cannot be deleted: it is the hero picture of “Ferry strike ends”. Take it out of there first.')
    expect(page).toMatch(/Hero picture of <a href="\/admin\/articles\/\w+\/">Ferry strike ends<\/a>/)

    const json = await client.request(`/admin/media/${inline.id}/delete`, { method: 'POST', headers: { 'X-CSRF-Token': client.formToken, Accept: 'application/json' } })
    expect(json.status).toBe(409)
    expect(await json.json()).toMatchObject({ error: 'This picture cannot be deleted: it is in the text of “Quay diary”. Take it out of there first.', uses: [{ kind: 'inline', headline: 'Quay diary' }] })
    expect(await site.db.selectFrom('media').select('id').execute()).toHaveLength(2)
  })

  it('removes the picture and all its files once nothing uses it', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    const picture = await add('unused', 'unused.png')
    const keys = site.files.keys().filter((k) => k.startsWith(`pictures/${picture.id}/`))
    expect(keys.length).toBe(1 + picture.variants.length)
    await client.get(`/admin/media/${picture.id}/`)
    const deleted = await client.post(`/admin/media/${picture.id}/delete`)
    expect(deleted.status).toBe(303)
    expect(deleted.headers.get('Location')).toBe('/admin/media/?notice=deleted')
    expect(site.files.keys().filter((k) => k.startsWith(`pictures/${picture.id}/`))).toEqual([])
    expect((await site.app.request(`/media/${picture.key}`)).status).toBe(404)
    expect(await (await client.get('/admin/media/?notice=deleted')).text()).toContain('The picture was deleted.')
  })

  it('says every place that holds the picture', () => {
    expect(refusalFor([
      { kind: 'hero', articleId: 'a', headline: 'One', trashed: false },
      { kind: 'inline', articleId: 'b', headline: 'Two', trashed: true },
      { kind: 'logo' },
    ])).toBe('This picture cannot be deleted: it is the hero picture of “One”; in the text of “Two” (in the trash); and the site’s logo. Take it out of those first.')
  })
})

describe('GET /admin/media/picker', () => {
  it('lists pictures as JSON for a dialog, searchable and paged', async () => {
    const { client } = await signedInClient(site.app, site.db, 'contributor')
    const picture = await add('Gulls', 'gulls.png', { caption: 'Over the quay' })
    await add('Ferry', 'ferry.png', { createdAt: '2026-05-01T00:00:00.000Z' })
    const res = await client.request('/admin/media/picker?q=gull', { headers: { Accept: 'application/json' } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      items: [{
        id: picture.id, url: `/media/${picture.key}`, thumbUrl: `/media/pictures/${picture.id}/400.webp`, width: 600, height: 400,
        alt: 'Gulls', caption: 'Over the quay', credit: '', originalName: 'gulls.png', createdAt: TEST_NOW,
      }],
      q: 'gull', page: 1, pages: 1, total: 1,
    })
    const all = await (await client.get('/admin/media/picker?format=json')).json() as { items: { alt: string }[] }
    expect(all.items.map((i) => i.alt)).toEqual(['Gulls', 'Ferry'])
  })

  it('works without a script: "Use as hero" links back to the editor with heroPictureId, only to admin pages', async () => {
    const { client } = await signedInClient(site.app, site.db, 'author')
    const picture = await add('Gulls', 'gulls.png')
    const page = await (await client.get('/admin/media/picker?return=%2Fadmin%2Farticles%2Fabc%2F')).text()
    expect(page).toContain(`href="/admin/articles/abc/?heroPictureId=${picture.id}"`)
    expect(page).toContain('Use as hero')
    const elsewhere = await (await client.get('/admin/media/picker?return=https%3A%2F%2Fevil.example%2F')).text()
    expect(elsewhere).not.toContain('evil.example')
    expect(elsewhere).not.toContain('Use as hero')
    expect(elsewhere).toContain(`<code>${picture.id}</code>`)
  })
})
