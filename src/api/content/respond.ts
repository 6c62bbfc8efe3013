import type { Context, Handler, Hono } from 'hono'
import { CACHE } from '../../http/cache-control.js'

/** The Content API version Masthead answers as (Ghost sends its own in `Content-Version`). */
export const CONTENT_VERSION = 'v5.0'

/** A successful answer: JSON, revalidated on every use (the ETag comes from `conditionalGet`). */
export function apiJson(c: Context, body: object): Response {
  return c.json(body, 200, { 'Cache-Control': CACHE.api, 'Content-Version': CONTENT_VERSION })
}

/**
 * Registers a GET route at `path` and at `path` without its trailing slash: Ghost's clients
 * always add the slash, hand-written URLs often do not.
 * @example getBoth(app, '/posts/slug/:slug/', handler) // also answers /posts/slug/:slug
 */
export function getBoth(app: Hono, path: string, handler: Handler): void {
  app.get(path, handler)
  if (path.endsWith('/')) app.get(path.slice(0, -1), handler)
}
