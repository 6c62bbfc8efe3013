import { serve } from '@hono/node-server'
import type { Config } from '../config.js'
import { systemClock } from '../core/clock.js'
import { consoleLog } from '../core/log.js'
import { seedDemoIfEmpty } from '../demo/seed-demo.js'
import { createApp } from '../http/app.js'
import { openSite } from '../site.js'

/** Starts the site and keeps it running until SIGINT or SIGTERM. */
export async function serveCommand(config: Config): Promise<number> {
  const site = await openSite(config)
  if (site.migrated.length) consoleLog.info(`Database ready in ${config.dataDir} (applied ${site.migrated.join(', ')}).`)
  if (config.demoContent) {
    const seeded = await seedDemoIfEmpty(site.db, site.files, systemClock.now())
    if (seeded) consoleLog.info(`The site was empty: added ${seeded} demo articles.`)
  }
  const app = createApp({ db: site.db, files: site.files, clock: systemClock, log: consoleLog, siteUrl: config.siteUrl })
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  consoleLog.info(`Masthead is ready at ${config.siteUrl}/`)
  return new Promise<number>((resolve) => {
    const stop = () => {
      server.close(() => { void site.close().then(() => resolve(0)) })
      // Keep-alive connections would hold close() open; end them.
      ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
