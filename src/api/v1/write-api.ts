import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps } from '../../http/app.js'
import { adminDepsOf } from '../../http/admin/admin-deps.js'
import { requestSizeLimit } from '../../http/admin/request-size-limit.js'
import { ADMIN_BODY_LIMIT_BYTES, UPLOAD_FORM_ALLOWANCE_BYTES, uploadLimitMessage } from '../../http/admin/upload-limit.js'
import { identifyCaller, type ApiEnv } from './api-caller.js'
import { problem } from './api-problem.js'
import { defineRoute, mountRoutes, type ApiRoute } from './api-route.js'
import { articleRoutes } from './article-routes.js'
import { openApiDocument } from './openapi-document.js'
import { PICTURE_UPLOAD_PATH, pictureRoutes } from './picture-routes.js'
import { termRoutes } from './term-routes.js'
import { webhookRoutes } from './webhook-routes.js'
import { WRITE_API_PATH } from './write-api-path.js'

export { WRITE_API_PATH } from './write-api-path.js'
export const OPENAPI_PATH = '/openapi.json'

/**
 * Every route of the write API, in one list: `writeApi` mounts exactly these, and the OpenAPI
 * document describes exactly these.
 */
export function writeApiRoutes(appDeps: AppDeps): ApiRoute[] {
  const deps = adminDepsOf(appDeps)
  const routes: ApiRoute[] = [...articleRoutes(deps), ...pictureRoutes(deps), ...termRoutes(deps), ...webhookRoutes(deps)]
  const documentRoute: ApiRoute = defineRoute({
    method: 'get', path: OPENAPI_PATH, operationId: 'getOpenApiDocument', tag: 'meta', access: 'public',
    summary: 'This API, described in OpenAPI 3.1',
    responses: { 200: { description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) } },
    handle: async (c): Promise<Response> => c.json(openApiDocument([documentRoute, ...routes], { serverUrl: deps.siteUrl })),
  })
  return [documentRoute, ...routes]
}

/**
 * Masthead's own write API (mount at `WRITE_API_PATH`): articles, pictures, sections and tags as
 * JSON, for integrations with a key (`Authorization: Bearer …`) and for signed-in staff (session
 * cookie, and `X-CSRF-Token` to write). Not open to other origins (no CORS): integrations call it
 * from servers. See docs/write-api.md.
 * @example app.route(WRITE_API_PATH, writeApi(deps))
 */
export function writeApi(appDeps: AppDeps): Hono<ApiEnv> {
  const deps = adminDepsOf(appDeps)
  const routes = writeApiRoutes(appDeps)
  const app = new Hono<ApiEnv>()
  app.use('*', async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  // Before anything reads the body: a picture gets the upload limit, anything else the admin's.
  app.use('*', requestSizeLimit((c) => c.req.method === 'POST' && c.req.path === WRITE_API_PATH + PICTURE_UPLOAD_PATH
    ? { maxBytes: deps.uploadLimitBytes + UPLOAD_FORM_ALLOWANCE_BYTES, message: uploadLimitMessage(deps.uploadLimitBytes) }
    : { maxBytes: ADMIN_BODY_LIMIT_BYTES, message: `The request is larger than the limit of ${ADMIN_BODY_LIMIT_BYTES / 1024 / 1024} MB.` },
  (c, message) => problem(c, { type: 'too-large', message })))
  const isPublic = new Set(routes.filter((r) => r.access === 'public').map((r) => WRITE_API_PATH + r.path))
  const identify = identifyCaller(deps)
  app.use('*', async (c, next) => (isPublic.has(c.req.path) ? next() : identify(c, next)))
  mountRoutes(app, routes)
  app.all('*', (c) => problem(c, { type: 'not-found', message: 'There is no such route: see /api/v1/openapi.json.' }))
  app.onError((error, c) => {
    deps.log.error(`${c.req.method} ${c.req.path} failed`, error)
    return problem(c, { type: 'internal', message: 'Something went wrong on the server.' })
  })
  return app
}
