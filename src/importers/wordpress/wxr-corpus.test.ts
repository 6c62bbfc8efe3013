import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findArticleById, findArticleIdBySourceKey } from '../../content/articles/article.repo.js'
import { hasShared, sharedFile } from '../../../test/support/requirements.js'
import { createTestSite, TEST_NOW } from '../../../test/support/test-site.js'
import { importFiles, type ImportReport } from '../import-files.js'

/**
 * Conformance over the WordPress Theme Unit Test export. Expectations come from an independent,
 * deliberately simple regex scan of the file, not from the importer's own reader.
 */
const CORPUS = 'corpora/wordpress-wxr/themeunittestdata-2020.wordpress.xml'
const SITE_KEY = 'wxr:wpthemetestdata.wordpress.com'
const now = new Date(TEST_NOW)

interface ScannedItem {
  id: string
  type: string
  status: string
  title: string
  name: string
  link: string
  creator: string
  content: string
  password: string
  thumbnail: string | undefined
  categories: { domain: string; nicename: string }[]
}

/** `<tag>text</tag>`, `<tag><![CDATA[text]]></tag>` or `<tag/>`; XML entities decoded outside CDATA. */
function tagText(xml: string, tag: string): string {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)
  if (!match) return ''
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(match[1]!)
  if (cdata) return cdata[1]!
  return match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&amp;/g, '&')
}

function scan(xml: string) {
  const items: ScannedItem[] = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, x]) => ({
    id: tagText(x!, 'wp:post_id'),
    type: tagText(x!, 'wp:post_type'),
    status: tagText(x!, 'wp:status'),
    title: tagText(x!, 'title'),
    name: tagText(x!, 'wp:post_name'),
    link: tagText(x!, 'link'),
    creator: tagText(x!, 'dc:creator'),
    content: tagText(x!, 'content:encoded'),
    password: tagText(x!, 'wp:post_password'),
    thumbnail: /<wp:meta_key>(?:<!\[CDATA\[)?_thumbnail_id(?:\]\]>)?<\/wp:meta_key>\s*<wp:meta_value>(?:<!\[CDATA\[)?(\d+)/.exec(x!)?.[1],
    categories: [...x!.matchAll(/<category domain="([^"]+)" nicename="([^"]+)">/g)].map(([, domain, nicename]) => ({ domain: domain!, nicename: nicename! })),
  }))
  const authors = new Map([...xml.matchAll(/<wp:author>([\s\S]*?)<\/wp:author>/g)].map(([, a]) => [tagText(a!, 'wp:author_login'), tagText(a!, 'wp:author_display_name')]))
  const attachments = new Map(items.filter((i) => i.type === 'attachment').map((i) => [i.id, tagText(xml.split(`<wp:post_id>${i.id}</wp:post_id>`)[1] ?? '', 'wp:attachment_url')]))
  return { items, authors, attachments, comments: (xml.match(/<wp:comment>/g) ?? []).length }
}

/** What a reader sees of a WordPress title: tags dropped, the few entities these titles use decoded. */
const titleText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&#0?39;/g, "'").replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').trim()
/** Escaped as Hono JSX escapes text. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

describe.runIf(hasShared())('WXR conformance: WordPress Theme Unit Test data', () => {
  let site: Awaited<ReturnType<typeof createTestSite>>
  let report: ImportReport
  let file: string
  let corpus: ReturnType<typeof scan>
  const articleOf = async (id: string) => {
    const articleId = await findArticleIdBySourceKey(site.db, `${SITE_KEY}:${id}`)
    return articleId ? findArticleById(site.db, articleId) : undefined
  }
  const published = () => corpus.items.filter((i) => ['post', 'page'].includes(i.type) && i.status === 'publish')
  /** Published on the old site, with a title, and not behind a password: these must be public here. */
  const publicOnes = () => published().filter((i) => titleText(i.title) !== '' && i.password === '')

  beforeAll(async () => {
    file = sharedFile(CORPUS)
    corpus = scan(fs.readFileSync(file, 'utf8'))
    site = await createTestSite()
    const result = await importFiles({ ...site, now }, [file], { skipInvalid: true })
    if (!result.ok) throw new Error(result.error.message)
    report = result.value
  })
  afterAll(() => site.close())

  it('finds in the file what its README says', () => {
    const count = (type: string, status?: string) => corpus.items.filter((i) => i.type === type && (!status || i.status === status)).length
    expect([count('post', 'publish'), count('post', 'draft'), count('post', 'future'), count('page', 'publish'), count('attachment')]).toEqual([49, 1, 1, 21, 38])
    expect(corpus.comments).toBe(32)
  })

  it('imports every post and page, and skips exactly the untitled one, saying why', () => {
    const articles = corpus.items.filter((i) => ['post', 'page'].includes(i.type))
    const untitled = articles.filter((i) => titleText(i.title) === '')
    expect(untitled.map((i) => i.id)).toEqual(['1169'])
    expect(report.skipped).toEqual(untitled.map((i) => ({ file, record: `${i.type} ${i.id}`, field: 'title', message: `the ${i.type} has no title` })))
    expect(report.created).toBe(articles.length - untitled.length)
    expect(report.updated).toBe(0)
  })

  it('serves every published post and page at its slug, with its headline and body', async () => {
    const items = publicOnes()
    expect(items.filter((i) => i.type === 'post')).toHaveLength(47)
    expect(items.filter((i) => i.type === 'page')).toHaveLength(21)
    for (const item of items) {
      const article = await articleOf(item.id)
      expect(article?.slug, item.id).toBe(decodeURIComponent(item.name))
      const res = await site.app.request(`/${article!.slug}/`)
      expect(res.status, item.link).toBe(200)
      const page = await res.text()
      expect(page, item.id).toContain(`<h1>${escapeHtml(titleText(item.title))}</h1>`)
      const body = /<div class="body">([\s\S]*?)<\/div>\s*(?:<ul class="tags"|<\/article>)/.exec(page)?.[1] ?? ''
      const text = body.replace(/<[^>]*>/g, '').trim()
      if (item.content.trim() === '') expect(text, item.id).toBe('')
      // A post may be a single picture ("Post Format: Image"): then the picture is its body.
      else expect(text.length > 0 || body.includes('<img '), item.id).toBe(true)
      expect(body, item.id).not.toMatch(/\[\/?(caption|gallery|embed|audio|video)\b/)
      expect(body, item.id).not.toContain('<!-- wp:')
    }
  })

  it('keeps the draft a draft, the scheduled post scheduled, and the protected post unpublished', async () => {
    const byStatus = (status: string) => corpus.items.filter((i) => i.type === 'post' && i.status === status)
    for (const item of byStatus('draft')) expect((await articleOf(item.id))?.status).toBe('draft')
    for (const item of byStatus('future')) {
      const article = await articleOf(item.id)
      expect(article?.status).toBe('scheduled')
      expect(article!.publishedAt!.getTime()).toBeGreaterThan(now.getTime())
      expect((await site.app.request(`/${article!.slug}/`)).status).toBe(404)
    }
    const protectedOnes = published().filter((i) => i.password !== '')
    expect(protectedOnes).toHaveLength(1)
    for (const item of protectedOnes) {
      const article = await articleOf(item.id)
      expect(article?.status).toBe('draft')
      expect((await site.app.request(`/${article!.slug}/`)).status).toBe(404)
    }
  })

  it('counts the comments and the other skipped items in the notes', () => {
    expect(report.notes).toContain(`${file}: ${corpus.comments} comments counted and skipped`)
    const menus = corpus.items.filter((i) => i.type === 'nav_menu_item').length
    expect(report.notes).toContain(`${file}: ${menus} items of other post types skipped (${menus} nav_menu_item)`)
    expect(report.notes).toContain(`${file}: 1 password-protected post imported as a draft (protected content is not published)`)
  })

  it('turns the first category into the section and the other categories and tags into tags, with authors', async () => {
    for (const item of publicOnes()) {
      const article = (await articleOf(item.id))!
      const categories = item.categories.filter((c) => c.domain === 'category').map((c) => decodeURIComponent(c.nicename))
      const tags = item.categories.filter((c) => c.domain === 'post_tag').map((c) => decodeURIComponent(c.nicename))
      expect(article.section?.slug ?? null, item.id).toBe(categories[0] ?? null)
      expect(article.tags.map((t) => t.slug).sort(), item.id).toEqual([...new Set([...categories.slice(1), ...tags])].sort())
      // One post's creator is written `<dc:creator>>themereviewteam</dc:creator>`: the login with a stray '>'.
      expect(article.authors.map((a) => a.name), item.id).toEqual([corpus.authors.get(item.creator.replace(/^>/, ''))])
    }
    const manyCategories = await articleOf(corpus.items.find((i) => i.name === 'edge-case-many-categories')!.id)
    expect(manyCategories!.tags.length).toBeGreaterThan(10)
  })

  it('gives posts with a featured image a remote hero picture at the attachment\'s address', async () => {
    const featured = publicOnes().filter((i) => i.thumbnail && corpus.attachments.has(i.thumbnail))
    expect(featured.length).toBeGreaterThan(0)
    for (const item of featured) {
      const article = await articleOf(item.id)
      expect(article?.hero?.picture.remoteUrl, item.id).toBe(corpus.attachments.get(item.thumbnail!))
    }
  })

  it('redirects /?p=ID, /?page_id=ID and the old permalink to the new article URL', async () => {
    for (const item of publicOnes()) {
      const target = `/${(await articleOf(item.id))!.slug}/`
      const old = new URL(item.link)
      const paths = [item.type === 'page' ? `/?page_id=${item.id}` : `/?p=${item.id}`, old.pathname].filter((p) => p !== target && !p.startsWith('//'))
      for (const path of paths) {
        const res = await site.app.request(path)
        expect(res.status, path).toBe(301)
        expect(decodeURIComponent(new URL(res.headers.get('location')!, 'http://news.test').pathname), path).toBe(target)
      }
    }
    const res = await site.app.request('/2013/01/11/markup-html-tags-and-formatting/')
    expect(res.headers.get('location')).toMatch(/\/markup-html-tags-and-formatting\/$/)
  })

  it('updates instead of duplicating when the same file is imported again', async () => {
    const count = async () => (await site.db.selectFrom('articles').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
    const before = await count()
    const again = await importFiles({ ...site, now }, [file], { skipInvalid: true })
    expect(again.ok && again.value).toMatchObject({ created: 0, updated: report.created })
    expect(await count()).toBe(before)
  })
})
