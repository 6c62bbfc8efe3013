import { Hono, type Context } from 'hono'
import { readSettings } from '../../content/settings/settings.repo.js'
import {
  countPublicArticles, listRecentArticles, listSitemapPages, listSitemapArticles, listSitemapListings, newestArticleChange, type SitemapArticle,
} from '../../content/sitemap/sitemap.repo.js'
import { newsLanguage, sitemapIndex, urlset, type UrlEntry } from '../../views/sitemaps/sitemap-xml.js'
import type { AppDeps } from '../app.js'
import { CACHE } from '../cache-control.js'
import { absoluteUrl, paths, pictureUrl } from '../paths.js'

/** The protocol's limit of URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000
/** Google News takes articles from the last two days, at most 1,000 per sitemap. */
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000
const NEWS_MAX_URLS = 1000

const LISTINGS = { sections: paths.section, tags: paths.tag, authors: paths.author } as const

/** Sitemap index, per-type sitemaps, the Google News sitemap and robots.txt. */
export function sitemapRoutes({ db, clock, siteUrl }: Pick<AppDeps, 'db' | 'clock' | 'siteUrl'>): Hono {
  const app = new Hono()
  const url = (path: string) => absoluteUrl(siteUrl, path)
  const xml = (c: Context, body: string) => c.body(body, 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': CACHE.page })
  const articleEntry = (a: SitemapArticle): UrlEntry => ({
    loc: url(paths.article(a.slug)), lastmod: a.updatedAt, images: a.pictureKey ? [pictureUrl(siteUrl, { key: a.pictureKey, remoteUrl: a.pictureRemoteUrl })] : [],
  })

  app.get('/sitemap.xml', async (c) => {
    const now = clock.now()
    const [count, newest] = await Promise.all([countPublicArticles(db, now), newestArticleChange(db, now)])
    const chunks = Math.max(1, Math.ceil(count / SITEMAP_MAX_URLS))
    const listings = await Promise.all((Object.keys(LISTINGS) as (keyof typeof LISTINGS)[]).map(async (kind) => {
      const items = await listSitemapListings(db, now, kind)
      return { loc: url(`/sitemap-${kind}.xml`), lastmod: latest(items.map((i) => i.lastModified)) }
    }))
    return xml(c, sitemapIndex([
      { loc: url('/sitemap-pages.xml'), lastmod: newest },
      ...Array.from({ length: chunks }, (_, i) => ({ loc: url(`/sitemap-articles-${i + 1}.xml`), lastmod: newest })),
      ...listings,
      { loc: url('/sitemap-news.xml'), lastmod: newest },
    ]))
  })

  app.get('/:file{sitemap-articles-[1-9][0-9]{0,5}\\.xml}', async (c) => {
    const n = Number(/([0-9]+)/.exec(c.req.param('file'))![1])
    const now = clock.now()
    const articles = await listSitemapArticles(db, now, { offset: (n - 1) * SITEMAP_MAX_URLS, limit: SITEMAP_MAX_URLS })
    if (articles.length === 0 && n > 1) return c.notFound()
    return xml(c, urlset(articles.map(articleEntry)))
  })

  for (const kind of Object.keys(LISTINGS) as (keyof typeof LISTINGS)[]) {
    app.get(`/sitemap-${kind}.xml`, async (c) => {
      const items = await listSitemapListings(db, clock.now(), kind)
      return xml(c, urlset(items.map((i) => ({ loc: url(LISTINGS[kind](i.slug)), lastmod: i.lastModified }))))
    })
  }

  app.get('/sitemap-pages.xml', async (c) => {
    const now = clock.now()
    const [newest, pages] = await Promise.all([newestArticleChange(db, now), listSitemapPages(db, now)])
    return xml(c, urlset([
      { loc: url(paths.home()), lastmod: newest },
      ...pages.map((p) => ({ loc: url(paths.article(p.slug)), lastmod: p.updatedAt })),
    ]))
  })

  app.get('/sitemap-news.xml', async (c) => {
    const now = clock.now()
    const [settings, recent] = await Promise.all([readSettings(db), listRecentArticles(db, now, new Date(now.getTime() - NEWS_WINDOW_MS), NEWS_MAX_URLS)])
    return xml(c, urlset(recent.map((a) => ({
      loc: url(paths.article(a.slug)),
      lastmod: a.updatedAt,
      news: { publicationName: settings.title, language: newsLanguage(a.language), publishedAt: a.publishedAt, title: a.headline },
    }))))
  })

  app.get('/robots.txt', (c) => c.text([
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${url('/sitemap.xml')}`,
    `Sitemap: ${url('/sitemap-news.xml')}`,
    '',
  ].join('\n'), 200, { 'Cache-Control': CACHE.page }))

  return app
}

function latest(dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null)
}
