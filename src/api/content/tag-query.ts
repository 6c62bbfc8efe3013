import type { SelectQueryBuilder } from 'kysely'
import { PUBLIC_STATUSES } from '../../content/articles/article.repo.js'
import type { Tag } from '../../content/taxonomy.js'
import type { Db } from '../../storage/connect.js'
import { constantField, textField, type FilterFields, type Where } from './filter-fields.js'
import type { OrderTerm } from './order.js'
import { inBatches } from './batches.js'
import { pageWindow } from './pagination.js'

const tagsFrom = (db: Db) => db.selectFrom('tags as t')
type TagDb = ReturnType<typeof tagsFrom> extends SelectQueryBuilder<infer DB, any, any> ? DB : never
export type TagWhere = Where<TagDb, 't'>

export const TAG_FILTER_FIELDS: FilterFields<TagDb, 't'> = {
  id: textField((eb) => eb.ref('t.id')),
  slug: textField((eb) => eb.ref('t.slug')),
  name: textField((eb) => eb.ref('t.name')),
  description: textField((eb) => eb.ref('t.description')),
  visibility: constantField('public'),
}

const ORDER_COLUMNS = { name: 't.name', slug: 't.slug', id: 't.id' } as const
export type TagOrderField = keyof typeof ORDER_COLUMNS
export const TAG_ORDER_FIELDS = Object.keys(ORDER_COLUMNS) as TagOrderField[]
export const DEFAULT_TAG_ORDER: OrderTerm<TagOrderField>[] = [{ field: 'name', direction: 'asc' }]

const COLUMNS = ['t.id', 't.slug', 't.name', 't.description'] as const

/**
 * One page of tags matching `where`, and how many match in all. Every tag is public in
 * Masthead (its page exists whether or not it has articles), as Ghost lists every public tag.
 * @example const { items, total } = await browseTags(db, { order: DEFAULT_TAG_ORDER, limit: 15, page: 1 })
 */
export async function browseTags(
  db: Db, { where, order, limit, page }: { where?: TagWhere; order: OrderTerm<TagOrderField>[]; limit: number | 'all'; page: number },
): Promise<{ items: Tag[]; total: number }> {
  const matching = where ? tagsFrom(db).where(where) : tagsFrom(db)
  const { total } = await matching.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  let query = matching.select(COLUMNS)
  for (const term of order) query = query.orderBy(ORDER_COLUMNS[term.field], term.direction)
  query = query.orderBy('t.id', 'asc')
  const window = pageWindow(page, limit)
  if (window) query = query.limit(window.limit).offset(window.offset)
  return { items: await query.execute(), total: Number(total) }
}

export async function findTag(db: Db, by: { id: string } | { slug: string }): Promise<Tag | undefined> {
  const query = 'id' in by ? tagsFrom(db).where('t.id', '=', by.id) : tagsFrom(db).where('t.slug', '=', by.slug)
  return query.select(COLUMNS).executeTakeFirst()
}

/** How many public posts (not pages) each of these tags has: Ghost's `count.posts`. */
export async function countTagPosts(db: Db, tagIds: string[], now: Date): Promise<Map<string, number>> {
  if (tagIds.length === 0) return new Map()
  const rows = await inBatches(tagIds, (slice) => db.selectFrom('articleTags as at').innerJoin('articles as a', 'a.id', 'at.articleId')
    .select(['at.tagId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('at.tagId', 'in', slice).where('a.kind', '=', 'post')
    .where('a.status', 'in', PUBLIC_STATUSES).where('a.publishedAt', '<=', now.toISOString())
    .groupBy('at.tagId').execute())
  const counted = new Map(rows.map((r) => [r.tagId, Number(r.n)]))
  return new Map(tagIds.map((id) => [id, counted.get(id) ?? 0]))
}
