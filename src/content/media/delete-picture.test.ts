import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { testPicture } from '../../../test/support/pictures.js'
import { deletePicture } from './delete-picture.js'
import { findPictureUses, listLibrary } from './media.repo.js'
import { ensureRemotePicture } from './remote-picture.js'
import { storePicture } from './store-picture.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(() => site.close())

const store = async (alt: string, originalName = '', at = now) =>
  (await storePicture(site.db, site.files, await testPicture('png', 500, 300), { alt, originalName }, at)).picture

describe('the media library', () => {
  it('lists newest first and finds pictures by alt text, caption, credit or file name', async () => {
    const older = await store('Gulls over the quay', 'IMG_0001.png', new Date('2026-05-01T00:00:00.000Z'))
    const newer = await store('The ferry at 50%', 'ferry_final.png')
    const ids = async (text: string) => (await listLibrary(site.db, { text, page: 1, perPage: 10 })).items.map((i) => i.picture.id)
    expect(await ids('')).toEqual([newer.id, older.id])
    expect(await ids('GULLS')).toEqual([older.id])
    expect(await ids('img_0001')).toEqual([older.id])
    expect(await ids('50%')).toEqual([newer.id])
    expect(await ids('_final')).toEqual([newer.id])
    expect(await ids('%')).toEqual([newer.id])
    const page2 = await listLibrary(site.db, { page: 2, perPage: 1 })
    expect(page2).toMatchObject({ total: 2, pages: 2, page: 2 })
    expect(page2.items.map((i) => i.picture.id)).toEqual([older.id])
  })

  it('knows where a picture is used: as a hero, in a body (by its address), and as the logo', async () => {
    const hero = await store('hero')
    const inline = await store('inline')
    const unused = await store('unused')
    const a = await addArticle(site.db, { headline: 'With a hero', hero: { pictureId: hero.id, alt: 'x' } })
    const b = await addArticle(site.db, {
      headline: 'With a picture inside', status: 'draft',
      body: { format: 'html', source: `<p>Look:</p><img src="/media/${inline.variants[0]!.key}" alt="">` },
    })
    expect(await findPictureUses(site.db, hero)).toEqual([{ kind: 'hero', articleId: a.id, headline: 'With a hero', trashed: false }])
    expect(await findPictureUses(site.db, inline)).toEqual([{ kind: 'inline', articleId: b.id, headline: 'With a picture inside', trashed: false }])
    expect(await findPictureUses(site.db, unused)).toEqual([])
    await site.db.insertInto('settings').values({ key: 'logo_id', value: unused.id }).execute()
    expect(await findPictureUses(site.db, unused)).toEqual([{ kind: 'logo' }])

    const remote = await ensureRemotePicture(site.db, { url: 'https://old.example/a_b.jpg', alt: '' }, now)
    await addArticle(site.db, { headline: 'Archive', body: { format: 'markdown', source: '![](https://old.example/a_b.jpg)' } })
    expect((await findPictureUses(site.db, remote)).map((u) => u.kind)).toEqual(['inline'])
  })

  it('deletes an unused picture and all its files, and refuses one in use', async () => {
    const used = await store('used')
    const unused = await store('unused')
    await addArticle(site.db, { headline: 'Hero', hero: { pictureId: used.id } })
    const keysOf = (id: string) => site.files.keys().filter((k) => k.startsWith(`pictures/${id}/`))
    expect(keysOf(unused.id)).toHaveLength(1 + unused.variants.length)

    const refused = await deletePicture(site.db, site.files, used.id, site.clock.now())
    expect(refused).toMatchObject({ ok: false, error: { type: 'in-use', uses: [{ kind: 'hero', headline: 'Hero' }] } })
    expect(keysOf(used.id).length).toBeGreaterThan(0)

    expect(await deletePicture(site.db, site.files, unused.id, site.clock.now())).toEqual({ ok: true, value: { deletedFiles: 1 + unused.variants.length } })
    expect(keysOf(unused.id)).toEqual([])
    expect(await site.db.selectFrom('media').select('id').where('id', '=', unused.id).executeTakeFirst()).toBeUndefined()
    expect(await deletePicture(site.db, site.files, unused.id, site.clock.now())).toEqual({ ok: false, error: { type: 'not-found' } })
  })
})
