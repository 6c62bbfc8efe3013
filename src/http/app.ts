import { Hono, type Context, type ErrorHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { CONTENT_API_PATH, contentApi } from '../api/content/content-api.js'
import { WRITE_API_PATH } from '../api/v1/write-api-path.js'
import type { Clock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import type { Db } from '../storage/connect.js'
import type { FileStore } from '../storage/files/file-store.js'
import { DEFAULT_UPLOAD_LIMIT_BYTES } from './admin/admin-deps.js'
import { ADMIN_BODY_LIMIT_BYTES, UPLOAD_FORM_ALLOWANCE_BYTES } from './admin/upload-limit.js'
import { addTrailingSlash } from './site/add-trailing-slash.js'
import { iconRoutes } from './site/icon-routes.js'
import { feedRoutes } from './site/feed-routes.js'
import { mediaRoutes } from './site/media-routes.js'
import { sitemapRoutes } from './site/sitemap-routes.js'
import { assetRoutes } from './site/asset-routes.js'
import { searchRoutes } from './site/search-routes.js'
import { redirectFromOldUrl, renderErrorPage, renderNotFoundPage, siteRoutes } from './site/site-routes.js'
import { CACHE } from './cache-control.js'
import { compress } from './compress.js'
import { pageCache, type PageCache } from './page-cache.js'
import { conditionalGet } from './conditional-get.js'
import { securityHeaderList, securityHeaders } from './security-headers.js'

/**
 * The largest request body any route takes: the admin's limit, or a picture upload at the
 * configured limit if that is larger. Routes that read bodies set their own, lower limits.
 * @example maxRequestBodyBytes({ uploadLimitBytes: 40 * 1024 * 1024 }) // 40 MB and the form around it
 */
export function maxRequestBodyBytes({ uploadLimitBytes = DEFAULT_UPLOAD_LIMIT_BYTES }: Pick<AppDeps, 'uploadLimitBytes'>): number {
  return Math.max(ADMIN_BODY_LIMIT_BYTES, uploadLimitBytes + UPLOAD_FORM_ALLOWANCE_BYTES)
}

export interface AppDeps {
  db: Db
  files: FileStore
  clock: Clock
  log: Log
  /** Public origin without a trailing slash. */
  siteUrl: string
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy?: boolean
  /** The largest picture the admin accepts, in bytes (default DEFAULT_UPLOAD_LIMIT_BYTES, 20 MB). */
  uploadLimitBytes?: number
}

/**
 * The whole web application, without I/O of its own: tests call `app.request()` on it.
 * Public pages are answered from the page cache when they can be; everything else, and every
 * cache miss, goes through the site's routes.
 * @example const app = createApp({ db, files, clock: systemClock, log: consoleLog, siteUrl: 'http://127.0.0.1:3000' })
 */
export function createApp(deps: AppDeps, options: { cache?: boolean } = {}): Hono {
  return createWebApp(deps, options).app
}

/**
 * The application and its page cache, for a server that answers cache hits before the router
 * (see `PageCache.serveNode`).
 */
export function createWebApp(
  deps: AppDeps, { cache = true, cacheBytes }: { cache?: boolean; cacheBytes?: number } = {},
): { app: Hono; cache: PageCache | undefined } {
  const site = siteApp(deps)
  const app = new Hono()
  const headers = securityHeaderList(deps.siteUrl)
  const pages = cache ? pageCache(site, { ...deps, securityHeaders: headers }, cacheBytes === undefined ? {} : { maxBytes: cacheBytes }) : undefined
  app.use(securityHeaders(headers))
  // No route reads more than this; a larger body is refused before any of it is read.
  app.use(bodyLimit({ maxSize: maxRequestBodyBytes(deps), onError: (c) => c.text('Payload Too Large', 413) }))
  if (pages) app.use(pages)
  // Order matters: compression wraps the ETag check, so ETags hash the uncompressed bytes.
  app.use(compress())
  app.use(conditionalGet())
  // Runs after the routes: only a URL that found nothing is sent on to its trailing-slash form.
  app.use(addTrailingSlash())
  app.all('*', (c) => site.fetch(c.req.raw, c.env))
  app.onError(errorHandler(deps))
  return { app, cache: pages }
}

/** Every route of the site, with its 404 and 500 pages, and no caching or compression. */
function siteApp(deps: AppDeps): Hono {
  const app = new Hono()
  const notFound = async (c: Context) => (await redirectFromOldUrl(c, deps)) ?? c.html(await renderNotFoundPage(deps), 404)
  // The newsroom is loaded on its first request: a process that only serves readers never holds it.
  onFirstUse(app, '/admin', async () => (await import('./admin/admin-app.js')).adminApp(deps), { notFound, onError: errorHandler(deps) })
  // Its own 404s, errors and CORS; before the site routes, which would answer its paths with pages.
  app.route(CONTENT_API_PATH, contentApi(deps))
  onFirstUse(app, WRITE_API_PATH, async () => new Hono().route(WRITE_API_PATH, (await import('../api/v1/write-api.js')).writeApi(deps)))
  app.route('/media', mediaRoutes(deps))
  app.route('/', iconRoutes())
  app.route('/', sitemapRoutes(deps))
  app.route('/', feedRoutes(deps)) // before the site routes, whose /:slug/ would take /rss/ and /atom/
  // Before the site routes: their catch-all `/:slug/` would take `/search/` and `/assets/…`.
  app.route('/', assetRoutes())
  app.route('/', searchRoutes(deps))
  app.route('/', siteRoutes(deps))
  app.notFound(notFound)
  app.onError(errorHandler(deps))
  return app
}

/**
 * Routes `prefix` and everything below it to the app `load` makes, made on the first such request
 * (the admin and the write API: about 14 MB of a server's memory and a third of its start-up, for
 * requests a public server may never see). `handlers` gives it the site's 404 and 500 answers, which
 * it had when it was mounted directly.
 */
function onFirstUse(app: Hono, prefix: string, load: () => Promise<Hono<any>>, handlers?: { notFound: (c: Context) => Promise<Response>; onError: ErrorHandler }): void {
  let loading: Promise<Hono<any>> | undefined
  // `prefix/*` takes `prefix` itself too.
  app.all(`${prefix}/*`, async (c) => {
    loading ??= load().then((loaded) => {
      if (handlers) loaded.notFound(handlers.notFound).onError(handlers.onError)
      return loaded
    }, (error: unknown) => {
      loading = undefined
      throw error
    })
    return (await loading).fetch(c.req.raw, c.env)
  })
}

function errorHandler(deps: AppDeps): ErrorHandler {
  return async (error, c) => {
    deps.log.error(`${c.req.method} ${c.req.path} failed`, error)
    return c.html(await renderErrorPage(deps), 500, { 'Cache-Control': CACHE.none })
  }
}
