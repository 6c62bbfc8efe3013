import type { Context } from 'hono'
import { readSettings } from '../../content/settings/settings.repo.js'
import type { AdminPageContext } from '../../views/admin/admin-layout.js'
import type { AdminDeps } from './admin-deps.js'
import type { AdminEnv } from './admin-env.js'

/** What the admin layout needs for this request. */
export async function pageContext(c: Context<AdminEnv>, deps: Pick<AdminDeps, 'db'>): Promise<AdminPageContext> {
  const session = c.get('session')
  const settings = await readSettings(deps.db)
  return {
    siteTitle: settings.title,
    ...(session && !session.secondFactorPending && { staff: session.staff }),
    formToken: c.get('formToken'),
    path: c.req.path,
  }
}

/**
 * Where to go after signing in: only a path inside the admin, so a crafted link cannot send a
 * freshly signed-in editor to another site.
 * @example safeNext('//evil.example/') // '/admin/'
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/admin/') || next.startsWith('//') || /[\\\r\n]/.test(next)) return '/admin/'
  return next
}
