import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hasXmllint } from '../../../test/support/requirements.js'
import { addArticle, createTestSite, TEST_NOW, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { validateXml } from '../../../test/support/xmllint.js'
import { storePicture } from '../../content/media/store-picture.js'
import { ensurePerson } from '../../content/people/person.repo.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { writeSettings } from '../../content/settings/settings.repo.js'
import { ensureTag } from '../../content/tags/tag.repo.js'
import { newId } from '../../core/ids.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import { SITEMAP_MAX_URLS } from './sitemap-routes.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const fetchXml = async (path: string) => {
  const res = await site.app.request(path)
  return { status: res.status, type: res.headers.get('content-type'), xml: await res.text() }
}
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])
const urlBlocks = (xml: string) => [...xml.matchAll(/<url>(.*?)<\/url>/gs)].map((m) => m[1]!)

describe.runIf(hasXmllint())('sitemaps', () => {
  async function newsroom() {
    const { db, files } = site
    await writeSettings(db, { title: 'Gazette & Herald', description: '', language: 'en' })
    const city = await ensureSection(db, { name: 'City' }, now)
    await ensureSection(db, { name: 'Empty section' }, now)
    const tag = await ensureTag(db, { name: 'Harbour' }, now)
    const person = await ensurePerson(db, { name: 'Ana Reyes' }, now)
    const { picture } = await storePicture(db, files, await placeholderPicture('s', { width: 300, height: 200 }), {}, now)
    const fresh = await addArticle(db, {
      headline: 'Fresh <news> & "quotes"', language: 'en-GB', sectionId: city.id, tagIds: [tag.id], authorIds: [person.id],
      hero: { pictureId: picture.id }, publishedAt: hoursAgo(2),
    }, hoursAgo(1))
    const old = await addArticle(db, { headline: 'Old news', sectionId: city.id, publishedAt: hoursAgo(24 * 5) }, hoursAgo(24 * 5))
    await addArticle(db, { headline: 'Secret draft', status: 'draft' })
    await addArticle(db, { headline: 'Not yet', status: 'scheduled', publishedAt: new Date(now.getTime() + 3_600_000) })
    return { fresh, old, picture }
  }

  it('index names every sitemap, with lastmod, and validates', async () => {
    const { fresh } = await newsroom()
    const { status, type, xml } = await fetchXml('/sitemap.xml')
    expect(status).toBe(200)
    expect(type).toBe('application/xml; charset=utf-8')
    expect(validateXml(xml, 'siteindex.xsd')).toBe('')
    expect(locs(xml)).toEqual(['pages', 'articles-1', 'sections', 'tags', 'authors', 'news'].map((n) => `${TEST_SITE_URL}/sitemap-${n}.xml`))
    expect(xml).toContain(`<lastmod>${fresh.updatedAt.toISOString()}</lastmod>`)
    for (const loc of locs(xml)) {
      const file = await fetchXml(new URL(loc!).pathname)
      expect(file.status, loc).toBe(200)
      expect(validateXml(file.xml, 'sitemap.xsd'), loc).toBe('')
    }
  })

  it('lists public articles only, with lastmod and their picture', async () => {
    const { fresh, old, picture } = await newsroom()
    const { xml } = await fetchXml('/sitemap-articles-1.xml')
    expect(locs(xml)).toEqual([`${TEST_SITE_URL}/${old.slug}/`, `${TEST_SITE_URL}/${fresh.slug}/`])
    const [oldBlock, freshBlock] = urlBlocks(xml)
    expect(oldBlock).toContain(`<lastmod>${old.updatedAt.toISOString()}</lastmod>`)
    expect(oldBlock).not.toContain('image:image')
    expect(freshBlock).toContain(`<image:image><image:loc>${TEST_SITE_URL}/media/${picture.key}</image:loc></image:image>`)
    expect(xml).not.toMatch(/secret-draft|not-yet/)
  })

  it('lists sections, tags and authors that have public articles, dated by their newest article', async () => {
    const { fresh } = await newsroom()
    expect(locs((await fetchXml('/sitemap-sections.xml')).xml)).toEqual([`${TEST_SITE_URL}/section/city/`])
    expect((await fetchXml('/sitemap-sections.xml')).xml).toContain(`<lastmod>${fresh.updatedAt.toISOString()}</lastmod>`)
    expect(locs((await fetchXml('/sitemap-tags.xml')).xml)).toEqual([`${TEST_SITE_URL}/tag/harbour/`])
    expect(locs((await fetchXml('/sitemap-authors.xml')).xml)).toEqual([`${TEST_SITE_URL}/author/ana-reyes/`])
    expect(locs((await fetchXml('/sitemap-pages.xml')).xml)).toEqual([`${TEST_SITE_URL}/`])
  })

  it('news sitemap holds the last 48 hours with publication, language, date and escaped title', async () => {
    const { fresh } = await newsroom()
    const { xml } = await fetchXml('/sitemap-news.xml')
    expect(validateXml(xml, 'sitemap.xsd')).toBe('')
    expect(locs(xml)).toEqual([`${TEST_SITE_URL}/${fresh.slug}/`])
    expect(xml).toContain('<news:publication><news:name>Gazette &amp; Herald</news:name><news:language>en</news:language></news:publication>')
    expect(xml).toContain(`<news:publication_date>${fresh.publishedAt!.toISOString()}</news:publication_date>`)
    expect(xml).toContain('<news:title>Fresh &lt;news&gt; &amp; &quot;quotes&quot;</news:title>')
  })

  it('a schema violation is caught (the validation can fail)', () => {
    const bad = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>yesterday</lastmod></url></urlset>'
    expect(validateXml(bad, 'sitemap.xsd')).toMatch(/lastmod|loc/)
  })

  it(`splits the articles at ${SITEMAP_MAX_URLS.toLocaleString('en')} URLs a file`, async () => {
    const total = SITEMAP_MAX_URLS + 1
    const stamp = (i: number) => new Date(Date.parse('2020-01-01T00:00:00Z') + i * 1000).toISOString()
    const rows = Array.from({ length: total }, (_, i) => ({
      id: newId(), slug: `generated-${i}`, headline: `Generated ${i}`, bodyFormat: 'html', bodySource: '<p>x</p>', bodyHtml: '<p>x</p>',
      status: 'published', createdAt: stamp(i), updatedAt: stamp(i), publishedAt: stamp(i),
    }))
    for (let i = 0; i < rows.length; i += 1000) await site.db.insertInto('articles').values(rows.slice(i, i + 1000)).execute()

    const index = await fetchXml('/sitemap.xml')
    expect(locs(index.xml).filter((l) => l!.includes('sitemap-articles'))).toEqual([1, 2].map((n) => `${TEST_SITE_URL}/sitemap-articles-${n}.xml`))
    const first = await fetchXml('/sitemap-articles-1.xml')
    const second = await fetchXml('/sitemap-articles-2.xml')
    expect(urlBlocks(first.xml)).toHaveLength(SITEMAP_MAX_URLS)
    expect(locs(second.xml)).toEqual([`${TEST_SITE_URL}/generated-${SITEMAP_MAX_URLS}/`])
    expect(validateXml(first.xml, 'sitemap.xsd')).toBe('')
    expect(validateXml(second.xml, 'sitemap.xsd')).toBe('')
    expect((await fetchXml('/sitemap-articles-3.xml')).status).toBe(404)
  }, 120_000)
})

describe('robots.txt', () => {
  it('allows crawling and names the sitemap index and the news sitemap', async () => {
    const res = await site.app.request('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await res.text()
    expect(text).toMatch(/^User-agent: \*$/m)
    expect(text).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap.xml`)
    expect(text).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap-news.xml`)
  })
})
