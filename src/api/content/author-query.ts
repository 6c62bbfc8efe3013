import type { SelectQueryBuilder } from 'kysely'
import { PUBLIC_STATUSES } from '../../content/articles/article.repo.js'
import type { Person } from '../../content/taxonomy.js'
import type { Db } from '../../storage/connect.js'
import { textField, type FilterFields, type Where } from './filter-fields.js'
import type { OrderTerm } from './order.js'
import { inBatches } from './batches.js'
import { pageWindow } from './pagination.js'

const peopleFrom = (db: Db) => db.selectFrom('people as p')
type AuthorDb = ReturnType<typeof peopleFrom> extends SelectQueryBuilder<infer DB, any, any> ? DB : never
export type AuthorWhere = Where<AuthorDb, 'p'>

export const AUTHOR_FILTER_FIELDS: FilterFields<AuthorDb, 'p'> = {
  id: textField((eb) => eb.ref('p.id')),
  slug: textField((eb) => eb.ref('p.slug')),
  name: textField((eb) => eb.ref('p.name')),
  bio: textField((eb) => eb.ref('p.bio')),
}

const ORDER_COLUMNS = { name: 'p.name', slug: 'p.slug', id: 'p.id' } as const
export type AuthorOrderField = keyof typeof ORDER_COLUMNS
export const AUTHOR_ORDER_FIELDS = Object.keys(ORDER_COLUMNS) as AuthorOrderField[]
export const DEFAULT_AUTHOR_ORDER: OrderTerm<AuthorOrderField>[] = [{ field: 'name', direction: 'asc' }]

const COLUMNS = ['p.id', 'p.slug', 'p.name', 'p.bio'] as const

/**
 * One page of authors (Masthead's people with a byline) matching `where`, and how many match.
 * @example const { items } = await browseAuthors(db, { order: DEFAULT_AUTHOR_ORDER, limit: 'all', page: 1 })
 */
export async function browseAuthors(
  db: Db, { where, order, limit, page }: { where?: AuthorWhere; order: OrderTerm<AuthorOrderField>[]; limit: number | 'all'; page: number },
): Promise<{ items: Person[]; total: number }> {
  const matching = where ? peopleFrom(db).where(where) : peopleFrom(db)
  const { total } = await matching.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  let query = matching.select(COLUMNS)
  for (const term of order) query = query.orderBy(ORDER_COLUMNS[term.field], term.direction)
  query = query.orderBy('p.id', 'asc')
  const window = pageWindow(page, limit)
  if (window) query = query.limit(window.limit).offset(window.offset)
  return { items: await query.execute(), total: Number(total) }
}

export async function findAuthor(db: Db, by: { id: string } | { slug: string }): Promise<Person | undefined> {
  const query = 'id' in by ? peopleFrom(db).where('p.id', '=', by.id) : peopleFrom(db).where('p.slug', '=', by.slug)
  return query.select(COLUMNS).executeTakeFirst()
}

/** How many public posts (not pages) each of these people has a byline on: Ghost's `count.posts`. */
export async function countAuthorPosts(db: Db, personIds: string[], now: Date): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map()
  const rows = await inBatches(personIds, (slice) => db.selectFrom('articleAuthors as aa').innerJoin('articles as a', 'a.id', 'aa.articleId')
    .select(['aa.personId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('aa.personId', 'in', slice).where('a.kind', '=', 'post')
    .where('a.status', 'in', PUBLIC_STATUSES).where('a.publishedAt', '<=', now.toISOString())
    .groupBy('aa.personId').execute())
  const counted = new Map(rows.map((r) => [r.personId, Number(r.n)]))
  return new Map(personIds.map((id) => [id, counted.get(id) ?? 0]))
}
