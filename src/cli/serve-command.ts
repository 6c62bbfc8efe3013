import http from 'node:http'
import { getRequestListener } from '@hono/node-server'
import type { Config } from '../config.js'
import { systemClock } from '../core/clock.js'
import { consoleLog } from '../core/log.js'
import { seedDemoIfEmpty } from '../demo/seed-demo.js'
import { createWebApp } from '../http/app.js'
import { openSite } from '../site.js'

/** Starts the site and keeps it running until SIGINT or SIGTERM. */
export async function serveCommand(config: Config): Promise<number> {
  const site = await openSite(config)
  if (site.migrated.length) consoleLog.info(`Database ready in ${config.dataDir} (applied ${site.migrated.join(', ')}).`)
  if (config.demoContent) {
    const seeded = await seedDemoIfEmpty(site.db, site.files, systemClock.now())
    if (seeded) consoleLog.info(`The site was empty: added ${seeded} demo articles.`)
  }
  const { app, cache } = createWebApp({ db: site.db, files: site.files, clock: systemClock, log: consoleLog, siteUrl: config.siteUrl })
  const routed = getRequestListener(app.fetch)
  // Cache hits are written straight to the socket; everything else goes through the router.
  const server = http.createServer((req, res) => {
    if (!cache?.serveNode(req, res)) void routed(req, res)
  })
  server.listen(config.port, config.host)
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  consoleLog.info(`Masthead is ready at ${config.siteUrl}/`)
  return new Promise<number>((resolve) => {
    const stop = () => {
      server.close(() => { void site.close().then(() => resolve(0)) })
      // Keep-alive connections would hold close() open; end them.
      server.closeAllConnections()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
