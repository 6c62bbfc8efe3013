import { z } from 'zod'
import { Slug } from '../../content/articles/slug.js'
import type { SearchFilters } from '../../content/search/search.repo.js'

const MAX_PAGE = 1_000

/** A real calendar day, written YYYY-MM-DD (what `<input type="date">` sends). */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((day) => {
  const date = new Date(`${day}T00:00:00.000Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day)
})

const PageNumber = z.string().regex(/^[1-9][0-9]*$/).transform(Number).pipe(z.number().int().max(MAX_PAGE))

export interface SearchParams {
  q: string
  filters: SearchFilters
  /** undefined when `page` is not a page number we could have linked to: the caller answers 404. */
  page: number | undefined
  /** Filters that were given but not understood, and so ignored, in words for the reader. */
  ignored: string[]
}

/**
 * Reads the search page's query string. A filter that does not parse is left out and named in
 * `ignored`, so the reader still gets results and sees why the filter did not apply; an empty
 * field (an untouched form control) is simply absent.
 * @example parseSearchParams({ q: 'ferry', from: '2026-02-30' }) // { q: 'ferry', filters: {}, page: 1, ignored: ['the “from” date'] }
 */
export function parseSearchParams(query: Record<string, string | undefined>): SearchParams {
  const ignored: string[] = []
  const read = <T>(name: string, schema: z.ZodType<T>, label: string): T | undefined => {
    const raw = query[name]?.trim()
    if (!raw) return undefined
    const parsed = schema.safeParse(raw)
    if (parsed.success) return parsed.data
    ignored.push(label)
    return undefined
  }
  const filters: SearchFilters = {
    sectionSlug: read('section', Slug, 'the section'),
    authorSlug: read('author', Slug, 'the author'),
    from: read('from', Day, 'the “from” date'),
    to: read('to', Day, 'the “to” date'),
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    ignored.push('the date range (its end is before its start)')
    filters.from = undefined
    filters.to = undefined
  }
  const rawPage = query.page
  const page = rawPage === undefined || rawPage === '' ? 1 : PageNumber.safeParse(rawPage).data
  return { q: query.q ?? '', filters: dropUndefined(filters), page, ignored }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
