import { Hono, type Context } from 'hono'
import type { ArticleKind } from '../../content/articles/article.js'
import type { AppDeps } from '../../http/app.js'
import { errorResponse, type ApiError } from './api-error.js'
import { browseRequest } from './browse-request.js'
import { toPagination } from './pagination.js'
import { toGhostPost } from './post-json.js'
import { browsePostIds, DEFAULT_POST_ORDER, findPublicPostId, POST_FILTER_FIELDS, POST_ORDER_FIELDS } from './post-query.js'
import { loadPostRecords } from './post-records.js'
import { parseOutputParams } from './query-params.js'
import { apiJson, getBoth } from './respond.js'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'siteUrl'>

/**
 * `/posts/` or `/pages/` (by `kind`): browse, read by id, read by `slug/SLUG/`. Only public
 * articles exist here; anything else is 404, exactly as if it did not exist.
 */
export function postRoutes({ db, clock, siteUrl }: Deps, kind: ArticleKind): Hono {
  const app = new Hono()
  const resource = kind === 'post' ? 'posts' : 'pages'
  const notFound: ApiError = { type: 'not-found', message: kind === 'post' ? 'Post not found.' : 'Page not found.' }

  getBoth(app, `/${resource}/`, async (c) => {
    const now = clock.now()
    const request = browseRequest(c.req.query(), { fields: POST_FILTER_FIELDS, orderFields: POST_ORDER_FIELDS, defaultOrder: DEFAULT_POST_ORDER }, now)
    if (!request.ok) return errorResponse(c, request.error)
    const { output, ...browse } = request.value
    const { ids, total } = await browsePostIds(db, kind, now, browse)
    const posts = (await loadPostRecords(db, ids)).map((post) => toGhostPost(post, { siteUrl, ...output }))
    return apiJson(c, { [resource]: posts, meta: { pagination: toPagination({ ...browse, total }) } })
  })

  const read = async (c: Context, by: { id: string } | { slug: string }) => {
    const params = parseOutputParams(c.req.query())
    if (!params.ok) return errorResponse(c, params.error)
    const id = await findPublicPostId(db, kind, clock.now(), by)
    const [post] = id ? await loadPostRecords(db, [id]) : []
    if (!post) return errorResponse(c, notFound)
    return apiJson(c, { [resource]: [toGhostPost(post, { siteUrl, ...params.value })] })
  }
  getBoth(app, `/${resource}/slug/:slug/`, (c) => read(c, { slug: c.req.param('slug')! }))
  getBoth(app, `/${resource}/:id/`, (c) => read(c, { id: c.req.param('id')! }))
  return app
}
