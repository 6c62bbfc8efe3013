/** Ghost's `meta.pagination`. */
export interface Pagination {
  page: number
  limit: number | 'all'
  pages: number
  total: number
  next: number | null
  prev: number | null
}

/**
 * The pagination of one page of a list, as Ghost reports it: at least one page even when empty,
 * `next` and `prev` null at the ends.
 * @example toPagination({ page: 2, limit: 2, total: 5 }) // { page: 2, limit: 2, pages: 3, total: 5, next: 3, prev: 1 }
 */
export function toPagination({ page, limit, total }: { page: number; limit: number | 'all'; total: number }): Pagination {
  const pages = limit === 'all' ? 1 : Math.max(1, Math.ceil(total / limit))
  return { page, limit, pages, total, next: page < pages ? page + 1 : null, prev: page > 1 ? page - 1 : null }
}

/** The rows of page `page` in SQL terms: no limit for `all`. */
export function pageWindow(page: number, limit: number | 'all'): { limit: number; offset: number } | undefined {
  return limit === 'all' ? undefined : { limit, offset: (page - 1) * limit }
}
