import { raw } from 'hono/html'
import type { Page } from '../../content/articles/article.repo.js'
import type { SearchHit } from '../../content/search/search.repo.js'
import type { PersonRef } from '../../content/taxonomy.js'
import { Pagination } from '../components/pagination.js'
import { SearchForm, type SearchFormValues } from '../components/search-form.js'
import { SearchResult } from '../components/search-result.js'
import { Layout } from '../layout.js'
import { searchCss } from '../search-css.js'
import type { SiteView } from '../site-view.js'

/** What the page shows under the form. */
export type SearchOutcome =
  | { kind: 'form' }
  | { kind: 'no-words' }
  | { kind: 'results'; page: Page<SearchHit> }

interface SearchPageProps {
  site: SiteView
  values: SearchFormValues
  authors: PersonRef[]
  /** Filters that were ignored, in words. */
  ignored: string[]
  outcome: SearchOutcome
  pageUrl: (n: number) => string
  /** The fingerprinted suggestion script. */
  scriptSrc: string
}

/** The search page: the form, then the result count and results, or why there are none. */
export function SearchPage({ site, values, authors, ignored, outcome, pageUrl, scriptSrc }: SearchPageProps) {
  const q = values.q.trim()
  const pageNo = outcome.kind === 'results' && outcome.page.page > 1 ? `, page ${outcome.page.page}` : ''
  return (
    <Layout
      site={site}
      title={q ? `Search: ${q}${pageNo}` : 'Search'}
      description={`Search the articles of ${site.settings.title}.`}
      head={<>
        <meta name="robots" content="noindex" />
        <style>{raw(searchCss)}</style>
        <script src={scriptSrc} defer></script>
      </>}
    >
      <header class="search-head"><h1>Search</h1></header>
      <SearchForm values={values} sections={site.sections} authors={authors} />
      {ignored.length > 0 && (
        <p class="search-notice" role="status">Not understood, so left out of the search: {ignored.join(', ')}.</p>
      )}
      <Outcome outcome={outcome} q={q} language={site.settings.language} timeZone={site.settings.timeZone} pageUrl={pageUrl} />
    </Layout>
  )
}

function Outcome({ outcome, q, language, timeZone, pageUrl }: { outcome: SearchOutcome; q: string; language: string; timeZone: string; pageUrl: (n: number) => string }) {
  switch (outcome.kind) {
    case 'form': return null
    case 'no-words': return <p class="search-notice">Your search has no words in it to look for. Try letters or numbers.</p>
    case 'results': {
      const { page } = outcome
      if (page.total === 0) return <p class="search-empty">No articles match “{q}”. Try fewer or different words, or remove a filter.</p>
      return (
        <section aria-labelledby="search-results-title">
          <h2 id="search-results-title" class="visually-hidden">Results</h2>
          <p class="search-count">{page.total === 1 ? '1 result' : `${page.total} results`} for “{q}”</p>
          <ol class="search-results" start={(page.page - 1) * page.perPage + 1}>
            {page.items.map((hit) => <SearchResult hit={hit} language={language} timeZone={timeZone} />)}
          </ol>
          <Pagination page={page} pageUrl={pageUrl} />
        </section>
      )
    }
  }
}
