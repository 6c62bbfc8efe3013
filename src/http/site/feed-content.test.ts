import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../content/articles/article.js'
import { storePicture } from '../../content/media/store-picture.js'
import { ensurePerson } from '../../content/people/person.repo.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { writeSettings } from '../../content/settings/settings.repo.js'
import { ensureTag } from '../../content/tags/tag.repo.js'
import { placeholderPicture } from '../../images/placeholder-picture.js'
import { childText, parseAtom, parseJsonFeed, parseRss, type XmlNode } from '../../../test/support/feed-parsers.js'
import { addArticle, createTestSite, TEST_NOW, TEST_SITE_URL } from '../../../test/support/test-site.js'

// Every field of every format, checked against the stored article it came from.

type TestSite = Awaited<ReturnType<typeof createTestSite>>
let site: TestSite
const now = new Date(TEST_NOW)
const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000)
const HEADLINE = `Fish & "chips" <now> cost 'more' ]]> twice ]]>`

beforeEach(async () => { site = await createTestSite() })
afterEach(async () => { await site.close() })

const fetchText = async (path: string) => {
  const res = await site.app.request(path)
  expect(res.status, path).toBe(200)
  return res.text()
}
const url = (path: string) => `${TEST_SITE_URL}${path}`
const attributes = (nodes: XmlNode[] | undefined) => (nodes ?? []).map((n) => n.$ ?? {})

/** One article with everything (hero, dek, section, two tags, two bylines) and one with nothing but a body. */
async function twoArticles(): Promise<{ full: Article; bare: Article }> {
  const { db, files } = site
  await writeSettings(db, { title: 'The Ledger & Co', description: 'Harbour news, <daily>.', language: 'en-GB' })
  const section = await ensureSection(db, { name: 'World & Sea', description: 'Abroad.' }, now)
  const tags = [await ensureTag(db, { name: 'Ferries' }, now), await ensureTag(db, { name: 'Strikes "2026"' }, now)]
  const authors = [await ensurePerson(db, { name: 'Mara Lind' }, now), await ensurePerson(db, { name: "Jo O'Hara" }, now)]
  const { picture } = await storePicture(db, files, await placeholderPicture('hero', { width: 1200, height: 675 }), {}, now)
  const full = await addArticle(db, {
    headline: HEADLINE, dek: 'Prices rise & <queues> grow.', sectionId: section.id, tagIds: tags.map((t) => t.id),
    authorIds: authors.map((a) => a.id), hero: { pictureId: picture.id, alt: 'Chips & "fish" at the quay' },
    body: { format: 'markdown', source: 'First *paragraph* & more.\n\n## Then\n\nA [link](https://example.com/?a=1&b=2) and ]]> and ]]> again.' },
    publishedAt: minutesAgo(10),
  }, minutesAgo(5))
  const bare = await addArticle(db, {
    headline: 'Quiet day', language: 'pt-BR', publishedAt: minutesAgo(90),
    body: { format: 'html', source: '<p>Nothing &amp; nobody moved.</p><p>The tide came in.</p>' },
  })
  return { full, bare }
}

describe('RSS 2.0', () => {
  it('carries every field of each article, escaped, with the full body and hero picture', async () => {
    const { full, bare } = await twoArticles()
    const xml = await fetchText('/rss/')
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"')
    expect(xml).not.toContain('<now>')
    expect(xml).not.toContain(']]>') // not allowed in XML text, and no CDATA here to need it
    const feed = await parseRss(xml)
    expect(feed.title).toBe('The Ledger & Co')
    expect(feed.description).toBe('Harbour news, <daily>.')
    expect(feed.link).toBe(url('/'))
    expect(feed.feedUrl).toBe(url('/rss/'))
    expect(feed.language).toBe('en-GB')
    expect(feed.lastBuildDate).toBe(bare.updatedAt.toUTCString()) // bare was saved last
    expect(feed.items).toHaveLength(2)

    const [first, second] = feed.items
    for (const [item, article] of [[first, full], [second, bare]] as const) {
      expect(item?.title).toBe(article.headline)
      expect(item?.link).toBe(url(`/${article.slug}/`))
      expect(item?.guid).toBe(url(`/${article.slug}/`))
      expect(item?.guidNode?.[0]).toMatchObject({ $: { isPermaLink: 'true' } })
      expect(item?.pubDate).toBe(article.publishedAt!.toUTCString())
      expect(item?.['content:encoded']).toBe(article.body.html)
      expect(item?.creators ?? []).toEqual(article.authors.map((a) => a.name))
      expect(item?.categories ?? []).toEqual([...(article.section ? [article.section.name] : []), ...article.tags.map((t) => t.name)])
    }
    // The description is HTML: the plain dek, escaped once more.
    expect(first?.content).toBe('Prices rise &amp; &lt;queues&gt; grow.')
    expect(first?.contentSnippet).toBe(full.dek)
    expect(second?.contentSnippet).toBe('Nothing & nobody moved. The tide came in.')
    expect(full.body.html).toContain(']]> and ]]>')
    expect(first?.creators).toEqual(['Mara Lind', "Jo O'Hara"])
    expect(first?.categories).toEqual(['World & Sea', 'Ferries', 'Strikes "2026"'])

    const hero = full.hero!.picture
    expect(attributes(first?.media)).toEqual([{ url: url(`/media/${hero.key}`), medium: 'image', type: 'image/jpeg', width: '1200', height: '675' }])
    expect(childText(first?.media?.[0], 'media:description')).toBe(full.hero!.alt)
    expect(second?.media).toBeUndefined()
  })
})

describe('Atom 1.0', () => {
  it('carries every field of each article, with html content and plain-text titles', async () => {
    const { full, bare } = await twoArticles()
    const feed = await parseAtom(await fetchText('/atom/'))
    expect(feed.title).toBe('The Ledger & Co')
    expect(feed.subtitle).toBe('Harbour news, <daily>.')
    expect(feed.id).toBe(url('/atom/'))
    expect(feed.link).toBe(url('/'))
    expect(feed.feedUrl).toBe(url('/atom/'))
    expect(feed.updated).toBe(bare.updatedAt.toISOString())
    expect(childText(feed.author, 'name')).toBe('The Ledger & Co')
    expect(feed.items).toHaveLength(2)

    const [first, second] = feed.items
    for (const [entry, article] of [[first, full], [second, bare]] as const) {
      expect(entry?.title).toBe(article.headline)
      expect(entry?.id).toBe(url(`/${article.slug}/`))
      expect(attributes(entry?.links)).toEqual([{ rel: 'alternate', type: 'text/html', href: url(`/${article.slug}/`) }])
      expect(entry?.published).toBe(article.publishedAt!.toISOString())
      expect(entry?.updated).toBe(article.updatedAt.toISOString())
      expect(entry?.content).toBe(article.body.html)
      expect(entry?.contentNode?.[0]?.$).toEqual({ type: 'html' })
      expect((entry?.authors ?? []).map((a) => [childText(a, 'name'), childText(a, 'uri')]))
        .toEqual(article.authors.map((a) => [a.name, url(`/author/${a.slug}/`)]))
      expect(attributes(entry?.categoryNodes).map((c) => c.term))
        .toEqual([...(article.section ? [article.section.name] : []), ...article.tags.map((t) => t.name)])
    }
    expect(first?.summary).toBe(full.dek)
    expect(second?.summary).toBe('Nothing & nobody moved. The tide came in.')
    expect(first?.authors).toHaveLength(2)
    const hero = full.hero!.picture
    expect(attributes(first?.media)).toEqual([{ url: url(`/media/${hero.key}`), medium: 'image', type: 'image/jpeg', width: '1200', height: '675' }])
    expect(second?.media).toBeUndefined()
  })
})

describe('JSON Feed 1.1', () => {
  it('carries every field of each article', async () => {
    const { full, bare } = await twoArticles()
    const feed = parseJsonFeed(await fetchText('/feed.json'))
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1', title: 'The Ledger & Co', description: 'Harbour news, <daily>.',
      home_page_url: url('/'), feed_url: url('/feed.json'), language: 'en-GB',
    })
    expect(feed.items).toEqual([
      {
        id: url(`/${full.slug}/`), url: url(`/${full.slug}/`), title: HEADLINE, content_html: full.body.html, summary: full.dek,
        image: url(`/media/${full.hero!.picture.key}`),
        date_published: full.publishedAt!.toISOString(), date_modified: full.updatedAt.toISOString(),
        authors: full.authors.map((a) => ({ name: a.name, url: url(`/author/${a.slug}/`) })),
        tags: [full.section!.name, ...full.tags.map((t) => t.name)], language: 'en',
      },
      {
        id: url(`/${bare.slug}/`), url: url(`/${bare.slug}/`), title: 'Quiet day', content_html: bare.body.html,
        summary: 'Nothing & nobody moved. The tide came in.',
        date_published: bare.publishedAt!.toISOString(), date_modified: bare.updatedAt.toISOString(), language: 'pt-BR',
      },
    ])
    expect(full.publishedAt!.getTime()).not.toBe(full.updatedAt.getTime())
  })
})

describe('characters XML cannot carry', () => {
  it('are left out of RSS and Atom, which stay well-formed, and kept in JSON Feed', async () => {
    await addArticle(site.db, { headline: 'Bell\u0007 rings', body: { format: 'markdown', source: 'Ding\u0001 dong.' } })
    for (const path of ['/rss/', '/atom/']) {
      const xml = await fetchText(path)
      expect(xml).not.toMatch(/[\u0000-\u0008]/)
      const feed = path === '/rss/' ? await parseRss(xml) : await parseAtom(xml)
      expect(feed.items[0]?.title).toBe('Bell rings')
    }
    expect(parseJsonFeed(await fetchText('/feed.json')).items[0]?.title).toBe('Bell\u0007 rings')
  })
})
