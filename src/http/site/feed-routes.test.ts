import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensurePerson } from '../../content/people/person.repo.js'
import { ensureSection } from '../../content/sections/section.repo.js'
import { ensureTag } from '../../content/tags/tag.repo.js'
import { parseAtom, parseJsonFeed, parseRss } from '../../../test/support/feed-parsers.js'
import { addArticle, createTestSite, TEST_NOW, TEST_SITE_URL } from '../../../test/support/test-site.js'
import { CACHE } from '../cache-control.js'
import { FEED_SIZE } from './feed-routes.js'

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

const SCOPES = ['', '/section/world', '/tag/harbour', '/author/mara-lind'] as const
const FORMATS = [
  { file: 'rss/', type: 'application/rss+xml; charset=utf-8' },
  { file: 'atom/', type: 'application/atom+xml; charset=utf-8' },
  { file: 'feed.json', type: 'application/feed+json; charset=utf-8' },
] as const

/** The article URLs of a feed in its order, and its title, read with the parser of its format. */
async function readFeed(path: string): Promise<{ title: string | undefined; urls: string[] }> {
  const { status, text } = await get(path)
  expect(status, path).toBe(200)
  if (path.endsWith('/rss/')) {
    const feed = await parseRss(text)
    return { title: feed.title, urls: feed.items.map((i) => i.link ?? '') }
  }
  if (path.endsWith('/atom/')) {
    const feed = await parseAtom(text)
    return { title: feed.title, urls: feed.items.map((i) => i.link ?? '') }
  }
  const feed = parseJsonFeed(text)
  return { title: feed.title, urls: feed.items.map((i) => i.url) }
}
const articleUrl = (slug: string) => `${TEST_SITE_URL}/${slug}/`

async function newsroom() {
  const { db } = site
  const world = await ensureSection(db, { name: 'World', description: 'News from abroad.' }, now)
  const harbour = await ensureTag(db, { name: 'Harbour' }, now)
  const reporter = await ensurePerson(db, { name: 'Mara Lind', bio: 'Covers the waterfront.' }, now)
  return { world, harbour, reporter }
}

describe('feed routes', () => {
  it('serve every feed with its content type and the page cache class', async () => {
    await newsroom()
    for (const scope of SCOPES) {
      for (const { file, type } of FORMATS) {
        const { status, headers } = await get(`${scope}/${file}`)
        expect(status, `${scope}/${file}`).toBe(200)
        expect(headers.get('content-type'), `${scope}/${file}`).toBe(type)
        expect(headers.get('cache-control')).toBe(CACHE.page)
      }
    }
  })

  it('answer 404 for unknown sections, tags and authors', async () => {
    await newsroom()
    for (const scope of ['/section/nowhere', '/tag/nothing', '/author/nobody']) {
      for (const { file } of FORMATS) {
        const { status, headers, text } = await get(`${scope}/${file}`)
        expect(status, `${scope}/${file}`).toBe(404)
        expect(headers.get('cache-control')).toBe(CACHE.notFound)
        expect(text).toContain('<h1>Page not found</h1>')
      }
    }
  })

  it('hold only the articles of their section, tag or author, and are named after it', async () => {
    const { world, harbour, reporter } = await newsroom()
    const inWorld = await addArticle(site.db, { headline: 'In the world', sectionId: world.id, publishedAt: minutesAgo(3) })
    const tagged = await addArticle(site.db, { headline: 'Tagged harbour', tagIds: [harbour.id], publishedAt: minutesAgo(2) })
    const byMara = await addArticle(site.db, { headline: 'By Mara', authorIds: [reporter.id], publishedAt: minutesAgo(1) })
    const expected: Record<(typeof SCOPES)[number], [string, string[]]> = {
      '': ['Masthead', [byMara.slug, tagged.slug, inWorld.slug]],
      '/section/world': ['Masthead – World', [inWorld.slug]],
      '/tag/harbour': ['Masthead – Harbour', [tagged.slug]],
      '/author/mara-lind': ['Masthead – Mara Lind', [byMara.slug]],
    }
    for (const scope of SCOPES) {
      for (const { file } of FORMATS) {
        const feed = await readFeed(`${scope}/${file}`)
        expect(feed.title, `${scope}/${file}`).toBe(expected[scope][0])
        expect(feed.urls, `${scope}/${file}`).toEqual(expected[scope][1].map(articleUrl))
      }
    }
    const rss = await parseRss((await get('/author/mara-lind/rss/')).text)
    expect(rss.description).toBe('Covers the waterfront.')
    expect(rss.link).toBe(`${TEST_SITE_URL}/author/mara-lind/`)
  })

  it(`hold the ${FEED_SIZE} most recent articles, newest first`, async () => {
    const { world } = await newsroom()
    const articles = []
    // Saved out of order, so only publication time can give the order.
    for (const i of [5, 0, 22, 13, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21]) {
      articles.push(await addArticle(site.db, { headline: `Story ${i}`, sectionId: world.id, publishedAt: minutesAgo(100 - i) }))
    }
    const newest = [...articles].sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime()).slice(0, FEED_SIZE)
    expect(FEED_SIZE).toBe(20)
    for (const scope of ['', '/section/world']) {
      for (const { file } of FORMATS) {
        expect((await readFeed(`${scope}/${file}`)).urls, `${scope}/${file}`).toEqual(newest.map((a) => articleUrl(a.slug)))
      }
    }
  })

  it('leave out drafts and articles scheduled for later, until their time comes', async () => {
    const { world } = await newsroom()
    await addArticle(site.db, { headline: 'A draft', status: 'draft', sectionId: world.id })
    const later = await addArticle(site.db, { headline: 'Tomorrow', status: 'scheduled', sectionId: world.id, publishedAt: new Date(now.getTime() + 86_400_000) })
    const visible = await addArticle(site.db, { headline: 'Visible', sectionId: world.id, publishedAt: minutesAgo(1) })
    for (const scope of ['', '/section/world']) {
      for (const { file } of FORMATS) expect((await readFeed(`${scope}/${file}`)).urls).toEqual([articleUrl(visible.slug)])
    }
    site.clock.advance(2 * 86_400_000)
    for (const { file } of FORMATS) expect((await readFeed(`/${file}`)).urls).toEqual([later.slug, visible.slug].map(articleUrl))
  })

  it('are valid and dated at the epoch when empty', async () => {
    const rss = await parseRss((await get('/rss/')).text)
    expect(rss.items).toEqual([])
    expect(rss.lastBuildDate).toBe(new Date(0).toUTCString())
    const atom = await parseAtom((await get('/atom/')).text)
    expect(atom.updated).toBe(new Date(0).toISOString())
    expect(parseJsonFeed((await get('/feed.json')).text).items).toEqual([])
  })

  it('cannot be shadowed by an article, and slash-less URLs redirect', async () => {
    const rss = await addArticle(site.db, { headline: 'RSS' })
    const json = await addArticle(site.db, { headline: 'Feed.json' })
    expect([rss.slug, json.slug]).toEqual(['rss-2', 'feed-json'])
    expect((await get('/rss/')).headers.get('content-type')).toMatch(/^application\/rss\+xml/)
    expect((await get('/atom/')).headers.get('content-type')).toMatch(/^application\/atom\+xml/)
    expect((await get('/feed.json')).headers.get('content-type')).toMatch(/^application\/feed\+json/)
    const redirect = await get('/rss')
    expect(redirect.status).toBe(301)
    expect(redirect.headers.get('location')).toBe('/rss/')
  })
})

describe('feed discovery', () => {
  const alternates = (html: string) => [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"\/>/g)]
    .map(([, type = '', title = '', href = '']) => ({ type, title, href }))
  const feedsOf = (title: string, path: string) => [
    { type: 'application/rss+xml', title: `${title} (RSS)`, href: `${TEST_SITE_URL}${path}rss/` },
    { type: 'application/atom+xml', title: `${title} (Atom)`, href: `${TEST_SITE_URL}${path}atom/` },
    { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: `${TEST_SITE_URL}${path}feed.json` },
  ]

  it('announces the site feeds on every page, and the scoped feeds on section, tag and author pages', async () => {
    const { world, harbour, reporter } = await newsroom()
    await addArticle(site.db, { headline: 'Ferry news', sectionId: world.id, tagIds: [harbour.id], authorIds: [reporter.id] })
    const siteFeeds = feedsOf('Masthead', '/')
    expect(alternates((await get('/')).text)).toEqual(siteFeeds)
    expect(alternates((await get('/ferry-news/')).text)).toEqual(siteFeeds)
    expect(alternates((await get('/no-such-page/')).text)).toEqual(siteFeeds)
    expect(alternates((await get('/section/world/')).text)).toEqual([...siteFeeds, ...feedsOf('Masthead – World', '/section/world/')])
    expect(alternates((await get('/tag/harbour/')).text)).toEqual([...siteFeeds, ...feedsOf('Masthead – Harbour', '/tag/harbour/')])
    expect(alternates((await get('/author/mara-lind/')).text)).toEqual([...siteFeeds, ...feedsOf('Masthead – Mara Lind', '/author/mara-lind/')])
    for (const { href } of alternates((await get('/author/mara-lind/')).text)) {
      expect((await get(href.slice(TEST_SITE_URL.length))).status, href).toBe(200)
    }
  })
})
