import type { Context } from 'hono'
import { AdminLayout } from '../../views/admin/admin-layout.js'
import { ForbiddenPage } from '../../views/admin/auth-pages.js'
import type { AdminDeps } from './admin-deps.js'
import type { AdminEnv } from './admin-env.js'
import { CSRF_HEADER } from './csrf.js'
import { pageContext } from './page-context.js'

/** A request from the editor's script (JSON in, JSON out) rather than a form. */
export const wantsJson = (c: Context): boolean =>
  (c.req.header('Accept') ?? '').includes('application/json') || c.req.header(CSRF_HEADER) !== undefined

/** 403: a page for forms, `{ error }` for scripts. */
export async function forbidden(c: Context<AdminEnv>, deps: AdminDeps, message: string) {
  if (wantsJson(c)) return c.json({ error: message }, 403)
  return c.html(<ForbiddenPage page={await pageContext(c, deps)} message={message} />, 403)
}

/** 404 for an article id that names nothing. */
export async function notFound(c: Context<AdminEnv>, deps: AdminDeps) {
  const message = 'There is no such article. It may have been deleted.'
  if (wantsJson(c)) return c.json({ error: message }, 404)
  return c.html(
    <AdminLayout page={await pageContext(c, deps)} title="Not found">
      <h1>Not found</h1>
      <p>{message}</p>
      <p><a href="/admin/">Back to articles</a></p>
    </AdminLayout>,
    404,
  )
}
