import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readHead } from '../../../test/support/html.js'
import { addArticle, createTestSite, TEST_NOW, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { addCorrection } from '../../content/corrections/add-correction.js'
import { storePicture } from '../../content/media/store-picture.js'
import { ensurePerson } from '../../content/people/person.repo.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { writeSettings } from '../../content/settings/settings.repo.js'
import { ensureTag } from '../../content/tags/tag.repo.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import { clip, JSON_LD_HEADLINE_MAX } from './article-metadata.js'
import { safeJson } from './json-ld.js'

let site: Awaited<ReturnType<typeof createTestSite>>
const now = new Date(TEST_NOW)
beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

async function richArticle(headline = 'Harbour dredging to start in March after years of delay') {
  const { db, files } = site
  await writeSettings(db, { title: 'The Test Gazette', description: 'Local news.', language: 'en' })
  const section = await ensureSection(db, { name: 'City' }, now)
  const tags = [await ensureTag(db, { name: 'Harbour' }, now), await ensureTag(db, { name: 'Budget & spending' }, now)]
  const authors = [await ensurePerson(db, { name: 'Ana Reyes' }, now), await ensurePerson(db, { name: 'Bo Chen' }, now)]
  const { picture } = await storePicture(db, files, await placeholderPicture('meta', { width: 2400, height: 1350 }), {}, now)
  const publishedAt = new Date(now.getTime() - 3_600_000)
  const article = await addArticle(db, {
    headline, dek: 'The council signed the contract on Tuesday.', language: 'en-GB',
    sectionId: section.id, tagIds: tags.map((t) => t.id), authorIds: authors.map((a) => a.id),
    hero: { pictureId: picture.id, alt: 'Dredgers moored at the quay', caption: '', credit: '' }, publishedAt,
  }, now)
  return { article, picture }
}

describe('article page metadata', () => {
  it('matches the article field by field: canonical, description, OpenGraph, Twitter and NewsArticle', async () => {
    const { article, picture } = await richArticle()
    const html = await (await site.app.request(`/${article.slug}/`)).text()
    const head = readHead(html)
    const canonical = `${TEST_SITE_URL}/${article.slug}/`
    const share = picture.variants.find((v) => v.width === 1600 && v.format === 'jpeg')!
    const imageUrl = `${TEST_SITE_URL}/media/${share.key}`

    expect(head.links.find((l) => l.rel === 'canonical')?.href).toBe(canonical)
    expect(head.meta('description')).toBe(article.dek)
    expect(head.meta('og:type')).toBe('article')
    expect(head.meta('og:title')).toBe(article.headline)
    expect(head.meta('og:description')).toBe(article.dek)
    expect(head.meta('og:url')).toBe(canonical)
    expect(head.meta('og:site_name')).toBe('The Test Gazette')
    expect(head.meta('og:locale')).toBe('en_GB')
    expect(head.meta('og:image')).toBe(imageUrl)
    expect(head.meta('og:image:width')).toBe('1600')
    expect(head.meta('og:image:height')).toBe('900')
    expect(head.meta('og:image:type')).toBe('image/jpeg')
    expect(head.meta('og:image:alt')).toBe('Dredgers moored at the quay')
    expect(head.meta('article:published_time')).toBe(article.publishedAt!.toISOString())
    expect(head.meta('article:modified_time')).toBe(article.updatedAt.toISOString())
    expect(head.meta('article:section')).toBe('City')
    expect(head.all('article:tag')).toEqual(['Harbour', 'Budget & spending'])
    expect(head.all('article:author')).toEqual([`${TEST_SITE_URL}/author/ana-reyes/`, `${TEST_SITE_URL}/author/bo-chen/`])
    expect(head.meta('twitter:card')).toBe('summary_large_image')
    expect(head.meta('twitter:title')).toBe(article.headline)
    expect(head.meta('twitter:image')).toBe(imageUrl)

    expect(head.jsonLd).toHaveLength(1)
    expect(head.jsonLd[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.headline,
      description: article.dek,
      image: [{ '@type': 'ImageObject', url: imageUrl, width: 1600, height: 900 }],
      datePublished: article.publishedAt!.toISOString(),
      dateModified: article.updatedAt.toISOString(),
      author: [
        { '@type': 'Person', name: 'Ana Reyes', url: `${TEST_SITE_URL}/author/ana-reyes/` },
        { '@type': 'Person', name: 'Bo Chen', url: `${TEST_SITE_URL}/author/bo-chen/` },
      ],
      publisher: {
        '@type': 'Organization', name: 'The Test Gazette', url: `${TEST_SITE_URL}/`,
        logo: { '@type': 'ImageObject', url: `${TEST_SITE_URL}/icon.png`, width: 512, height: 512 },
      },
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      articleSection: 'City',
      keywords: ['Harbour', 'Budget & spending'],
      inLanguage: 'en-GB',
      wordCount: article.wordCount,
    })
    const logo = await site.app.request('/icon.png')
    expect(logo.status).toBe(200)
    expect(logo.headers.get('content-type')).toBe('image/png')
  })

  it('keeps the JSON-LD headline within 110 characters and cannot be broken out of', async () => {
    const long = 'A council meeting </script><script>alert(1)</script> that ran very long indeed, past midnight, and into the early hours of Wednesday'
    const { article } = await richArticle(long)
    const html = await (await site.app.request(`/${article.slug}/`)).text()
    expect(html).not.toContain('<script>alert(1)')
    const [ld] = readHead(html).jsonLd
    const headline = String(ld!.headline)
    expect([...headline].length).toBeLessThanOrEqual(JSON_LD_HEADLINE_MAX)
    expect(headline.endsWith('…')).toBe(true)
    expect(long.startsWith(headline.slice(0, -1))).toBe(true)
  })

  it('lists corrections as CorrectionComments, and dates the article by its latest note', async () => {
    const article = await addArticle(site.db, { headline: 'Quay reopens' })
    const [noon, evening] = [new Date(now.getTime() + 3_600_000), new Date(now.getTime() + 7_200_000)]
    await addCorrection(site.db, article.id, { kind: 'correction', text: 'The quay is in Alder, not </script> Birch.' }, noon, null)
    await addCorrection(site.db, article.id, { kind: 'update', text: 'Boats are back.' }, evening, null)
    const head = readHead(await (await site.app.request(`/${article.slug}/`)).text())
    const ld = head.jsonLd[0]!
    expect(ld.correction).toEqual([{ '@type': 'CorrectionComment', text: 'The quay is in Alder, not </script> Birch.', datePublished: noon.toISOString() }])
    expect(ld.dateModified).toBe(evening.toISOString())
    expect(head.meta('article:modified_time')).toBe(evening.toISOString())
  })

  it('leaves out what an article does not have', async () => {
    const article = await addArticle(site.db, { headline: 'Plain note', body: { format: 'markdown', source: 'Fish & chips, no dek.' } })
    const head = readHead(await (await site.app.request(`/${article.slug}/`)).text())
    expect(head.meta('description')).toBe('Fish & chips, no dek.')
    expect(head.meta('og:image')).toBeUndefined()
    expect(head.meta('article:section')).toBeUndefined()
    expect(head.all('article:tag')).toEqual([])
    const ld = head.jsonLd[0]!
    expect(ld).not.toHaveProperty('image')
    expect(ld).not.toHaveProperty('articleSection')
    expect(ld).not.toHaveProperty('keywords')
    expect(ld).not.toHaveProperty('correction')
    expect(ld.author).toEqual([])
  })
})

describe('home page metadata', () => {
  it('has a WebSite with a SearchAction pointing at the search page', async () => {
    await writeSettings(site.db, { title: 'The Test Gazette', description: 'Local news.', language: 'en' })
    const head = readHead(await (await site.app.request('/')).text())
    expect(head.meta('og:type')).toBe('website')
    expect(head.jsonLd).toEqual([expect.objectContaining({
      '@type': 'WebSite', name: 'The Test Gazette', url: `${TEST_SITE_URL}/`,
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${TEST_SITE_URL}/search/?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    })])
  })
})

describe('helpers', () => {
  it('clip cuts at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(clip('short', 10)).toBe('short')
    expect(clip('The quick brown fox jumps', 16)).toBe('The quick brown…')
    expect([...clip('x'.repeat(200), 110)].length).toBe(110)
  })
  it('safeJson escapes what could end a script element', () => {
    const json = safeJson({ a: '</script><!-- & \u2028' })
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual({ a: '</script><!-- & \u2028' })
  })
})
