import type { MiddlewareHandler } from 'hono'
import { replaceResponse } from '../replace-response.js'

/**
 * Sends `/some-article` on to `/some-article/` when only the slashed form exists. Runs after
 * the routes, on 404s only. The Location is a path (never a host), and paths starting with
 * `//` are left alone so the redirect cannot point to another site. The write API's paths
 * (`/api/…`) have no trailing slashes: its 404s are answers, not pages to look for elsewhere.
 */
export function addTrailingSlash(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const { method, path } = c.req
    if (c.res.status !== 404 || (method !== 'GET' && method !== 'HEAD')) return
    if (path.endsWith('/') || path.startsWith('//') || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) return
    const url = new URL(c.req.url) // its pathname is percent-encoded: no CR/LF can reach the header
    replaceResponse(c, new Response(null, { status: 301, headers: { Location: `${url.pathname}/${url.search}` } }))
  }
}
