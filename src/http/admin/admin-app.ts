import { Hono, type MiddlewareHandler } from 'hono'
import { findActiveSession } from '../../staff/sessions.js'
import type { AppDeps } from '../app.js'
import { CACHE } from '../cache-control.js'
import { adminAssetRoutes } from './admin-assets.js'
import { ADMIN_CSP } from './admin-csp.js'
import { adminDepsOf } from './admin-deps.js'
import type { AdminEnv } from './admin-env.js'
import { articleActionRoutes } from './article-action-routes.js'
import { articleCorrectionRoutes } from './article-correction-routes.js'
import { articleEditorRoutes } from './article-editor-routes.js'
import { articleListRoutes } from './article-list-routes.js'
import { articlePreviewRoutes } from './article-preview-routes.js'
import { articleRevisionRoutes } from './article-revision-routes.js'
import { authRoutes } from './auth-routes.js'
import { csrfProtection } from './csrf.js'
import { integrationRoutes } from './integration-routes.js'
import { profileRoutes } from './profile-routes.js'
import { mediaLibraryRoutes } from './media-library-routes.js'
import { mediaPictureRoutes } from './media-picture-routes.js'
import { requestSizeLimit } from './request-size-limit.js'
import { requireSignedIn } from './require-signed-in.js'
import { settingsRoutes } from './settings-routes.js'
import { staffRoutes } from './staff-routes.js'
import { taxonomyRoutes } from './taxonomy-routes.js'
import { sessionTokenOf } from './session-cookie.js'
import { ADMIN_BODY_LIMIT_BYTES, isUploadRequest, UPLOAD_FORM_ALLOWANCE_BYTES, uploadLimitMessage } from './upload-limit.js'
import { webhookRoutes } from './webhook-routes.js'

export { ADMIN_CSP }

export { ADMIN_BODY_LIMIT_BYTES } from './upload-limit.js'

/**
 * Everything under `/admin/` (routers mounted at `/`, with full paths, so `/admin/` itself is a
 * route): never cached by anyone, under its own strict CSP, with the
 * session loaded and CSRF checked before any route runs; only sign-in and one-time-link pages
 * are reachable without signing in.
 */
export function adminApp(appDeps: AppDeps): Hono<AdminEnv> {
  const deps = adminDepsOf(appDeps)
  const app = new Hono<AdminEnv>()
  // Fingerprinted scripts and styles: public, cached for good, before any session work.
  app.route('/', adminAssetRoutes())
  app.use('/admin/*', adminHeaders())
  // Before the session and CSRF checks, which may parse the body: a picture gets its own
  // limit (MASTHEAD_UPLOAD_LIMIT_MB, which may be above or below the admin's), everything else
  // the admin's.
  app.use('/admin/*', requestSizeLimit((c) => isUploadRequest(c)
    ? { maxBytes: deps.uploadLimitBytes + UPLOAD_FORM_ALLOWANCE_BYTES, message: uploadLimitMessage(deps.uploadLimitBytes) }
    : { maxBytes: ADMIN_BODY_LIMIT_BYTES, message: `The request is larger than the admin's limit of ${ADMIN_BODY_LIMIT_BYTES / 1024 / 1024} MB.` }))
  app.use('/admin/*', async (c, next) => {
    c.set('session', await findActiveSession(deps.db, sessionTokenOf(c), deps.clock.now()))
    return next()
  })
  app.use('/admin/*', csrfProtection(deps))
  app.route('/', authRoutes(deps))
  app.use('/admin/*', requireSignedIn())
  app.route('/', articleListRoutes(deps))
  app.route('/', articleEditorRoutes(deps))
  app.route('/', articleActionRoutes(deps))
  app.route('/', articlePreviewRoutes(deps))
  app.route('/', articleRevisionRoutes(deps))
  app.route('/', articleCorrectionRoutes(deps))
  app.route('/', settingsRoutes(deps))
  app.route('/', integrationRoutes(deps))
  app.route('/', staffRoutes(deps))
  app.route('/', profileRoutes(deps))
  app.route('/', taxonomyRoutes(deps))
  app.route('/', mediaLibraryRoutes(deps))
  app.route('/', mediaPictureRoutes(deps))
  app.route('/', webhookRoutes(deps))
  return app
}

function adminHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    c.header('Cache-Control', CACHE.private)
    // A route may set a policy of its own (the preview allows the public page's inline style).
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', ADMIN_CSP)
    c.header('X-Frame-Options', 'DENY')
    c.header('Referrer-Policy', 'same-origin')
  }
}
