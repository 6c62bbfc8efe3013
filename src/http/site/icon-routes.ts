import { Hono } from 'hono'
import { drawSiteIcon } from '../../images/site-icon.js'
import { SITE_ICON_PATH, SITE_ICON_SIZE } from '../../views/metadata/publisher.js'

const ONE_DAY = 'public, max-age=86400'

/** The site icon (also the publisher logo in structured data), drawn once on first request. */
export function iconRoutes(): Hono {
  const app = new Hono()
  let icon: Promise<Buffer> | undefined
  const png = () => (icon ??= drawSiteIcon(SITE_ICON_SIZE))
  app.get(SITE_ICON_PATH, async (c) => c.body(new Uint8Array(await png()), 200, { 'Content-Type': 'image/png', 'Cache-Control': ONE_DAY }))
  app.get('/favicon.ico', (c) => c.redirect(SITE_ICON_PATH, 301))
  return app
}
