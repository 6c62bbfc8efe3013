import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely'
import type { ArticleKind } from '../../content/articles/article.js'
import { PUBLIC_STATUSES } from '../../content/articles/article.repo.js'
import { listedCount, listedIds, listKeyOf } from '../../content/articles/article-listings.js'
import type { Db } from '../../storage/connect.js'
import { booleanField, constantField, dateField, numberField, relationField, textField, type FilterFields, type Matcher, type Where } from './filter-fields.js'
import type { OrderTerm } from './order.js'
import { pageWindow } from './pagination.js'

const articlesFrom = (db: Db) => db.selectFrom('articles as a')
type PostDb = ReturnType<typeof articlesFrom> extends SelectQueryBuilder<infer DB, any, any> ? DB : never
type PostEb = ExpressionBuilder<PostDb, 'a'>
export type PostWhere = Where<PostDb, 'a'>

/** An article's tags (or only its first, the primary one) with a key column matched. */
const tagsMatching = (column: 'slug' | 'id', primaryOnly: boolean) => (eb: PostEb, match: Matcher) => {
  let tags = eb.selectFrom('articleTags as at').innerJoin('tags as t', 't.id', 'at.tagId').select('at.tagId').whereRef('at.articleId', '=', 'a.id')
  if (primaryOnly) tags = tags.where('at.position', '=', eb.selectFrom('articleTags as first').select((e) => e.fn.min('first.position').as('p')).whereRef('first.articleId', '=', 'a.id'))
  return eb.exists(tags.where((ieb) => match(ieb, ieb.ref(`t.${column}`))))
}

const authorsMatching = (column: 'slug' | 'id', primaryOnly: boolean) => (eb: PostEb, match: Matcher) => {
  let people = eb.selectFrom('articleAuthors as aa').innerJoin('people as p', 'p.id', 'aa.personId').select('aa.personId').whereRef('aa.articleId', '=', 'a.id')
  if (primaryOnly) people = people.where('aa.position', '=', eb.selectFrom('articleAuthors as first').select((e) => e.fn.min('first.position').as('p')).whereRef('first.articleId', '=', 'a.id'))
  return eb.exists(people.where((ieb) => match(ieb, ieb.ref(`p.${column}`))))
}

const sectionMatching = (eb: PostEb, match: Matcher) =>
  eb.exists(eb.selectFrom('sections as s').select('s.id').whereRef('s.id', '=', 'a.sectionId').where((ieb) => match(ieb, ieb.ref('s.slug'))))

/**
 * The fields a posts or pages filter may name: Ghost's, with tags and authors matched by slug
 * (`tag:news`, `authors.slug:[mara,jon]`), plus Masthead's `section`. Nothing else, so a filter
 * can never reach a column the API does not show.
 */
export const POST_FILTER_FIELDS: FilterFields<PostDb, 'a'> = {
  id: textField((eb) => eb.ref('a.id')),
  slug: textField((eb) => eb.ref('a.slug')),
  title: textField((eb) => eb.ref('a.headline')),
  // An empty dek is Ghost's null custom_excerpt, so `custom_excerpt:null` means "no dek".
  custom_excerpt: textField((eb) => eb.fn<string | null>('nullif', [eb.ref('a.dek'), eb.val('')])),
  featured: booleanField((eb) => eb.ref('a.featured')),
  published_at: dateField((eb) => eb.ref('a.publishedAt')),
  updated_at: dateField((eb) => eb.ref('a.updatedAt')),
  created_at: dateField((eb) => eb.ref('a.createdAt')),
  reading_time: numberField((eb) => eb.ref('a.readingMinutes')),
  visibility: constantField('public'),
  tag: relationField(tagsMatching('slug', false)),
  tags: relationField(tagsMatching('slug', false)),
  'tags.slug': relationField(tagsMatching('slug', false)),
  'tags.id': relationField(tagsMatching('id', false)),
  primary_tag: relationField(tagsMatching('slug', true)),
  'primary_tag.slug': relationField(tagsMatching('slug', true)),
  author: relationField(authorsMatching('slug', false)),
  authors: relationField(authorsMatching('slug', false)),
  'authors.slug': relationField(authorsMatching('slug', false)),
  'authors.id': relationField(authorsMatching('id', false)),
  primary_author: relationField(authorsMatching('slug', true)),
  'primary_author.slug': relationField(authorsMatching('slug', true)),
  section: relationField(sectionMatching),
  'section.slug': relationField(sectionMatching),
}

const ORDER_COLUMNS = {
  published_at: 'a.publishedAt',
  updated_at: 'a.updatedAt',
  created_at: 'a.createdAt',
  title: 'a.headline',
  slug: 'a.slug',
  id: 'a.id',
  featured: 'a.featured',
  reading_time: 'a.readingMinutes',
} as const
export type PostOrderField = keyof typeof ORDER_COLUMNS
export const POST_ORDER_FIELDS = Object.keys(ORDER_COLUMNS) as PostOrderField[]

/** Newest first, as Ghost lists posts and pages by default. */
export const DEFAULT_POST_ORDER: OrderTerm<PostOrderField>[] = [{ field: 'published_at', direction: 'desc' }]

/** Posts or pages a reader may see now: published, or scheduled with their time come (see `isPublic`). */
function publicArticles(db: Db, kind: ArticleKind, now: Date) {
  return articlesFrom(db).where('a.kind', '=', kind).where('a.status', 'in', PUBLIC_STATUSES).where('a.publishedAt', '<=', now.toISOString())
}

/**
 * The ids of one page of public posts (or pages) matching `where`, in `order`, and how many
 * match in all. The id breaks ties, so pages never overlap.
 * @example const { ids, total } = await browsePostIds(db, 'post', now, { order: DEFAULT_POST_ORDER, limit: 15, page: 1 })
 */
export async function browsePostIds(
  db: Db, kind: ArticleKind, now: Date,
  { where, order, limit, page }: { where?: PostWhere; order: OrderTerm<PostOrderField>[]; limit: number | 'all'; page: number },
): Promise<{ ids: string[]; total: number }> {
  const window = pageWindow(page, limit)
  // The plain newest-first list of posts is the front page's: read a page of the kept list.
  if (kind === 'post' && !where && window && isNewestFirst(order)) {
    const key = listKeyOf({ kind: 'all' })
    const [ids, total] = await Promise.all([listedIds(db, key, { ...window, now }), listedCount(db, key, now)])
    return { ids, total }
  }
  const matching = where ? publicArticles(db, kind, now).where(where) : publicArticles(db, kind, now)
  const { total } = await matching.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  let query = matching.select('a.id')
  for (const term of order) query = query.orderBy(ORDER_COLUMNS[term.field], term.direction)
  query = query.orderBy('a.id', order.at(-1)?.direction ?? 'desc')
  if (window) query = query.limit(window.limit).offset(window.offset)
  return { ids: (await query.execute()).map((row) => row.id), total: Number(total) }
}

/** Whether `order` is the default, published_at descending (the id then breaks ties, descending too). */
function isNewestFirst(order: OrderTerm<PostOrderField>[]): boolean {
  return order.length === 1 && order[0]!.field === 'published_at' && order[0]!.direction === 'desc'
}

/** The id of the public post (or page) with this id or slug, if there is one. */
export async function findPublicPostId(db: Db, kind: ArticleKind, now: Date, by: { id: string } | { slug: string }): Promise<string | undefined> {
  const query = 'id' in by ? publicArticles(db, kind, now).where('a.id', '=', by.id) : publicArticles(db, kind, now).where('a.slug', '=', by.slug)
  return (await query.select('a.id').executeTakeFirst())?.id
}
