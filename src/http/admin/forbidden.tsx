import type { Context } from 'hono'
import { ForbiddenPage } from '../../views/admin/auth-pages.js'
import type { AdminDeps } from './admin-deps.js'
import type { AdminEnv } from './admin-env.js'
import { pageContext } from './page-context.js'

/**
 * The 403 for an action the signed-in person's role does not allow: a page for browsers, JSON
 * for scripts. The server's answer, whatever the page offered.
 * @example if (!canOnSite(staff, 'settings.manage')) return forbidden(c, deps, 'Only administrators change the settings.')
 */
export async function forbidden(c: Context<AdminEnv>, deps: Pick<AdminDeps, 'db'>, message: string): Promise<Response> {
  if ((c.req.header('Accept') ?? '').includes('application/json')) return c.json({ error: message }, 403)
  return c.html(<ForbiddenPage page={await pageContext(c, deps)} message={message} />, 403)
}
