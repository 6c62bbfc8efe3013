import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensurePerson } from '../../content/people/person.repo.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { ensureTag } from '../../content/tags/tag.repo.js'
import { storePicture } from '../../content/media/store-picture.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import { addArticle, createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { ARTICLES_PER_PAGE } from './site-routes.js'

type TestSite = Awaited<ReturnType<typeof createTestSite>>
let site: TestSite
const now = new Date(TEST_NOW)
const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000)

beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const get = async (path: string) => {
  const res = await site.app.request(path)
  return { status: res.status, headers: res.headers, text: await res.text() }
}

async function newsroom() {
  const { db } = site
  const world = await ensureSection(db, { name: 'World', description: 'News from abroad.' }, now)
  const harbour = await ensureTag(db, { name: 'Harbour' }, now)
  const reporter = await ensurePerson(db, { name: 'Mara Lind', bio: 'Covers the waterfront.' }, now)
  return { world, harbour, reporter }
}

describe('front page', () => {
  it('lists published articles newest first, with links to them', async () => {
    await addArticle(site.db, { headline: 'Older story', publishedAt: minutesAgo(60) })
    await addArticle(site.db, { headline: 'Newer story', publishedAt: minutesAgo(5) })
    const { status, text, headers } = await get('/')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i)
    expect(text.indexOf('Newer story')).toBeGreaterThan(-1)
    expect(text.indexOf('Newer story')).toBeLessThan(text.indexOf('Older story'))
    expect(text).toContain('href="/newer-story/"')
  })

  it('leaves out drafts and articles scheduled for later', async () => {
    await addArticle(site.db, { headline: 'A draft', status: 'draft' })
    await addArticle(site.db, { headline: 'Tomorrow', status: 'scheduled', publishedAt: new Date(now.getTime() + 86_400_000) })
    await addArticle(site.db, { headline: 'Visible', publishedAt: minutesAgo(1) })
    const { text } = await get('/')
    expect(text).toContain('Visible')
    expect(text).not.toContain('A draft')
    expect(text).not.toContain('Tomorrow')
    expect((await get('/a-draft/')).status).toBe(404)
    expect((await get('/tomorrow/')).status).toBe(404)
    site.clock.advance(2 * 86_400_000)
    // Due scheduled articles are public at once, even before the scheduler marks them published.
    expect((await get('/tomorrow/')).status).toBe(200)
    expect((await get('/')).text).toContain('Tomorrow')
  })

  it(`paginates at ${ARTICLES_PER_PAGE} a page and answers 404 past the end`, async () => {
    for (let i = 1; i <= ARTICLES_PER_PAGE + 3; i++) await addArticle(site.db, { headline: `Story number ${i}`, publishedAt: minutesAgo(100 - i) })
    const first = await get('/')
    expect(first.text).toContain('Story number 15')
    expect(first.text).not.toContain('Story number 3<')
    expect(first.text).toContain('href="/page/2/"')
    const second = await get('/page/2/')
    expect(second.status).toBe(200)
    expect(second.text).toContain('Story number 3<')
    expect(second.text).toContain('Story number 1<')
    expect(second.text).not.toContain('Story number 15')
    expect(second.text).toContain('rel="prev"')
    expect((await get('/page/3/')).status).toBe(404)
    expect((await get('/page/999999999999/')).status).toBe(404)
    expect((await get('/page/02/')).status).toBe(404)
    const one = await get('/page/1/')
    expect(one.status).toBe(301)
    expect(one.headers.get('location')).toBe('/')
  })

  it('says so when nothing is published yet', async () => {
    const { status, text } = await get('/')
    expect(status).toBe(200)
    expect(text).toContain('Nothing has been published yet.')
  })
})

describe('article page', () => {
  it('shows section, one h1, dek, linked byline, date, reading time, hero figure, body and tags', async () => {
    const { world, harbour, reporter } = await newsroom()
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('x', { width: 1200, height: 675 }), {}, now)
    await addArticle(site.db, {
      headline: 'Ferry strike ends', dek: 'Crews return after a week.', sectionId: world.id, tagIds: [harbour.id], authorIds: [reporter.id],
      hero: { pictureId: picture.id, alt: 'Ferries at the quay', caption: 'The morning boats.', credit: 'Photo: Ledger' },
      body: { format: 'markdown', source: 'First paragraph.\n\nSecond & last <paragraph>.' }, publishedAt: minutesAgo(30),
    })
    const { status, text } = await get('/ferry-strike-ends/')
    expect(status).toBe(200)
    expect(text.match(/<h1[ >]/g)).toHaveLength(1)
    expect(text).toContain('<h1>Ferry strike ends</h1>')
    expect(text).toContain('<p class="dek">Crews return after a week.</p>')
    expect(text).toContain('href="/section/world/"')
    expect(text).toContain('<a href="/author/mara-lind/" rel="author">Mara Lind</a>')
    expect(text).toMatch(/<time datetime="2026-06-01T11:30:00.000Z">1 June 2026<\/time>/)
    expect(text).toContain('· 1 min read')
    expect(text).toMatch(/<figure class="hero"><picture>.*<img [^>]*alt="Ferries at the quay"/s)
    expect(text).toMatch(/<img [^>]*width="1200" height="675"/)
    expect(text).toMatch(/<img [^>]*fetchpriority="high"/)
    expect(text).toContain('<figcaption>The morning boats.<span class="credit">Photo: Ledger</span></figcaption>')
    expect(text).toContain('<p>Second &#x26; last .</p>')
    expect(text).toContain('href="/tag/harbour/" rel="tag"')
    expect(text).toContain('<article class="article">')
    expect(text).toContain('<link rel="canonical" href="http://news.test/ferry-strike-ends/"/>')
  })

  it('escapes the headline and dek', async () => {
    await addArticle(site.db, { headline: '<script>alert(1)</script> wins', dek: '"quoted" & <b>bold</b>' })
    const { text } = await get('/script-alert-1-script-wins/')
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; wins')
    expect(text).not.toContain('<script>alert(1)')
    expect(text).toContain('&lt;b&gt;bold&lt;/b&gt;')
  })

  it('redirects the slash-less URL to the canonical one', async () => {
    await addArticle(site.db, { headline: 'Tide tables' })
    const res = await get('/tide-tables')
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/tide-tables/')
    expect((await get('//evil.example')).status).toBe(404)
  })

  it('serves non-Latin slugs', async () => {
    await addArticle(site.db, { headline: 'Новый мост открыт' })
    const res = await get(`/${encodeURIComponent('новый-мост-открыт')}/`)
    expect(res.status).toBe(200)
    expect(res.text).toContain('Новый мост открыт')
  })
})

describe('section, tag and author pages', () => {
  it('list only their own articles, with name and description', async () => {
    const { world, harbour, reporter } = await newsroom()
    await addArticle(site.db, { headline: 'In the world', sectionId: world.id })
    await addArticle(site.db, { headline: 'Tagged harbour', tagIds: [harbour.id] })
    await addArticle(site.db, { headline: 'By Mara', authorIds: [reporter.id] })
    const cases: [string, string, string][] = [
      ['/section/world/', 'In the world', 'News from abroad.'],
      ['/tag/harbour/', 'Tagged harbour', 'Harbour'],
      ['/author/mara-lind/', 'By Mara', 'Covers the waterfront.'],
    ]
    for (const [path, headline, description] of cases) {
      const { status, text } = await get(path)
      expect(status, path).toBe(200)
      expect(text, path).toContain(headline)
      expect(text, path).toContain(description)
      for (const [, other] of cases) if (other !== headline) expect(text, path).not.toContain(other)
    }
  })

  it('paginate, and answer 404 past the end and for unknown slugs', async () => {
    const { world } = await newsroom()
    for (let i = 0; i < ARTICLES_PER_PAGE + 1; i++) await addArticle(site.db, { headline: `World ${i}`, sectionId: world.id, publishedAt: minutesAgo(50 - i) })
    expect((await get('/section/world/page/2/')).text).toContain('World 0<')
    expect((await get('/section/world/page/3/')).status).toBe(404)
    expect((await get('/tag/harbour/page/2/')).status).toBe(404)
    expect((await get('/section/nowhere/')).status).toBe(404)
    expect((await get('/tag/nothing/')).status).toBe(404)
    expect((await get('/author/nobody/')).status).toBe(404)
  })
})

describe('404 page', () => {
  it('is a real page with status 404 and a way home', async () => {
    const { status, text } = await get('/no-such-article-xyz/')
    expect(status).toBe(404)
    expect(text).toContain('<h1>Page not found</h1>')
    expect(text).toContain('href="/"')
    expect((await get('/a/b/c/d/')).status).toBe(404)
  })
})

describe('media', () => {
  it('serves stored pictures with a year-long immutable cache and nothing outside the store', async () => {
    const { picture } = await storePicture(site.db, site.files, await placeholderPicture('m', { width: 900, height: 500 }), {}, now)
    const res = await site.app.request(`/media/${picture.key}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await site.app.request('/media/pictures/../../etc/passwd')).status).not.toBe(200)
    expect((await site.app.request('/media/pictures%2F..%2F..%2Fetc%2Fpasswd.jpg')).status).toBe(404)
    expect((await site.app.request('/media/pictures/nope/original.jpg')).status).toBe(404)
  })
})
