import type { ArticleSummary } from '../../content/articles/article.js'
import type { Page } from '../../content/articles/article.repo.js'
import { ArticleCard } from '../components/article-card.js'
import { Pagination } from '../components/pagination.js'
import { feedLinks } from '../feed-links.js'
import { Layout } from '../layout.js'
import type { SiteView } from '../site-view.js'

interface ListingPageProps {
  site: SiteView
  /** What the list is of: 'Section', 'Tag' or 'Author'. */
  kind: string
  name: string
  description: string
  canonical: string
  page: Page<ArticleSummary>
  pageUrl: (n: number) => string
}

/** A section, tag or author page: a heading, the description, and their articles, paginated. */
export function ListingPage({ site, kind, name, description, canonical, page, pageUrl }: ListingPageProps) {
  const language = site.settings.language
  return (
    <Layout
      site={site}
      title={page.page > 1 ? `${name}, page ${page.page}` : name}
      description={description || `${kind}: ${name} – the latest articles from ${site.settings.title}.`}
      canonical={canonical}
      feeds={feedLinks(site, `${site.settings.title} – ${name}`, pageUrl(1))}
    >
      <header class="listing-head">
        <p class="list-title">{kind}</p>
        <h1>{name}</h1>
        {description && <p>{description}</p>}
      </header>
      {page.items.length === 0
        ? <p>No articles here yet.</p>
        : <ul class="cards">{page.items.map((a) => <li><ArticleCard article={a} language={language} timeZone={site.settings.timeZone} headingLevel={2} /></li>)}</ul>}
      <Pagination page={page} pageUrl={pageUrl} />
    </Layout>
  )
}
