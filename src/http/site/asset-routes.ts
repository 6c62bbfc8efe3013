import { Hono } from 'hono'
import { ASSETS } from '../assets/assets.js'
import { CACHE } from '../cache-control.js'

/**
 * Serves the fingerprinted assets. Mounted before the site routes, whose `/:slug/` would
 * otherwise see `/assets/…` first (`assets` is a reserved slug, so no article takes it).
 */
export function assetRoutes(): Hono {
  const app = new Hono()
  const byPath = new Map(Object.values(ASSETS).map((asset) => [asset.path, asset]))
  app.get('/assets/:file', (c) => {
    const asset = byPath.get(c.req.path)
    if (!asset) return c.notFound()
    return c.body(asset.body, 200, { 'Content-Type': asset.contentType, 'Cache-Control': CACHE.immutable })
  })
  return app
}
