import { raw } from 'hono/html'
import type { Article } from '../../content/articles/article.js'
import type { Correction } from '../../content/corrections/correction.js'
import { absoluteUrl, paths } from '../../http/paths.js'
import { Byline } from '../components/byline.js'
import { CorrectionNotes } from '../components/correction-notes.js'
import { Picture } from '../components/picture.js'
import { excerpt } from '../excerpt.js'
import { Layout } from '../layout.js'
import { ArticleMetadata } from '../metadata/article-metadata.js'
import type { SiteView } from '../site-view.js'

/** The article page: section, headline, dek, byline, hero picture, body, corrections and updates, tags. */
export function ArticlePage({ site, article, notes = [] }: { site: SiteView; article: Article; notes?: Correction[] }) {
  const hero = article.hero
  const description = article.dek || excerpt(article.body.html, 160)
  const canonical = article.canonicalUrl ?? absoluteUrl(site.siteUrl, paths.article(article.slug))
  return (
    <Layout
      site={site}
      title={article.headline}
      description={description}
      canonical={canonical}
      language={article.language}
      head={<ArticleMetadata article={article} notes={notes} site={site} canonical={canonical} description={description} />}
    >
      <article class="article">
        <header>
          {article.section && <a class="kicker" href={paths.section(article.section.slug)}>{article.section.name}</a>}
          <h1>{article.headline}</h1>
          {article.dek && <p class="dek">{article.dek}</p>}
          <Byline article={article} language={article.language} timeZone={site.settings.timeZone} />
        </header>
        {hero && (
          <figure class="hero">
            <Picture picture={hero.picture} alt={hero.alt} sizes="(min-width: 46.5rem) 44rem, 100vw" priority />
            {(hero.caption || hero.credit) && (
              <figcaption>
                {hero.caption}
                {hero.credit && <span class="credit">{hero.credit}</span>}
              </figcaption>
            )}
          </figure>
        )}
        <div class="body">{raw(article.body.html)}</div>
        <CorrectionNotes notes={notes} language={article.language} timeZone={site.settings.timeZone} />
        {article.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {article.tags.map((t) => <li><a href={paths.tag(t.slug)} rel="tag">{t.name}</a></li>)}
          </ul>
        )}
      </article>
    </Layout>
  )
}
