import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { findArticleById } from '../../content/articles/article.repo.js'
import { EMBED_FRAME_ORIGINS } from '../../content/body/embed-providers.js'
import { listCorrections } from '../../content/corrections/correction.repo.js'
import { ID_RE } from '../../core/ids.js'
import { canOnArticle } from '../../staff/permissions.js'
import { ArticlePage } from '../../views/pages/article-page.js'
import { siteCss } from '../../views/site-css.js'
import { CACHE } from '../cache-control.js'
import { loadSiteView } from '../site/load-site-view.js'
import { ADMIN_CSP } from './admin-csp.js'
import type { AdminDeps } from './admin-deps.js'
import { signedInStaff, type AdminEnv } from './admin-env.js'
import { forbidden, notFound } from './article-responses.js'

/**
 * The admin's policy with two exceptions, so the preview shows what readers will see: the public
 * page's own inline stylesheet, allowed by its hash (the public pages inline their CSS; the
 * admin allows no other inline style), and the embed providers' frames (sandboxed and
 * cross-origin, as on the public page).
 */
export const PREVIEW_CSP = `${ADMIN_CSP.replace("style-src 'self'", `style-src 'self' 'sha256-${createHash('sha256').update(siteCss).digest('base64')}'`)}; frame-src ${EMBED_FRAME_ORIGINS.join(' ')}`

/**
 * `GET /admin/articles/:id/preview`: the article as the public page would show it, drawn by the
 * public page's own view from the same data, whatever the article's status. Never stored by
 * any cache, never indexed.
 */
export function articlePreviewRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>()
  app.get('/admin/articles/:id/preview', async (c) => {
    const id = c.req.param('id')
    const article = ID_RE.test(id) ? await findArticleById(deps.db, id) : undefined
    if (!article) return notFound(c, deps)
    const access = { ownerId: article.workflow.ownerId, status: article.status, publishedAt: article.publishedAt }
    if (!canOnArticle(signedInStaff(c), 'view', access)) return forbidden(c, deps, 'This is someone else’s article.')
    const notes = await listCorrections(deps.db, article.id)
    return c.html(<ArticlePage site={await loadSiteView(deps)} article={article} notes={notes} />, 200, {
      'Cache-Control': CACHE.private,
      'X-Robots-Tag': 'noindex, nofollow',
      'Content-Security-Policy': PREVIEW_CSP,
    })
  })
  return app
}
