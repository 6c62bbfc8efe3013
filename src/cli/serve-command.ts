import cluster from 'node:cluster'
import type { Config } from '../config.js'
import { systemClock } from '../core/clock.js'
import { consoleLog } from '../core/log.js'
import { startScheduler } from '../jobs/scheduler.js'
import { startWebhookDelivery } from '../jobs/webhook-delivery.js'
import { openSite } from '../site.js'
import { limitSqlitePageCache, whilePreparing } from '../storage/connect.js'
import { redactUrl } from '../storage/postgres.js'
import { serveExecArgv } from './serve-flags.js'
import { connectionDealer, takeDealtConnections } from './deal-connections.js'
import { issueSetupToken } from '../staff/staff-accounts.js'

/**
 * Starts the site and keeps it running until SIGINT or SIGTERM. With `workers` above 1, the
 * first process prepares the database, then that many processes share the port: SQLite in WAL
 * mode takes readers in parallel, and each process's page cache follows the change marker in
 * the database, so a change made through one is seen by all. Scheduled articles are published
 * by one scheduler, and webhooks delivered by one delivery worker: in the serving process, or with
 * workers in the primary (which serves nothing and outlives the workers it restarts; it finds
 * events the workers queue at its next poll, every few seconds).
 */
export async function serveCommand(config: Config): Promise<number> {
  if (cluster.isWorker) return runServer(config, { announce: false })
  await prepare(config)
  if (config.workers <= 1) return runServer(config, { announce: true })
  return superviseWorkers(config)
}

async function prepare(config: Config): Promise<void> {
  const site = await openSite(config)
  try {
    const where = config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir
    if (site.migrated.length) consoleLog.info(`Database ready in ${where} (applied ${site.migrated.join(', ')}).`)
    // Several nodes may start at once on one PostgreSQL database: they take turns here.
    await whilePreparing(site.db, async () => {
      if (config.demoContent) {
        // Loaded only when wanted: it brings the article writer and body renderer a reading server does without.
        const { seedDemoIfEmpty } = await import('../demo/seed-demo.js')
        const seeded = await seedDemoIfEmpty(site.db, site.files, systemClock.now())
        if (seeded) consoleLog.info(`The site was empty: added ${seeded} demo articles.`)
      }
      const setupToken = await issueSetupToken(site.db, systemClock.now())
      if (setupToken) consoleLog.info(`No staff yet. Create the first administrator at this one-time link (valid 24 hours):\n  ${config.siteUrl}/admin/setup?token=${setupToken}`)
    })
  } finally {
    await site.close()
  }
}

async function runServer(config: Config, { announce }: { announce: boolean }): Promise<number> {
  const site = await openSite(config)
  limitSqlitePageCache(site.db, config.sqliteCacheMb)
  const scheduler = cluster.isWorker ? undefined : startScheduler({ db: site.db, clock: systemClock, log: consoleLog })
  const delivery = cluster.isWorker ? undefined : startWebhookDelivery({ db: site.db, clock: systemClock, log: consoleLog })
  // Loaded here, not with this module: the primary of several workers serves nothing and does without them.
  const [{ createWebApp }, { createNodeServer }] = await Promise.all([import('../http/app.js'), import('../http/node-server.js')])
  const { app, cache } = createWebApp({ db: site.db, files: site.files, clock: systemClock, log: consoleLog, siteUrl: config.siteUrl, trustProxy: config.trustProxy, uploadLimitBytes: config.uploadLimitBytes })
  const server = createNodeServer(app, cache, undefined, { socketFastPath: config.socketFastPath })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
    if (cluster.isWorker) takeDealtConnections(server)
    else server.listen(config.port, config.host)
  })
  if (announce) consoleLog.info(`Masthead is ready at ${config.siteUrl}/`)
  return new Promise<number>((resolve) => {
    const stop = () => {
      server.close(() => { void (async () => { await scheduler?.stop(); await delivery?.stop(); await site.close(); resolve(0) })() })
      // Keep-alive connections would hold close() open; end them.
      server.closeAllConnections()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

async function superviseWorkers(config: Config): Promise<number> {
  // Each worker starts with a bounded young generation (see serve-flags.ts).
  cluster.setupPrimary({ execArgv: serveExecArgv(process.execArgv, process.env.NODE_OPTIONS) })
  // The primary listens and deals connections out (see deal-connections.ts).
  const dealer = connectionDealer()
  let stopping = false
  const fork = () => dealer.add(cluster.fork())
  const stopWorkers = () => {
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
  }
  try {
    await new Promise<void>((resolve, reject) => {
      let ready = 0
      dealer.onReady(() => { if (++ready === config.workers) resolve() })
      cluster.on('exit', (worker, code, signal) => {
        if (stopping) return
        if (ready < config.workers) reject(new Error(`a worker exited on start (code ${code}, signal ${signal})`))
        else {
          consoleLog.warn(`worker ${worker.process.pid} exited (code ${code}, signal ${signal}); starting another`)
          fork()
        }
      })
      for (let i = 0; i < config.workers; i++) fork()
    })
    await dealer.listen(config.port, config.host)
  } catch (error) {
    stopWorkers()
    throw error
  }
  consoleLog.info(`Masthead is ready at ${config.siteUrl}/ (${config.workers} worker processes)`)
  const site = await openSite(config)
  const scheduler = startScheduler({ db: site.db, clock: systemClock, log: consoleLog })
  const delivery = startWebhookDelivery({ db: site.db, clock: systemClock, log: consoleLog })
  return new Promise<number>((resolve) => {
    const stop = () => {
      void dealer.close()
      stopWorkers()
      cluster.disconnect(() => { void (async () => { await scheduler.stop(); await delivery.stop(); await site.close(); resolve(0) })() })
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
