import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findPublicArticleBySlug } from '../../content/articles/article.repo.js'
import { ensureSection, findSectionBySlug, listSections } from '../../content/sections/section.repo.js'
import { ensureTag, findTagBySlug } from '../../content/tags/tag.repo.js'
import { ROLES } from '../../staff/roles.js'
import { signedInClient } from '../../../test/support/staff.js'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'

const now = new Date(TEST_NOW)
let site: Awaited<ReturnType<typeof createTestSite>>
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const term = (name: string, slug = '', description = '') => ({ name, slug, description })

describe('who may manage sections and tags', () => {
  for (const role of ROLES) {
    const allowed = role === 'editor' || role === 'administrator'
    it(`${role}: ${allowed ? 'every action' : '403 for every action'}`, async () => {
      const { client } = await signedInClient(site.app, site.db, role)
      const world = await ensureSection(site.db, { name: 'World' }, now)
      const sport = await ensureSection(site.db, { name: 'Sport' }, now)
      const harbour = await ensureTag(site.db, { name: 'Harbour' }, now)
      const ok = (status: number) => expect(status).toBe(allowed ? 303 : 403)

      expect((await client.get('/admin/taxonomy/')).status).toBe(allowed ? 200 : 403)
      expect((await client.get(`/admin/taxonomy/sections/${world.id}`)).status).toBe(allowed ? 200 : 403)
      expect((await client.get(`/admin/taxonomy/tags/${harbour.id}/delete`)).status).toBe(allowed ? 200 : 403)
      await client.get('/admin/')
      ok((await client.post('/admin/taxonomy/sections', term('Culture'))).status)
      ok((await client.post('/admin/taxonomy/tags', term('Ferries'))).status)
      ok((await client.post(`/admin/taxonomy/sections/${world.id}`, term('International', 'international'))).status)
      ok((await client.post(`/admin/taxonomy/tags/${harbour.id}`, term('Harbours', 'harbours'))).status)
      ok((await client.post(`/admin/taxonomy/sections/${sport.id}/move`, { direction: 'up' })).status)
      ok((await client.post(`/admin/taxonomy/sections/${sport.id}/delete`)).status)
      ok((await client.post(`/admin/taxonomy/tags/${harbour.id}/delete`)).status)

      expect((await listSections(site.db)).map((s) => s.name)).toEqual(allowed ? ['International', 'Culture'] : ['World', 'Sport'])
      expect(await findTagBySlug(site.db, 'ferries') !== undefined).toBe(allowed)
      expect(await findTagBySlug(site.db, 'harbour') !== undefined).toBe(!allowed)
      expect((await (await client.get('/admin/')).text()).includes('href="/admin/taxonomy/"')).toBe(allowed)
    })
  }

  it('refuses every form without the CSRF token (403), changing nothing', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    const world = await ensureSection(site.db, { name: 'World' }, now)
    const harbour = await ensureTag(site.db, { name: 'Harbour' }, now)
    await client.get('/admin/taxonomy/')
    const none = { _csrf: null }
    for (const [path, fields] of [
      ['/admin/taxonomy/sections', term('Culture')],
      ['/admin/taxonomy/tags', term('Ferries')],
      [`/admin/taxonomy/sections/${world.id}`, term('Globe')],
      [`/admin/taxonomy/tags/${harbour.id}`, term('Port')],
      [`/admin/taxonomy/sections/${world.id}/move`, { direction: 'down' }],
      [`/admin/taxonomy/sections/${world.id}/delete`, {}],
      [`/admin/taxonomy/tags/${harbour.id}/delete`, {}],
    ] as const) {
      expect((await client.post(path, { ...none, ...fields })).status, path).toBe(403)
    }
    expect((await listSections(site.db)).map((s) => s.name)).toEqual(['World'])
    expect((await findTagBySlug(site.db, 'harbour'))?.name).toBe('Harbour')
  })
})

describe('forms', () => {
  it('name the field of each problem (422) and keep what was typed', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    await ensureSection(site.db, { name: 'World' }, now)
    await client.get('/admin/taxonomy/')
    const taken = await client.post('/admin/taxonomy/sections', term('Globe', 'world'))
    expect(taken.status).toBe(422)
    const html = await taken.text()
    expect(html).toContain('Slug: “world” is already the section “World”')
    expect(html).toMatch(/<input id="slug" name="slug" type="text" value="world"[^>]*aria-invalid="true"/)
    expect(html).toMatch(/<details class="panel narrow" open="">/)

    const bad = await client.post('/admin/taxonomy/tags', term('', 'Bad Slug!'))
    const text = await bad.text()
    expect(bad.status).toBe(422)
    expect(text).toContain('Name: a name is required')
    expect(text).toContain('Slug: “Bad Slug!” must be lowercase letters, digits and single hyphens')

    const world = (await findSectionBySlug(site.db, 'world'))!
    const edit = await client.post(`/admin/taxonomy/sections/${world.id}`, term('World', 'WORLD NEWS'))
    expect(edit.status).toBe(422)
    expect(await edit.text()).toContain('Slug: “WORLD NEWS” must be')
  })

  it('answers 404 for a section or tag that does not exist', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    await client.get('/admin/taxonomy/')
    expect((await client.post('/admin/taxonomy/sections/nope', term('X'))).status).toBe(404)
    expect((await client.post('/admin/taxonomy/tags/nope/delete')).status).toBe(404)
    expect((await client.post('/admin/taxonomy/people/nope', term('X'))).status).toBe(404)
  })
})

describe('deleting', () => {
  it('asks first, then keeps the articles: without the section, without the tag', async () => {
    const { client } = await signedInClient(site.app, site.db, 'editor')
    const world = await ensureSection(site.db, { name: 'World' }, now)
    const harbour = await ensureTag(site.db, { name: 'Harbour' }, now)
    await addArticle(site.db, { headline: 'Ferry strike ends', sectionId: world.id, tagIds: [harbour.id] })
    const ask = await (await client.get(`/admin/taxonomy/sections/${world.id}/delete`)).text()
    expect(ask).toContain('Its 1 article keep existing, with no section.')
    expect(ask).toContain(`action="/admin/taxonomy/sections/${world.id}/delete"`)
    expect((await client.post(`/admin/taxonomy/sections/${world.id}/delete`)).headers.get('Location')).toBe('/admin/taxonomy/?notice=deleted#sections')
    await client.get(`/admin/taxonomy/tags/${harbour.id}/delete`)
    await client.post(`/admin/taxonomy/tags/${harbour.id}/delete`)

    const article = await findPublicArticleBySlug(site.db, 'ferry-strike-ends', now)
    expect(article).toMatchObject({ section: null, tags: [] })
    expect((await site.app.request('/ferry-strike-ends/')).status).toBe(200)
    expect((await site.app.request('/section/world/')).status).toBe(404)
  })
})

describe('changing a slug', () => {
  it('moves the public page and redirects the old address, its pages and feeds', async () => {
    const { client } = await signedInClient(site.app, site.db, 'administrator')
    const world = await ensureSection(site.db, { name: 'World' }, now)
    const harbour = await ensureTag(site.db, { name: 'Harbour' }, now)
    for (let i = 0; i < 13; i++) await addArticle(site.db, { headline: `Story ${i}`, sectionId: world.id, tagIds: [harbour.id] })
    await client.get(`/admin/taxonomy/sections/${world.id}`)
    await client.post(`/admin/taxonomy/sections/${world.id}`, term('International', 'international', 'From abroad.'))
    await client.post(`/admin/taxonomy/tags/${harbour.id}`, term('Port', 'port'))

    const redirect = async (from: string) => {
      const res = await site.app.request(from)
      return `${res.status} ${res.headers.get('Location')}`
    }
    expect(await redirect('/section/world/')).toBe('301 /section/international/')
    expect(await redirect('/section/world/page/2/')).toBe('301 /section/international/page/2/')
    expect(await redirect('/section/world/rss/')).toBe('301 /section/international/rss/')
    expect(await redirect('/tag/harbour/feed.json')).toBe('301 /tag/port/feed.json')
    const page = await (await site.app.request('/section/international/')).text()
    expect(page).toContain('International')
    expect(page).toContain('From abroad.')
    expect((await site.app.request('/section/nowhere/')).status).toBe(404)
  })
})
