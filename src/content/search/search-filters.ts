import { sql, type RawBuilder } from 'kysely'

/** Optional narrowing of a search; dates are UTC calendar days, both ends included. */
export interface SearchFilters {
  sectionSlug?: string
  authorSlug?: string
  /** YYYY-MM-DD */
  from?: string
  /** YYYY-MM-DD */
  to?: string
}

/** The filters as `and …` conditions on the articles aliased `a` (portable SQL). */
export function filtersOf(filters: SearchFilters): RawBuilder<unknown> {
  const conditions = filterConditions(filters)
  return conditions.length ? sql`and ${sql.join(conditions, sql` and `)}` : sql``
}

/** The filters as a list of conditions on the articles aliased `a` (portable SQL); empty when none. */
export function filterConditions({ sectionSlug, authorSlug, from, to }: SearchFilters): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = []
  if (sectionSlug !== undefined) conditions.push(sql`a.section_id = (select id from sections where slug = ${sectionSlug})`)
  if (authorSlug !== undefined) {
    conditions.push(sql`a.id in (select aa.article_id from article_authors aa join people p on p.id = aa.person_id where p.slug = ${authorSlug})`)
  }
  if (from !== undefined) conditions.push(sql`a.published_at >= ${startOfDay(from, 0)}`)
  if (to !== undefined) conditions.push(sql`a.published_at < ${startOfDay(to, 1)}`)
  return conditions
}

/** The ISO time at which day `date` + `plusDays` begins, in UTC. */
function startOfDay(date: string, plusDays: number): string {
  const day = new Date(`${date}T00:00:00.000Z`)
  day.setUTCDate(day.getUTCDate() + plusDays)
  return day.toISOString()
}
