import { publishDueArticles } from '../content/articles/publish-due-articles.js'
import { nextDueAfter } from '../content/site-changes.js'
import type { Clock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import type { Db } from '../storage/connect.js'

export interface SchedulerDeps {
  db: Db
  clock: Clock
  log: Log
  /** Told the ids of the articles each pass published (for webhooks); its failures are logged. */
  onPublished?: (ids: string[]) => void | Promise<void>
  /**
   * The longest sleep between passes. Besides waking at the next known due time, the scheduler
   * looks again this often, for articles scheduled since (possibly by another process).
   */
  maxWaitMs?: number
}

export interface Scheduler {
  /** Resolves once the pass in progress, if any, has finished. */
  idle(): Promise<void>
  /** Stops waking, and resolves once the pass in progress has finished. */
  stop(): Promise<void>
}

/**
 * Publishes scheduled articles when their time comes: a pass at start (catching up on whatever
 * fell due while nothing ran, so a restart loses nothing), then one at the next due time or after
 * `maxWaitMs`, whichever is sooner. State lives in the database only; run it in one process per
 * site (several are safe, see `publishDueArticles`, just wasteful).
 * @example const scheduler = startScheduler({ db, clock: systemClock, log: consoleLog }); … await scheduler.stop()
 */
export function startScheduler({ db, clock, log, onPublished, maxWaitMs = 30_000 }: SchedulerDeps): Scheduler {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let pass: Promise<void> = Promise.resolve()

  const wait = async (): Promise<number> => {
    const now = clock.now()
    const ids = await publishDueArticles(db, now)
    if (ids.length) {
      log.info(`Published ${ids.length} scheduled article${ids.length > 1 ? 's' : ''}: ${ids.join(', ')}`)
      try {
        await onPublished?.(ids)
      } catch (error) {
        log.error('handling published articles failed', error)
      }
    }
    const next = await nextDueAfter(db, now)
    return next ? Math.min(maxWaitMs, Math.max(0, next.getTime() - clock.now().getTime())) : maxWaitMs
  }
  const run = () => {
    timer = undefined
    pass = wait().catch((error: unknown) => {
      // An outage (a locked or missing database) must not stop the scheduler: try again later.
      log.error('publishing scheduled articles failed', error)
      return maxWaitMs
    }).then((ms) => {
      if (stopped) return
      timer = setTimeout(run, ms)
      timer.unref?.()
    })
  }
  run()
  return {
    idle: () => pass,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await pass
    },
  }
}
