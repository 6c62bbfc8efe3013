import { Hono, type Context } from 'hono'
import { listPublicArticles, findPublicArticleBySlug, type ArticleScope } from '../../content/articles/article.repo.js'
import { listCorrections } from '../../content/corrections/correction.repo.js'
import { findPersonBySlug } from '../../content/people/person.repo.js'
import { findRedirectSlug } from '../../content/redirects/redirect.repo.js'
import { findTermRedirect } from '../../content/redirects/term-redirect.repo.js'
import { findSectionBySlug } from '../../content/sections/section.repo.js'
import { httpDate, lastSiteChange } from '../../content/site-changes.js'
import { DEFAULT_SETTINGS, readSettings } from '../../content/settings/settings.repo.js'
import { findTagBySlug } from '../../content/tags/tag.repo.js'
import { ArticlePage } from '../../views/pages/article-page.js'
import { HomePage } from '../../views/pages/home-page.js'
import { ListingPage } from '../../views/pages/listing-page.js'
import { ErrorPage, NotFoundPage } from '../../views/pages/not-found-page.js'
import type { SiteView } from '../../views/site-view.js'
import type { AppDeps } from '../app.js'
import { CACHE } from '../cache-control.js'
import { absoluteUrl, paths } from '../paths.js'
import { loadSiteView } from './load-site-view.js'
import { taggedPage } from '../tagged-page.js'

export const ARTICLES_PER_PAGE = 12
const MAX_PAGE = 1_000_000

type Deps = Pick<AppDeps, 'db' | 'clock' | 'siteUrl'>

/** The public site: front page, articles, and section, tag and author pages, all paginated. */
export function siteRoutes(deps: Deps): Hono {
  const app = new Hono()
  const { db, clock } = deps
  const siteView = (): Promise<SiteView> => loadSiteView(deps)
  const html = async (c: Context, body: unknown, status: 200 | 404 = 200) => {
    if (status !== 200) return c.html(body as string, status, { 'Cache-Control': CACHE.notFound })
    const lastModified = httpDate(await lastSiteChange(db, clock.now()))
    return taggedPage(c, body, { 'Cache-Control': CACHE.page, 'Last-Modified': lastModified })
  }
  const notFound = async (c: Context) => (await redirectFromOldUrl(c, deps)) ?? html(c, <NotFoundPage site={await siteView()} />, 404)

  /** Renders page `n` of a list, or the 404 page past its end. */
  const listing = async (c: Context, scope: ArticleScope, render: (site: SiteView, page: Awaited<ReturnType<typeof listPublicArticles>>) => unknown) => {
    const n = pageNumber(c.req.param('n'))
    if (n === undefined) return notFound(c)
    if (c.req.param('n') === '1') return c.redirect(new URL(c.req.url).pathname.replace(/page\/1\/$/, ''), 301)
    const page = await listPublicArticles(db, scope, { page: n, perPage: ARTICLES_PER_PAGE, now: clock.now() })
    if (n > page.pages) return notFound(c)
    return html(c, render(await siteView(), page))
  }

  const home = async (c: Context) => {
    // WordPress links by id (`/?p=12`, `/?page_id=7`) lead to the imported article.
    if (c.req.query('p') !== undefined || c.req.query('page_id') !== undefined) return notFound(c)
    return listing(c, { kind: 'all' }, (site, page) => <HomePage site={site} page={page} />)
  }
  app.get('/', home)
  app.get('/page/:n{[0-9]+}/', home)

  const section = async (c: Context) => {
    const found = await findSectionBySlug(db, c.req.param('slug')!)
    if (!found) return notFound(c)
    return listing(c, { kind: 'section', sectionId: found.id }, (site, page) => (
      <ListingPage site={site} kind="Section" name={found.name} description={found.description} page={page}
        canonical={absoluteUrl(deps.siteUrl, paths.section(found.slug, page.page))} pageUrl={(n) => paths.section(found.slug, n)} />
    ))
  }
  app.get('/section/:slug/', section)
  app.get('/section/:slug/page/:n{[0-9]+}/', section)

  const tag = async (c: Context) => {
    const found = await findTagBySlug(db, c.req.param('slug')!)
    if (!found) return notFound(c)
    return listing(c, { kind: 'tag', tagId: found.id }, (site, page) => (
      <ListingPage site={site} kind="Tag" name={found.name} description={found.description} page={page}
        canonical={absoluteUrl(deps.siteUrl, paths.tag(found.slug, page.page))} pageUrl={(n) => paths.tag(found.slug, n)} />
    ))
  }
  app.get('/tag/:slug/', tag)
  app.get('/tag/:slug/page/:n{[0-9]+}/', tag)

  const author = async (c: Context) => {
    const found = await findPersonBySlug(db, c.req.param('slug')!)
    if (!found) return notFound(c)
    return listing(c, { kind: 'author', personId: found.id }, (site, page) => (
      <ListingPage site={site} kind="Author" name={found.name} description={found.bio} page={page}
        canonical={absoluteUrl(deps.siteUrl, paths.author(found.slug, page.page))} pageUrl={(n) => paths.author(found.slug, n)} />
    ))
  }
  app.get('/author/:slug/', author)
  app.get('/author/:slug/page/:n{[0-9]+}/', author)

  app.get('/:slug/', async (c) => {
    const article = await findPublicArticleBySlug(db, c.req.param('slug'), clock.now())
    if (!article) return notFound(c)
    const notes = await listCorrections(db, article.id)
    return html(c, <ArticlePage site={await siteView()} article={article} notes={notes} />)
  })

  return app
}

/**
 * A 301 to the article an imported archive's old URL belonged to, or to the section or tag an
 * old slug belonged to (its pages and feeds too); undefined otherwise. The Location is built
 * from the slug, never from the request, so it cannot point off the site.
 */
export async function redirectFromOldUrl(c: Context, { db, clock }: Pick<AppDeps, 'db' | 'clock'>): Promise<Response | undefined> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined
  const url = new URL(c.req.url)
  const slug = await findRedirectSlug(db, url.pathname + url.search, clock.now())
    ?? (url.search ? await findRedirectSlug(db, url.pathname, clock.now()) : undefined)
  if (slug !== undefined) return c.redirect(paths.article(slug), 301)
  const term = await termRedirect(db, url.pathname)
  return term === undefined ? undefined : c.redirect(term, 301)
}

/** `/section/SLUG/` or `/tag/SLUG/`, with a page or feed after it. */
const TERM_PATH = /^\/(section|tag)\/([^/]+)\/((?:page\/[1-9][0-9]{0,6}\/|rss\/|atom\/|feed\.json)?)$/

/** Where a section's or tag's old address (see `redirectOldTermSlug`) leads now, or undefined. */
async function termRedirect(db: AppDeps['db'], pathname: string): Promise<string | undefined> {
  const [, kind, encoded = '', rest = ''] = TERM_PATH.exec(pathname) ?? []
  if (kind !== 'section' && kind !== 'tag') return undefined
  let oldSlug: string
  try {
    oldSlug = decodeURIComponent(encoded)
  } catch {
    return undefined
  }
  const slug = await findTermRedirect(db, kind, oldSlug)
  return slug === undefined ? undefined : `${kind === 'section' ? paths.section(slug) : paths.tag(slug)}${rest}`
}

/** The 404 page, for URLs that match no route at all. */
export async function renderNotFoundPage({ db, siteUrl }: Pick<AppDeps, 'db' | 'siteUrl'>): Promise<string> {
  return (<NotFoundPage site={await loadSiteView({ db, siteUrl })} />).toString()
}

/** Page 1 when absent; undefined for anything that is not a page number we could have made. */
function pageNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return 1
  const n = Number(raw)
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_PAGE && String(n) === raw ? n : undefined
}

/** The 500 page; falls back to default settings when the database is what failed. */
export async function renderErrorPage({ db, siteUrl }: Pick<AppDeps, 'db' | 'siteUrl'>): Promise<string> {
  let site: SiteView = { settings: DEFAULT_SETTINGS, siteUrl, sections: [] }
  try {
    site = { ...site, settings: await readSettings(db) }
  } catch {
    // keep the defaults
  }
  return (<ErrorPage site={site} />).toString()
}
