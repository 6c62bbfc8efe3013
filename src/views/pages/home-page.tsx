import type { ArticleSummary } from '../../content/articles/article.js'
import type { Page } from '../../content/articles/article.repo.js'
import { absoluteUrl, paths } from '../../http/paths.js'
import { ArticleCard, ArticleMeta } from '../components/article-card.js'
import { Pagination } from '../components/pagination.js'
import { Picture } from '../components/picture.js'
import { Layout } from '../layout.js'
import { HomeMetadata } from '../metadata/home-metadata.js'
import type { SiteView } from '../site-view.js'

/** The front page: on page 1 a lead story, then the rest as cards; later pages are plain lists. */
export function HomePage({ site, page }: { site: SiteView; page: Page<ArticleSummary> }) {
  const { settings } = site
  const [lead, ...rest] = page.page === 1 ? page.items : [undefined, ...page.items]
  return (
    <Layout
      site={site}
      title={page.page > 1 ? `Page ${page.page}` : undefined}
      description={settings.description}
      canonical={absoluteUrl(site.siteUrl, paths.home(page.page))}
      head={page.page === 1 && <HomeMetadata site={site} canonical={absoluteUrl(site.siteUrl, paths.home())} />}
    >
      <h1 class="list-title">{page.page > 1 ? `Latest news, page ${page.page}` : 'Latest news'}</h1>
      {page.items.length === 0 && <p>Nothing has been published yet.</p>}
      {lead && (
        <article class="lead">
          {lead.hero && <Picture picture={lead.hero.picture} alt={lead.hero.alt} sizes="(min-width: 56rem) 41rem, 92vw" priority />}
          <div>
            {lead.section && <a class="kicker" href={paths.section(lead.section.slug)}>{lead.section.name}</a>}
            <h2><a href={paths.article(lead.slug)}>{lead.headline}</a></h2>
            {lead.dek && <p class="dek">{lead.dek}</p>}
            <ArticleMeta article={lead} language={settings.language} timeZone={settings.timeZone} />
          </div>
        </article>
      )}
      {rest.length > 0 && (
        <ul class="cards">
          {rest.map((a) => a && <li><ArticleCard article={a} language={settings.language} timeZone={settings.timeZone} headingLevel={2} /></li>)}
        </ul>
      )}
      <Pagination page={page} pageUrl={(n) => paths.home(n)} />
    </Layout>
  )
}
