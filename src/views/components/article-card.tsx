import type { ArticleSummary } from '../../content/articles/article.js'
import { paths } from '../../http/paths.js'
import { formatDate } from '../format.js'
import { Picture } from './picture.js'

/** One article in a list: picture, section, headline link, dek and date. */
export function ArticleCard({ article, language, timeZone, headingLevel = 3 }: { article: ArticleSummary; language: string; timeZone?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article class="card">
      {article.hero && <Picture picture={article.hero.picture} alt="" sizes="(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 92vw" />}
      {article.section && <a class="kicker" href={paths.section(article.section.slug)}>{article.section.name}</a>}
      <Heading><a href={paths.article(article.slug)}>{article.headline}</a></Heading>
      {article.dek && <p>{article.dek}</p>}
      <ArticleMeta article={article} language={language} timeZone={timeZone} />
    </article>
  )
}

/** Date and reading time, for lists. */
export function ArticleMeta({ article, language, timeZone }: { article: ArticleSummary; language: string; timeZone?: string | undefined }) {
  return (
    <p class="meta">
      {article.authors.length > 0 && <>{article.authors.map((a) => a.name).join(', ')} · </>}
      {article.publishedAt && <time datetime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt, language, timeZone)}</time>}
      {' '}· {article.readingMinutes} min read
    </p>
  )
}
