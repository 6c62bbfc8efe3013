import { Hono } from 'hono'
import { findPersonBySlug } from '../../content/people/person.repo.js'
import { authorsForSearch } from '../../content/search/search-authors.js'
import { findSectionBySlug } from '../../content/sections/section.repo.js'
import { plainText } from '../../content/search/highlight-parts.js'
import { parseSearchQuery } from '../../content/search/search-query.js'
import { searchArticles } from '../../content/search/search.repo.js'
import { NotFoundPage } from '../../views/pages/not-found-page.js'
import { SearchPage, type SearchOutcome } from '../../views/pages/search-page.js'
import type { AppDeps } from '../app.js'
import { ASSETS } from '../assets/assets.js'
import { CACHE } from '../cache-control.js'
import { paths } from '../paths.js'
import { loadSiteView } from './load-site-view.js'
import { parseSearchParams } from './search-params.js'
import { taggedPage } from '../tagged-page.js'

export const RESULTS_PER_PAGE = 20
export const SUGGESTIONS = 8

type Deps = Pick<AppDeps, 'db' | 'clock' | 'siteUrl'>

/**
 * `/search/` (the page, complete without JavaScript) and `/search/suggest` (JSON for the
 * as-you-type script). Results are public and the same for every reader, so they take the
 * page cache class: a just-unpublished article may linger in a cached result for as long as
 * it lingers on a cached section page, and no longer.
 */
export function searchRoutes(deps: Deps): Hono {
  const app = new Hono()
  const { db, clock } = deps

  app.get('/search/', async (c) => {
    const params = parseSearchParams(c.req.query())
    const site = await loadSiteView(deps)
    const { sections } = site
    if (params.page === undefined) return c.html(<NotFoundPage site={site} />, 404, { 'Cache-Control': CACHE.notFound })

    const { filters, ignored } = params
    // A well-formed slug that names nothing is as good as a typo: say so rather than find nothing.
    if (filters.sectionSlug && !(await findSectionBySlug(db, filters.sectionSlug))) {
      ignored.push('the section (there is no such section)')
      delete filters.sectionSlug
    }
    if (filters.authorSlug && !(await findPersonBySlug(db, filters.authorSlug))) {
      ignored.push('the author (there is no such author)')
      delete filters.authorSlug
    }
    const values = { q: params.q, section: filters.sectionSlug, author: filters.authorSlug, from: filters.from, to: filters.to }
    const pageUrl = (n: number) => paths.search({ ...values, page: n > 1 ? n : undefined })

    const query = parseSearchQuery(params.q)
    let outcome: SearchOutcome = { kind: 'form' }
    if (query.ok) {
      const page = await searchArticles(db, query.value, filters, { page: params.page, perPage: RESULTS_PER_PAGE, now: clock.now() })
      if (params.page > 1 && page.items.length === 0) return c.html(<NotFoundPage site={site} />, 404, { 'Cache-Control': CACHE.notFound })
      outcome = { kind: 'results', page }
    } else if (query.error === 'no-words') {
      outcome = { kind: 'no-words' }
    }
    const page = (
      <SearchPage site={site} values={values} authors={await authorsForSearch(db)} ignored={ignored} outcome={outcome}
        pageUrl={pageUrl} scriptSrc={ASSETS.searchScript.path} />
    )
    return taggedPage(c, page, { 'Cache-Control': CACHE.page })
  })

  app.get('/search/suggest', async (c) => {
    const query = parseSearchQuery(c.req.query('q') ?? '')
    if (!query.ok) return c.json({ results: [] }, 200, { 'Cache-Control': CACHE.page })
    const page = await searchArticles(db, query.value, {}, { page: 1, perPage: SUGGESTIONS, now: clock.now() })
    const results = page.items.map((hit) => ({
      headline: hit.article.headline,
      url: paths.article(hit.article.slug),
      snippet: plainText(hit.snippet),
      snippetParts: hit.snippet,
    }))
    return c.json({ results }, 200, { 'Cache-Control': CACHE.page })
  })

  return app
}
