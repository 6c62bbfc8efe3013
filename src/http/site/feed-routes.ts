import { Hono, type Context } from 'hono'
import { listPublicArticlesWithBodies, type ArticleScope } from '../../content/articles/article.repo.js'
import { findPersonBySlug } from '../../content/people/person.repo.js'
import { findSectionBySlug } from '../../content/sections/section.repo.js'
import { readSettings } from '../../content/settings/settings.repo.js'
import { httpDate, lastSiteChange } from '../../content/site-changes.js'
import { findTagBySlug } from '../../content/tags/tag.repo.js'
import { FEED_FORMAT_INFO } from '../../views/feeds/feed-formats.js'
import { toFeed } from '../../views/feeds/feed.js'
import type { AppDeps } from '../app.js'
import { CACHE } from '../cache-control.js'
import { FEED_FILES, FEED_FORMATS, paths, type FeedFormat } from '../paths.js'
import { redirectFromOldUrl, renderNotFoundPage } from './site-routes.js'

/** How many articles each feed holds, newest first. */
export const FEED_SIZE = 20

type Deps = Pick<AppDeps, 'db' | 'clock' | 'siteUrl'>

/** What a feed URL resolves to: which articles, the listing page it follows, and its name. */
interface FeedScope {
  scope: ArticleScope
  listing: string
  named?: { name: string; description: string }
}

/**
 * RSS, Atom and JSON feeds of the whole site (`/rss/`, `/atom/`, `/feed.json`) and of every
 * section, tag and author (`/section/SLUG/rss/`, …). Mount before the site routes: their
 * catch-all `/:slug/` would take `/rss/` and `/atom/` otherwise.
 */
export function feedRoutes(deps: Deps): Hono {
  const { db, clock, siteUrl } = deps
  const app = new Hono()

  const scopes: [prefix: string, find: (slug: string) => Promise<FeedScope | undefined>][] = [
    ['/', async () => ({ scope: { kind: 'all' }, listing: paths.home() })],
    ['/section/:slug/', async (slug) => {
      const s = await findSectionBySlug(db, slug)
      return s && { scope: { kind: 'section', sectionId: s.id }, listing: paths.section(s.slug), named: s }
    }],
    ['/tag/:slug/', async (slug) => {
      const t = await findTagBySlug(db, slug)
      return t && { scope: { kind: 'tag', tagId: t.id }, listing: paths.tag(t.slug), named: t }
    }],
    ['/author/:slug/', async (slug) => {
      const p = await findPersonBySlug(db, slug)
      return p && { scope: { kind: 'author', personId: p.id }, listing: paths.author(p.slug), named: { name: p.name, description: p.bio } }
    }],
  ]

  const serve = async (c: Context, format: FeedFormat, found: FeedScope | undefined) => {
    if (!found) return (await redirectFromOldUrl(c, deps)) ?? c.html(await renderNotFoundPage(deps), 404, { 'Cache-Control': CACHE.notFound })
    const [settings, articles] = await Promise.all([
      readSettings(db),
      listPublicArticlesWithBodies(db, found.scope, { limit: FEED_SIZE, now: clock.now() }),
    ])
    const feed = toFeed({ settings, siteUrl, listing: found.listing, articles, scope: found.named })
    const { type, render } = FEED_FORMAT_INFO[format]
    const lastModified = httpDate(await lastSiteChange(db, clock.now()))
    return c.body(render(feed), 200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': CACHE.page, 'Last-Modified': lastModified })
  }

  for (const [prefix, find] of scopes) {
    for (const format of FEED_FORMATS) {
      app.get(`${prefix}${FEED_FILES[format]}`, async (c) => serve(c, format, await find(c.req.param('slug') ?? '')))
    }
  }
  return app
}
