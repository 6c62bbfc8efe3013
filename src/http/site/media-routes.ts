import { Hono } from 'hono'
import { isValidFileKey } from '../../storage/files/file-store.js'
import type { AppDeps } from '../app.js'
import { CACHE } from '../cache-control.js'

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
}

/**
 * Serves stored pictures. Their keys hold a fresh id per upload, so a URL's content never
 * changes and browsers may keep it for a year. Keys are plain ASCII, so the path is used
 * undecoded: an encoded `..` or slash simply matches no key.
 */
export function mediaRoutes({ files }: Pick<AppDeps, 'files'>): Hono {
  const app = new Hono()
  app.get('/*', async (c) => {
    const key = new URL(c.req.url).pathname.replace(/^\/media\//, '')
    const type = TYPES[key.split('.').pop() ?? '']
    if (!type || !isValidFileKey(key)) return c.notFound()
    const data = await files.read(key)
    if (!data) return c.notFound()
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': type,
      'Cache-Control': CACHE.immutable,
      'Content-Length': String(data.length),
      // Said here and not only by the site-wide headers: these bytes came from uploads.
      'X-Content-Type-Options': 'nosniff',
    })
  })
  return app
}
