import type { Page } from '../../content/articles/article.repo.js'

/** Newer/older links for a paginated list; `pageUrl` makes the URL of page n. */
export function Pagination({ page, pageUrl }: { page: Pick<Page<unknown>, 'page' | 'pages'>; pageUrl: (n: number) => string }) {
  if (page.pages <= 1) return null
  return (
    <nav class="pagination" aria-label="Pages">
      {page.page > 1 ? <a href={pageUrl(page.page - 1)} rel="prev">← Newer</a> : <span />}
      <span>Page {page.page} of {page.pages}</span>
      {page.page < page.pages ? <a href={pageUrl(page.page + 1)} rel="next">Older →</a> : <span />}
    </nav>
  )
}
