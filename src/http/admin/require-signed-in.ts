import type { MiddlewareHandler } from 'hono'
import type { AdminEnv } from './admin-env.js'

/**
 * Lets through only fully signed-in staff. Pages send others to sign in (and back afterwards);
 * scripts get a 401 they can act on.
 */
export function requireSignedIn(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const session = c.get('session')
    if (session?.secondFactorPending) return c.redirect('/admin/second-factor', 303)
    if (session) return next()
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      return c.redirect(`/admin/sign-in?next=${encodeURIComponent(c.req.path)}`, 303)
    }
    return c.json({ error: 'Sign in first: your session has ended.' }, 401)
  }
}
