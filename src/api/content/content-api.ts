import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { assertNever } from '../../core/result.js'
import type { AppDeps } from '../../http/app.js'
import { loadSiteView } from '../../http/site/load-site-view.js'
import { checkContentKey, type ContentKeyError } from '../keys/check-content-key.js'
import { errorResponse, type ApiError } from './api-error.js'
import { postRoutes } from './post-routes.js'
import { apiJson, getBoth } from './respond.js'
import { toGhostSettings } from './settings-json.js'
import { authorRoutes, tagRoutes } from './term-routes.js'

/** Where Ghost's clients look for the Content API, below the site URL. */
export const CONTENT_API_PATH = '/ghost/api/content'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'siteUrl' | 'log'>

/**
 * The read-only Content API, compatible with Ghost's (mount at `CONTENT_API_PATH`): posts,
 * pages, tags, authors and settings, for anyone with a Content API key in `?key=`. Open to
 * every origin, since the key is public by design (it goes into browser code) and gives only
 * what the public site shows.
 * @example app.route(CONTENT_API_PATH, contentApi(deps))
 */
export function contentApi(deps: Deps): Hono {
  const { db, clock, siteUrl, log } = deps
  const app = new Hono()
  // First: preflights are answered here without a key, and every answer, errors too, carries CORS headers.
  app.use(cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86_400, exposeHeaders: ['Content-Version'] }))
  app.use(async (c, next) => {
    const key = await checkContentKey(db, c.req.query('key'), clock.now())
    if (!key.ok) return errorResponse(c, toKeyError(key.error))
    await next()
  })
  app.route('/', postRoutes(deps, 'post'))
  app.route('/', postRoutes(deps, 'page'))
  app.route('/', tagRoutes(deps))
  app.route('/', authorRoutes(deps))
  getBoth(app, '/settings/', async (c) => {
    return apiJson(c, { settings: toGhostSettings(await loadSiteView({ db, siteUrl })), meta: {} })
  })
  app.all('*', (c) => errorResponse(c, { type: 'not-found', message: 'Resource not found' }))
  app.onError((error, c) => {
    log.error(`${c.req.method} ${c.req.path} failed`, error)
    return errorResponse(c, { type: 'internal' })
  })
  return app
}

function toKeyError(error: ContentKeyError): ApiError {
  switch (error.type) {
    case 'missing-key':
      return { type: 'unauthorized', message: 'Authorization failed', context: 'Give a Content API key in the key parameter: ?key=…' }
    case 'unknown-key':
      return { type: 'unauthorized', message: 'Unknown Content API Key' }
    default:
      return assertNever(error)
  }
}
