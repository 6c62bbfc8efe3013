import { Hono, type Context } from 'hono'
import type { AppDeps } from '../../http/app.js'
import type { Db } from '../../storage/connect.js'
import { errorResponse } from './api-error.js'
import { toGhostAuthor } from './author-json.js'
import { AUTHOR_FILTER_FIELDS, AUTHOR_ORDER_FIELDS, browseAuthors, countAuthorPosts, DEFAULT_AUTHOR_ORDER, findAuthor } from './author-query.js'
import { browseRequest } from './browse-request.js'
import type { FilterFields, Where } from './filter-fields.js'
import type { OrderTerm } from './order.js'
import { toPagination } from './pagination.js'
import { parseOutputParams } from './query-params.js'
import { apiJson, getBoth } from './respond.js'
import { browseTags, countTagPosts, DEFAULT_TAG_ORDER, findTag, TAG_FILTER_FIELDS, TAG_ORDER_FIELDS } from './tag-query.js'
import { toGhostTag } from './tag-json.js'
import { pickFields } from './ghost-json.js'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'siteUrl'>

/** What differs between tags and authors; the routes are the same. */
interface TermResource<T extends { id: string }, F extends string, DB, TB extends keyof DB> {
  name: 'tags' | 'authors'
  notFound: string
  filterFields: FilterFields<DB, TB>
  orderFields: readonly F[]
  defaultOrder: OrderTerm<F>[]
  browse(db: Db, options: { where?: Where<DB, TB>; order: OrderTerm<F>[]; limit: number | 'all'; page: number }): Promise<{ items: T[]; total: number }>
  find(db: Db, by: { id: string } | { slug: string }): Promise<T | undefined>
  countPosts(db: Db, ids: string[], now: Date): Promise<Map<string, number>>
  toJson(item: T, options: { siteUrl: string; postCount?: number | undefined }): Record<string, unknown>
}

/** `/tags/`: every tag, by name. */
export const tagRoutes = (deps: Deps): Hono => termRoutes(deps, {
  name: 'tags', notFound: 'Tag not found.', filterFields: TAG_FILTER_FIELDS, orderFields: TAG_ORDER_FIELDS, defaultOrder: DEFAULT_TAG_ORDER,
  browse: browseTags, find: findTag, countPosts: countTagPosts, toJson: toGhostTag,
})

/** `/authors/`: every person with a byline, by name. */
export const authorRoutes = (deps: Deps): Hono => termRoutes(deps, {
  name: 'authors', notFound: 'Author not found.', filterFields: AUTHOR_FILTER_FIELDS, orderFields: AUTHOR_ORDER_FIELDS, defaultOrder: DEFAULT_AUTHOR_ORDER,
  browse: browseAuthors, find: findAuthor, countPosts: countAuthorPosts, toJson: toGhostAuthor,
})

/** Browse, read by id and read by `slug/SLUG/` for one kind of term; `include=count.posts` adds post counts. */
function termRoutes<T extends { id: string }, F extends string, DB, TB extends keyof DB>(
  { db, clock, siteUrl }: Deps, resource: TermResource<T, F, DB, TB>,
): Hono {
  const app = new Hono()
  const toJson = async (items: T[], params: { include: string[]; fields: string[] | undefined }) => {
    const counted = params.include.includes('count.posts')
    const counts = counted ? await resource.countPosts(db, items.map((item) => item.id), clock.now()) : undefined
    return items.map((item) => pickFields(resource.toJson(item, { siteUrl, postCount: counts?.get(item.id) }), params.fields, counted ? ['count'] : []))
  }

  getBoth(app, `/${resource.name}/`, async (c) => {
    const request = browseRequest(c.req.query(), { fields: resource.filterFields, orderFields: resource.orderFields, defaultOrder: resource.defaultOrder }, clock.now())
    if (!request.ok) return errorResponse(c, request.error)
    const { output, ...browse } = request.value
    const { items, total } = await resource.browse(db, browse)
    return apiJson(c, { [resource.name]: await toJson(items, output), meta: { pagination: toPagination({ ...browse, total }) } })
  })

  const read = async (c: Context, by: { id: string } | { slug: string }) => {
    const params = parseOutputParams(c.req.query())
    if (!params.ok) return errorResponse(c, params.error)
    const item = await resource.find(db, by)
    if (!item) return errorResponse(c, { type: 'not-found', message: resource.notFound })
    return apiJson(c, { [resource.name]: await toJson([item], params.value) })
  }
  getBoth(app, `/${resource.name}/slug/:slug/`, (c) => read(c, { slug: c.req.param('slug')! }))
  getBoth(app, `/${resource.name}/:id/`, (c) => read(c, { id: c.req.param('id')! }))
  return app
}
