import type { Clock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import { claimDueDeliveries, recordAttempt, type AttemptOutcome, type ClaimedDelivery } from '../content/webhooks/delivery.repo.js'
import { onEventsQueued } from '../content/webhooks/emit-event.js'
import { signDelivery } from '../content/webhooks/sign-delivery.js'
import type { Db } from '../storage/connect.js'

export interface WebhookDeliveryDeps {
  db: Db
  clock: Clock
  log: Log
  /** The HTTP client; the global fetch by default. */
  fetch?: typeof fetch
  /** How long to wait for a receiver's answer. */
  timeoutMs?: number
  /** How often to look for due deliveries when nothing wakes the worker (retries, other processes). */
  pollMs?: number
  /** After this many failed attempts a delivery is given up (status 'failed'). */
  maxAttempts?: number
  /** Deliveries sent at once, per pass. */
  batchSize?: number
  /** 0 ≤ x < 1, for the backoff's jitter; tests fix it. */
  random?: () => number
  /** Start polling and listening at once (the default); tests drive passes with `runOnce` instead. */
  autoStart?: boolean
}

export interface WebhookDelivery {
  /** One pass: claims what is due, sends it, records the outcomes; resolves with how many were sent. */
  runOnce(): Promise<number>
  /** Stops polling and waking, and resolves once the pass in progress has finished. */
  stop(): Promise<void>
}

const BASE_DELAY_MS = 30_000
const MAX_DELAY_MS = 60 * 60_000

/**
 * The wait before retrying after `attempts` failed attempts: 30 s doubling each time, ±20 %
 * jitter (so receivers coming back are not hit by every retry at once), at most an hour.
 * @example retryDelayMs(3, () => 0.5) // 240000 (30 s × 2³)
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1)
  return Math.min(MAX_DELAY_MS, Math.round(base * (0.8 + 0.4 * random())))
}

/**
 * Delivers queued webhook events: signed JSON POSTs, at least once, retried with backoff. State
 * lives in the outbox table only, so a restart loses nothing, and claiming is atomic, so several
 * processes could run it; `masthead serve` runs one, in the primary. Wakes when this process
 * queues events, and polls every `pollMs` for retries and events queued by other processes.
 * @example const delivery = startWebhookDelivery({ db, clock: systemClock, log: consoleLog }); … await delivery.stop()
 */
export function startWebhookDelivery({
  db, clock, log, fetch: send = fetch, timeoutMs = 10_000, pollMs = 5_000, maxAttempts = 10, batchSize = 10,
  random = Math.random, autoStart = true,
}: WebhookDeliveryDeps): WebhookDelivery {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let pass: Promise<number> | undefined
  let again = false

  const attempt = async (delivery: ClaimedDelivery): Promise<AttemptOutcome> => {
    const failed = (statusCode: number | null, error: string): AttemptOutcome => {
      const attempts = delivery.attempts + 1
      const retryAt = attempts >= maxAttempts ? null : new Date(clock.now().getTime() + retryDelayMs(attempts, random))
      return { type: 'failed', statusCode, error, retryAt }
    }
    const timestamp = Math.floor(clock.now().getTime() / 1000)
    try {
      const response = await send(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Masthead-Webhooks/1',
          'X-Masthead-Event': delivery.event,
          'X-Masthead-Delivery': delivery.id,
          'X-Masthead-Timestamp': String(timestamp),
          'X-Masthead-Signature': signDelivery(delivery.secret, timestamp, delivery.payload),
        },
        body: delivery.payload,
        // A redirect is an answer to report, not one to follow with the signed body.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
      await response.body?.cancel().catch(() => {})
      if (response.status >= 200 && response.status < 300) return { type: 'delivered', statusCode: response.status }
      if (response.status === 410) return { type: 'gone', statusCode: 410 }
      return failed(response.status, `the receiver answered ${response.status}`)
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      return failed(null, timedOut ? `no answer within ${timeoutMs / 1000} s` : describe(error))
    }
  }

  const runOnce = async (): Promise<number> => {
    let sent = 0
    for (;;) {
      const due = await claimDueDeliveries(db, clock.now(), { limit: batchSize, holdMs: timeoutMs + 60_000 })
      await Promise.all(due.map(async (delivery) => {
        const outcome = await attempt(delivery)
        await recordAttempt(db, delivery, outcome, clock.now())
        if (outcome.type === 'gone') log.warn(`webhook ${delivery.webhookId} answered 410 Gone: disabled`)
        if (outcome.type === 'failed' && !outcome.retryAt) log.warn(`webhook delivery ${delivery.id} (${delivery.event}) failed ${delivery.attempts + 1} times: given up (${outcome.error})`)
      }))
      sent += due.length
      if (due.length < batchSize || stopped) return sent
    }
  }

  const schedule = (ms: number) => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(run, ms)
    timer.unref?.()
  }
  const run = () => {
    timer = undefined
    if (pass) { again = true; return }
    pass = runOnce().catch((error: unknown) => {
      // An outage (a locked database) must not stop deliveries: the next poll tries again.
      log.error('delivering webhooks failed', error)
      return 0
    }).finally(() => {
      pass = undefined
      if (again) { again = false; schedule(0) } else schedule(pollMs)
    })
  }
  const unsubscribe = autoStart ? onEventsQueued(() => { if (!stopped) schedule(0) }) : () => {}
  if (autoStart) run()
  return {
    runOnce,
    async stop() {
      stopped = true
      unsubscribe()
      if (timer) clearTimeout(timer)
      await pass
    },
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as { cause?: unknown }).cause
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
}
