import type { ArticleSummary } from '../../content/articles/article.js'
import { paths } from '../../http/paths.js'
import { formatDate, joinNames } from '../format.js'

/** Update notes only show when an article changed noticeably later than it was published. */
const UPDATE_THRESHOLD_MS = 10 * 60 * 1000

/** Authors (linked), publication date, update date and reading time: the row under a headline. */
export function Byline({ article, language, timeZone }: { article: ArticleSummary; language: string; timeZone?: string }) {
  const published = article.publishedAt
  const updated = published && article.updatedAt.getTime() - published.getTime() > UPDATE_THRESHOLD_MS ? article.updatedAt : null
  const parts = [
    article.authors.length > 0 && (
      <span>
        By{' '}
        {joinNames(article.authors).map(({ item, separator }) => (
          <>{separator}<a href={paths.author(item.slug)} rel="author">{item.name}</a></>
        ))}
      </span>
    ),
    published && <time datetime={published.toISOString()}>{formatDate(published, language, timeZone)}</time>,
    updated && <span>Updated <time datetime={updated.toISOString()}>{formatDate(updated, language, timeZone)}</time></span>,
  ].filter(Boolean)
  return (
    <p class="byline">
      {parts.map((part, i) => <>{i > 0 && <span aria-hidden="true">·</span>}{part}</>)}
      <span>· {article.readingMinutes} min read</span>
    </p>
  )
}
