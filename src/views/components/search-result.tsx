import type { SearchHit } from '../../content/search/search.repo.js'
import { paths } from '../../http/paths.js'
import { formatDate } from '../format.js'
import { Highlighted } from './highlighted.js'

/** One search result: headline link and snippet with the matches marked, section and date. */
export function SearchResult({ hit, language, timeZone }: { hit: SearchHit; language: string; timeZone?: string }) {
  const { article } = hit
  return (
    <li class="search-result">
      <h2><a href={paths.article(article.slug)}><Highlighted parts={hit.headline} /></a></h2>
      <p class="meta">
        {article.section && <><a href={paths.section(article.section.slug)}>{article.section.name}</a> · </>}
        {article.publishedAt && <time datetime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt, language, timeZone)}</time>}
      </p>
      {hit.snippet.length > 0 && <p class="snippet"><Highlighted parts={hit.snippet} /></p>}
    </li>
  )
}
